"""What a migration is, the schema version and the backup taken before migrating (``migrate``
in this package runs them in order, each in its own transaction)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from coordinator_app.store.connection import copy_database


@dataclass(frozen=True)
class Migration:
    """One schema change: its number (``user_version`` after it), its name and its steps."""

    version: int
    name: str
    apply: Callable[[sqlite3.Connection], None]


def schema_version(conn: sqlite3.Connection) -> int:
    """The profile's schema version (0 for a new, empty database)."""
    return conn.execute("PRAGMA user_version").fetchone()[0]


def backup_profile(conn: sqlite3.Connection, backups: Path, label: str) -> Path:
    """A consistent copy of the open database (SQLite online backup API) in ``backups``,
    encrypted with the profile's key like the profile itself (``connection.copy_database``)."""
    backups.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    return copy_database(conn, backups / f"carnet-{label}-{stamp}.db")
