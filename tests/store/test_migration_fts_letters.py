"""Migration 13 (a one-letter prefix index): a profile of schema 12 finds its projects and visits
from the first letter typed, by the same words as before, and later edits stay searchable."""

from __future__ import annotations

from coordinator_app.store import open_store
from coordinator_app.store import queries as q
from coordinator_app.store.connection import open_connection
from coordinator_app.store.migrations.full_text import FTS_PREFIX, SEARCHABLE_AT_V11, create_fts
from coordinator_app.store.paths import database_path


def _found(store, kind: str, text: str) -> set[str]:
    return {row["id"] for row in q.list_page(store, kind, q.ListFilter(text=text), limit=50)}


def _back_to_schema_12(folder) -> None:
    """The FTS tables as migration 11 left them (prefixes of 2 to 4 letters), version 12."""
    conn = open_connection(database_path(folder))
    for table in SEARCHABLE_AT_V11:
        for suffix in ("ai", "ad", "au"):
            conn.execute(f"DROP TRIGGER IF EXISTS {table}_fts_{suffix}")  # gone since 15
        conn.execute(f"DROP TABLE {table}_fts")
    create_fts(conn, SEARCHABLE_AT_V11, prefix=FTS_PREFIX)
    conn.execute("DROP INDEX idx_journal_acknowledged")  # migration 14
    conn.execute("DELETE FROM _migrations WHERE version >= 13")
    conn.execute("PRAGMA user_version = 12")
    conn.commit()
    conn.close()


def _fts_options(store) -> str:
    with store.reading() as conn:
        return conn.execute("SELECT sql FROM sqlite_master WHERE name = 'visit_fts'").fetchone()[0]


def test_a_schema_12_profile_finds_its_records_from_the_first_letter(tmp_path):
    store = open_store(tmp_path)
    project = store.create(
        "project", {"name": "Coop forestière du Lac", "program": "FERME_COOP", "region_code": "02"}
    )["id"]
    visits = {
        text: store.create(
            "visit",
            {"project_id": project, "visited_at": "2026-03-04T10:00", "mode": "sur_place",
             "observations": text},
        )["id"]
        for text in ("Serre chauffée, récolte de tomates", "Kiosque ouvert")
    }  # fmt: skip
    store.close()
    _back_to_schema_12(tmp_path)

    store = open_store(tmp_path)
    try:
        assert "prefix='1 2 3 4'" in _fts_options(store)
        serre, kiosque = visits.values()
        assert _found(store, "visit", "r") == {serre}  # « récolte », accent not typed
        assert _found(store, "visit", "k") == {kiosque}
        assert _found(store, "visit", "f") == {serre, kiosque}  # through the project's name
        assert _found(store, "project", "f") == {project}
        assert _found(store, "visit", "z") == set()
        store.update("visit", kiosque, {"observations": "Poulailler neuf"})
        assert _found(store, "visit", "p") == {kiosque}
        assert _found(store, "visit", "k") == set()
        store.delete("visit", kiosque)
        assert _found(store, "visit", "p") == set()
    finally:
        store.close()
