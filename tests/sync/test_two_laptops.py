"""Two and three laptops editing offline and syncing in every order, against the live server."""

from __future__ import annotations

import pytest

from coordinator_app.store import sync_state
from tests.sync.conftest import live_rows


def new_project(store, **overrides):
    values = {"name": "Coop des Chutes", "program": "FERME_COOP", "region_code": "03", **overrides}
    return store.create("project", values)


def test_a_project_created_on_one_laptop_reaches_the_other(laptops):
    a, b = laptops("alice"), laptops("bruno")
    project = new_project(a.store, notes="Première visite")
    report = a.sync()
    assert report.sent == 1 and report.completed
    b.sync()
    assert b.store.require("project", project["id"])["notes"] == "Première visite"
    assert a.store.pending_count() == 0


@pytest.mark.parametrize("first", ["a", "b"])
def test_stage_notes_and_name_edited_offline_merge_with_one_name_in_conflict(laptops, first):
    a, b = laptops("alice"), laptops("bruno")
    project = new_project(a.store, stage="idee")
    a.sync()
    b.sync()
    a.store.update("project", project["id"], {"stage": "comite_provisoire", "name": "Coop A"})
    b.store.update("project", project["id"], {"notes": "Notes de Bruno", "name": "Coop B"})
    order = (a, b) if first == "a" else (b, a)
    for laptop in (*order, *order):
        laptop.sync()
    for laptop in (a, b):
        record = laptop.store.require("project", project["id"])
        assert record["stage"] == "comite_provisoire"
        assert record["notes"] == "Notes de Bruno"
        [conflict] = sync_state.conflicts(laptop.store)
        assert conflict["field"] == "name"
        assert {conflict["kept_value"], conflict["other_value"]} == {"Coop A", "Coop B"}
        assert record["name"] == conflict["kept_value"]
    assert live_rows(a.store) == live_rows(b.store)
