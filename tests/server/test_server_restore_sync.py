"""Issue 13, point 5 (sync part), as the attack: a restore from an older backup, then laptops re-send
what the server lost, in whatever order, and another user tries to claim a change id. The restore
command exists for SQLite only (PostgreSQL: pg_restore, see docs/server.md), so these run there."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.server.conftest import Api, change, new_id, project_fields
from tests.support.live_server import LiveServer, start_live_server

USERS = [
    {"username": "admin", "role": "admin", "regions": []},
    {"username": "c03", "regions": ["03"]},
    {"username": "d03", "regions": ["03"]},
    {"username": "c06", "regions": ["06"]},
]


@pytest.fixture
def server(tmp_path) -> Iterator[LiveServer]:
    live = start_live_server(tmp_path / "live", users=USERS, max_devices_per_user=10_000)
    yield live
    live.close()


def _login(server: LiveServer, *names: str) -> list[Api]:
    return [Api(server, name) for name in names]


def _visit(pid: str) -> dict:
    fields = {
        "project_id": [None, pid],
        "visited_at": [None, "2026-06-03T10:00"],
        "mode": [None, "sur_place"],
        "place": [None, "Salle"],
    }
    return change("visit", new_id(), "create", fields)


def test_an_edit_of_a_record_the_restore_lost_waits_and_applies_by_itself(server, tmp_path) -> None:
    c03, d03 = _login(server, "c03", "d03")
    pid = new_id()
    project = change("project", pid, "create", project_fields())
    c03.push_ok(project)
    backup = server.backup(tmp_path / "backup.sqlite3")
    visit = _visit(pid)
    c03.push_ok(visit)
    edit = change("visit", visit["record_id"], fields={"place": ["Salle", "Gymnase"]})
    d03.push_ok(edit)
    server.restore(backup)
    # d03 re-sends first: its record is not on the server any more
    result = d03.push_ok(edit)[0]
    assert result["status"] == "deferred"  # not refused for good: the laptop counts it received
    assert d03.push_ok(edit)[0]["status"] == "deferred"  # re-sending it again is harmless
    # c03 re-sends its creation: the waiting edit applies in the same push
    c03.push_ok(project, visit)
    entries, _ = d03.pull_all()
    mine = [e for e in entries if e["change_id"] == edit["change_id"]]
    assert len(mine) == 1 and mine[0]["values"]["place"] == "Gymnase"
    # once applied, the edit is an ordinary known change
    assert d03.push_ok(edit)[0]["status"] == "duplicate"


def test_a_child_sent_before_its_project_waits_for_it(server, tmp_path) -> None:
    (c03,) = _login(server, "c03")
    backup = server.backup(tmp_path / "backup.sqlite3")
    pid = new_id()
    project = change("project", pid, "create", project_fields())
    visit = _visit(pid)
    c03.push_ok(project, visit)
    server.restore(backup)
    assert c03.push_ok(visit)[0]["status"] == "deferred"
    c03.push_ok(project)
    entries, _ = c03.pull_all()
    assert visit["record_id"] in {e["record_id"] for e in entries}


def test_a_server_never_restored_still_refuses_an_unknown_record(server) -> None:
    (c03,) = _login(server, "c03")
    result = c03.push_ok(change("project", new_id(), fields={"notes": [None, "x"]}))[0]
    assert result["status"] == "refused" and result["reason"] == "record_unknown"


def test_a_change_id_belongs_to_the_user_who_first_sent_it(server, tmp_path) -> None:
    c06, c03 = _login(server, "c06", "c03")
    pid06 = new_id()
    c06.push_ok(change("project", pid06, "create", project_fields("06", name="Départ")))
    backup = server.backup(tmp_path / "backup.sqlite3")
    rename = change("project", pid06, fields={"name": ["Départ", "Nouveau nom"]})
    c06.push_ok(rename)
    # before the restore, the id is known: another user replaying it is refused
    stolen = c03.push(rename)
    assert stolen.status_code == 409
    assert "appartient à un autre compte" in stolen.json()["message"]
    server.restore(backup)
    c03, c06 = _login(server, "c03", "c06")
    pid03 = new_id()
    claim = change(
        "project",
        pid03,
        "create",
        project_fields("03"),
        change_id=rename["change_id"],
    )
    response = c03.push(claim)
    assert response.status_code == 409, response.text
    assert response.json()["error"] == "change_id_reused"
    assert "appartient à un autre compte" in response.json()["message"]
    # the owner re-sends its rename after the restore: applied, not 409
    assert c06.push_ok(rename)[0]["status"] == "applied"


def test_a_conflict_resolved_after_the_backup_comes_back_under_its_id_resolved(
    server, tmp_path
) -> None:
    c03, d03 = _login(server, "c03", "d03")
    pid = new_id()
    project = change("project", pid, "create", project_fields(name="X"))
    c03.push_ok(project)
    backup = server.backup(tmp_path / "backup.sqlite3")
    first = change("project", pid, fields={"name": ["X", "A"]})
    second = change("project", pid, fields={"name": ["X", "B"]})
    c03.push_ok(first)
    conflict_id = d03.push_ok(second)[0]["conflict_ids"][0]
    resolution = change("conflict", conflict_id, fields={"status": ["ouvert", "resolu"]})
    d03.push_ok(resolution)
    server.restore(backup)
    # the resolver re-sends first: its resolution waits for the conflict
    assert d03.push_ok(second, resolution)[1]["status"] == "deferred"
    again = c03.push_ok(first)[0]
    assert again["conflict_ids"] == [conflict_id]  # the same conflict, the same id
    entries, _ = c03.pull_all()
    states = [e["values"].get("status") for e in entries if e["record_id"] == conflict_id]
    assert states[-1] == "resolu"
    assert {e["record_id"] for e in entries if e["kind"] == "conflict"} == {conflict_id}


def test_a_laptop_resending_scrubbed_entries_after_a_restore_is_not_refused(
    server, tmp_path
) -> None:
    (c03,) = _login(server, "c03")
    pid = new_id()
    c03.push_ok(change("project", pid, "create", project_fields()))
    rid = new_id()
    names = {"first_name": "Léa", "last_name": "Bouchard", "birth_date": "2010-05-17"}
    create = change(
        "participant",
        rid,
        "create",
        {"project_id": [None, pid], **{k: [None, v] for k, v in names.items()}},
    )
    c03.push_ok(create)
    backup = server.backup(tmp_path / "backup.sqlite3")
    anonymise = change(
        "participant",
        rid,
        fields={
            "first_name": ["Léa", "Anonyme"],
            "last_name": ["Bouchard", "Anonyme"],
            "birth_date": ["2010-05-17", "2010-01-01"],
            "anonymised": [False, True],
        },
    )
    c03.push_ok(anonymise)
    server.restore(backup)
    (c03,) = _login(server, "c03")
    # the laptop scrubbed its journal once the anonymisation was sent; it re-sends that
    scrubbed = {
        **create,
        "fields": {
            "project_id": [None, pid],
            "first_name": [None, "Anonyme"],
            "last_name": [None, "Anonyme"],
            "birth_date": [None, "2010-01-01"],
        },
    }
    results = c03.push_ok(scrubbed, anonymise)
    assert [r["status"] for r in results] == ["duplicate", "applied"]
    entries, _ = c03.pull_all()
    assert "Bouchard" not in str([e for e in entries if e["record_id"] == rid])


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def renewed(request, tmp_path) -> Iterator[LiveServer]:
    """A server whose generation was renewed, as after ``pg_restore`` + ``new-generation``."""
    from tests.support.live_server import postgres_reachable, postgres_schema_url

    if request.param == "sqlite":
        live = start_live_server(tmp_path / "live", users=USERS, max_devices_per_user=10_000)
        live.new_generation()
        yield live
        live.close()
        return
    reason = postgres_reachable()
    if reason:
        pytest.fail(reason)
    with postgres_schema_url() as url:
        live = start_live_server(
            tmp_path / "live", db_url=url, users=USERS, max_devices_per_user=10_000
        )
        live.new_generation()
        yield live
        live.close()


def test_parked_changes_apply_or_drop_alone_when_their_record_arrives(renewed) -> None:
    c03, c06 = _login(renewed, "c03", "c06")
    pid = new_id()
    project = change("project", pid, "create", project_fields(name="Revenu"))
    visit = _visit(pid)
    edit = change("project", pid, fields={"notes": [None, "Notes de c03"]})
    intrusion = change("project", pid, fields={"municipality": [None, "Ailleurs"]})
    assert [r["status"] for r in c03.push_ok(visit, edit)] == ["deferred", "deferred"]
    assert c06.push_ok(intrusion)[0]["status"] == "deferred"  # it waits like any other
    assert c03.push_ok(project)[0]["status"] == "applied"
    entries, _ = api_admin(renewed).pull_all()
    about = {e["change_id"] for e in entries}
    assert {visit["change_id"], edit["change_id"]} <= about
    assert intrusion["change_id"] not in about  # c06 may not write in 03: dropped on its turn
    kept = [e for e in entries if e["record_id"] == pid]
    assert kept[-1]["values"].get("notes") == "Notes de c03"
    assert "Ailleurs" not in str(entries)


def api_admin(server: LiveServer) -> Api:
    return Api(server, "admin")
