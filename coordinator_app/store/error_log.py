"""The profile's error log: tracebacks of unexpected errors, for support.

The command line and the window both write here (``<profile>/logs/carnet.log``), falling back to
the temporary folder when the profile's folder cannot be written, so a failure to open the profile
is still logged somewhere the message can point to.
"""

from __future__ import annotations

import datetime as dt
import logging
import tempfile
import traceback
from pathlib import Path

from coordinator_app.store.paths import logs_dir

LOG_NAME = "carnet.log"


def log_path(data_dir: Path | None) -> Path:
    """The profile's log file, or one in the temporary folder when the profile's is unusable."""
    candidates = [logs_dir(data_dir)] if data_dir else []
    candidates.append(Path(tempfile.gettempdir()) / "carnet-coop-logs")
    for folder in candidates:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / LOG_NAME
            with target.open("a", encoding="utf-8"):
                pass
            return target
        except OSError:
            continue
    return Path(tempfile.gettempdir()) / LOG_NAME


def write_log(error: BaseException, data_dir: Path | None) -> Path:
    """Append ``error``'s traceback to the log and return the log's path."""
    target = log_path(data_dir)
    try:
        with target.open("a", encoding="utf-8") as log:
            log.write(f"\n== {dt.datetime.now().isoformat(timespec='seconds')} ==\n")
            log.write("".join(traceback.format_exception(error)))
    except OSError:
        logging.getLogger(__name__).exception("could not write the log")
    return target
