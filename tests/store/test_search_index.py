"""The search finds what each write path left, now that the store writes the full-text index
itself (migration 15 dropped the triggers): create, update, delete and restore, bulk create and
update (imports), an anonymisation's direct write, a pulled page (new rows, edits, an entry
refused at its write, records leaving the scope), a profile migrated from schema 14 and a
snapshot of schema 14 restored. After each, FTS5's own check compares the index with the rows."""

from __future__ import annotations

import pytest

from coordinator_app.store import open_store, sync_state
from coordinator_app.store import queries as q
from coordinator_app.store.connection import copy_database, open_connection
from coordinator_app.store.migrations.full_text import create_fts
from coordinator_app.store.migrations.search_letters import FTS_LETTERS_PREFIX, SEARCHABLE_AT_V13
from coordinator_app.store.paths import database_path
from coordinator_app.store.search_columns import SEARCHED_COLUMNS
from coordinator_app.store.snapshots import restore_snapshot
from coordinator_app.store.sync_state import RemoteChange


@pytest.fixture
def store(tmp_path):
    opened = open_store(tmp_path / "profil")
    yield opened
    opened.close()


def found(store, kind: str, text: str) -> set[str]:
    """What the list of ``kind`` shows for ``text`` typed in its search box."""
    return {row["id"] for row in q.list_page(store, kind, q.ListFilter(text=text), limit=50)}


def assert_index_matches_rows(store) -> None:
    """FTS5's integrity check against the content tables (fails on any row indexed with other
    text than it holds, indexed twice, or missing)."""
    with store.reading() as conn:
        for table in SEARCHED_COLUMNS:
            conn.execute(f"INSERT INTO {table}_fts({table}_fts, rank) VALUES('integrity-check', 1)")


def new_project(store, name="Coop forestière du Lac", region="03"):
    values = {"name": name, "program": "FERME_COOP", "region_code": region}
    return store.create("project", values)["id"]


def new_visit(store, project_id, text):
    values = {"project_id": project_id, "visited_at": "2026-03-04T10:00", "mode": "sur_place",
              "observations": text}  # fmt: skip
    return store.create("visit", values)["id"]


def test_create_update_delete_and_restore_keep_the_search_right(store):
    farm = new_project(store)
    serre = new_visit(store, farm, "Serre chauffée, récolte de tomates")
    assert found(store, "visit", "recol") == {serre}
    assert found(store, "project", "forest") == {farm}
    store.update("visit", serre, {"observations": "Poulailler neuf"})
    assert found(store, "visit", "poul") == {serre}
    assert found(store, "visit", "tomates") == set()
    store.update("visit", serre, {"visited_at": "2026-03-05T09:00"})  # no searched column
    assert found(store, "visit", "poul") == {serre}
    store.update("project", farm, {"name": "Ferme des Chutes"})
    assert found(store, "project", "chutes") == {farm}
    assert found(store, "project", "forest") == set()
    assert_index_matches_rows(store)
    store.delete("visit", serre)
    assert found(store, "visit", "poul") == set()
    store.restore("visit", serre)
    assert found(store, "visit", "poul") == {serre}
    store.write_change("visit", serre, {"observations": "Anonymisé"}, {})  # privacy's path
    assert found(store, "visit", "anonym") == {serre}
    assert found(store, "visit", "poul") == set()
    assert_index_matches_rows(store)


def test_bulk_create_and_update_keep_the_search_right(store):
    farm = new_project(store)
    visit = {"project_id": farm, "visited_at": "2026-01-04T10:00", "mode": "sur_place"}
    # more rows than one statement's 500 ids, in chunks that are not a multiple of them
    rows = [(None, {**visit, "observations": f"Visite {i} : semis"}) for i in range(1200)]
    ids = store.create_many("visit", rows, chunk=700)
    assert len(found(store, "visit", "semis")) == 50  # the page's limit
    assert q.list_count(store, "visit", q.ListFilter(text="semis")) == 1200
    changed = store.update_many(
        "visit",
        [(i, {"observations": "Kiosque"}) for i in ids[:600]] + [(ids[0], {"place": "Rang 4"})],
    )
    assert len(changed) == 601
    assert q.list_count(store, "visit", q.ListFilter(text="semis")) == 600
    assert q.list_count(store, "visit", q.ListFilter(text="kiosque")) == 600
    assert found(store, "visit", "rang") == {ids[0]}
    assert_index_matches_rows(store)


def remote(seq, record_id, values, *, kind="visit", op="update", in_scope=True):
    return RemoteChange(
        seq=seq, change_id=f"00000000-0000-4000-8000-{seq:012d}", kind=kind, record_id=record_id,
        op=op, values=values, deleted=False, at="2026-06-01T12:00:00.000000+00:00",
        author="autre", device_id="dev-b", in_scope=in_scope,
    )  # fmt: skip


def apply(store, page, next_cursor):
    return sync_state.apply_page(
        store, page, since=sync_state.cursor(store), next_cursor=next_cursor,
        server_generation="g1",
    )  # fmt: skip


def test_pulled_pages_keep_the_search_right(store):
    farm = {"name": "Coop du Fjord", "program": "FERME_COOP", "region_code": "03"}
    visit = {"project_id": "p1", "visited_at": "2026-03-04T10:00", "mode": "sur_place"}
    apply(store, [
        remote(1, "p1", farm, kind="project", op="create"),
        remote(2, "v1", {**visit, "observations": "Serre et semis"}, op="create"),
        remote(3, "v2", {**visit, "observations": "Kiosque"}, op="create"),
        remote(4, "v1", {"observations": "Poulailler"}),  # changed again in the same page
        remote(5, "v2", {"visited_at": "2026-03-06T10:00"}),
        remote(6, "v3", {**visit, "observations": "Bad \ud800 text"}, op="create"),  # refused
    ], 6)  # fmt: skip
    assert found(store, "visit", "poul") == {"v1"}
    assert found(store, "visit", "serre") == set()
    assert found(store, "visit", "kiosq") == {"v2"}
    assert found(store, "project", "fjord") == {"p1"}
    assert found(store, "visit", "bad") == set()  # kept aside, not applied
    assert_index_matches_rows(store)
    # the project leaves the user's regions: it goes, with its visits, and from the search
    apply(store, [remote(7, "p1", farm, kind="project", in_scope=False)], 7)
    assert found(store, "project", "fjord") == set()
    assert found(store, "visit", "kiosq") == set()
    assert_index_matches_rows(store)


def _schema_14(conn) -> None:
    """The full-text tables and triggers as migration 13 left them, schema 14."""
    for table in SEARCHABLE_AT_V13:
        conn.execute(f"DROP TABLE {table}_fts")
    create_fts(conn, SEARCHABLE_AT_V13, prefix=FTS_LETTERS_PREFIX)
    conn.execute("DELETE FROM _migrations WHERE version >= 15")
    conn.execute("PRAGMA user_version = 14")
    conn.commit()


def _triggers(store) -> list[str]:
    with store.reading() as conn:
        sql = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_fts_%'"
        return [row[0] for row in conn.execute(sql)]


def test_a_schema_14_profile_keeps_its_search_without_triggers(tmp_path):
    store = open_store(tmp_path)
    farm = new_project(store)
    serre = new_visit(store, farm, "Serre chauffée")
    store.close()
    conn = open_connection(database_path(tmp_path))
    _schema_14(conn)
    conn.close()

    store = open_store(tmp_path)
    try:
        assert _triggers(store) == []
        assert found(store, "visit", "serre") == {serre}
        store.update("visit", serre, {"observations": "Kiosque"})
        assert found(store, "visit", "kiosq") == {serre}
        assert found(store, "visit", "serre") == set()
        assert_index_matches_rows(store)
    finally:
        store.close()


def test_a_snapshot_of_schema_14_restored_keeps_the_search_right(tmp_path):
    store = open_store(tmp_path)
    serre = new_visit(store, new_project(store), "Serre chauffée")
    store.close()
    conn = open_connection(database_path(tmp_path))
    _schema_14(conn)
    snapshot = copy_database(conn, tmp_path / "avant-synchro-schema-14.db")  # as sync took it
    conn.close()

    store = open_store(tmp_path)
    try:
        kiosque = new_visit(store, store.get("visit", serre)["project_id"], "Kiosque")
        assert found(store, "visit", "kiosq") == {kiosque}
        restore_snapshot(store, snapshot)
        assert _triggers(store) == []  # brought to the current schema, as when a profile opens
        assert found(store, "visit", "kiosq") == set()  # written after the snapshot
        store.update("visit", serre, {"observations": "Poulailler"})
        assert found(store, "visit", "poul") == {serre}
        assert found(store, "visit", "serre") == set()
        assert_index_matches_rows(store)
    finally:
        store.close()
