"""Two and three laptops editing offline and syncing in every order, against the live server."""

from __future__ import annotations

import itertools

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


@pytest.mark.parametrize("order", list(itertools.permutations("abc")), ids="".join)
def test_three_laptops_editing_offline_converge_whatever_the_sync_order(laptops, order):
    trio = {"a": laptops("alice"), "b": laptops("bruno"), "c": laptops("chloe")}
    a, b, c = trio["a"], trio["b"], trio["c"]
    shared = new_project(a.store, stage="idee")
    seen = a.store.create(
        "visit", {"project_id": shared["id"], "visited_at": "2026-06-01T10:00", "mode": "sur_place"}
    )
    for laptop in (a, b, c):
        laptop.sync()
    a.store.update("project", shared["id"], {"stage": "comite_provisoire"})
    b.store.update("project", shared["id"], {"notes": "Notes de Bruno"})
    c.store.update("project", shared["id"], {"municipality": "Beauport"})
    long_a = ("Observations d'Alice. " * 40).strip()
    long_c = ("Observations de Chloé. " * 40).strip()
    a.store.update("visit", seen["id"], {"observations": long_a})
    c.store.update("visit", seen["id"], {"observations": long_c})
    new_project(b.store, name="Nouvelle coop de Bruno")
    for _ in range(2):
        for key in order:
            trio[key].sync()
    record = a.store.require("project", shared["id"])
    assert (record["stage"], record["notes"], record["municipality"]) == (
        "comite_provisoire",
        "Notes de Bruno",
        "Beauport",
    )
    [conflict] = sync_state.conflicts(a.store)  # the long texts: one kept, the other not lost
    assert conflict["field"] == "observations"
    assert {conflict["kept_value"], conflict["other_value"]} == {long_a, long_c}
    assert live_rows(a.store) == live_rows(b.store) == live_rows(c.store)


def test_delete_against_edit_keeps_both_and_a_restore_resolves_it(laptops):
    a, b = laptops("alice"), laptops("bruno")
    doomed = new_project(a.store)
    a.sync()
    b.sync()
    a.store.delete("project", doomed["id"])
    b.store.update("project", doomed["id"], {"notes": "Je travaillais dessus"})
    a.sync()
    b.sync()
    a.sync()
    for laptop in (a, b):
        [conflict] = sync_state.conflicts(laptop.store)
        assert conflict["field"] == "deleted"
    record = a.store.get("project", doomed["id"], include_deleted=True)
    assert record["notes"] == "Je travaillais dessus"  # a tombstone keeps every value
    from coordinator_app.sync.resolution import resolve

    keep_alive = "kept" if conflict["kept_value"] is False else "other"
    resolve(b.store, conflict["id"], keep_alive)
    b.sync()
    a.sync()
    assert a.store.require("project", doomed["id"])["notes"] == "Je travaillais dessus"
    assert sync_state.conflicts(a.store) == []
    assert live_rows(a.store) == live_rows(b.store)


def test_cost_follows_the_changes_not_the_size_of_the_profile(laptops):
    a, b = laptops("alice"), laptops("bruno")
    with a.store.transaction():
        projects = [new_project(a.store, name=f"Coop {n}") for n in range(300)]
    a.sync()
    b.sync()
    a.store.update("project", projects[17]["id"], {"notes": "Une seule modification"})
    sent = a.sync()
    assert (sent.sent, sent.requests) == (1, 2)  # one push, one pull
    received = b.sync()
    assert (received.received, received.requests) == (1, 1)
    assert b.sync().requests == 1
