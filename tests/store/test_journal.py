"""The change journal: every change journaled in the same transaction, ordered, never rewritten."""

from __future__ import annotations

import pytest

from coordinator_app.domain.errors import NotFoundError, ValidationFailed
from coordinator_app.store import open_store


@pytest.fixture
def store(tmp_path):
    opened = open_store(tmp_path)
    yield opened
    opened.close()


def new_project(store, **overrides):
    values = {
        "name": "Coop maraîchère de Nicolet",
        "program": "FERME_COOP",
        "region_code": "17",
        **overrides,
    }
    return store.create("project", values)


def test_create_update_delete_restore_are_journaled_with_old_and_new_values(store):
    project = new_project(store, stage="idee")
    store.update(
        "project", project["id"], {"notes": "Première rencontre", "stage": "comite_provisoire"}
    )
    store.delete("project", project["id"])
    store.restore("project", project["id"])
    history = store.history("project", project["id"])
    assert [entry.op for entry in history] == ["create", "update", "delete", "restore"]
    assert history[1].fields["notes"] == [None, "Première rencontre"]
    assert history[1].fields["stage"] == ["idee", "comite_provisoire"]
    assert [s["stage"] for s in history[1].fields["stage_history"][1]] == [
        "idee",
        "comite_provisoire",
    ]
    assert all(
        entry.author == store.author and entry.device_id == store.device_id for entry in history
    )
    assert [entry.seq for entry in history] == sorted(entry.seq for entry in history)


def test_an_update_that_changes_nothing_writes_no_entry(store):
    project = new_project(store)
    store.update("project", project["id"], {"name": "Coop maraîchère de Nicolet"})
    assert len(store.history("project", project["id"])) == 1


def test_pending_until_acknowledged_then_sent_once(store):
    project = new_project(store)
    store.update("project", project["id"], {"notes": "x"})
    pending = store.pending_changes()
    assert len(pending) == 2 and store.pending_count() == 2
    store.mark_sent({pending[0].change_id: 10})
    assert [e.change_id for e in store.pending_changes()] == [pending[1].change_id]
    first = store.history("project", project["id"])[0]
    assert (first.server_seq, first.sent_at is not None) == (10, True)


def test_a_failed_bulk_write_leaves_neither_records_nor_journal(store):
    with pytest.raises(ValidationFailed), store.transaction():
        new_project(store, name="Valide")
        new_project(store, region_code="99")
    assert store.count("project") == 0
    assert store.pending_count() == 0


def test_the_journal_row_and_the_record_commit_together(store, monkeypatch):
    """If writing the journal entry fails, the record itself is not written either."""
    from coordinator_app.store import journal

    def broken_append(*args, **kwargs):
        raise OSError("disque plein")

    monkeypatch.setattr(journal, "append", broken_append)
    monkeypatch.setattr(journal, "append_many", broken_append)
    with pytest.raises(OSError):
        new_project(store)
    monkeypatch.undo()
    assert store.count("project", include_deleted=True) == 0


def test_soft_deleted_records_are_hidden_but_kept(store):
    project = new_project(store)
    store.delete("project", project["id"])
    assert store.get("project", project["id"]) is None
    assert store.get("project", project["id"], include_deleted=True)["deleted"] is True
    with pytest.raises(NotFoundError, match="Projet introuvable"):
        store.update("project", project["id"], {"notes": "x"})


def test_updating_one_field_leaves_amounts_as_they_were(store):
    project = store.create(
        "project",
        {
            "name": "CIEC de Joliette",
            "program": "CIEC",
            "region_code": "14",
            "season_year": 2026,
            "revenue": "5 234,56",
        },
    )
    updated = store.update("project", project["id"], {"stage": "ouverture"})
    assert updated["revenue"] == store.require("project", project["id"])["revenue"] == 523456
    assert "revenue" not in store.history("project", project["id"])[-1].fields


def test_reads_from_another_thread_do_not_wait_for_a_long_write(store):
    """While an import holds its transaction, the window still reads the last committed state."""
    import threading

    new_project(store, name="Déjà là")
    inside, release = threading.Event(), threading.Event()

    def long_import():
        with store.transaction():
            new_project(store, name="En cours d'importation")
            assert store.count("project") == 2  # the writer sees its own rows
            inside.set()
            release.wait(30)

    worker = threading.Thread(target=long_import)
    worker.start()
    assert inside.wait(30)
    try:
        assert [p["name"] for p in store.find("project")] == ["Déjà là"]
        assert store.pending_count() == 1
    finally:
        release.set()
        worker.join()
    assert store.count("project") == 2
