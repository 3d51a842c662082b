"""Migrations 4 and 9: what the sync keeps on the laptop (the server's conflict records, the local
changes the server refused, the pulled changes this laptop could not apply)."""

from __future__ import annotations

import sqlite3

from coordinator_app.store.migrations.base import RECORD_COLUMNS


def v4_sync_state(conn: sqlite3.Connection) -> None:
    """Server-made conflict records (kept offline for the Conflits screen) and the local changes
    the server refused, with its reason, so a refused change is never dropped silently."""
    conn.execute(
        f"""CREATE TABLE conflict ({RECORD_COLUMNS}, target_kind TEXT, target_id TEXT, field TEXT,
            project_id TEXT, region_code TEXT, kept_value TEXT, other_value TEXT,
            kept_change_id TEXT, kept_author TEXT, kept_device_id TEXT, kept_at TEXT,
            other_change_id TEXT, other_author TEXT, other_device_id TEXT, other_at TEXT,
            details TEXT, status TEXT, resolution TEXT)"""
    )
    conn.execute("CREATE INDEX idx_conflict_status ON conflict(status, created_at)")
    conn.execute("CREATE INDEX idx_conflict_project ON conflict(project_id)")
    conn.execute(
        """CREATE TABLE sync_refused (
            change_id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            record_id TEXT NOT NULL,
            reason TEXT NOT NULL,
            refused_at TEXT NOT NULL
        )"""
    )


def v9_refused_incoming(conn: sqlite3.Connection) -> None:
    """Pulled changes this laptop could not apply, kept aside so one bad log entry never blocks
    the pull cursor (``store.refused_incoming``); shown in Conflits until dismissed."""
    conn.execute(
        """CREATE TABLE sync_refused_incoming (
            change_id TEXT PRIMARY KEY,
            seq INTEGER,
            kind TEXT NOT NULL,
            record_id TEXT NOT NULL,
            op TEXT NOT NULL,
            at TEXT,
            author TEXT,
            problems TEXT NOT NULL,
            whole INTEGER NOT NULL,
            received_at TEXT NOT NULL,
            dismissed_at TEXT
        )"""
    )
    conn.execute(
        "CREATE INDEX idx_sync_refused_incoming_open ON sync_refused_incoming(dismissed_at, "
        "received_at)"
    )
