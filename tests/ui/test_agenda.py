"""The Agenda page as a coordinator uses it: plan a visit, find it on its day, record it from its
planned entry (same record), move one that was not done, get the reminder, export to a calendar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtCore import QDateTime, Qt, QTime
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from coordinator_app.domain.demo import demo_staff
from coordinator_app.ui.agenda.dialogs import PlanVisitDialog
from coordinator_app.ui.agenda.page import AgendaPage
from coordinator_app.ui.forms.visit_editor import VisitDialog
from coordinator_app.ui.style import STYLESHEET
from tests.ui.forms_helpers import show_active, type_text

# Kept to look at, never committed (gitignored): the docs hold a chosen copy of these.
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "screens"


def _rows(page) -> list[list[str]]:
    return [
        [page.week.topLevelItem(i).text(c) for c in range(5)]
        for i in range(page.week.topLevelItemCount())
    ]


def _plan(qtbot, window, when: dt.datetime, place: str, purpose: str) -> dict:
    """« Planifier une visite… » on the Agenda page, filled as a person would."""
    window.show_page("agenda")
    page = window.agenda_page
    with qtbot.waitSignal(page.plan_requested):
        qtbot.mouseClick(page.plan_button, Qt.MouseButton.LeftButton)
    dialog = next(d for d in window.agenda.dialogs if isinstance(d, PlanVisitDialog))
    dialog.project.setCurrentIndex(dialog.project.findText("CIEC de Gaspé"))
    dialog.when.setDateTime(
        QDateTime(
            dialog.when.date().addDays((when.date() - window.store.today()).days - 1),
            QTime(when.hour, when.minute),
        )
    )
    type_text(qtbot, dialog.place, place)
    type_text(qtbot, dialog.purpose, purpose)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.visit is not None, dialog.problem.text()
    return dialog.visit


def test_a_visit_planned_in_the_agenda_is_recorded_from_its_entry_on_the_day(
    qtbot, open_window, demo_dir
):
    window = open_window(demo_dir)
    today = window.store.today()
    planned = _plan(
        qtbot,
        window,
        dt.datetime.combine(today, dt.time(14, 30)),
        "Local du comité",
        "Bilan de mi-saison",
    )
    assert planned["status"] == "planifiee"
    before = window.store.count("visit", equals={"project_id": planned["project_id"]})
    page = window.agenda_page
    row = next(r for r in _rows(page) if r[2] == "CIEC de Gaspé" and r[0] == "14 h 30")
    assert row[1] == "Visite — planifiée"
    assert row[3] == "Local du comité — Bilan de mi-saison"

    assert page.select(planned["id"])
    qtbot.keyClick(page.week, Qt.Key.Key_Return)
    [dialog] = [d for d in window.forms.dialogs if isinstance(d, VisitDialog)]  # one, not two
    editor = dialog.editor
    assert editor.panel.editor("status").raw() == "faite"  # on the day: the visit record
    assert editor.planned_note.isVisible()
    type_text(qtbot, editor.panel.editor("observations").focus_widget(), "Douze jeunes présents.")
    with qtbot.waitSignal(editor.saved):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    visit = window.store.require("visit", planned["id"])  # the same record, not a second one
    assert (visit["status"], visit["observations"]) == ("faite", "Douze jeunes présents.")
    assert window.store.count("visit", equals={"project_id": planned["project_id"]}) == before
    qtbot.waitUntil(
        lambda: any(r[1] == "Visite — faite" and r[2] == "CIEC de Gaspé" for r in _rows(page))
    )


def test_a_planned_visit_not_done_is_to_reschedule_and_moves_in_one_action(
    qtbot, open_window, demo_dir
):
    window = open_window(demo_dir)
    today = window.store.today()
    page = window.agenda_page
    visit = _plan(qtbot, window, dt.datetime.combine(today, dt.time(10, 0)), "École", "Recrutement")
    window.store.update(
        "visit", visit["id"], {"visited_at": f"{today - dt.timedelta(days=1)}T10:00"}
    )
    page.show_day(today - dt.timedelta(days=1))
    assert page.select(visit["id"])
    assert page.selected_entry().state == "a_reporter"
    assert page.week.currentItem().text(1) == "Visite — à reporter"
    assert page.move_button.isEnabled()

    # one shortcut: a day later, same time
    show_active(qtbot, window)
    page.week.setFocus()
    qtbot.keyClick(
        page.week,
        Qt.Key.Key_Right,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.store.require("visit", visit["id"])["visited_at"] == f"{today}T10:00"
    assert page.selected_entry().state == "planifiee"

    # « Reporter… » to any date and time
    dialog = page.ask_move()
    dialog.when.setDateTime(
        QDateTime.fromString(f"{today + dt.timedelta(days=7)}T08:45", "yyyy-MM-ddTHH:mm")
    )
    dialog.accept()
    moved = window.store.require("visit", visit["id"])
    assert moved["visited_at"] == f"{today + dt.timedelta(days=7)}T08:45"
    assert moved["status"] == "planifiee"
    assert page.selected_entry().record_id == visit["id"]


def test_print_the_week_opens_the_report_preview(qtbot, open_window, demo_dir):
    window = open_window(demo_dir)
    window.show_page("agenda")
    qtbot.mouseClick(window.agenda_page.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(window.reports.previews) == 1, timeout=20000)
    preview = window.reports.previews[0]
    assert preview.request.kind == "agenda-semaine"
    assert preview.request.params["day"] == window.store.today()


def test_the_reminder_says_what_is_late_opens_the_agenda_and_can_be_turned_off(
    qtbot, open_window, demo_dir
):
    window = open_window(demo_dir)
    feature = window.agenda
    qtbot.waitUntil(lambda: feature.last_reminder is not None)
    assert "suivis en retard" in feature.last_message
    assert feature.banner.isVisible()  # offscreen: no system tray, so the banner in the window
    assert feature.banner.text.text() == feature.last_message
    qtbot.mouseClick(feature.banner.open_button, Qt.MouseButton.LeftButton)
    assert window.current_page() is window.agenda_page
    assert not feature.banner.isVisible()

    feature.remind()
    window.language_actions["en"].trigger()  # a reminder on screen follows the language
    assert "overdue follow-up" in feature.banner.text.text()
    assert feature.banner.open_button.text() == "&Open the agenda"
    window.language_actions["fr"].trigger()
    assert "suivis en retard" in feature.banner.text.text()

    feature.reminders_action.trigger()  # Préférences › Rappels de l'agenda: off
    feature.last_reminder = None
    feature.remind_if_new_day()
    assert feature.last_reminder is None and not feature.banner.isVisible()
    assert window.store.get_meta("agenda_reminders_off") == "1"


def test_file_menu_exports_an_ics_file_that_calendars_read_and_update(
    qtbot, open_window, demo_dir, tmp_path
):
    window = open_window(demo_dir)
    today = window.store.today()
    visit = _plan(
        qtbot,
        window,
        dt.datetime.combine(today + dt.timedelta(days=2), dt.time(9, 30)),
        "Ferme",
        "Visite de suivi",
    )
    target = tmp_path / "semaine.ics"
    window.agenda.choose_path = lambda _parent, _suggested: str(target)

    def export() -> Calendar:
        window.agenda.export_action.trigger()
        dialog = window.agenda.dialogs[-1]
        dialog.accept()
        return Calendar.from_ical(target.read_bytes())

    first = export()
    events = {str(e["UID"]): e for e in first.events}
    event = events[f"visit-{visit['id']}@carnet-coop.cqcm.coop"]
    assert str(event.DTSTART.tzinfo) == "America/Toronto"
    assert (event.DTSTART.hour, event.DTSTART.minute) == (9, 30)
    assert [tz["TZID"] for tz in first.timezones] == ["America/Toronto"]
    text = target.read_text(encoding="utf-8")
    staff = {p["name"] for p in demo_staff()}  # CQCM staff are named on purpose
    people = window.store.find("participant")
    assert people
    for person in people:  # (last names alone can be a school's: « Gabrielle-Roy »)
        name = f"{person['first_name']} {person['last_name']}"
        assert name in staff or name not in text

    window.store.update(
        "visit", visit["id"], {"visited_at": f"{today + dt.timedelta(days=3)}T13:00"}
    )
    second = export()
    assert {str(e["UID"]) for e in second.events} == set(events)  # same UIDs: updated, not doubled


@pytest.mark.parametrize("size", [(1024, 600), (1366, 768)])
def test_agenda_screenshots(qtbot, open_window, demo_dir, size):
    """The window at 1366×768; at 1024×600 the page alone at the room such a window leaves it
    (the list pages' own minimum width, 1 235 px of window today, is the small-screens work)."""
    app = QApplication.instance()
    style, sheet = app.style().name(), app.styleSheet()
    app.setStyle("Fusion")  # as ``ui.app`` starts the real window
    app.setStyleSheet(STYLESHEET)
    try:
        _screenshots(qtbot, open_window, demo_dir, size)
    finally:
        app.setStyle(style)
        app.setStyleSheet(sheet)


def _screenshots(qtbot, open_window, demo_dir, size) -> None:
    window = open_window(demo_dir)
    today = window.store.today()
    for days, hour, place in (
        (0, 9, "Salle municipale"),
        (1, 13, "École secondaire"),
        (3, 10, "Ferme"),
    ):
        when = dt.datetime.combine(today + dt.timedelta(days=days), dt.time(hour, 30))
        _plan(qtbot, window, when, place, "Suivi de saison")
    qtbot.waitUntil(lambda: window.agenda.last_reminder is not None)
    if size == (1366, 768):
        window.resize(*size)
        window.show_page("agenda")
        target, prefix = window, "agenda"
    else:
        target = AgendaPage(window.store)
        qtbot.addWidget(target)
        room = (size[0] - window.nav.width(), size[1] - 110)  # menus, toolbar, status bar
        target.resize(*room)
        target.show()
        assert target.minimumSizeHint().width() <= room[0]
        prefix = "agenda-page"
    qtbot.wait(50)
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert target.grab().save(str(SHOTS / f"{prefix}-semaine-{size[0]}x{size[1]}.png"))
    page = window.agenda_page if target is window else target
    page.set_mode("month")
    qtbot.wait(50)
    assert target.grab().save(str(SHOTS / f"{prefix}-mois-{size[0]}x{size[1]}.png"))


def test_a_visit_planned_for_later_opens_as_a_plan_not_as_the_record(qtbot, open_window, demo_dir):
    window = open_window(demo_dir)
    later = window.store.today() + dt.timedelta(days=5)
    planned = _plan(qtbot, window, dt.datetime.combine(later, dt.time(9, 0)), "Ferme", "Visite")
    window.open_record("visit", planned["id"])
    dialog = next(d for d in window.forms.dialogs if isinstance(d, VisitDialog))
    editor = dialog.editor
    assert editor.panel.editor("status").raw() == "planifiee"
    assert editor.planned_note.text().startswith("Visite planifiée pour le ")
    assert ", 9 h" in editor.planned_note.text()
    dialog.close()
    assert window.store.require("visit", planned["id"])["status"] == "planifiee"
