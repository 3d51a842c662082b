"""Named, versioned schema migrations of the profile.

Each migration runs in its own transaction and records itself in ``_migrations`` and in SQLite's
``user_version``; a copy of the profile is taken before the first pending migration runs. A profile
whose version is newer than this app knows is refused untouched. Migrations are frozen once
released: never edit one, add the next (in a module of this package, listed in ``MIGRATIONS``).
``tests/store/test_migrations.py`` checks that the tables agree with the domain's entity specs after
the last migration, so a new field cannot ship without one.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from coordinator_app.domain.errors import ProfileError
from coordinator_app.store.migrations.base import v1_base
from coordinator_app.store.migrations.full_text import v2_full_text_search, v11_fts_prefix_indexes
from coordinator_app.store.migrations.indexes import (
    v6_live_visits_index,
    v12_creation_order_index,
    v14_acknowledged_index,
    v16_open_follow_ups_index,
)
from coordinator_app.store.migrations.local_tables import (
    v3_drafts,
    v5_access_log,
    v10_journal_notes,
)
from coordinator_app.store.migrations.people_and_visits import v7_people, v8_planned_visits
from coordinator_app.store.migrations.runner import Migration, backup_profile, schema_version
from coordinator_app.store.migrations.search_letters import v13_fts_first_letter_index
from coordinator_app.store.migrations.search_maintained import v15_search_index_without_triggers
from coordinator_app.store.migrations.sync_tables import v4_sync_state, v9_refused_incoming

__all__ = [
    "LATEST_VERSION",
    "MIGRATIONS",
    "Migration",
    "backup_profile",
    "migrate",
    "schema_version",
]

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "base tables and change journal", v1_base),
    Migration(2, "full-text search over projects and visits", v2_full_text_search),
    Migration(3, "form drafts kept on this laptop", v3_drafts),
    Migration(4, "sync: conflict records and refused changes", v4_sync_state),
    Migration(5, "register of communications of personal information", v5_access_log),
    Migration(6, "index of the live visits of each project", v6_live_visits_index),
    Migration(7, "people: visits made by staff, follow-up owners, journal authors", v7_people),
    Migration(8, "planned visits: status, purpose and staff who go", v8_planned_visits),
    Migration(9, "sync: pulled changes kept aside (refused incoming)", v9_refused_incoming),
    Migration(10, "notes on journal entries (a restored value)", v10_journal_notes),
    Migration(
        11, "full-text search: prefix indexes for search-as-you-type", v11_fts_prefix_indexes
    ),
    Migration(
        12, "index of live records in creation order (export pages)", v12_creation_order_index
    ),
    Migration(13, "full-text search: first-letter index", v13_fts_first_letter_index),
    Migration(14, "index of this laptop's changes by acknowledged seq", v14_acknowledged_index),
    Migration(
        15,
        "full-text search: written by the store, not by triggers",
        v15_search_index_without_triggers,
    ),
    Migration(16, "index of live follow-ups by done and due date", v16_open_follow_ups_index),
)


LATEST_VERSION = MIGRATIONS[-1].version


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
