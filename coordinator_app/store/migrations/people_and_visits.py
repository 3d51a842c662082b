"""Migrations 7 and 8: who is who on a visit and a follow-up, and planned visits."""

from __future__ import annotations

import json
import sqlite3


def v7_people(conn: sqlite3.Connection) -> None:
    """Who is who (issue 14): the CQCM staff who made each visit (``visit.made_by``, account ids),
    who owns a follow-up (``owner_kind``, ``owner_account``), and the account behind every journal
    entry (``journal.author_id``; ``author`` keeps the name at the time).

    Nothing is dropped: a visit's ``coordinator_id`` (the project's coordinator) stays, and its
    « Visite faite par » starts empty, shown as « non indiquée » until someone fills it. Existing
    follow-ups keep their « Responsable » text as « Autre ». The profile's person is taken from
    the name it used (meta ``author``) and, for a profile signed in to a server, its account."""
    conn.execute("ALTER TABLE visit ADD COLUMN made_by TEXT")
    conn.execute("ALTER TABLE action_item ADD COLUMN owner_kind TEXT")
    conn.execute("ALTER TABLE action_item ADD COLUMN owner_account TEXT")
    conn.execute("UPDATE action_item SET owner_kind = 'autre' WHERE owner_kind IS NULL")
    conn.execute("ALTER TABLE journal ADD COLUMN author_id TEXT")
    meta = dict(
        conn.execute(
            "SELECT key, value FROM meta WHERE key IN ('author', 'sync_username', 'device_id')"
        )
    )
    has_person = conn.execute("SELECT 1 FROM meta WHERE key = 'person'").fetchone()
    if meta.get("author") and not has_person:
        # signed in: its account; else this laptop's local account (``store.people``)
        account = meta.get("sync_username") or f"local:{meta.get('device_id', '')}"
        person = {"name": meta["author"], "account": account, "email": "", "role": "",
                  "title": "", "regions": []}  # fmt: skip
        conn.execute(
            "INSERT INTO meta (key, value) VALUES ('person', ?)",
            (json.dumps(person, ensure_ascii=False, sort_keys=True),),
        )


def v8_planned_visits(conn: sqlite3.Connection) -> None:
    """Planned visits: a visit's state (« planifiee » / « faite »), its purpose and the staff who
    go. ``made_by`` is added only when absent: the « Visite faite par » work adds the same column,
    and whichever of the two migrations runs first creates it. Depends on version 6 only."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(visit)")}
    for name in ("status", "purpose", "made_by"):
        if name not in columns:
            conn.execute(f'ALTER TABLE visit ADD COLUMN "{name}" TEXT')
    conn.execute(
        "CREATE INDEX IF NOT EXISTS idx_visit_planned ON visit(status, visited_at) WHERE deleted = 0"
    )
