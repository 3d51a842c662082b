"""Bulk writes (``Store.create_many`` / ``update_many``): what ``create`` / ``update`` write, for
many rows at once — validated, journaled, all or nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from coordinator_app.domain.errors import NotFoundError, ValidationFailed
from coordinator_app.store import open_store
from coordinator_app.store.record_reads import dict_rows

FIXED = dt.datetime(2026, 11, 26, 14, 30, tzinfo=dt.UTC)


@pytest.fixture
def store(tmp_path):
    opened = open_store(tmp_path, clock=lambda: FIXED)
    yield opened
    opened.close()


def project_values(name: str = "Coop maraîchère de Nicolet") -> dict:
    return {"name": name, "program": "FERME_COOP", "region_code": "17", "stage": "idee"}


def visit_values(project_id: str, day: int = 3) -> dict:
    return {
        "project_id": project_id,
        "visited_at": f"{day:02d}/11/2026 9h30",
        "mode": "sur_place",
        "people_present": "Julie Tremblay; Marc Roy",
        "observations": "Récolte de courges terminée",
    }


def table_rows(store, kind: str) -> list[dict]:
    return dict_rows(store.conn.execute(f"SELECT * FROM {kind} ORDER BY id"))


def journal_rows(store) -> list[tuple]:
    """Journal rows without what differs by design between two profiles (seq, change and device
    ids)."""
    rows = store.conn.execute(
        "SELECT kind, record_id, op, fields, at, author, origin, sent_at "
        "FROM journal ORDER BY record_id, seq"
    )
    return list(rows)


@pytest.fixture
def twins(tmp_path):
    """Two profiles with the same project, on the same clock: one written row by row, one in bulk."""
    one = open_store(tmp_path / "one", clock=lambda: FIXED)
    many = open_store(tmp_path / "many", clock=lambda: FIXED)
    for store in (one, many):
        store.create("project", project_values(), record_id="p1")
    yield one, many
    one.close()
    many.close()


def test_create_many_writes_exactly_what_create_writes(twins):
    one, many = twins
    rows = [(f"v{i}", visit_values("p1", day=i + 1)) for i in range(5)]
    for record_id, values in rows:
        one.create("visit", values, record_id=record_id)
    ids = many.create_many("visit", rows, chunk=2)
    assert ids == ["v0", "v1", "v2", "v3", "v4"]
    assert table_rows(many, "visit") == table_rows(one, "visit")
    assert journal_rows(many) == journal_rows(one)
    assert many.get("visit", "v2")["visited_at"] == "2026-11-03T09:30"
    assert many.get("visit", "v2")["people_present"] == ["Julie Tremblay", "Marc Roy"]


def test_every_created_row_is_journaled_and_pending_for_sync(store):
    project = store.create("project", project_values())
    ids = store.create_many("visit", ((None, visit_values(project["id"], d)) for d in range(1, 8)))
    assert len(set(ids)) == 7
    pending = [e for e in store.pending_changes() if e.kind == "visit"]
    assert [e.record_id for e in pending] == ids
    assert all(e.op == "create" for e in pending)
    assert pending[0].fields["mode"] == [None, "sur_place"]


def test_projects_created_in_bulk_get_their_stage_history(store):
    [project_id] = store.create_many("project", [(None, project_values())])
    history = store.get("project", project_id)["stage_history"]
    assert [step["stage"] for step in history] == ["idee"]


def test_an_invalid_row_writes_nothing_at_all(store):
    project = store.create("project", project_values())
    rows = [(None, visit_values(project["id"], d)) for d in range(1, 5)]
    rows.insert(3, (None, {**visit_values(project["id"]), "visited_at": "31/02/2026"}))
    with pytest.raises(ValidationFailed) as failed:
        store.create_many("visit", rows, chunk=2)  # two chunks were written before the bad row
    assert str(failed.value).startswith("Date de la visite : ")
    assert store.count("visit") == 0
    assert [e.kind for e in store.pending_changes()] == ["project"]


def test_invalid_rows_are_reported_one_by_one_when_asked(store):
    project = store.create("project", project_values())
    rows = [
        (None, visit_values(project["id"])),
        (None, {**visit_values(project["id"]), "mode": "télépathie"}),
        (None, visit_values(project["id"], 9)),
        (None, {"project_id": project["id"]}),
    ]
    seen: list[tuple[int, list[str]]] = []
    with store.transaction():
        ids = store.create_many(
            "visit",
            rows,
            on_invalid=lambda i, failed: seen.append((i, [p.field for p in failed.problems])),
        )
    assert [index for index, _ in seen] == [1, 3]
    assert "mode" in seen[0][1]
    assert {"visited_at", "mode"} <= set(seen[1][1])
    assert len(ids) == 2 and store.count("visit") == 2


def test_update_many_diffs_validates_and_journals_like_update(twins):
    one, many = twins
    for store in (one, many):
        for i in range(4):
            store.create("visit", visit_values("p1", i + 1), record_id=f"v{i}")
    changes = [
        ("v0", {"observations": "Semis en serre"}),
        ("v1", {"observations": "Récolte de courges terminée"}),  # the same: no change
        ("v2", {"mode": "a_distance", "place": "Ferme Roy"}),
    ]
    for record_id, values in changes:
        one.update("visit", record_id, values)
    changed = many.update_many("visit", changes, chunk=2)
    assert changed == ["v0", "v2"]
    assert table_rows(many, "visit") == table_rows(one, "visit")
    assert journal_rows(many) == journal_rows(one)
    assert many.history("visit", "v2")[-1].fields["mode"] == ["sur_place", "a_distance"]


def test_update_many_is_all_or_nothing(store):
    project = store.create("project", project_values())
    [first, second] = store.create_many(
        "visit", [(None, visit_values(project["id"])), (None, visit_values(project["id"], 4))]
    )
    with pytest.raises(ValidationFailed):
        store.update_many(
            "visit",
            [(first, {"place": "Salle du conseil"}), (second, {"visited_at": "demain"})],
            chunk=1,
        )
    assert store.get("visit", first)["place"] is None
    with pytest.raises(NotFoundError, match="Visite introuvable"):
        store.update_many("visit", [(first, {"place": "Grange"}), ("nope", {"place": "x"})])
    assert store.get("visit", first)["place"] is None
    assert [e.op for e in store.history("visit", first)] == ["create"]


def test_a_bulk_write_leaves_the_connection_as_it_found_it(store):
    """The larger page cache of a bulk transaction is set back, even when the write fails."""
    before = store.conn.execute("PRAGMA cache_size").fetchone()[0]
    project = store.create("project", project_values())
    store.create_many("visit", [(None, visit_values(project["id"]))])
    with pytest.raises(ValidationFailed), store.bulk_transaction():
        store.create_many("visit", [(None, {"project_id": project["id"]})])
    assert store.conn.execute("PRAGMA cache_size").fetchone()[0] == before
    assert store.count("visit") == 1
    store.create("visit", visit_values(project["id"], 5))  # the connection still writes
    assert store.count("visit") == 2
