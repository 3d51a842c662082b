"""Push: idempotent replay, whole-batch refusal, field-level merge and conflicts kept."""

from __future__ import annotations

import pytest

from tests.server.conftest import change, new_id, project_fields


def _record(entries: list[dict], kind: str, record_id: str) -> dict:
    """Fold pulled entries into the record a laptop would hold."""
    values: dict = {}
    deleted = False
    for entry in entries:
        if entry["kind"] == kind and entry["record_id"] == record_id:
            values.update(entry["values"])
            deleted = entry["deleted"]
    return {**values, "deleted": deleted}


def test_exact_replay_is_applied_once(api) -> None:
    alice = api("alice")
    pid = new_id()
    create = change("project", pid, "create", project_fields())
    first = alice.push_ok(create)
    assert first[0]["status"] == "applied"
    again = alice.push_ok(create)  # the response was lost: the laptop sends it again
    assert again[0]["status"] == "duplicate"
    assert again[0]["server_seq"] == first[0]["server_seq"]
    entries, _ = alice.pull_all()
    assert [e["change_id"] for e in entries].count(create["change_id"]) == 1


def test_same_change_id_with_other_content_is_refused(api) -> None:
    alice = api("alice")
    pid = new_id()
    create = change("project", pid, "create", project_fields())
    alice.push_ok(create)
    tampered = {**create, "fields": project_fields(name="Autre nom")}
    response = alice.push(tampered)
    assert response.status_code == 409
    body = response.json()
    assert body["error"] == "change_id_reused"
    assert body["entries"][0]["change_id"] == create["change_id"]


def test_batch_with_one_bad_entry_is_refused_whole(api) -> None:
    alice = api("alice")
    good_id, bad_id = new_id(), new_id()
    good = change("project", good_id, "create", project_fields())
    bad = change("project", bad_id, "create", project_fields(season_year="deux mille"))
    response = alice.push(good, bad)
    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "invalid"
    assert body["entries"][0]["index"] == 1
    assert body["entries"][0]["field"] == "season_year"
    assert "Année" in body["entries"][0]["message"]
    entries, _ = alice.pull_all()
    assert good_id not in {e["record_id"] for e in entries}  # nothing applied


def test_unknown_field_kind_and_missing_required_field(api) -> None:
    alice = api("alice")
    pid = new_id()
    unknown_field = change("project", pid, "create", {**project_fields(), "couleur": [None, "x"]})
    unknown_kind = change("vaisseau", new_id(), "create", {"name": [None, "x"]})
    no_name = change("project", new_id(), "create", project_fields(name=None))
    response = alice.push(unknown_field, unknown_kind, no_name)
    assert response.status_code == 422
    problems = {(p["index"], p["field"]) for p in response.json()["entries"]}
    assert (0, "couleur") in problems
    assert (1, None) in problems
    assert (2, "name") in problems
    assert "obligatoire" in response.json()["message"] or response.json()["entries"]


def test_bad_op_and_bad_change_id_are_422_in_french(api) -> None:
    alice = api("alice")
    bad_op = change("project", new_id(), "create", project_fields())
    bad_op["op"] = "merge"
    response = alice.push(bad_op)
    assert response.status_code == 422
    assert response.json()["entries"][0]["index"] == 0
    assert "changes[0].op" in response.json()["message"]
    bad_id = change("project", new_id(), "create", project_fields(), change_id="pas-un-uuid")
    response = alice.push(bad_id)
    assert response.status_code == 422
    assert "UUID" in response.json()["message"]


def test_different_fields_both_survive(api) -> None:
    alice, chloe = api("alice"), api("chloe")
    pid = new_id()
    alice.push_ok(change("project", pid, "create", project_fields(name="CIEC Vanier")))
    alice.push_ok(change("project", pid, fields={"stage": [None, "comite_local"]}))
    chloe.push_ok(change("project", pid, fields={"notes": [None, "Réunion le 3 juin"]}))
    entries, _ = chloe.pull_all()
    record = _record(entries, "project", pid)
    assert record["stage"] == "comite_local"
    assert record["notes"] == "Réunion le 3 juin"
    assert not any(e["kind"] == "conflict" and e["values"].get("target_id") == pid for e in entries)


def test_identical_edits_are_not_a_conflict(api) -> None:
    alice, chloe = api("alice"), api("chloe")
    pid = new_id()
    alice.push_ok(change("project", pid, "create", project_fields(name="CIEC A")))
    a = alice.push_ok(change("project", pid, fields={"name": ["CIEC A", "CIEC B"]}))
    c = chloe.push_ok(change("project", pid, fields={"name": ["CIEC A", "CIEC B"]}))
    assert a[0]["status"] == c[0]["status"] == "applied"


def test_same_field_conflict_keeps_both_values_whatever_the_order(api) -> None:
    """The change the server receives last wins, whatever the laptops' clocks say (issue 13,
    point 8); the other value waits in a conflict record."""
    for first, second in (("alice", "chloe"), ("chloe", "alice")):
        clients = {"alice": api("alice"), "chloe": api("chloe")}
        pid = new_id()
        clients["alice"].push_ok(change("project", pid, "create", project_fields(name="Départ")))
        early = change(
            "project", pid, fields={"name": ["Départ", "Nom d'Alice"]}, at="2026-06-02T10:00:00Z"
        )
        late = change(
            "project", pid, fields={"name": ["Départ", "Nom de Chloé"]}, at="2026-06-02T11:00:00Z"
        )
        by_user = {"alice": early, "chloe": late}
        names = {"alice": "Nom d'Alice", "chloe": "Nom de Chloé"}
        clients[first].push_ok(by_user[first])
        results = clients[second].push_ok(by_user[second])
        assert results[0]["status"] == "conflict"
        entries, _ = clients["alice"].pull_all()
        assert _record(entries, "project", pid)["name"] == names[second]
        conflicts = [
            e for e in entries if e["kind"] == "conflict" and e["values"].get("target_id") == pid
        ]
        assert len(conflicts) == 1
        values = conflicts[0]["values"]
        assert values["field"] == "name"
        assert values["kept_value"] == names[second]
        assert values["other_value"] == names[first]
        assert values["status"] == "ouvert"
        assert values["region_code"] == "03"
        assert conflicts[0]["record_id"] == results[0]["conflict_ids"][0]


def test_long_text_conflict_never_loses_a_text(api) -> None:
    alice, chloe = api("alice"), api("chloe")
    pid, vid = new_id(), new_id()
    alice.push_ok(change("project", pid, "create", project_fields()))
    visit = {
        "project_id": [None, pid],
        "visited_at": [None, "2026-06-03T10:00"],
        "mode": [None, "sur_place"],
        "observations": [None, "Début"],
    }
    alice.push_ok(change("visit", vid, "create", visit))
    text_a = ("Début\n" + "Alice a noté beaucoup de choses. " * 200).strip()
    text_c = ("Début\n" + "Chloé a noté autre chose. " * 200).strip()
    alice.push_ok(change("visit", vid, fields={"observations": ["Début", text_a]}))
    chloe.push_ok(change("visit", vid, fields={"observations": ["Début", text_c]}))
    entries, _ = alice.pull_all()
    kept = _record(entries, "visit", vid)["observations"]
    conflict = next(
        e["values"]
        for e in entries
        if e["kind"] == "conflict" and e["values"].get("target_id") == vid
    )
    assert {kept, conflict["other_value"]} == {text_a, text_c}


def test_resolving_a_conflict_is_a_change_that_syncs(api) -> None:
    alice, chloe = api("alice"), api("chloe")
    pid = new_id()
    alice.push_ok(change("project", pid, "create", project_fields(name="X")))
    alice.push_ok(change("project", pid, fields={"name": ["X", "A"]}))
    conflict_id = chloe.push_ok(change("project", pid, fields={"name": ["X", "C"]}))[0][
        "conflict_ids"
    ][0]
    alice.push_ok(
        change("conflict", conflict_id, fields={"status": ["ouvert", "resolu"]}),
        change("project", pid, fields={"name": ["C", "A"]}),
    )
    entries, _ = chloe.pull_all()
    assert _record(entries, "conflict", conflict_id)["status"] == "resolu"
    assert _record(entries, "project", pid)["name"] == "A"
    # a client may not rewrite what the conflict recorded
    response = alice.push(change("conflict", conflict_id, fields={"other_value": ["C", "Z"]}))
    assert response.status_code == 422


def test_delete_against_concurrent_edit_keeps_the_edit(api) -> None:
    alice, chloe = api("alice"), api("chloe")
    pid = new_id()
    created = alice.push_ok(change("project", pid, "create", project_fields(name="P")))
    base = created[0]["server_seq"]
    chloe.push_ok(change("project", pid, fields={"notes": [None, "Notes de Chloé"]}))
    result = alice.push_ok(change("project", pid, "delete", base_seq=base))
    assert result[0]["status"] == "conflict"
    entries, _ = chloe.pull_all()
    record = _record(entries, "project", pid)
    assert record["deleted"] is True  # the delete is later
    assert record["notes"] == "Notes de Chloé"  # the tombstone keeps the edit
    conflict = next(
        e["values"]
        for e in entries
        if e["kind"] == "conflict" and e["values"].get("target_id") == pid
    )
    assert conflict["field"] == "deleted"
    assert conflict["details"] == {"notes": "Notes de Chloé"}
    # restore brings it back with everything
    alice.push_ok(change("project", pid, "restore"))
    entries, _ = chloe.pull_all()
    assert _record(entries, "project", pid)["deleted"] is False


def test_edit_arriving_after_a_delete_wins_when_later(api) -> None:
    alice, chloe = api("alice"), api("chloe")
    pid = new_id()
    alice.push_ok(change("project", pid, "create", project_fields(name="P")))
    alice.push_ok(change("project", pid, "delete", at="2026-06-05T09:00:00Z"))
    result = chloe.push_ok(
        change("project", pid, fields={"notes": [None, "Vu hier"]}, at="2026-06-05T10:00:00Z")
    )
    assert result[0]["status"] == "conflict"
    entries, _ = alice.pull_all()
    record = _record(entries, "project", pid)
    assert record["deleted"] is False
    assert record["notes"] == "Vu hier"


def test_update_of_a_record_the_server_lacks_is_refused_not_dropped(api) -> None:
    alice = api("alice")
    results = alice.push_ok(change("project", new_id(), fields={"notes": [None, "x"]}))
    assert results[0]["status"] == "refused"
    assert results[0]["reason"] == "record_unknown"
    assert results[0]["server_seq"] is None


def test_batch_too_large_is_413(api) -> None:
    alice = api("alice")
    changes = [change("project", new_id(), "create", project_fields()) for _ in range(501)]
    response = alice.push(*changes)
    assert response.status_code == 413
    assert response.json()["error"] == "too_large"


def test_body_too_large_is_413(api) -> None:
    alice = api("alice")
    huge = change("project", new_id(), "create", project_fields(notes="x" * (9 * 1024 * 1024)))
    response = alice.push(huge)
    assert response.status_code == 413
    assert response.json()["error"] == "too_large"


def test_a_laptop_clock_far_ahead_does_not_win_every_conflict(api) -> None:
    alice, chloe = api("alice"), api("chloe")
    pid = new_id()
    alice.push_ok(change("project", pid, "create", project_fields(name="Départ")))
    alice.push_ok(
        change("project", pid, fields={"name": ["Départ", "Horloge folle"]},
               at="2099-01-01T00:00:00Z")
    )  # fmt: skip
    import datetime as dt

    now = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1)
    chloe.push_ok(change("project", pid, fields={"name": ["Départ", "Heure juste"]}, at=now))
    entries, _ = alice.pull_all()
    assert _record(entries, "project", pid)["name"] == "Heure juste"


def test_identical_create_from_two_laptops_is_not_a_conflict(api) -> None:
    alice, chloe = api("alice"), api("chloe")
    sid = new_id()
    school = {"name": [None, "École Vanier"], "municipality": [None, "Québec"],
              "region_code": [None, "03"]}  # fmt: skip
    alice.push_ok(change("school", sid, "create", school))
    assert chloe.push_ok(change("school", sid, "create", school))[0]["status"] == "applied"


def test_history_keeps_who_when_and_device(api, live) -> None:
    from coordinator_app.server import privacy

    alice = api("alice", "portable de Québec")
    pid = new_id()
    # the account's person authors the change, whatever name the laptop sent
    alice.push_ok(change("project", pid, "create", project_fields(), author="root"))
    history = privacy.history(live.engine, "project", pid)
    assert history[0]["author"] == "Alice Tremblay"
    assert history[0]["author_id"] == "alice"
    assert history[0]["username"] == "alice"
    assert history[0]["device_id"] == alice.device_id
    assert history[0]["at"].startswith("2026-")
    assert history[0]["received_at"]


def test_text_that_cannot_be_stored_is_refused_not_a_server_error(api) -> None:
    import json

    alice = api("alice")
    bad = change("project", new_id(), "create", project_fields(name="x\ud800y"))
    body = json.dumps({"device_id": alice.device_id, "changes": [bad]})  # \ud800 escaped
    response = alice.http.post(
        "/api/v1/push", content=body.encode(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    assert "Unicode" in response.json()["message"]


def test_conflict_on_a_coordinator_record_reaches_the_coordinators(api) -> None:
    alice, bruno = api("alice"), api("bruno")
    cid = new_id()
    alice.push_ok(change("coordinator", cid, "create", {"name": [None, "Julie Roy"]}))
    alice.push_ok(change("coordinator", cid, fields={"phone": [None, "418 555-1234"]}))
    conflict_id = bruno.push_ok(
        change("coordinator", cid, fields={"phone": [None, "514 555-9876"]})
    )[0]["conflict_ids"][0]
    for user in (alice, bruno):
        entries, _ = user.pull_all()
        assert conflict_id in {e["record_id"] for e in entries if e["kind"] == "conflict"}
    bruno.push_ok(change("conflict", conflict_id, fields={"status": ["ouvert", "resolu"]}))


@pytest.mark.parametrize("alice_first", [True, False])
def test_stage_notes_and_name_edited_offline_by_two(api, alice_first: bool) -> None:
    """One edits the stage, the other the notes, both the name: the project ends with the stage,
    the notes and one name; the other name waits in a conflict both can see."""
    alice, chloe = api("alice"), api("chloe")
    pid = new_id()
    alice.push_ok(change("project", pid, "create", project_fields(name="CIEC")))
    by_alice = change(
        "project", pid, fields={"stage": [None, "recrutement"], "name": ["CIEC", "CIEC Charlesbourg"]},
        at="2026-06-20T10:00:00Z",
    )  # fmt: skip
    by_chloe = change(
        "project", pid, fields={"notes": [None, "Budget accepté"], "name": ["CIEC", "CIEC de Charlesbourg"]},
        at="2026-06-20T10:05:00Z",
    )  # fmt: skip
    pushes = [(alice, by_alice), (chloe, by_chloe)]
    for client, body in pushes if alice_first else reversed(pushes):
        client.push_ok(body)
    received_last, other = (
        ("CIEC de Charlesbourg", "CIEC Charlesbourg")
        if alice_first
        else ("CIEC Charlesbourg", "CIEC de Charlesbourg")
    )
    for client in (alice, chloe):
        entries, _ = client.pull_all()
        record = _record(entries, "project", pid)
        assert record["stage"] == "recrutement"
        assert record["notes"] == "Budget accepté"
        assert record["name"] == received_last  # the server's receive order decides
        conflicts = [
            e["values"] for e in entries
            if e["kind"] == "conflict" and e["values"].get("target_id") == pid
        ]  # fmt: skip
        assert [(c["field"], c["other_value"]) for c in conflicts] == [("name", other)]


def test_replay_with_another_base_seq_is_still_a_duplicate(api) -> None:
    alice = api("alice")
    pid = new_id()
    seq = alice.push_ok(change("project", pid, "create", project_fields()))[0]["server_seq"]
    delete = change("project", pid, "delete", base_seq=seq)
    alice.push_ok(delete)
    again = {k: v for k, v in delete.items() if k != "base_seq"}
    assert alice.push_ok(again)[0]["status"] == "duplicate"
