"""User actions as Qt-free operations: validated before anything is written, one transaction,
and a result naming the kinds they changed (what the window refreshes)."""

from __future__ import annotations

import pytest

from coordinator_app.operations import PERSON, Changes, changed
from coordinator_app.operations.agenda import move_visit, plan_visit
from coordinator_app.operations.people import set_person_name
from coordinator_app.operations.records import restore_field, save_record, set_action_done
from coordinator_app.operations.visits import FollowUp, VisitDraft, VisitRefused, save_visit
from coordinator_app.store import open_store


@pytest.fixture
def store(tmp_path):
    opened = open_store(tmp_path)
    yield opened
    opened.close()


@pytest.fixture
def project(store):
    return store.create(
        "project",
        {"name": "CIEC Jonquière", "program": "CIEC", "region_code": "02", "season_year": 2026},
    )


def visit_values(**overrides):
    return {"visited_at": "2026-05-04T10:00", "status": "faite", "mode": "sur_place", **overrides}


def follow_up(row, text, due="2030-12-15", record_id=None):
    values = {"text": text, "owner": "Julie", "due_date": due, "done": False}
    return FollowUp(row, values, record_id)


def test_a_visit_its_follow_ups_and_files_are_saved_together_and_their_ids_returned(store, project):
    draft = VisitDraft(
        project["id"],
        None,
        visit_values(observations="Kiosque prêt."),
        follow_ups=(follow_up(0, "Envoyer le guide"), follow_up(1, "Rappeler l'école")),
        files=(
            {
                "sha256": "a" * 64,
                "filename": "plan.pdf",
                "media_type": "application/pdf",
                "size": 10,
            },
        ),
    )
    saved = save_visit(store, draft)
    assert saved.record["observations"] == "Kiosque prêt."
    stored = {r["id"]: r["text"] for r in store.find("action_item")}
    assert {stored[i] for i in saved.follow_up_ids.values()} == {
        "Envoyer le guide",
        "Rappeler l'école",
    }
    assert sorted(saved.follow_up_ids) == [0, 1]
    [attachment] = store.find("attachment")
    assert saved.file_ids == {0: attachment["id"]}
    assert saved.changes == changed("visit", "action_item", "attachment")


def test_every_problem_of_the_visit_and_of_each_row_is_named_and_nothing_is_written(store, project):
    draft = VisitDraft(
        project["id"],
        None,
        visit_values(visited_at=""),
        follow_ups=(follow_up(0, "Bon suivi"), follow_up(1, "", due="pas une date")),
    )
    with pytest.raises(VisitRefused) as refused:
        save_visit(store, draft)
    assert {p.field for p in refused.value.found.visit} == {"visited_at"}
    assert {row for row, _p in refused.value.found.rows} == {1}
    assert store.find("visit") == [] and store.find("action_item") == []


def test_a_save_refused_half_way_leaves_nothing_written(store, project):
    """The follow-ups are written before the file the store refuses: all rolled back."""
    draft = VisitDraft(
        project["id"],
        None,
        visit_values(),
        follow_ups=(follow_up(0, "Envoyer le guide"),),
        files=(
            {"sha256": "a" * 64, "filename": "x" * 300, "media_type": "image/jpeg", "size": 10},
        ),
    )
    with pytest.raises(VisitRefused):
        save_visit(store, draft)
    assert store.find("visit") == [] and store.find("action_item") == []
    assert {entry.kind for entry in store.pending_changes()} == {"project"}  # nor journaled


def test_a_record_saved_through_the_form_operation_says_its_kind(store):
    saved = save_record(
        store,
        "school",
        None,
        {"name": "Polyvalente Arvida", "municipality": "Saguenay", "region_code": "02"},
    )
    again = save_record(store, "school", saved.record["id"], {"municipality": "Jonquière"})
    assert again.record["name"] == "Polyvalente Arvida"
    assert again.changes == changed("school")


def test_done_and_restore_change_only_their_kind(store, project):
    item = store.create(
        "action_item",
        {
            "project_id": project["id"],
            "text": "Appeler",
            "owner": "Julie",
            "due_date": "2030-01-01",
        },
    )
    assert set_action_done(store, item["id"], True) == changed("action_item")
    assert store.get("action_item", item["id"])["done"]
    store.update("project", project["id"], {"name": "CIEC Arvida"})
    restored = restore_field(store, "project", project["id"], "name", "CIEC Jonquière")
    assert restored.record["name"] == "CIEC Jonquière"
    assert not restored.changes.touches(frozenset({"action_item", "visit"}))


def test_planned_visits_and_the_person_are_operations_too(store, project):
    planned = plan_visit(store, project["id"], "2030-03-02T09:00", place="École")
    moved = move_visit(store, planned.visit["id"], "2030-03-04")
    assert moved.visit["visited_at"] == "2030-03-04T09:00"
    assert moved.changes == changed("visit")
    assert set_person_name(store, "Julie Tremblay") == changed(PERSON)
    assert store.person.name == "Julie Tremblay"


def test_a_kind_that_does_not_exist_is_refused_at_once():
    with pytest.raises(ValueError):
        changed("visite")
    assert Changes() == Changes(frozenset())
    assert not Changes().touches(frozenset({"visit"}))
