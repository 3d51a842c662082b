"""Region scoping on the laptops: what leaves a coordinator's regions leaves the laptop (unless a
local change still holds it), a refused push is kept and shown, a new region arrives whole, and a
too-old app is stopped before it writes anything."""

from __future__ import annotations

import pytest

from coordinator_app.store import sync_state
from coordinator_app.sync.errors import SyncError, SyncErrorKind


def project(store, region="03", name="Coop des Chutes", **extra):
    values = {"name": name, "program": "FERME_COOP", "region_code": region, **extra}
    return store.create("project", values)


def visit(store, project_id):
    return store.create(
        "visit", {"project_id": project_id, "visited_at": "2026-06-01T10:00", "mode": "sur_place"}
    )


def test_each_coordinator_receives_only_their_regions(laptops):
    admin = laptops("admin", regions=[], role="admin")
    quebec, montreal = laptops("alice", regions=["03"]), laptops("marc", regions=["06"])
    project(admin.store, "03", "Coop de Québec")
    project(admin.store, "06", "Coop de Montréal")
    admin.store.create(
        "school", {"name": "École Wilbrod", "municipality": "Montréal", "region_code": "06"}
    )
    admin.sync()
    quebec.sync()
    montreal.sync()
    assert [p["name"] for p in quebec.store.find("project")] == ["Coop de Québec"]
    assert [p["name"] for p in montreal.store.find("project")] == ["Coop de Montréal"]
    assert quebec.store.count("school") == 1  # reference data: every coordinator gets it


def test_a_project_moved_out_of_my_region_leaves_my_laptop_with_its_visits(laptops):
    admin = laptops("admin", regions=[], role="admin")
    alice = laptops("alice", regions=["03"])
    moved = project(alice.store, name="Coop qui déménage")
    seen = visit(alice.store, moved["id"])
    alice.sync()
    admin.sync()
    admin.store.update("project", moved["id"], {"region_code": "06"})
    admin.sync()
    report = alice.sync()
    assert report.removed >= 2
    assert alice.store.get("project", moved["id"], include_deleted=True) is None
    assert alice.store.get("visit", seen["id"], include_deleted=True) is None


def test_unsent_edit_of_a_project_that_left_my_region_is_kept_and_shown_as_refused(laptops):
    admin = laptops("admin", regions=[], role="admin")
    alice = laptops("alice", regions=["03"])
    moved = project(alice.store, name="Coop qui déménage")
    alice.sync()
    admin.sync()
    admin.store.update("project", moved["id"], {"region_code": "06"})
    admin.sync()
    alice.store.update("project", moved["id"], {"notes": "Compte rendu de ma visite"})
    report = alice.sync()
    assert report.completed
    [refused] = report.refused
    assert refused["record_id"] == moved["id"] and refused["reason"]
    kept = alice.store.require("project", moved["id"])
    assert kept["notes"] == "Compte rendu de ma visite"  # never dropped silently
    assert report.kept_out_of_scope == 1
    again = alice.sync()
    assert again.completed and again.requests == 1  # nothing re-sent until the user decides


def test_a_push_refused_by_the_server_keeps_the_change_and_sends_the_rest(laptops):
    alice = laptops("alice", regions=["03"])
    mine = project(alice.store, "03", "Coop de Québec")
    elsewhere = project(alice.store, "06", "Coop hors région")
    report = alice.sync()
    assert report.sent == 1
    [refused] = sync_state.refused(alice.store)
    assert refused["record_id"] == elsewhere["id"]
    assert "région" in refused["reason"].lower() or "06" in refused["reason"]
    assert alice.store.require("project", elsewhere["id"])["name"] == "Coop hors région"
    assert alice.store.pending_count() == 1
    bruno = laptops("bruno", regions=["03"])
    bruno.sync()
    assert [p["id"] for p in bruno.store.find("project")] == [mine["id"]]


def test_a_region_added_on_the_server_arrives_whole_at_the_next_sync(laptops, server):
    admin = laptops("admin", regions=[], role="admin")
    alice = laptops("alice", regions=["03"])
    far = project(admin.store, "06", "Coop de Montréal")
    visit(admin.store, far["id"])
    admin.sync()
    alice.sync()
    assert alice.store.count("project") == 0
    server.set_regions("alice", ["03", "06"])
    alice.sync()
    assert alice.store.require("project", far["id"])["name"] == "Coop de Montréal"
    assert alice.store.count("visit") == 1
    server.set_regions("alice", ["03"])
    alice.sync()
    assert alice.store.get("project", far["id"], include_deleted=True) is None


def test_a_too_old_app_is_stopped_before_anything_is_written(laptops, monkeypatch):
    from coordinator_app.protocol import versions

    alice = laptops("alice", regions=["03"])
    project(alice.store)
    monkeypatch.setattr(versions, "PROTOCOL_VERSION", versions.PROTOCOL_VERSION - 1)
    with pytest.raises(SyncError) as failure:
        alice.sync()
    assert failure.value.kind == SyncErrorKind.TOO_OLD
    assert "mettez à jour l'application" in str(failure.value)
    assert alice.store.pending_count() == 1
    assert alice.server.change_ids() == []
    monkeypatch.undo()
    assert alice.sync().sent == 1


def test_revoked_device_must_log_in_again_and_keeps_its_changes(laptops, server):
    alice = laptops("alice", regions=["03"])
    project(alice.store)
    server.revoke_user("alice")
    with pytest.raises(SyncError) as failure:
        alice.sync()
    assert failure.value.kind == SyncErrorKind.TOKEN_REVOKED
    assert alice.store.pending_count() == 1


def test_nothing_to_do_costs_one_request(laptops):
    alice = laptops("alice", regions=["03"])
    project(alice.store)
    alice.sync()
    assert alice.sync().requests == 1
