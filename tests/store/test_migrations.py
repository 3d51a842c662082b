"""Schema migrations: upgrades keep data and leave a backup; a newer profile is refused untouched."""

from __future__ import annotations

import hashlib

import pytest

from coordinator_app.domain.entities import ENTITIES
from coordinator_app.domain.errors import ProfileError
from coordinator_app.store import open_store
from coordinator_app.store.connection import open_connection
from coordinator_app.store.migrations import LATEST_VERSION, MIGRATIONS, migrate
from coordinator_app.store.paths import backups_dir, database_path


def make_profile_at(folder, version: int) -> None:
    """A profile as an older app left it: migrated only up to ``version``, with one project."""
    folder.mkdir(parents=True, exist_ok=True)
    conn = open_connection(database_path(folder))
    migrate(conn, backups_dir(folder), tuple(m for m in MIGRATIONS if m.version <= version))
    conn.execute(
        "INSERT INTO project (id, created_at, updated_at, author, name, program, region_code, season_year) "
        "VALUES ('p-old', '2025-01-01', '2025-01-01', 'ancienne', 'CIEC de Matane', 'CIEC', '01', 2025)"
    )
    conn.close()


# versions are allocated to branches ahead of their merge, so the list may have gaps
@pytest.mark.parametrize("version", [m.version for m in MIGRATIONS[:-1]])
def test_profile_from_an_older_version_upgrades_with_data_intact_and_a_backup(tmp_path, version):
    make_profile_at(tmp_path, version)
    store = open_store(tmp_path)
    assert store.schema_version == LATEST_VERSION
    assert store.require("project", "p-old")["name"] == "CIEC de Matane"
    following = min(m.version for m in MIGRATIONS if m.version > version)
    backups = list(backups_dir(tmp_path).glob(f"carnet-avant-v{following}-*.db"))
    assert len(backups) == 1
    store.close()


def test_a_profile_from_a_newer_app_is_refused_and_not_modified(tmp_path):
    open_store(tmp_path).close()
    conn = open_connection(database_path(tmp_path))
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    before = hashlib.sha256(database_path(tmp_path).read_bytes()).hexdigest()
    with pytest.raises(ProfileError, match="version plus récente"):
        open_store(tmp_path)
    assert hashlib.sha256(database_path(tmp_path).read_bytes()).hexdigest() == before


def test_tables_match_the_domain_entities(tmp_path):
    """Every entity field has a column after the last migration: a new field needs a migration."""
    store = open_store(tmp_path)
    for kind, spec in ENTITIES.items():
        columns = {row[1] for row in store.conn.execute(f"PRAGMA table_info({kind})")}
        assert set(spec.field_names) <= columns, kind
    store.close()


def test_migrations_are_recorded(tmp_path):
    store = open_store(tmp_path)
    recorded = [
        row[0] for row in store.conn.execute("SELECT version FROM _migrations ORDER BY version")
    ]
    assert recorded == [m.version for m in MIGRATIONS]
    store.close()
