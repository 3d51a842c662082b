"""The one function that opens the profile's SQLite database.

Everything opens the database through ``open_connection`` so that an encrypted connection
(SQLCipher) can replace the plain one in a single place. The connection runs in autocommit mode
(``isolation_level=None``): the store issues ``BEGIN IMMEDIATE`` / ``COMMIT`` itself, so that no
library can commit half of a change behind its back.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


def configure(conn: sqlite3.Connection) -> None:
    """WAL for crash safety and readers beside a writer; foreign keys on; wait on a busy writer."""
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=10000")


def open_connection(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) the database at ``path``, configured for the store."""
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    configure(conn)
    return conn
