"""Issue 13's attacks on the sync, each over raw HTTP with a real token against the real server on
SQLite and on PostgreSQL: every one of them must now fail (points 2, 5, 6, 7, 8, 9, 10, 11)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from coordinator_app.server import privacy
from tests.server.conftest import Api, change, new_id, project_fields
from tests.support.live_server import (
    LiveServer,
    postgres_reachable,
    postgres_schema_url,
    start_live_server,
)

USERS = [
    {"username": "admin", "role": "admin", "regions": []},
    {"username": "c03", "regions": ["03"]},
    {"username": "d03", "regions": ["03"]},
    {"username": "c06", "regions": ["06"]},
]


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def server(request, tmp_path_factory) -> Iterator[LiveServer]:
    workdir = tmp_path_factory.mktemp(request.param)
    if request.param == "sqlite":
        live = start_live_server(workdir, users=USERS, max_devices_per_user=10_000)
        yield live
        live.close()
        return
    reason = postgres_reachable()
    if reason:
        pytest.fail(reason)
    with postgres_schema_url() as url:
        live = start_live_server(workdir, db_url=url, users=USERS, max_devices_per_user=10_000)
        yield live
        live.close()


@pytest.fixture
def api(server) -> Iterator:
    opened: list[Api] = []

    def make(username: str) -> Api:
        client = Api(server, username)
        opened.append(client)
        return client

    yield make
    for client in opened:
        client.close()


def _project(client: Api, region: str = "03", **extra) -> str:
    pid = new_id()
    client.push_ok(change("project", pid, "create", project_fields(region, **extra)))
    return pid


def _contract(pid: str, amount) -> dict:
    fields = {
        "project_id": [None, pid],
        "client_type": [None, "residentiel"],
        "service": [None, "Tonte"],
        "amount": [None, amount],
    }
    return change("contract", new_id(), "create", fields)


def _latest(entries: list[dict], kind: str, record_id: str) -> dict:
    values: dict = {}
    for entry in entries:
        if entry["kind"] == kind and entry["record_id"] == record_id:
            values.update(entry["values"])
            values["deleted"] = entry["deleted"]
    return values


# -- point 2: bounded values ---------------------------------------------------------------------
@pytest.mark.parametrize("amount", [2**63, 2**63 - 1, 1_000_000_001])
def test_a_poison_amount_is_refused_with_422_naming_the_field(api, amount) -> None:
    c03 = api("c03")
    pid = _project(c03)
    response = c03.push(_contract(pid, amount))
    assert response.status_code == 422, response.text
    body = response.json()
    assert body["error"] == "invalid"
    assert "Montant" in body["message"] or "amount" in body["message"]
    # the region keeps syncing: a new laptop pulls everything from 0
    entries, _ = api("d03").pull_all()
    assert pid in {e["record_id"] for e in entries}


def test_ten_million_dollars_is_still_accepted(api) -> None:
    c03 = api("c03")
    pid = _project(c03)
    assert c03.push_ok(_contract(pid, 1_000_000_000))[0]["status"] == "applied"


def test_an_attachment_record_of_three_gib_is_refused(api) -> None:
    c03 = api("c03")
    pid = _project(c03)
    fields = {
        "project_id": [None, pid],
        "sha256": [None, "a" * 64],
        "filename": [None, "x.bin"],
        "size": [None, 3 * 1024**3],
    }
    response = c03.push(change("attachment", new_id(), "create", fields))
    assert response.status_code == 422
    assert "Taille" in response.json()["message"]


def test_a_birth_date_in_year_1_is_refused(api) -> None:
    c03 = api("c03")
    pid = _project(c03)
    fields = {
        "project_id": [None, pid],
        "first_name": [None, "A"],
        "last_name": [None, "B"],
        "birth_date": [None, "0001-01-01"],
    }
    response = c03.push(change("participant", new_id(), "create", fields))
    assert response.status_code == 422
    assert "1900-01-01" in response.json()["message"]


# -- point 10: malformed input is a 4xx, never a 500 nor a dropped connection ----------------------
@pytest.mark.parametrize("at", ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00"])
def test_an_at_outside_any_datetime_is_422(api, at) -> None:
    c03 = api("c03")
    response = c03.push(change("project", new_id(), "create", project_fields(), at=at))
    assert response.status_code == 422, response.text
    assert response.json()["error"] == "invalid"


@pytest.mark.parametrize("raw", ["NaN", "1e999", "-1e999", "Infinity", "99999999999999999999999"])
def test_nan_and_huge_numbers_inside_fields_are_422(api, raw) -> None:
    c03 = api("c03")
    pid = _project(c03)
    body = (
        f'{{"device_id": "{c03.device_id}", "changes": [{{"change_id": "{new_id()}", "kind": "project", '
        f'"record_id": "{pid}", "op": "update", "fields": {{"committee": [null, [{{"n": {raw}}}]]}}, '
        '"at": "2026-06-01T12:00:00+00:00"}]}'
    )
    response = c03.http.post(
        "/api/v1/push", content=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 422, response.text
    assert response.json()["error"] == "invalid"


# -- point 9: the register of communications is append-only ----------------------------------------
def _access_log(region: str = "03") -> dict:
    fields = {
        "logged_at": [None, "2026-06-01T10:00"],
        "actor": [None, "c03"],
        "action": [None, "export_participants"],
        "subject": [None, "Liste des jeunes"],
        "region_code": [None, region],
    }
    return change("access_log", new_id(), "create", fields)


@pytest.mark.parametrize("user", ["d03", "admin"])
def test_nobody_rewrites_or_deletes_an_entry_of_the_register(api, user) -> None:
    c03 = api("c03")
    entry = _access_log()
    c03.push_ok(entry)
    other = api(user)
    rid = entry["record_id"]
    for attempt in (
        change("access_log", rid, fields={"subject": ["Liste des jeunes", "Rien"]}),
        change("access_log", rid, "delete"),
        change("access_log", rid, "create", {"subject": [None, "Autre chose"]}),
    ):
        response = other.push(attempt)
        assert response.status_code == 403, response.text
        assert "ni modifiée ni effacée" in response.json()["message"]
    entries, _ = api("admin").pull_all()
    kept = _latest(entries, "access_log", rid)
    assert kept["subject"] == "Liste des jeunes" and kept["deleted"] is False


# -- point 8: receive order, not the laptops' clocks ------------------------------------------------
@pytest.mark.parametrize("ahead", [dt.timedelta(hours=3), dt.timedelta(minutes=4)])
def test_a_fast_clock_never_beats_an_honest_edit_received_after_it(api, ahead) -> None:
    fast, honest = api("c03"), api("d03")
    pid = _project(fast, name="Départ")
    now = dt.datetime.now(dt.UTC)
    fast.push_ok(
        change("project", pid, fields={"name": ["Départ", "Horloge rapide"]}, at=now + ahead)
    )
    results = honest.push_ok(
        change(
            "project",
            pid,
            fields={"name": ["Départ", "Heure juste"]},
            at=now + dt.timedelta(seconds=30),
        )
    )
    assert results[0]["status"] == "conflict"
    entries, _ = api("admin").pull_all()
    assert _latest(entries, "project", pid)["name"] == "Heure juste"


# -- point 7: a delete never hides an edit its laptop did not see -----------------------------------
def test_a_delete_after_a_cut_pull_reports_the_edit_it_never_saw(api) -> None:
    a, b = api("c03"), api("d03")
    pid = _project(a, name="P")
    _, cursor = a.pull_all()  # laptop A holds the project
    b.push_ok(change("project", pid, fields={"notes": [None, "Note de B"]}))  # A never pulls this
    own = a.push_ok(change("project", pid, fields={"stage": [None, "comite_local"]}))
    # A's pull is cut: its base_seq is its own acknowledged seq, after B's edit
    result = a.push_ok(change("project", pid, "delete", base_seq=own[0]["server_seq"]))
    assert result[0]["status"] == "conflict"
    entries, _ = api("admin").pull_all()
    conflict = next(
        e["values"]
        for e in entries
        if e["kind"] == "conflict" and e["values"].get("target_id") == pid
    )
    assert conflict["field"] == "deleted"
    assert conflict["details"]["notes"] == "Note de B"
    assert cursor > 0


def test_a_delete_by_a_laptop_that_pulled_the_edit_is_not_a_conflict(api) -> None:
    a, b = api("c03"), api("d03")
    pid = _project(a, name="P")
    edit = b.push_ok(change("project", pid, fields={"notes": [None, "Note de B"]}))
    a.pull_all()
    a.http.get("/api/v1/pull", params={"since": edit[0]["server_seq"]})  # the cursor A stored
    result = a.push_ok(change("project", pid, "delete", base_seq=edit[0]["server_seq"]))
    assert result[0]["status"] == "applied"


# -- point 5: deterministic conflict ids ------------------------------------------------------------
def test_a_conflict_id_is_derived_from_the_changes_it_is_about(api) -> None:
    from coordinator_app.server.sync.merge import Stamp, conflict_id_for
    from coordinator_app.server.sync.record import Record as _Record

    a, b = api("c03"), api("d03")
    pid = _project(a, name="X")
    first = change("project", pid, fields={"name": ["X", "A"]})
    second = change("project", pid, fields={"name": ["X", "B"]})
    a.push_ok(first)
    conflict_id = b.push_ok(second)[0]["conflict_ids"][0]
    target = _Record("project", pid, {}, {}, False, "03", pid, "")
    stamps = [Stamp("", c["change_id"], None, None) for c in (first, second)]
    assert conflict_id == conflict_id_for(target, "name", *stamps)
    assert conflict_id == conflict_id_for(target, "name", *reversed(stamps))


# -- point 11: another region's history and existence stay hidden -----------------------------------
def test_a_user_pulling_from_0_gets_no_history_of_a_project_moved_away(api) -> None:
    c03, admin = api("c03"), api("admin")
    pid = _project(c03, name="Projet secret")
    c03.push_ok(change("project", pid, fields={"notes": [None, "Notes internes"]}))
    admin.push_ok(change("project", pid, fields={"region_code": ["03", "06"]}))
    entries, _ = api("d03").pull_all()
    about = [e for e in entries if e["record_id"] == pid]
    assert all(e["values"] == {} for e in about), about
    assert "Projet secret" not in str(entries) and "Notes internes" not in str(entries)
    # the user of 06 gets all of it
    moved = _latest(api("c06").pull_all()[0], "project", pid)
    assert moved["name"] == "Projet secret" and moved["notes"] == "Notes internes"


def test_refusals_do_not_name_another_regions_record(api) -> None:
    c06, c03 = api("c06"), api("c03")
    pid = _project(c06, "06", name="Projet de Montréal")
    response = c03.push(change("project", pid, fields={"notes": [None, "x"]}))
    assert response.status_code == 403
    message = response.json()["message"].replace(pid, "ID")
    assert "06" not in message and "Montréal" not in message


# -- point 6: anonymised values are scrubbed from the log ------------------------------------------
def _participant(pid: str) -> dict:
    fields = {
        "project_id": [None, pid],
        "first_name": [None, "Léa"],
        "last_name": [None, "Bouchard"],
        "birth_date": [None, "2010-05-17"],
        "consent_by": [None, "Marie Bouchard"],
        "consent_date": [None, "2026-05-01"],
        "consent_purposes": [None, ["suivi"]],
    }
    return change("participant", new_id(), "create", fields)


def _no_personal_values(entries: list[dict]) -> None:
    text = str(entries)
    for value in ("Léa", "Bouchard", "2010-05-17"):
        assert value not in text, value


def test_a_consent_withdrawal_pushed_by_a_laptop_scrubs_the_log(api, server) -> None:
    c03 = api("c03")
    pid = _project(c03)
    person = _participant(pid)
    c03.push_ok(person)
    rid = person["record_id"]
    c03.push_ok(change("participant", rid, fields={"first_name": ["Léa", "Léo"]}))
    withdrawal = {
        "first_name": ["Léo", "Anonyme"],
        "last_name": ["Bouchard", "Anonyme"],
        "birth_date": ["2010-05-17", "2010-01-01"],
        "consent_by": ["Marie Bouchard", None],
        "anonymised": [False, True],
    }
    c03.push_ok(change("participant", rid, fields=withdrawal))
    entries, _ = api("d03").pull_all()  # a new laptop, from 0
    _no_personal_values([e for e in entries if e["record_id"] == rid])
    assert "Léo" not in str([e for e in entries if e["record_id"] == rid])
    history = privacy.history(server.engine, "participant", rid)
    assert "Bouchard" not in str(history) and "Léo" not in str(history)


def test_a_stale_edit_cannot_bring_a_name_back_after_anonymisation(api) -> None:
    c03, d03 = api("c03"), api("d03")
    pid = _project(c03)
    person = _participant(pid)
    c03.push_ok(person)
    rid = person["record_id"]
    c03.push_ok(
        change(
            "participant",
            rid,
            fields={
                "first_name": ["Léa", "Anonyme"],
                "last_name": ["Bouchard", "Anonyme"],
                "birth_date": ["2010-05-17", "2010-01-01"],
                "consent_by": ["Marie Bouchard", None],
                "anonymised": [False, True],
            },
        )
    )
    d03.push_ok(change("participant", rid, fields={"first_name": ["Léa", "Léa-Rose"]}))
    entries, _ = api("admin").pull_all()
    assert _latest(entries, "participant", rid)["first_name"] == "Anonyme"
    assert "Léa" not in str([e for e in entries if e["record_id"] == rid])


def test_a_retention_purge_scrubs_the_log(api, server) -> None:
    c03 = api("c03")
    pid = _project(c03, end_date="2020-08-15")
    person = _participant(pid)
    person["fields"]["birth_date"] = [None, "2005-05-17"]
    person["fields"]["first_name"] = [None, "Zoé"]
    c03.push_ok(person)
    rid = person["record_id"]
    privacy.purge(server.engine, dt.date(2026, 11, 1), dry_run=False)
    entries, _ = api("d03").pull_all()
    mine = [e for e in entries if e["record_id"] == rid]
    assert _latest(entries, "participant", rid)["anonymised"] is True
    assert "Zoé" not in str(mine) and "2005-05-17" not in str(mine) and "Marie" not in str(mine)


def test_the_name_of_an_anonymised_participant_leaves_the_visits_history(api) -> None:
    c03 = api("c03")
    pid = _project(c03)
    person = _participant(pid)
    c03.push_ok(person)
    visit_fields = {
        "project_id": [None, pid],
        "visited_at": [None, "2026-06-03T10:00"],
        "mode": [None, "sur_place"],
        "people_present": [None, ["Léa Bouchard", "Marc Roy"]],
    }
    visit = change("visit", new_id(), "create", visit_fields)
    c03.push_ok(visit)
    withdrawal = {
        "first_name": ["Léa", "Anonyme"],
        "last_name": ["Bouchard", "Anonyme"],
        "birth_date": ["2010-05-17", "2010-01-01"],
        "consent_by": ["Marie Bouchard", None],
        "anonymised": [False, True],
    }
    c03.push_ok(change("participant", person["record_id"], fields=withdrawal))
    entries, _ = api("d03").pull_all()
    present = _latest(entries, "visit", visit["record_id"])["people_present"]
    assert present == ["Anonyme", "Marc Roy"]
