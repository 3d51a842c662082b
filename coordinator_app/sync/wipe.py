"""Deleting the local profile when the server reports this laptop lost (410 ``device_wipe``).

Nothing is pushed first: whoever holds the laptop must get nothing more. The deletion itself
(database, attachments, snapshots, backups, sync token and the encryption key) is the privacy
area's ``store.wipe.wipe_profile``; this module is the sync side's one entry point to it.
"""

from __future__ import annotations

from pathlib import Path

from coordinator_app.store.wipe import wipe_profile as _wipe


def wipe_profile(data_dir: Path) -> str:
    """Delete the profile in ``data_dir`` (its store closed first); returns the French summary."""
    return _wipe(data_dir).summary()
