"""The subscribed calendar (``/calendar/<secret>.ics``) over real TLS: what an account sees in
Outlook after a sync, and what it must never see."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest
import sqlalchemy as sa
from icalendar import Calendar

from coordinator_app.server import db
from tests.server.backends import running
from tests.server.conftest import Api, change, new_id, project_fields
from tests.support.live_server import start_live_server

SOON = (dt.date.today() + dt.timedelta(days=3)).isoformat()


def _visit(project_id: str, made_by: list[str], place: str) -> dict:
    values = {
        "project_id": project_id,
        "visited_at": f"{SOON}T09:30",
        "mode": "sur_place",
        "status": "planifiee",
        "place": place,
        "purpose": "Préparer l'assemblée",
        "made_by": made_by,
        "people_present": ["Zoé Participante"],
    }
    return {k: [None, v] for k, v in values.items()}


def _feed(live, url: str) -> httpx.Response:
    """As a calendar program fetches it: no token, no version headers, only the address."""
    return httpx.get(url, verify=live.ssl_context(), timeout=30)


def test_an_account_sees_its_planned_visits_and_its_regions_dates_and_nothing_else(live, api):
    _own_visits_and_regions_only(live, api("alice"), api("bruno"))


@pytest.mark.postgres
def test_the_feed_on_postgresql(tmp_path):
    """The feed's JSON filters (visit dates, due dates) on PostgreSQL's json type too."""
    users = [{"username": "alice", "regions": ["03"]}, {"username": "bruno", "regions": ["06"]}]
    with running("postgresql", tmp_path, users) as server:
        alice, bruno = Api(server, "alice"), Api(server, "bruno")
        try:
            _own_visits_and_regions_only(server, alice, bruno)
        finally:
            alice.close()
            bruno.close()


def _own_visits_and_regions_only(live, alice, bruno) -> None:
    mine, other = new_id(), new_id()
    alice.push_ok(
        change(
            "project",
            mine,
            "create",
            project_fields("03", "CIEC de Limoilou", general_assembly_date=SOON),
        ),
        change(
            "visit", (visit := new_id()), "create", _visit(mine, ["alice"], "Salle paroissiale")
        ),
        change("visit", new_id(), "create", _visit(mine, ["chloe"], "Visite de Chloé")),
    )
    bruno.push_ok(
        change(
            "project",
            other,
            "create",
            project_fields("06", "CIEC de Rosemont", general_assembly_date=SOON),
        ),
        # even naming alice, a visit of another region never reaches her calendar
        change("visit", new_id(), "create", _visit(other, ["alice"], "Local de Rosemont")),
    )
    created = alice.http.post("/api/v1/calendar/feed")
    assert created.status_code == 200, created.text
    url = created.json()["url"]
    assert url.startswith(live.url) and url.endswith(".ics")

    response = _feed(live, url)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    assert [tz["TZID"] for tz in calendar.timezones] == ["America/Toronto"]
    summaries = {str(e["SUMMARY"]) for e in calendar.events}
    uids = {str(e["UID"]) for e in calendar.events}
    assert f"visit-{visit}@carnet-coop.cqcm.coop" in uids
    assert "Assemblée générale — CIEC de Limoilou" in summaries
    assert not any("Rosemont" in s for s in summaries)
    assert "Rosemont" not in response.text and "Chloé" not in response.text
    assert "Zoé" not in response.text  # people present are never in a calendar
    (planned,) = [e for e in calendar.events if str(e["UID"]).startswith("visit-")]
    start = planned.DTSTART
    assert (start.hour, start.minute, str(start.tzinfo)) == (9, 30, "America/Toronto")
    assert str(planned["LOCATION"]) == "Salle paroissiale"


def test_unknown_revoked_and_replaced_addresses_are_refused(live, api):
    alice = api("alice")
    unknown = _feed(live, f"{live.url}/calendar/pas-un-vrai-secret-0123456789abcdef.ics")
    assert unknown.status_code == 404
    assert "Calendrier inconnu" in unknown.json()["message"]

    first = alice.http.post("/api/v1/calendar/feed").json()["url"]
    assert _feed(live, first).status_code == 200
    assert alice.http.get("/api/v1/calendar/feed").json()["active"] is True
    second = alice.http.post("/api/v1/calendar/feed").json()["url"]
    assert _feed(live, first).status_code == 404  # a new address replaces the old one
    assert _feed(live, second).status_code == 200

    revoked = alice.http.delete("/api/v1/calendar/feed")
    assert revoked.json()["revoked"] == 1
    assert _feed(live, second).status_code == 404
    assert alice.http.get("/api/v1/calendar/feed").json()["active"] is False

    # the server keeps a hash only: the secret is nowhere in its database
    secret = second.rsplit("/", 1)[1].removesuffix(".ics")
    with live.engine.connect() as conn:
        stored = [tuple(r) for r in conn.execute(sa.select(db.calendar_feeds))]
    assert stored and not any(secret in str(row) for row in stored)


def test_an_account_shut_out_of_sync_is_shut_out_of_its_feed(live, api):
    live.add_user("denis", regions=["03"])
    denis = api("denis")
    url = denis.http.post("/api/v1/calendar/feed").json()["url"]
    assert _feed(live, url).status_code == 200
    live.revoke_user("denis")
    assert _feed(live, url).status_code == 404


def test_managing_a_feed_needs_a_device_token(live):
    with live.client() as http:
        assert http.post("/api/v1/calendar/feed").status_code in (401, 426)


def test_a_restore_keeps_each_accounts_live_feed_addresses(tmp_path):
    """Feed addresses are account data, like passwords and devices: restoring an older backup
    neither revives an address revoked since nor kills one created since."""
    server = start_live_server(
        tmp_path / "serveur", users=[{"username": "alice", "regions": ["03"]}]
    )
    alice = Api(server, "alice")
    try:
        old = alice.http.post("/api/v1/calendar/feed").json()["url"]
        backup = server.backup(tmp_path / "copie.sqlite3")
        new = alice.http.post("/api/v1/calendar/feed").json()["url"]  # revokes ``old``
        alice.close()
        server.restore(backup)
        assert _feed(server, old).status_code == 404
        assert _feed(server, new).status_code == 200
    finally:
        alice.close()
        server.close()
