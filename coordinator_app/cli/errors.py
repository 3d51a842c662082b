"""The one place that turns an exception into an exit code and a message on the command line.

0 success; 2 for anything the user got wrong (one line, no traceback); 1 for any other failure (a
message plus the path of a log file holding the traceback).
"""

from __future__ import annotations

import sys
from pathlib import Path

from coordinator_app.domain.errors import UserError, ValidationFailed
from coordinator_app.store.error_log import write_log

EXIT_OK, EXIT_FAILURE, EXIT_USER_ERROR = 0, 1, 2


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
    target = write_log(error, data_dir)
    print(
        f"Erreur inattendue : {error.__class__.__name__}: {error}. Détails dans {target}",
        file=sys.stderr,
    )
    return EXIT_FAILURE
