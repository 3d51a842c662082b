"""Per-region access: a coordinator of 03 against records of 06, every verb, and a project moved
from 03 to 06. The region always comes from the server's own data."""

from __future__ import annotations

import hashlib

import pytest

from tests.server.conftest import change, new_id, project_fields


@pytest.fixture
def world(api):
    """A project of 06 with a visit, an attachment and an open conflict, made by bruno (06)."""
    bruno, bruno2 = api("bruno"), api("bruno", "second")
    pid, vid, aid, sid = new_id(), new_id(), new_id(), new_id()
    data = b"compte rendu 06"
    sha = hashlib.sha256(data).hexdigest()
    assert bruno.http.put(f"/api/v1/attachments/{sha}/chunks/0", content=data).status_code == 200
    assert (
        bruno.http.post(
            f"/api/v1/attachments/{sha}/complete", json={"size": len(data), "chunks": 1}
        ).status_code
        == 200
    )
    bruno.push_ok(
        change("project", pid, "create", project_fields("06", name="CIEC Rosemont")),
        change(
            "visit",
            vid,
            "create",
            {
                "project_id": [None, pid],
                "visited_at": [None, "2026-06-10T09:30"],
                "mode": [None, "sur_place"],
            },
        ),
        change(
            "attachment",
            aid,
            "create",
            {"project_id": [None, pid], "sha256": [None, sha], "filename": [None, "cr.pdf"]},
        ),
        change(
            "school",
            sid,
            "create",
            {
                "name": [None, "École Saint-Marc"],
                "municipality": [None, "Montréal"],
                "region_code": [None, "06"],
            },
        ),
        change("project", pid, fields={"notes": [None, "A"]}),
    )
    conflict_id = bruno2.push_ok(change("project", pid, fields={"notes": [None, "B"]}))[0][
        "conflict_ids"
    ][0]
    return {"project": pid, "visit": vid, "attachment": aid, "sha": sha, "school": sid,
            "conflict": conflict_id}  # fmt: skip


def test_coordinator_of_03_does_not_receive_records_of_06(api, world) -> None:
    alice = api("alice")
    entries, _ = alice.pull_all()
    seen = {(e["kind"], e["record_id"]) for e in entries}
    assert ("project", world["project"]) not in seen
    assert ("visit", world["visit"]) not in seen
    assert ("attachment", world["attachment"]) not in seen
    assert ("conflict", world["conflict"]) not in seen
    assert ("school", world["school"]) in seen  # reference data of every region
    bruno = api("bruno")
    bruno_seen = {(e["kind"], e["record_id"]) for e in bruno.pull_all()[0]}
    assert ("project", world["project"]) in bruno_seen
    assert ("conflict", world["conflict"]) in bruno_seen


@pytest.mark.parametrize(
    ("kind", "key", "op", "fields"),
    [
        ("project", "project", "update", {"name": ["CIEC Rosemont", "Piraté"]}),
        ("project", "project", "delete", {}),
        ("project", "project", "restore", {}),
        ("visit", "visit", "update", {"place": [None, "Ailleurs"]}),
        ("visit", "visit", "delete", {}),
        ("attachment", "attachment", "update", {"filename": ["cr.pdf", "x.pdf"]}),
        ("school", "school", "update", {"name": ["École Saint-Marc", "Autre"]}),
        ("conflict", "conflict", "update", {"status": ["ouvert", "resolu"]}),
    ],
)
def test_every_write_to_a_record_of_06_is_refused(api, world, kind, key, op, fields) -> None:
    alice = api("alice")
    own = new_id()
    response = alice.push(
        change("project", own, "create", project_fields("03")),  # fine on its own
        change(kind, world[key], op, fields),
    )
    assert response.status_code == 403
    body = response.json()
    assert body["error"] == "forbidden"
    assert body["entries"][0]["index"] == 1
    message = body["entries"][0]["message"].replace(world[key], "ID")
    assert "hors de vos régions (03)" in message
    # the refusal neither names the record's region nor says the server has it (issue 13, 11)
    assert "06" not in message and "Montréal" not in message
    # nothing of the batch was applied
    assert own not in {e["record_id"] for e in alice.pull_all()[0]}


@pytest.mark.parametrize(
    ("kind", "fields"),
    [
        ("project", project_fields("06")),
        ("school", {"name": [None, "É"], "municipality": [None, "M"], "region_code": [None, "06"]}),
        ("workshop", {"theme": [None, "T"], "held_on": [None, "2026-05-01"],
                      "format": [None, "atelier"], "region_code": [None, "06"]}),
    ],
)  # fmt: skip
def test_creating_a_record_in_06_is_refused(api, kind, fields) -> None:
    alice = api("alice")
    response = alice.push(change(kind, new_id(), "create", fields))
    assert response.status_code == 403


def test_a_child_takes_its_region_from_the_servers_project(api, world) -> None:
    """The client says nothing about the region of a visit: the server looks up its project."""
    alice = api("alice")
    response = alice.push(
        change(
            "visit",
            new_id(),
            "create",
            {
                "project_id": [None, world["project"]],
                "visited_at": [None, "2026-06-11T10:00"],
                "mode": [None, "a_distance"],
            },
        )
    )
    assert response.status_code == 403


def test_reading_an_attachment_of_06_is_refused(api, world) -> None:
    alice, bruno = api("alice"), api("bruno")
    # 404, alike for a file that does not exist
    assert alice.http.get(f"/api/v1/attachments/{world['sha']}").status_code == 404
    response = bruno.http.get(f"/api/v1/attachments/{world['sha']}")
    assert response.status_code == 200
    assert response.content == b"compte rendu 06"


def test_coordinator_cannot_move_a_project_out_of_their_regions(api) -> None:
    alice = api("alice")
    pid = new_id()
    alice.push_ok(change("project", pid, "create", project_fields("03")))
    response = alice.push(change("project", pid, fields={"region_code": ["03", "06"]}))
    assert response.status_code == 403


def test_project_moved_from_03_to_06_leaves_alice_and_reaches_bruno(api) -> None:
    alice, bruno, admin = api("alice"), api("bruno"), api("admin")
    pid, vid = new_id(), new_id()
    alice.push_ok(
        change("project", pid, "create", project_fields("03", name="CIEC Beauport")),
        change(
            "visit",
            vid,
            "create",
            {
                "project_id": [None, pid],
                "visited_at": [None, "2026-06-12T10:00"],
                "mode": [None, "sur_place"],
                "observations": [None, "Très bonne équipe"],
            },
        ),
    )
    _, alice_cursor = alice.pull_all()
    _, bruno_cursor = bruno.pull_all()
    admin.push_ok(change("project", pid, fields={"region_code": ["03", "06"]}))

    # alice: the project and its visit come back with a region outside hers: scope exit
    exits, _ = alice.pull_all(alice_cursor)
    by_record = {(e["kind"], e["record_id"]): e for e in exits}
    assert by_record[("project", pid)]["region_code"] == "06"
    assert by_record[("project", pid)]["previous_region_code"] == "03"
    assert by_record[("visit", vid)]["region_code"] == "06"
    # bruno: full copies of the project and of its visit
    gained, _ = bruno.pull_all(bruno_cursor)
    visit = next(e for e in gained if e["record_id"] == vid)
    assert visit["full"] is True
    assert visit["values"]["observations"] == "Très bonne équipe"
    project = next(e for e in gained if e["record_id"] == pid and e["full"])
    assert project["values"]["name"] == "CIEC Beauport"

    # from now on alice may not touch it, bruno may
    assert alice.push(change("visit", vid, fields={"place": [None, "X"]})).status_code == 403
    assert bruno.push(change("visit", vid, fields={"place": [None, "X"]})).status_code == 200
    # and alice no longer receives its changes
    later, _ = alice.pull_all(alice.pull_all()[1])
    assert later == []


def test_admin_reads_and_writes_everything(api, world) -> None:
    admin = api("admin")
    admin.push_ok(change("project", world["project"], fields={"name": ["CIEC Rosemont", "R"]}))
    seen = {e["record_id"] for e in admin.pull_all()[0]}
    assert {world["project"], world["visit"], world["conflict"]} <= seen
    assert admin.http.get(f"/api/v1/attachments/{world['sha']}").status_code == 200
