"""The issue's « done when »: a coordinator plans next week's visits on Friday, they reach the other
laptop and her Outlook (the subscribed calendar) with nothing more than a sync, and she records each
visit from its planned entry: the same record, everywhere."""

from __future__ import annotations

import datetime as dt

import httpx
from icalendar import Calendar

from coordinator_app.domain import agenda
from coordinator_app.store import agenda_queries
from coordinator_app.sync import calendar_feed


def test_a_planned_visit_reaches_the_other_laptop_and_the_feed_then_is_recorded_once(laptops):
    alice, alice_office = laptops("alice"), laptops("alice-bureau", user="alice")
    bruno = laptops("bruno", regions=["06"])
    project = alice.store.create(
        "project",
        {"name": "CIEC de Limoilou", "program": "CIEC", "region_code": "03", "season_year": 2026},
    )
    elsewhere = bruno.store.create(
        "project",
        {"name": "CIEC de Rosemont", "program": "CIEC", "region_code": "06", "season_year": 2026},
    )
    monday = agenda.week_of(alice.store.today())[0] + dt.timedelta(weeks=1)
    planned = agenda_queries.plan_visit(
        alice.store,
        project["id"],
        f"{monday}T09:30",
        place="Maison des jeunes",
        purpose="Formation du conseil",
    )
    agenda_queries.plan_visit(bruno.store, elsewhere["id"], f"{monday}T10:00", staff=["alice"])
    assert planned["made_by"] == ["alice"]  # « moi »: the signed-in account
    for laptop in (alice, bruno, alice_office):
        assert laptop.sync().completed

    seen = alice_office.store.require("visit", planned["id"])
    assert (seen["status"], seen["visited_at"], seen["purpose"]) == (
        "planifiee",
        f"{monday}T09:30",
        "Formation du conseil",
    )
    mine = agenda_queries.entries(alice_office.store, monday, monday, mine=True)
    assert [e.record_id for e in mine] == [planned["id"]]

    url = calendar_feed.create(alice.store)
    feed = httpx.get(url, verify=alice.server.ssl_context(), timeout=30)
    assert feed.status_code == 200
    events = {str(e["UID"]): e for e in Calendar.from_ical(feed.content).events}
    event = events[f"visit-{planned['id']}@carnet-coop.cqcm.coop"]
    assert str(event["LOCATION"]) == "Maison des jeunes"
    assert "Rosemont" not in feed.text  # bruno's region, even with alice named on the visit

    # moved on the office laptop, recorded on the field laptop: one record, both changes kept
    agenda_queries.move_visit(alice_office.store, planned["id"], f"{monday}T13:00")
    alice_office.sync()
    alice.sync()
    agenda_queries.record_visit(
        alice.store, planned["id"], {"observations": "Conseil élu, 9 membres présents."}
    )
    alice.sync()
    alice_office.sync()
    for laptop in (alice, alice_office):
        visit = laptop.store.require("visit", planned["id"])
        assert visit["status"] == "faite"
        assert visit["visited_at"] == f"{monday}T13:00"
        assert visit["observations"] == "Conseil élu, 9 membres présents."
        assert laptop.store.count("visit", equals={"project_id": project["id"]}) == 1
    again = httpx.get(url, verify=alice.server.ssl_context(), timeout=30)
    event = next(
        e for e in Calendar.from_ical(again.content).events if str(e["UID"]) == str(event["UID"])
    )
    assert event.DTSTART.hour == 13  # the feed follows the sync: same UID, new time

    assert calendar_feed.revoke(alice.store) == 1
    assert httpx.get(url, verify=alice.server.ssl_context(), timeout=30).status_code == 404


def test_outils_calendrier_abonne_creates_copies_and_revokes_the_address(qtbot, laptops):
    """The window's dialog, against the live server: the address shown works in a calendar
    program until « Révoquer »."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    from coordinator_app.ui import tasks
    from coordinator_app.ui.main_window import MainWindow

    alice = laptops("alice")
    window = MainWindow(alice.store, alice.store.data_dir)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: tasks.running_tasks() == 0, timeout=30000)
    window.agenda.feed_action.trigger()
    dialog = window.agenda.dialogs[-1]
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30000)  # the server was asked
    assert dialog.state.text() == "Aucune adresse active."
    assert not dialog.copy_button.isEnabled() and not dialog.revoke_button.isEnabled()

    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30000)
    url = dialog.address.text()
    assert url.startswith(alice.server.url + "/calendar/") and url.endswith(".ics")
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == url
    assert httpx.get(url, verify=alice.server.ssl_context(), timeout=30).status_code == 200

    qtbot.mouseClick(dialog.revoke_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30000)
    assert dialog.state.text() == "Aucune adresse active."
    assert httpx.get(url, verify=alice.server.ssl_context(), timeout=30).status_code == 404
    qtbot.waitUntil(lambda: tasks.running_tasks() == 0, timeout=30000)
    window.close()
