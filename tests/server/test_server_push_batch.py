"""Push works per batch (records read together, written together): what one batch does must be
exactly what the same changes do one by one — later entries see earlier ones, a refused or bad
entry leaks nothing, and the log's order is the batch's order."""

from __future__ import annotations

from tests.server.conftest import change, new_id, project_fields


def _visit(pid: str, text: str = "Très bonne équipe") -> dict:
    return {
        "project_id": [None, pid],
        "visited_at": [None, "2026-06-12T10:00"],
        "mode": [None, "sur_place"],
        "observations": [None, text],
    }


def _state(entries: list[dict], kind: str, record_id: str) -> dict:
    values: dict = {}
    for entry in entries:
        if entry["kind"] == kind and entry["record_id"] == record_id:
            values.update(entry["values"])
            values["region_code"] = entry["region_code"]
            values["deleted"] = entry["deleted"]
    return values


def test_one_batch_creates_a_project_its_visit_and_edits_both(api) -> None:
    alice = api("alice")
    _, cursor = alice.pull_all()
    pid, vid = new_id(), new_id()
    results = alice.push_ok(
        change("project", pid, "create", project_fields(name="CIEC Beauport")),
        change("visit", vid, "create", _visit(pid)),
        change("project", pid, fields={"name": ["CIEC Beauport", "CIEC Beauport-Est"]}),
        change("visit", vid, fields={"observations": ["Très bonne équipe", "Équipe soudée"]}),
        change("project", pid, fields={"name": ["CIEC Beauport-Est", "CIEC Giffard"]}),
    )
    assert [r["status"] for r in results] == ["applied"] * 5
    seqs = [r["server_seq"] for r in results]
    assert seqs == sorted(seqs) and len(set(seqs)) == 5  # log order is the batch's order

    entries, _ = alice.pull_all(cursor)
    assert [e["seq"] for e in entries] == seqs
    assert _state(entries, "project", pid)["name"] == "CIEC Giffard"
    visit = _state(entries, "visit", vid)
    assert visit["observations"] == "Équipe soudée"
    assert visit["region_code"] == "03"  # a child created with its parent gets its region

    # and the server kept them: a later batch edits from there without conflict
    again = alice.push_ok(change("project", pid, fields={"name": ["CIEC Giffard", "CIEC G."]}))
    assert again[0]["status"] == "applied"


def test_conflict_between_two_entries_of_one_batch_is_kept(api) -> None:
    alice = api("alice")
    pid = new_id()
    alice.push_ok(change("project", pid, "create", project_fields(name="A")))
    results = alice.push_ok(
        change("project", pid, fields={"name": ["A", "B"]}),
        change("project", pid, fields={"name": ["A", "C"]}),  # made from the old value
    )
    assert results[0]["status"] == "applied"
    assert results[1]["status"] == "conflict"
    (conflict_id,) = results[1]["conflict_ids"]
    entries, _ = alice.pull_all()
    conflict = _state(entries, "conflict", conflict_id)
    assert {conflict["kept_value"], conflict["other_value"]} == {"B", "C"}
    assert _state(entries, "project", pid)["name"] == "C"  # the later change wins


def test_refused_entry_in_a_batch_leaves_the_others_and_nothing_of_itself(api) -> None:
    alice = api("alice")
    pid, orphan, missing = new_id(), new_id(), new_id()
    results = alice.push_ok(
        change("project", pid, "create", project_fields(name="Ferme Ouest")),
        change("visit", orphan, "create", _visit(missing)),  # parent the server lacks
        change("project", pid, fields={"name": ["Ferme Ouest", "Ferme Est"]}),
    )
    assert [r["status"] for r in results] == ["applied", "refused", "applied"]
    assert results[1]["reason"] == "parent_unknown"
    entries, _ = alice.pull_all()
    assert orphan not in {e["record_id"] for e in entries}
    assert _state(entries, "project", pid)["name"] == "Ferme Est"


def test_batch_refused_whole_writes_nothing_even_after_good_entries(api) -> None:
    alice = api("alice")
    _, cursor = alice.pull_all()
    pid, vid = new_id(), new_id()
    response = alice.push(
        change("project", pid, "create", project_fields()),
        change("visit", vid, "create", _visit(pid)),
        change("project", pid, fields={"season_year": [2026, "deux mille"]}),
    )
    assert response.status_code == 422
    assert response.json()["entries"][0]["index"] == 2
    entries, _ = alice.pull_all(cursor)
    assert not {pid, vid} & {e["record_id"] for e in entries}
    # the same ids work afterwards: nothing half-written is in the way
    assert [
        r["status"] for r in alice.push_ok(change("project", pid, "create", project_fields()))
    ] == ["applied"]


def test_duplicate_inside_one_batch_and_replay_of_a_whole_batch(api) -> None:
    alice = api("alice")
    pid = new_id()
    create = change("project", pid, "create", project_fields())
    edit = change("project", pid, fields={"name": ["CIEC de Limoilou", "CIEC Vanier"]})
    first = alice.push_ok(create, edit, create)
    assert [r["status"] for r in first] == ["applied", "applied", "duplicate"]
    assert first[2]["server_seq"] == first[0]["server_seq"]
    replay = alice.push_ok(create, edit)  # the reply was lost: the whole batch comes again
    assert [r["status"] for r in replay] == ["duplicate", "duplicate"]
    assert [r["server_seq"] for r in replay] == [r["server_seq"] for r in first[:2]]


def test_project_moved_in_the_batch_that_created_its_visit_takes_the_visit_along(api) -> None:
    admin, bruno = api("admin"), api("bruno")
    _, bruno_cursor = bruno.pull_all()
    pid, vid = new_id(), new_id()
    admin.push_ok(
        change("project", pid, "create", project_fields("03", name="CIEC Charlesbourg")),
        change("visit", vid, "create", _visit(pid, "Visite avant le déménagement")),
        change("project", pid, fields={"region_code": ["03", "06"]}),
    )
    gained, _ = bruno.pull_all(bruno_cursor)
    visit = _state(gained, "visit", vid)
    assert visit["region_code"] == "06"
    assert visit["observations"] == "Visite avant le déménagement"
    assert bruno.push(change("visit", vid, fields={"place": [None, "Serre"]})).status_code == 200
