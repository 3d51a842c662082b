"""The Conflits screen's, the register's and the import's writes as Qt-free operations: each
calls the existing store, sync or exchange function and names the kinds it changed."""

from __future__ import annotations

import pytest

from coordinator_app.domain.errors import NotFoundError
from coordinator_app.operations import SYNC_STATE, Changes, changed
from coordinator_app.operations.conflicts import (
    abandon_refused,
    dismiss_refused_incoming,
    resolve_conflict,
    retry_refused,
)
from coordinator_app.operations.imports import import_records
from coordinator_app.operations.privacy import register_names_sheet
from coordinator_app.store import open_store, refused_incoming, sync_state
from coordinator_app.store.sync_state import RemoteChange
from tests.privacy.support import add_youth


@pytest.fixture
def store(tmp_path):
    opened = open_store(tmp_path / "profil")
    yield opened
    opened.close()


def project(store, name="Coop des Chutes"):
    return store.create("project", {"name": name, "program": "FERME_COOP", "region_code": "03"})


def pulled(store, seq, kind, record_id, values, op="create"):
    """A change received from the server, applied as a sync would."""
    change = RemoteChange(
        seq=seq, change_id=f"00000000-0000-4000-8000-{seq:012d}", kind=kind, record_id=record_id,
        op=op, values=values, deleted=False, at="2026-06-01T12:00:00.000000+00:00",
        author="autre", device_id="dev-b",
    )  # fmt: skip
    sync_state.apply_page(
        store, [change], since=sync_state.cursor(store), next_cursor=seq, server_generation="g1"
    )


def open_conflict(store, target):
    values = {
        "target_kind": "project", "target_id": target["id"], "field": "name",
        "project_id": target["id"], "region_code": "03",
        "kept_value": target["name"], "other_value": "Nom de Bruno",
        "kept_author": "alice", "kept_device_id": "dev-a", "kept_at": "2026-06-01T12:00",
        "other_author": "bruno", "other_device_id": "dev-b", "other_at": "2026-06-01T12:01",
        "status": "ouvert",
    }  # fmt: skip
    pulled(store, 1, "conflict", "c1", values)
    return sync_state.get_conflict(store, "c1")


def test_resolving_a_conflict_writes_the_record_and_names_its_kind(store):
    target = project(store)
    conflict = open_conflict(store, target)
    assert conflict is not None and conflict["status"] == "ouvert"

    changes = resolve_conflict(store, "c1", "other")

    assert changes == changed("project", SYNC_STATE)
    assert store.require("project", target["id"])["name"] == "Nom de Bruno"
    assert sync_state.conflicts(store) == []


def test_a_typed_value_resolves_it_and_an_unknown_conflict_is_refused(store):
    target = project(store)
    open_conflict(store, target)
    resolve_conflict(store, "c1", "value", "Coop des Chutes-Bruno")
    assert store.require("project", target["id"])["name"] == "Coop des Chutes-Bruno"
    with pytest.raises(NotFoundError):
        resolve_conflict(store, "absent", "kept")


def refuse(store, change_id, reason="Région interdite"):
    """What the sync does when the server refuses a local change (store-side SQL)."""
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO sync_refused (change_id, kind, record_id, reason, refused_at) "
            "VALUES (?, 'project', ?, ?, ?)",
            (change_id, "p", reason, store.now()),
        )


def test_a_refused_change_sent_again_or_abandoned(store):
    project(store, "Un")
    project(store, "Deux")
    first, second = [e.change_id for e in store.pending_changes()]
    refuse(store, first)
    refuse(store, second)
    assert len(sync_state.refused(store)) == 2

    assert retry_refused(store, first) == changed(SYNC_STATE)
    assert abandon_refused(store, second) == changed(SYNC_STATE)

    assert sync_state.refused(store) == []
    assert [e.change_id for e in store.pending_changes()] == [first]


def test_a_refused_incoming_change_is_taken_off_the_list(store):
    target = project(store)
    pulled(store, 1, "project", target["id"], {"season_year": 10**30}, op="update")
    [row] = refused_incoming.listing(store)

    assert dismiss_refused_incoming(store, row["change_id"]) == changed(SYNC_STATE)

    assert refused_incoming.listing(store) == []


def test_a_sheet_with_names_is_registered_once_per_print(store):
    empty = project(store)
    assert register_names_sheet(store, empty["id"], "Fiche de projet").changes == Changes()
    youth = add_youth(store)

    registered = register_names_sheet(store, youth["project_id"], "Fiche de projet")

    assert registered.changes == changed("access_log")
    [entry] = store.find("access_log")
    assert entry["action"] == "report_with_names"
    assert entry["participant_ids"] == [youth["id"]]


def test_an_import_names_its_kind_only_when_it_wrote(store, tmp_path):
    path = tmp_path / "projets.csv"
    path.write_text(
        "Nom du projet;Programme;Région\nCoop du Fjord;FERME_COOP;03\n", encoding="utf-8"
    )
    seen = []

    checked = import_records(store, path, "project", dry_run=True)
    imported = import_records(store, path, "project", progress=lambda d, t: seen.append(d))

    assert checked.report.ok and checked.changes == Changes()
    assert imported.report.written and imported.changes == changed("project")
    assert [p["name"] for p in store.find("project")] == ["Coop du Fjord"]
