"""In-place encryption of a profile written in clear by an earlier version of the app.

For each clear SQLite file of the profile (the database first, then migration backups and pre-sync
snapshots), ``sqlcipher_export`` writes an encrypted copy beside it; the copy is checked (integrity,
schema version, the row count of every table) before it atomically replaces the clear file, whose
old bytes are then overwritten with zeros (best effort: an SSD or a copy-on-write file system may
keep old blocks; the laptop's disk encryption covers that). A crash at any point leaves either the
clear file or the encrypted one, whole. Clear attachment files are encrypted too.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from coordinator_app.domain.errors import ProfileError
from coordinator_app.store import filecrypt, paths
from coordinator_app.store.connection import _connect, connect_with_key, is_clear_database
from coordinator_app.store.keys import ProfileKey

log = logging.getLogger(__name__)
_SIDECARS = ("-wal", "-shm", "-journal")


def _table_counts(conn) -> dict[str, int]:  # type: ignore[no-untyped-def]
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
        )
    ]
    return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def _overwrite(handle, size: int) -> None:  # type: ignore[no-untyped-def]
    """Zero the bytes of a file that has just been replaced (still open through ``handle``)."""
    handle.seek(0)
    block = b"\x00" * 65536
    remaining = size
    while remaining > 0:
        handle.write(block[: min(remaining, len(block))])
        remaining -= len(block)
    handle.flush()
    os.fsync(handle.fileno())


def encrypt_in_place(path: Path, key: ProfileKey) -> None:
    """Replace the clear SQLite file ``path`` by an encrypted copy holding the same data."""
    path = Path(path)
    target = path.with_name(path.name + ".encrypting")
    target.unlink(missing_ok=True)
    source = _connect(path)  # no key: reads the clear file
    try:
        source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        version = source.execute("PRAGMA user_version").fetchone()[0]
        expected = _table_counts(source)
        source.execute(f"ATTACH DATABASE ? AS encrypted KEY {key.pragma_value}", (str(target),))
        source.execute("SELECT sqlcipher_export('encrypted')")
        source.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        source.execute("DETACH DATABASE encrypted")
    except Exception as error:
        target.unlink(missing_ok=True)
        raise ProfileError(f"Le chiffrement du profil {path} a échoué : {error}.") from None
    finally:
        source.close()
    _verify(target, key, version, expected)
    size = path.stat().st_size
    with open(path, "r+b") as old:
        os.replace(target, path)
        _overwrite(old, size)
    for suffix in _SIDECARS:
        Path(str(path) + suffix).unlink(missing_ok=True)
    _fsync_folder(path.parent)


def _verify(target: Path, key: ProfileKey, version: int, expected: dict[str, int]) -> None:
    """Refuse the encrypted copy unless it holds exactly what the clear file held."""
    check = connect_with_key(target, key)
    try:
        integrity = check.execute("PRAGMA integrity_check").fetchone()[0]
        got_version = check.execute("PRAGMA user_version").fetchone()[0]
        counts = _table_counts(check)
    finally:
        check.close()
    if integrity != "ok" or got_version != version or counts != expected:
        target.unlink(missing_ok=True)
        raise ProfileError(
            f"La copie chiffrée de {target.name} ne correspond pas à l'original ; le profil en "
            "clair est laissé tel quel."
        )


def _fsync_folder(folder: Path) -> None:
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def encrypt_profile_in_place(database: Path, key: ProfileKey) -> list[Path]:
    """Encrypt a clear profile: its database, every other clear SQLite file in its folder
    (backups, snapshots) and its attachment files. Returns the database files encrypted."""
    folder = database.parent
    done = []
    if is_clear_database(database):
        encrypt_in_place(database, key)
        done.append(database)
    attachments = paths.attachments_dir(folder)
    for candidate in sorted(folder.rglob("*")):
        if (
            candidate.is_file()
            and candidate != database
            and attachments not in candidate.parents
            and is_clear_database(candidate)
        ):
            encrypt_in_place(candidate, key)
            done.append(candidate)
    converted = filecrypt.encrypt_folder_in_place(attachments, key.subkey(filecrypt.KEY_PURPOSE))
    log.info("profile %s encrypted: %d databases, %d files", folder, len(done), converted)
    return done
