"""The one place that turns an exception into an exit code and a message on the command line.

0 success; 2 for anything the user got wrong (one line, no traceback); 1 for any other failure (a
message plus the path of a log file holding the traceback).
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
import tempfile
import traceback
from pathlib import Path

from coordinator_app.domain.errors import UserError, ValidationFailed

EXIT_OK, EXIT_FAILURE, EXIT_USER_ERROR = 0, 1, 2


def log_path(data_dir: Path | None) -> Path:
    """The profile's log file, or one in the temporary folder when the profile is unusable."""
    for folder in ([data_dir / "logs"] if data_dir else []) + [
        Path(tempfile.gettempdir()) / "carnet-coop-logs"
    ]:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / "carnet.log"
            with target.open("a", encoding="utf-8"):
                pass
            return target
        except OSError:
            continue
    return Path(tempfile.gettempdir()) / "carnet.log"


def write_log(data_dir: Path | None, error: BaseException) -> Path:
    target = log_path(data_dir)
    try:
        with target.open("a", encoding="utf-8") as log:
            log.write(f"\n== {dt.datetime.now().isoformat(timespec='seconds')} ==\n")
            log.write("".join(traceback.format_exception(error)))
    except OSError:
        logging.getLogger(__name__).exception("could not write the log")
    return target


def report(error: BaseException, data_dir: Path | None) -> int:
    """Print ``error`` the way a user should see it and return the exit code."""
    if isinstance(error, ValidationFailed):
        print("Erreur : données invalides.", file=sys.stderr)
        for problem in error.problems:
            print(f"  - {problem}", file=sys.stderr)
        return EXIT_USER_ERROR
    if isinstance(error, UserError):
        print(f"Erreur : {error}", file=sys.stderr)
        return EXIT_USER_ERROR
    target = write_log(data_dir, error)
    print(
        f"Erreur inattendue : {error.__class__.__name__}: {error}. Détails dans {target}",
        file=sys.stderr,
    )
    return EXIT_FAILURE
