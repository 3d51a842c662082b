"""Deleting the local profile when the server reports this laptop lost (410 ``device_wipe``).

Nothing is pushed first: the point is that whoever holds the laptop gets nothing more. If the
privacy area provides ``coordinator_app.store.wipe.wipe_profile`` (which also destroys the
encryption key), it is used; otherwise the profile's files are deleted here.
"""

from __future__ import annotations

import importlib
import shutil
from pathlib import Path

from coordinator_app.store import paths
from coordinator_app.sync.credentials import TOKEN_FILE

_FILES = ("carnet.db", "carnet.db-wal", "carnet.db-shm", "carnet.db-journal", TOKEN_FILE)
_FOLDERS = ("attachments", "snapshots", "backups", "logs")


def wipe_profile(data_dir: Path) -> None:
    """Delete the profile in ``data_dir`` (the store must be closed first)."""
    try:
        privacy = importlib.import_module("coordinator_app.store.wipe")
    except ImportError:
        privacy = None
    if privacy is not None and hasattr(privacy, "wipe_profile"):
        privacy.wipe_profile(data_dir)
        return
    database = paths.database_path(data_dir)
    for name in {database.name, *_FILES}:
        for candidate in (data_dir / name, data_dir / f"{database.name}-wal"):
            candidate.unlink(missing_ok=True)
    for folder in _FOLDERS:
        shutil.rmtree(data_dir / folder, ignore_errors=True)
