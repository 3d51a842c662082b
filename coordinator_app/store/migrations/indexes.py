"""Migrations 6, 12, 14 and 16: indexes added when a screen or an export became slow on a large profile."""

from __future__ import annotations

import sqlite3


def v6_live_visits_index(conn: sqlite3.Connection) -> None:
    """Live (not deleted) visits of a project by date: the project page counts them and shows the
    newest from this index alone, even for a project with 100 000 visits."""
    conn.execute("CREATE INDEX idx_visit_live ON visit(project_id, visited_at) WHERE deleted = 0")


#: The record tables an export or an import reads in creation order (``lookup.iter_records``).
_PAGED_TABLES = (
    "municipality", "organisation", "school", "coordinator", "project", "participant",
    "contract", "funding", "visit", "action_item", "attachment", "workshop",
)  # fmt: skip


def v12_creation_order_index(conn: sqlite3.Connection) -> None:
    """Live records of each kind in creation order: ``lookup.iter_records`` reads an export page
    by page (``created_at, id`` after the last one seen); without this index every page sorted
    the whole table again (« USE TEMP B-TREE FOR ORDER BY »)."""
    for table in _PAGED_TABLES:
        columns = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        if {"created_at", "id", "deleted"} <= columns:
            conn.execute(
                f"CREATE INDEX IF NOT EXISTS idx_{table}_live_created"
                f" ON {table}(created_at, id) WHERE deleted = 0"
            )


def v14_acknowledged_index(conn: sqlite3.Connection) -> None:
    """This laptop's changes by the seq the server acknowledged them at: every pull names the
    ones after its cursor (``sync_cursor.own_held``, the echo left out). Without it that query
    read every local journal entry: 170 ms a pull on the 126 000-entry benchmark profile, so a
    sync of one change cost 10× the same sync on a small profile; with it, 0.1 ms."""
    conn.execute(
        "CREATE INDEX IF NOT EXISTS idx_journal_acknowledged ON journal(origin, server_seq)"
    )


def v16_open_follow_ups_index(conn: sqlite3.Connection) -> None:
    """Live follow-ups by done and due date: the start reminder counts the overdue ones from this
    index alone. ``idx_action_item_due (done, due_date)`` does not hold ``deleted``, so that count
    read the row of each overdue follow-up (22 917 on the benchmark profile: 29 ms cold, up to
    84 ms under load, the last read before the window is idle). The Suivis lists and the
    agenda's week (all ``deleted = 0``) use this smaller index too; the old one stays for the
    « Année » filter's first and last date over every follow-up."""
    conn.execute(
        "CREATE INDEX IF NOT EXISTS idx_action_item_live_due"
        " ON action_item(done, due_date) WHERE deleted = 0"
    )
