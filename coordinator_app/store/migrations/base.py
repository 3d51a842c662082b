"""Migration 1, the base of every profile: the entity tables as first released, the change journal
and the key/value metadata. Frozen: later columns are added by later migrations."""

from __future__ import annotations

import sqlite3

RECORD_COLUMNS = "id TEXT PRIMARY KEY, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, author TEXT, deleted INTEGER NOT NULL DEFAULT 0"


# The entity tables as released in schema version 1 (frozen).
V1_TABLES: dict[str, dict[str, str]] = {
    "municipality": {"name": "TEXT", "region_code": "TEXT"},
    "organisation": {
        "name": "TEXT",
        "org_kind": "TEXT",
        "region_code": "TEXT",
        "municipality": "TEXT",
        "email": "TEXT",
        "phone": "TEXT",
        "postal_code": "TEXT",
    },
    "school": {
        "name": "TEXT",
        "municipality": "TEXT",
        "service_centre": "TEXT",
        "region_code": "TEXT",
    },
    "coordinator": {"name": "TEXT", "email": "TEXT", "phone": "TEXT", "regions": "TEXT"},
    "project": {
        "name": "TEXT",
        "program": "TEXT",
        "region_code": "TEXT",
        "municipality": "TEXT",
        "coordinator_ids": "TEXT",
        "partner_ids": "TEXT",
        "stage": "TEXT",
        "stage_history": "TEXT",
        "start_date": "TEXT",
        "end_date": "TEXT",
        "notes": "TEXT",
        "season_year": "INTEGER",
        "youth_count": "INTEGER",
        "school_ids": "TEXT",
        "committee": "TEXT",
        "services": "TEXT",
        "revenue": "INTEGER",
        "general_assembly_date": "TEXT",
        "board": "TEXT",
        "school_id": "TEXT",
        "teacher": "TEXT",
        "level": "TEXT",
        "project_kind": "TEXT",
        "coop_type": "TEXT",
        "production": "TEXT",
        "hectares": "REAL",
        "land_tenure": "TEXT",
        "members_count": "INTEGER",
        "founding_date": "TEXT",
        "closure_date": "TEXT",
    },
    "participant": {
        "project_id": "TEXT",
        "first_name": "TEXT",
        "last_name": "TEXT",
        "birth_date": "TEXT",
        "school_level": "TEXT",
        "consent_by": "TEXT",
        "consent_date": "TEXT",
        "consent_purposes": "TEXT",
        "anonymised": "INTEGER",
    },
    "contract": {
        "project_id": "TEXT",
        "client_type": "TEXT",
        "service": "TEXT",
        "contract_date": "TEXT",
        "hours": "REAL",
        "amount": "INTEGER",
    },
    "funding": {
        "project_id": "TEXT",
        "funder": "TEXT",
        "program": "TEXT",
        "requested": "INTEGER",
        "granted": "INTEGER",
        "paid": "INTEGER",
        "status": "TEXT",
        "report_due_dates": "TEXT",
        "conditions": "TEXT",
    },
    "visit": {
        "project_id": "TEXT",
        "visited_at": "TEXT",
        "place": "TEXT",
        "mode": "TEXT",
        "coordinator_id": "TEXT",
        "people_present": "TEXT",
        "observations": "TEXT",
        "decisions": "TEXT",
    },
    "action_item": {
        "project_id": "TEXT",
        "visit_id": "TEXT",
        "text": "TEXT",
        "owner": "TEXT",
        "due_date": "TEXT",
        "done": "INTEGER",
    },
    "attachment": {
        "project_id": "TEXT",
        "visit_id": "TEXT",
        "sha256": "TEXT",
        "filename": "TEXT",
        "media_type": "TEXT",
        "size": "INTEGER",
    },
    "workshop": {
        "theme": "TEXT",
        "held_on": "TEXT",
        "format": "TEXT",
        "region_code": "TEXT",
        "attendance": "INTEGER",
    },
}


V1_INDEXES = (
    "CREATE INDEX idx_project_program_year ON project(program, season_year)",
    "CREATE INDEX idx_project_region ON project(region_code)",
    "CREATE INDEX idx_participant_project ON participant(project_id)",
    "CREATE INDEX idx_contract_project ON contract(project_id)",
    "CREATE INDEX idx_funding_project ON funding(project_id)",
    "CREATE INDEX idx_visit_project ON visit(project_id, visited_at)",
    "CREATE INDEX idx_visit_date ON visit(visited_at)",
    "CREATE INDEX idx_action_item_due ON action_item(done, due_date)",
    "CREATE INDEX idx_action_item_project ON action_item(project_id)",
    "CREATE INDEX idx_attachment_visit ON attachment(visit_id)",
)


def v1_base(conn: sqlite3.Connection) -> None:
    """Entity tables, the change journal and the key/value meta table."""
    for table, columns in V1_TABLES.items():
        body = ", ".join(f'"{name}" {sqltype}' for name, sqltype in columns.items())
        conn.execute(f"CREATE TABLE {table} ({RECORD_COLUMNS}, {body})")
    for statement in V1_INDEXES:
        conn.execute(statement)
    conn.execute(
        """CREATE TABLE journal (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            change_id TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            record_id TEXT NOT NULL,
            op TEXT NOT NULL CHECK (op IN ('create', 'update', 'delete', 'restore')),
            fields TEXT NOT NULL,
            at TEXT NOT NULL,
            author TEXT,
            device_id TEXT,
            origin TEXT NOT NULL CHECK (origin IN ('local', 'remote')),
            sent_at TEXT,
            server_seq INTEGER
        )"""
    )
    conn.execute("CREATE INDEX idx_journal_record ON journal(kind, record_id, seq)")
    conn.execute("CREATE INDEX idx_journal_pending ON journal(origin, sent_at, seq)")
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
