"""Deleting a whole profile from this laptop: after a lost or stolen laptop is reported
(``coordinator-server revoke-device DEVICE --wipe`` → the sync gets 410 ``device_wipe``), or on
request.

Destroying the key is what makes the deletion final: the database, snapshots, backups and
attachments are encrypted with it, so blocks the disk still holds after ``unlink`` (SSDs, file
system journals) cannot be read once the keyring entry (or the passphrase's salt) is gone.
The store must be closed first.
"""

from __future__ import annotations

import contextlib
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from coordinator_app.store import keys, paths

#: Files of the profile folder: the database and its SQLite side files, the passphrase salt, the
#: sync token kept in a file where no keyring exists, the folder-writability probe.
PROFILE_FILES = (
    paths.DATABASE_NAME,
    f"{paths.DATABASE_NAME}-wal",
    f"{paths.DATABASE_NAME}-shm",
    f"{paths.DATABASE_NAME}-journal",
    f"{paths.DATABASE_NAME}.encrypting",
    keys.SALT_FILE,
    "sync-token",
    ".write-test",
)
#: Folders of the profile: attachment files and thumbnails, pre-sync snapshots, migration backups,
#: logs (a traceback may quote a value someone typed).
PROFILE_FOLDERS = ("attachments", "snapshots", "backups", "logs")
SYNC_TOKEN_SERVICE = "carnet-coop"


@dataclass
class WipeReport:
    """What ``wipe_profile`` deleted (to say so to the user, and for the incident register)."""

    folder: Path
    deleted: list[Path] = field(default_factory=list)
    key_removed: bool = False

    def summary(self) -> str:
        key = (
            "la clé de chiffrement a été détruite" if self.key_removed else "aucune clé à détruire"
        )
        return (
            f"Profil effacé de cet ordinateur ({self.folder}) : {len(self.deleted)} fichiers ou "
            f"dossiers supprimés ; {key}."
        )


def _device_id(data_dir: Path) -> str | None:
    """The profile's device id (names its sync token in the keyring), read before deleting."""
    key = keys.opened_key(data_dir)
    database = paths.database_path(data_dir)
    if key is None or not database.exists():
        return None
    from coordinator_app.store.connection import connect_with_key

    try:
        conn = connect_with_key(database, key)
    except Exception:  # a damaged profile is wiped all the same
        return None
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'device_id'").fetchone()
    except Exception:
        row = None
    finally:
        conn.close()
    return row[0] if row else None


def _forget_sync_token(device_id: str | None) -> None:
    if device_id is None or not keys.keyring_available():
        return
    import keyring
    import keyring.errors

    with contextlib.suppress(keyring.errors.KeyringError):
        keyring.delete_password(SYNC_TOKEN_SERVICE, device_id)


def wipe_profile(data_dir: Path | str) -> WipeReport:
    """Delete the profile in ``data_dir``: database, side files, attachments, drafts (in the
    database), snapshots, backups, logs, the sync token, and the encryption key (keyring entry or
    passphrase salt). Returns what was deleted."""
    folder = Path(data_dir)
    report = WipeReport(folder)
    _forget_sync_token(_device_id(folder))
    for name in PROFILE_FILES:
        target = folder / name
        if target.exists():
            target.unlink()
            report.deleted.append(target)
    for name in PROFILE_FOLDERS:
        target = folder / name
        if target.exists():
            shutil.rmtree(target)
            report.deleted.append(target)
    report.key_removed = (
        keys.forget_keyring_key(folder) or (folder / keys.SALT_FILE) in report.deleted
    )
    keys.forget(folder)
    return report
