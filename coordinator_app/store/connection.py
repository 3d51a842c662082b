"""The one function that opens the profile's SQLite database — encrypted with SQLCipher.

Everything opens the database through ``open_connection``. The profile is an SQLCipher 4 database
(``sqlcipher3``, which bundles SQLCipher with FTS5 on Windows, macOS and Linux), keyed with a raw
256-bit key from ``keys.profile_key``: a copy of the file taken off the laptop's disk reveals
nothing. A profile still in clear (made by an earlier version) is encrypted in place the first time
it is opened (see ``encryption.encrypt_in_place``).

The connection runs in autocommit mode (``isolation_level=None``): the store issues
``BEGIN IMMEDIATE`` / ``COMMIT`` itself, so that no library can commit half of a change behind its
back.

Compatibility: code elsewhere catches ``sqlite3.IntegrityError``, ``sqlite3.OperationalError`` and
so on. ``sqlcipher3`` raises its own classes, so at import this module makes each ``sqlcipher3``
error class also a subclass of the standard one of the same name; ``except sqlite3.X`` keeps
working on an encrypted connection.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlcipher

from coordinator_app.domain.errors import ProfileError
from coordinator_app.domain.text import fold
from coordinator_app.store import keys
from coordinator_app.store.keys import ProfileKey

SQLITE_HEADER = b"SQLite format 3\x00"

#: Profiles are encrypted; ``open_connection(encrypted=False)`` opens a clear database (used by
#: the tests of the in-place encryption of profiles written by earlier versions).
ENCRYPT_BY_DEFAULT = True

_SUBCLASSES = (
    "DataError",
    "OperationalError",
    "IntegrityError",
    "InternalError",
    "ProgrammingError",
    "NotSupportedError",
)


def _align_exceptions() -> None:
    """Make ``sqlcipher3``'s error classes subclasses of ``sqlite3``'s (see module docstring)."""
    for name in ("DatabaseError", "InterfaceError", *_SUBCLASSES):
        ours, standard = getattr(sqlcipher, name), getattr(sqlite3, name)
        if not issubclass(ours, standard):
            ours.__bases__ = (*ours.__bases__, standard)


_align_exceptions()

DatabaseError = sqlcipher.DatabaseError


class Connection(sqlcipher.Connection):
    """An SQLCipher connection that remembers its key, so that a backup or a snapshot of it can
    be written encrypted with the same key (``copy_database``)."""

    profile_key: ProfileKey | None = None


def configure(conn: sqlite3.Connection | Connection) -> None:
    """WAL for crash safety and readers beside a writer; foreign keys on; wait on a busy writer.

    ``synchronous=FULL``: every commit syncs the write-ahead log to the disk before it returns,
    so a visit saved, a pulled page applied or a push marked sent survives a battery that dies
    the next second (with ``NORMAL``, WAL commits reach the disk only at the next checkpoint: a
    power loss could take back the last ones). It costs one fsync per transaction, measured in
    ``benchmarks/`` (« save a visit »: see benchmarks/README.md); bulk writes (imports, pulled
    pages) are a few large transactions, so there is no path worth keeping at ``NORMAL``."""
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=10000")
    # fold(text): accent- and case-insensitive comparison for the LIKE searches outside FTS
    # (Suivis: « reserver » finds « Réserver la salle »).
    conn.create_function("fold", 1, _sql_fold, deterministic=True)


def _sql_fold(value: object) -> str | None:
    return None if value is None else fold(str(value))


def is_clear_database(path: Path) -> bool:
    """True when ``path`` is an unencrypted SQLite file (its first bytes are SQLite's header)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _connect(path: Path) -> Connection:
    conn = sqlcipher.connect(
        str(path), isolation_level=None, check_same_thread=False, factory=Connection
    )
    conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our message, not stderr noise
    return conn


def connect_with_key(path: Path, key: ProfileKey) -> Connection:
    """Open ``path`` with ``key`` and prove the key right by reading the schema (nothing is
    written before that, so a wrong key leaves the file byte for byte as it was)."""
    conn = _connect(path)
    conn.execute(f"PRAGMA key = {key.pragma_value}")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError:
        conn.close()
        raise _wrong_key(path, key) from None
    conn.profile_key = key
    return conn


def _wrong_key(path: Path, key: ProfileKey) -> ProfileError:
    if key.source == "passphrase":
        return ProfileError(
            f"Phrase de passe incorrecte pour le profil {path.parent} (ou fichier {path.name} "
            "endommagé). Le profil n'a pas été modifié ; réessayez avec la bonne phrase de passe."
        )
    return ProfileError(
        f"La clé du trousseau du système ne déchiffre pas le profil {path} (fichier endommagé, "
        "ou profil copié d'un autre ordinateur). Le profil n'a pas été modifié."
    )


def open_connection(
    path: Path,
    key: ProfileKey | None = None,
    *,
    passphrase: str | None = None,
    encrypted: bool | None = None,
) -> sqlite3.Connection:
    """Open (creating if needed) the database at ``path``, configured for the store.

    Encrypted (the default, ``ENCRYPT_BY_DEFAULT``): the key is ``key`` when given
    (snapshots and backups are opened with their profile's key), else the key of the profile
    folder ``path.parent`` (keyring, or ``passphrase`` / ``COORDINATOR_APP_PASSPHRASE``). A clear
    database found at ``path`` is encrypted in place first. ``encrypted=False`` opens a clear
    database with the standard ``sqlite3`` module.
    """
    path = Path(path)
    if not (ENCRYPT_BY_DEFAULT if encrypted is None else encrypted):
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        configure(conn)
        return conn
    fresh = not path.exists() or path.stat().st_size == 0
    clear = not fresh and is_clear_database(path)
    profile_folder = key is None
    if key is None:
        key = keys.profile_key(path.parent, passphrase=passphrase, create=fresh or clear)
    if clear:
        from coordinator_app.store.encryption import encrypt_profile_in_place

        encrypt_profile_in_place(path, key)
    conn = connect_with_key(path, key)
    configure(conn)
    if profile_folder:
        keys.remember(path.parent, key)
    return conn


def copy_database(conn: sqlite3.Connection, target: Path) -> Path:
    """A consistent copy of the open database at ``target`` (SQLite online backup API), encrypted
    with the connection's key when it has one: for migration backups and pre-sync snapshots."""
    target = Path(target)
    key: ProfileKey | None = getattr(conn, "profile_key", None)
    copy: sqlite3.Connection | Connection
    if key is None:
        copy = sqlite3.connect(str(target))
    else:
        copy = _connect(target)
        copy.execute(f"PRAGMA key = {key.pragma_value}")
    try:
        conn.backup(copy)  # type: ignore[arg-type]
    finally:
        copy.close()
    return target


def open_copy(
    path: Path, like: sqlite3.Connection, *, read_only: bool = True
) -> sqlite3.Connection:
    """Open a backup or snapshot of the profile whose open connection is ``like`` (same key; a
    clear copy of a clear profile), e.g. to check it or restore it with ``copy.backup(conn)``."""
    key: ProfileKey | None = getattr(like, "profile_key", None)
    uri = f"file:{Path(path).as_posix()}{'?mode=ro' if read_only else ''}"
    if key is None:
        return sqlite3.connect(uri, uri=True, check_same_thread=False)
    conn = sqlcipher.connect(uri, uri=True, check_same_thread=False, factory=Connection)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = {key.pragma_value}")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError:
        conn.close()
        raise _wrong_key(Path(path), key) from None
    conn.profile_key = key
    return conn


def open_memory() -> sqlite3.Connection:
    """An empty in-memory database of the profile's SQLite build (SQLCipher's): its full-text
    tokenizer cuts and folds words exactly as the profile's (``store.window_index``)."""
    return sqlcipher.connect(":memory:", isolation_level=None, check_same_thread=False)


def open_reader(conn: sqlite3.Connection, path: Path) -> sqlite3.Connection:
    """A second connection to the same profile, for reads while another thread writes.

    In WAL mode a reader sees the last committed state while a writer holds a long transaction
    (an import, a sync), so the window's reads never wait for it. Same key as ``conn``.
    """
    key = getattr(conn, "profile_key", None)
    if key is None:
        reader = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    else:
        reader = connect_with_key(path, key)
    configure(reader)
    reader.execute("PRAGMA query_only = ON")
    return reader
