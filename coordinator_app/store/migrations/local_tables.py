"""Migrations 3, 5 and 10: tables of this laptop's own bookkeeping (form drafts, the register of
communications of personal information, notes on journal entries)."""

from __future__ import annotations

import sqlite3

from coordinator_app.store.migrations.base import RECORD_COLUMNS


def v3_drafts(conn: sqlite3.Connection) -> None:
    """Unsaved form input (see ``store.drafts``): one row per form, never journaled or synced."""
    conn.execute(
        """CREATE TABLE draft (
            key TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            record_id TEXT,
            scope TEXT NOT NULL DEFAULT '',
            json TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )"""
    )


def v5_access_log(conn: sqlite3.Connection) -> None:
    """The register of communications of personal information (Law 25): who exported or printed
    participants' names, when, what and for whom (entity ``access_log``, synced like any record)."""
    conn.execute(
        f"""CREATE TABLE access_log ({RECORD_COLUMNS}, logged_at TEXT, actor TEXT, action TEXT,
            subject TEXT, participant_ids TEXT, project_id TEXT, region_code TEXT,
            recipient TEXT, purpose TEXT)"""
    )
    conn.execute("CREATE INDEX idx_access_log_time ON access_log(logged_at)")


def v10_journal_notes(conn: sqlite3.Connection) -> None:
    """What a change was, where the journal's op cannot say it: « Rétablir cette valeur » writes
    an ordinary update (it syncs like one) and notes it here as a restored value, so that the
    history shows « Valeur rétablie ». Local only, never synced; one row per noted change."""
    # No foreign key: the sync may drop acknowledged journal rows; a stale note is harmless.
    conn.execute("CREATE TABLE journal_notes (change_id TEXT PRIMARY KEY, note TEXT NOT NULL)")
