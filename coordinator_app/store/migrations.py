"""Named, versioned schema migrations of the profile.

Each migration runs in its own transaction and records itself in ``_migrations`` and in SQLite's
``user_version``; a copy of the profile is taken before the first pending migration runs. A profile
whose version is newer than this app knows is refused untouched. Migrations are frozen once
released: never edit one, add the next. ``tests/store/test_migrations.py`` checks that the tables agree
with the domain's entity specs after the last migration, so a new field cannot ship without one.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from coordinator_app.domain.errors import ProfileError
from coordinator_app.store.connection import copy_database

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


def _v1_base(conn: sqlite3.Connection) -> None:
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


_FTS = {
    "project": ("name", "municipality", "notes"),
    "visit": ("place", "observations", "decisions"),
}


def _v2_full_text_search(conn: sqlite3.Connection) -> None:
    """FTS5 indexes over project names/municipalities/notes and visit text, accent-insensitive
    (« forestiere » finds « forestière »), kept current by triggers."""
    _create_fts(conn, prefix="")


#: Prefix indexes of FTS5 (2 to 4 first letters): a word being typed (« se », « ser ») is looked
#: up in its own small index instead of scanning every term of the vocabulary that starts so.
FTS_PREFIX = "2 3 4"


def _v11_fts_prefix_indexes(conn: sqlite3.Connection) -> None:
    """The same FTS5 tables, triggers and content, rebuilt with prefix indexes (issue 17: the
    first keystrokes of a search were the slowest). FTS5 options cannot be altered in place."""
    for table in _FTS:
        for suffix in ("ai", "ad", "au"):
            conn.execute(f"DROP TRIGGER IF EXISTS {table}_fts_{suffix}")
        conn.execute(f"DROP TABLE IF EXISTS {table}_fts")
    _create_fts(conn, prefix=FTS_PREFIX)


def _create_fts(conn: sqlite3.Connection, *, prefix: str) -> None:
    """The FTS5 table of each searchable table, filled from it, and its triggers."""
    options = f", prefix='{prefix}'" if prefix else ""
    for table, columns in _FTS.items():
        cols = ", ".join(columns)
        new = ", ".join(f"new.{c}" for c in columns)
        old = ", ".join(f"old.{c}" for c in columns)
        conn.execute(
            f"CREATE VIRTUAL TABLE {table}_fts USING fts5({cols}, content='{table}', "
            f"content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'{options})"
        )
        conn.execute(f"INSERT INTO {table}_fts(rowid, {cols}) SELECT rowid, {cols} FROM {table}")
        conn.execute(
            f"CREATE TRIGGER {table}_fts_ai AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {table}_fts(rowid, {cols}) VALUES (new.rowid, {new}); END"
        )
        conn.execute(
            f"CREATE TRIGGER {table}_fts_ad AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {table}_fts({table}_fts, rowid, {cols}) VALUES ('delete', old.rowid, {old}); END"
        )
        conn.execute(
            f"CREATE TRIGGER {table}_fts_au AFTER UPDATE ON {table} BEGIN "
            f"INSERT INTO {table}_fts({table}_fts, rowid, {cols}) VALUES ('delete', old.rowid, {old}); "
            f"INSERT INTO {table}_fts(rowid, {cols}) VALUES (new.rowid, {new}); END"
        )


def _v3_drafts(conn: sqlite3.Connection) -> None:
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


def _v4_sync_state(conn: sqlite3.Connection) -> None:
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


def _v5_access_log(conn: sqlite3.Connection) -> None:
    """The register of communications of personal information (Law 25): who exported or printed
    participants' names, when, what and for whom (entity ``access_log``, synced like any record)."""
    conn.execute(
        f"""CREATE TABLE access_log ({RECORD_COLUMNS}, logged_at TEXT, actor TEXT, action TEXT,
            subject TEXT, participant_ids TEXT, project_id TEXT, region_code TEXT,
            recipient TEXT, purpose TEXT)"""
    )
    conn.execute("CREATE INDEX idx_access_log_time ON access_log(logged_at)")


def _v6_live_visits_index(conn: sqlite3.Connection) -> None:
    """Live (not deleted) visits of a project by date: the project page counts them and shows the
    newest from this index alone, even for a project with 100 000 visits."""
    conn.execute("CREATE INDEX idx_visit_live ON visit(project_id, visited_at) WHERE deleted = 0")


def _v7_people(conn: sqlite3.Connection) -> None:
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


def _v8_planned_visits(conn: sqlite3.Connection) -> None:
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


def _v9_refused_incoming(conn: sqlite3.Connection) -> None:
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


def _v10_journal_notes(conn: sqlite3.Connection) -> None:
    """What a change was, where the journal's op cannot say it: « Rétablir cette valeur » writes
    an ordinary update (it syncs like one) and notes it here as a restored value, so that the
    history shows « Valeur rétablie ». Local only, never synced; one row per noted change."""
    # No foreign key: the sync may drop acknowledged journal rows; a stale note is harmless.
    conn.execute("CREATE TABLE journal_notes (change_id TEXT PRIMARY KEY, note TEXT NOT NULL)")


#: The record tables an export or an import reads in creation order (``lookup.iter_records``).
_PAGED_TABLES = (
    "municipality", "organisation", "school", "coordinator", "project", "participant",
    "contract", "funding", "visit", "action_item", "attachment", "workshop",
)  # fmt: skip


def _v12_creation_order_index(conn: sqlite3.Connection) -> None:
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


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[sqlite3.Connection], None]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "base tables and change journal", _v1_base),
    Migration(2, "full-text search over projects and visits", _v2_full_text_search),
    Migration(3, "form drafts kept on this laptop", _v3_drafts),
    Migration(4, "sync: conflict records and refused changes", _v4_sync_state),
    Migration(5, "register of communications of personal information", _v5_access_log),
    Migration(6, "index of the live visits of each project", _v6_live_visits_index),
    Migration(7, "people: visits made by staff, follow-up owners, journal authors", _v7_people),
    Migration(8, "planned visits: status, purpose and staff who go", _v8_planned_visits),
    Migration(9, "sync: pulled changes kept aside (refused incoming)", _v9_refused_incoming),
    Migration(10, "notes on journal entries (a restored value)", _v10_journal_notes),
    Migration(
        11, "full-text search: prefix indexes for search-as-you-type", _v11_fts_prefix_indexes
    ),
    Migration(
        12, "index of live records in creation order (export pages)", _v12_creation_order_index
    ),
)

LATEST_VERSION = MIGRATIONS[-1].version


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def backup_profile(conn: sqlite3.Connection, backups: Path, label: str) -> Path:
    """A consistent copy of the open database (SQLite online backup API) in ``backups``,
    encrypted with the profile's key like the profile itself (``connection.copy_database``)."""
    backups.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    return copy_database(conn, backups / f"carnet-{label}-{stamp}.db")


def migrate(
    conn: sqlite3.Connection, backups: Path, migrations: tuple[Migration, ...] = MIGRATIONS
) -> Path | None:
    """Bring the database to the latest version; returns the backup taken, if any."""
    current = schema_version(conn)
    latest = migrations[-1].version
    if current > latest:
        raise ProfileError(
            f"Ce profil a été créé par une version plus récente de Carnet COOP (schéma {current}, "
            f"cette version connaît le schéma {latest}). Mettez à jour l'application ; le profil n'a pas été modifié."
        )
    pending = [m for m in migrations if m.version > current]
    if not pending:
        return None
    backup = backup_profile(conn, backups, f"avant-v{pending[0].version}") if current > 0 else None
    if current == 0:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS _migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)"
        )
    for migration in pending:
        conn.execute("BEGIN IMMEDIATE")
        try:
            migration.apply(conn)
            conn.execute(
                "INSERT INTO _migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (
                    migration.version,
                    migration.name,
                    dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                ),
            )
            conn.execute(f"PRAGMA user_version = {migration.version}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return backup
