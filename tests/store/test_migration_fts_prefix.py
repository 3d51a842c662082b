"""Migration 11 (prefix indexes for search-as-you-type): a profile of schema 10 keeps finding its
projects and visits by their first letters, accents or not, and later edits stay searchable."""

from __future__ import annotations

from coordinator_app.store import open_store
from coordinator_app.store import queries as q
from coordinator_app.store.connection import open_connection
from coordinator_app.store.migrations.full_text import v2_full_text_search
from coordinator_app.store.paths import database_path


def _found(store, kind: str, text: str) -> set[str]:
    return {row["id"] for row in q.list_page(store, kind, q.ListFilter(text=text), limit=50)}


def _back_to_schema_10(folder) -> None:
    """The FTS tables as schema 10 built them (no prefix index), the version set back to 10."""
    conn = open_connection(database_path(folder))
    for table in ("project", "visit"):
        for suffix in ("ai", "ad", "au"):
            conn.execute(f"DROP TRIGGER IF EXISTS {table}_fts_{suffix}")  # gone since 15
        conn.execute(f"DROP TABLE {table}_fts")
    v2_full_text_search(conn)
    conn.execute("DELETE FROM _migrations WHERE version >= 11")
    conn.execute("PRAGMA user_version = 10")
    conn.commit()
    conn.close()


def test_a_schema_10_profile_finds_its_visits_by_their_first_letters(tmp_path):
    store = open_store(tmp_path)
    project = store.create(
        "project", {"name": "Coop forestière du Lac", "program": "FERME_COOP", "region_code": "02"}
    )["id"]
    visit = store.create(
        "visit",
        {
            "project_id": project,
            "visited_at": "2026-03-04T10:00",
            "mode": "sur_place",
            "observations": "Serre chauffée, récolte de tomates",
        },
    )["id"]
    store.close()
    _back_to_schema_10(tmp_path)

    store = open_store(tmp_path)
    try:
        assert store.schema_version >= 11
        # every keystroke of « recolte » (no accent typed) finds the visit
        for end in range(2, len("recolte") + 1):
            assert _found(store, "visit", "recolte"[:end]) == {visit}, "recolte"[:end]
        assert _found(store, "project", "fo") == {project}
        assert _found(store, "visit", "fo la") == {visit}  # through its project's name
        assert _found(store, "visit", "zz") == set()
        # edits after the migration are indexed as before: the old word goes, the new one comes
        store.update("visit", visit, {"observations": "Poulailler neuf"})
        assert _found(store, "visit", "pou") == {visit}
        assert _found(store, "visit", "tom") == set()
        store.delete("visit", visit)
        assert _found(store, "visit", "pou") == set()
    finally:
        store.close()
