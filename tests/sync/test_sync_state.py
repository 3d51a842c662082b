"""Store side of sync, on real profiles: pulled pages, unsent-field holds, scope exit, cursor
atomicity, refused changes, snapshots. (End-to-end behaviour against the server is in the
other test modules of this folder.)"""

from __future__ import annotations

import pytest

from coordinator_app.store import open_store, sync_state
from coordinator_app.store.snapshots import list_snapshots, restore_snapshot, take_snapshot
from coordinator_app.store.sync_state import RemoteChange


@pytest.fixture
def store(tmp_path):
    opened = open_store(tmp_path / "profil")
    yield opened
    opened.close()


def project(store, **overrides):
    values = {"name": "Coop des Chutes", "program": "FERME_COOP", "region_code": "03", **overrides}
    return store.create("project", values)


def remote(seq, record_id, values, *, kind="project", op="update", deleted=False, **extra):
    return RemoteChange(
        seq=seq, change_id=f"00000000-0000-4000-8000-{seq:012d}", kind=kind, record_id=record_id,
        op=op, values=values, deleted=deleted, at="2026-06-01T12:00:00.000000+00:00",
        author="autre", device_id="dev-b", **extra,
    )  # fmt: skip


def test_pulled_page_applies_rows_journal_and_cursor_together(store):
    page = [
        remote(1, "p1", {"name": "Coop du Fjord", "program": "FERME_COOP", "region_code": "03"},
               op="create"),
        remote(2, "p1", {"notes": "Visite faite"}),
    ]  # fmt: skip
    result = sync_state.apply_page(
        store, page, since=sync_state.cursor(store), next_cursor=2, server_generation="g1"
    )
    record = store.require("project", "p1")
    assert (record["name"], record["notes"]) == ("Coop du Fjord", "Visite faite")
    assert result.received == 2
    assert sync_state.cursor(store) == 2
    history = store.history("project", "p1")
    assert [(e.origin, e.server_seq) for e in history] == [("remote", 1), ("remote", 2)]
    assert all(e.sent_at for e in history)
    assert store.pending_count() == 0


def test_a_page_cut_before_its_checkpoint_leaves_neither_rows_nor_cursor(store, monkeypatch):
    original = sync_state._set_meta

    def crash_at_checkpoint(conn, key, value):
        if key == sync_state.META_CURSOR:
            raise KeyboardInterrupt("process killed")
        original(conn, key, value)

    monkeypatch.setattr(sync_state, "_set_meta", crash_at_checkpoint)
    page = [remote(1, "p1", {"name": "X", "program": "CIEC", "region_code": "03"}, op="create")]
    with pytest.raises(KeyboardInterrupt):
        sync_state.apply_page(
            store, page, since=sync_state.cursor(store), next_cursor=1, server_generation="g1"
        )
    monkeypatch.setattr(sync_state, "_set_meta", original)
    assert store.get("project", "p1") is None
    assert sync_state.cursor(store) == 0
    assert store.history("project", "p1") == []


def test_pulled_value_never_overwrites_a_field_with_an_unsent_local_change(store):
    mine = project(store)
    store.mark_sent({e.change_id: 1 for e in store.pending_changes()})
    store.update("project", mine["id"], {"notes": "Mes notes de visite"})
    page = [remote(5, mine["id"], {"notes": "Leurs notes", "stage": "demarrage"})]
    result = sync_state.apply_page(
        store, page, since=sync_state.cursor(store), next_cursor=5, server_generation="g1"
    )
    record = store.require("project", mine["id"])
    assert record["notes"] == "Mes notes de visite"  # still waiting to be pushed and merged
    assert record["stage"] == "demarrage"  # a field I did not touch is taken
    assert result.kept_local == 1
    assert store.pending_count() == 1


def test_an_echo_of_my_own_change_acknowledges_it(store):
    mine = project(store)
    [entry] = store.pending_changes()
    echo = RemoteChange(
        seq=9, change_id=entry.change_id, kind="project", record_id=mine["id"], op="create",
        values={"name": "Coop des Chutes"}, deleted=False, at=entry.at, author=entry.author,
        device_id="dev-a",
    )  # fmt: skip
    # the push reply was lost; the change is unsent, so its fields are held, but the echo acks it
    result = sync_state.apply_page(
        store, [echo], since=sync_state.cursor(store), next_cursor=9, server_generation="g1"
    )
    assert result.echoed == 1 and result.received == 0
    assert store.pending_count() == 0
    assert [e.server_seq for e in store.history("project", mine["id"])] == [9]


def test_scope_exit_removes_a_project_and_its_children_but_keeps_unsent_edits(store):
    moved = project(store, name="Coop qui déménage")
    kept = project(store, name="Coop modifiée hors ligne")
    visit = store.create(
        "visit", {"project_id": moved["id"], "visited_at": "2026-06-01T10:00", "mode": "sur_place"}
    )
    store.mark_sent({e.change_id: None for e in store.pending_changes()})
    store.update("project", kept["id"], {"notes": "pas encore envoyé"})
    page = [
        remote(3, moved["id"], {"region_code": "06"}, op="snapshot", in_scope=False),
        remote(4, kept["id"], {"region_code": "06"}, op="snapshot", in_scope=False),
    ]
    result = sync_state.apply_page(
        store, page, since=sync_state.cursor(store), next_cursor=4, server_generation="g1"
    )
    assert store.get("project", moved["id"], include_deleted=True) is None
    assert store.get("visit", visit["id"], include_deleted=True) is None
    assert store.history("project", moved["id"]) == []
    assert store.require("project", kept["id"])["notes"] == "pas encore envoyé"
    assert set(result.removed) == {("project", moved["id"]), ("visit", visit["id"])}
    assert result.kept_out_of_scope == [("project", kept["id"])]


def test_refused_change_is_kept_unsent_with_the_reason_until_retried(store):
    mine = project(store)
    [entry] = store.pending_changes()
    sync_state.acknowledge(store, {}, {entry.change_id: "Région 06 hors de vos régions"})
    assert sync_state.pending_to_push(store, 10) == []
    [shown] = sync_state.refused(store)
    assert shown["reason"] == "Région 06 hors de vos régions"
    assert shown["record_id"] == mine["id"]
    assert store.pending_count() == 1  # not sent: never dropped silently
    assert sync_state.retry_refused(store) == 1
    assert [e.change_id for e in sync_state.pending_to_push(store, 10)] == [entry.change_id]


def test_new_server_generation_requeues_every_local_change_and_resets_the_cursor(store):
    project(store)
    project(store, name="Deuxième")
    store.mark_sent({e.change_id: i for i, e in enumerate(store.pending_changes(), 1)})
    sync_state.apply_page(
        store, [], since=sync_state.cursor(store), next_cursor=40, server_generation="g1"
    )
    assert sync_state.reset_for_new_generation(store, "g2") == 2
    assert sync_state.cursor(store) == 0
    assert sync_state.generation(store) == "g2"
    assert len(sync_state.pending_to_push(store, 10)) == 2


def test_snapshots_keep_the_last_five_and_restore_brings_the_profile_back(store):
    mine = project(store, notes="avant")
    first = take_snapshot(store)
    store.update("project", mine["id"], {"notes": "après"})
    for _ in range(5):
        take_snapshot(store)
    assert len(list_snapshots(store.data_dir)) == 5
    assert first.path.exists() is False  # the oldest went away
    target = list_snapshots(store.data_dir)[-1]
    store.update("project", mine["id"], {"notes": "encore après"})
    restore_snapshot(store, target.path)
    assert store.require("project", mine["id"])["notes"] == "après"


def test_a_page_fetched_before_another_sync_moved_the_cursor_is_not_replayed(store):
    newer = [remote(2, "p1", {"name": "Nom récent", "program": "CIEC", "region_code": "03"},
                    op="create")]  # fmt: skip
    sync_state.apply_page(store, newer, since=0, next_cursor=2, server_generation="g1")
    stale = [remote(1, "p1", {"name": "Nom ancien"})]
    result = sync_state.apply_page(store, stale, since=0, next_cursor=1, server_generation="g1")
    assert result.stale
    assert store.require("project", "p1")["name"] == "Nom récent"
    assert sync_state.cursor(store) == 2


def test_no_second_snapshot_of_an_unchanged_profile(store):
    from coordinator_app.store.snapshots import snapshot_if_changed

    project(store)
    assert snapshot_if_changed(store) is not None
    assert snapshot_if_changed(store) is None  # same state: the older snapshots stay useful
    project(store, name="Autre")
    assert snapshot_if_changed(store) is not None
    assert len(list_snapshots(store.data_dir)) == 2


def test_one_page_bringing_a_record_then_its_scope_exit_then_its_return(store):
    """Pages are applied with the journal read once and written at the end: the rows of entries
    applied before a scope exit in the same page must go with the record, as one by one."""
    values = {"name": "Coop du Fjord", "program": "FERME_COOP", "region_code": "03"}
    page = [
        remote(1, "p1", values, op="create"),
        remote(2, "p1", {"notes": "Avant le départ"}),
        remote(3, "p1", {**values, "region_code": "06"}, op="snapshot", in_scope=False),
        remote(4, "p1", {**values, "notes": "De retour"}, op="snapshot"),
        remote(5, "p2", {**values, "name": "Coop voisine"}, op="create"),
    ]
    result = sync_state.apply_page(
        store, page, since=sync_state.cursor(store), next_cursor=5, server_generation="g1"
    )
    assert store.require("project", "p1")["notes"] == "De retour"
    assert store.require("project", "p2")["name"] == "Coop voisine"
    assert result.removed == [("project", "p1")]
    # the entries before the exit left with the record; the return and the neighbour remain
    assert [e.server_seq for e in store.history("project", "p1")] == [4]
    assert [e.server_seq for e in store.history("project", "p2")] == [5]
    assert sync_state.cursor(store) == 5


def test_one_page_with_many_records_and_an_unsent_local_edit_among_them(store):
    mine = project(store, name="Coop locale")
    store.mark_sent({e.change_id: 1 for e in store.pending_changes()})
    store.update("project", mine["id"], {"notes": "Mes notes"})
    page = [
        remote(10 + i, f"p{i}", {"name": f"Coop {i}", "program": "CIEC", "region_code": "03"},
               op="create")
        for i in range(600)  # more than one IN (...) chunk
    ]  # fmt: skip
    page.append(remote(700, mine["id"], {"notes": "Leurs notes", "stage": "demarrage"}))
    result = sync_state.apply_page(
        store, page, since=sync_state.cursor(store), next_cursor=700, server_generation="g1"
    )
    assert result.received == 601
    assert store.count("project") == 601
    assert store.require("project", "p599")["name"] == "Coop 599"
    record = store.require("project", mine["id"])
    assert (record["notes"], record["stage"]) == ("Mes notes", "demarrage")
    assert result.kept_local == 1


def test_a_record_changed_several_times_in_one_page_is_diffed_against_each_state(store):
    """Rows are read once per page and written in batches: a record changed again in the same
    page must still be compared with what the page's earlier change left, as one by one."""
    mine = project(store, name="Coop d'avant")
    store.mark_sent({e.change_id: 1 for e in store.pending_changes()})
    page = [
        remote(2, mine["id"], {"name": "Coop d'après"}),
        remote(3, "p9", {"name": "Coop neuve", "program": "CIEC", "region_code": "03"},
               op="create"),
        remote(4, mine["id"], {"name": "Coop d'après", "notes": "Revue"}),
        remote(5, "p9", {"name": "Coop neuve"}, deleted=True, op="delete"),
    ]  # fmt: skip
    sync_state.apply_page(
        store, page, since=sync_state.cursor(store), next_cursor=5, server_generation="g1"
    )
    diffs = [e.fields for e in store.history("project", mine["id"]) if e.origin == "remote"]
    assert diffs == [{"name": ["Coop d'avant", "Coop d'après"]}, {"notes": [None, "Revue"]}]
    assert store.get("project", "p9", include_deleted=True)["deleted"]
    assert store.require("project", mine["id"])["notes"] == "Revue"
