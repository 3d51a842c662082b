"""Suivis as a coordinator works them all day: accent-blind search, Space anywhere in the row,
a message with « Annuler » (Ctrl+Z) that undoes through the journal, « Faits » newest first, and
the dashboard's overdue list opening the project."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from tests.ui.conftest import column_values, wait_loaded
from tests.ui.test_lists import choose


def _profile(tmp_path):
    from coordinator_app.store import open_store

    folder = tmp_path / "profile"
    store = open_store(folder)
    today = store.today()
    project = store.create(
        "project",
        {"name": "CIEC de Dolbeau-Mistassini", "program": "CIEC", "region_code": "02",
         "season_year": today.year, "municipality": "Dolbeau-Mistassini"},
    )  # fmt: skip

    def item(text: str, days: int, done: bool = False) -> dict:
        due = (today + dt.timedelta(days=days)).isoformat()
        return store.create(
            "action_item",
            {"project_id": project["id"], "text": text, "owner": "Léa Simard",
             "due_date": due, "done": done},
        )  # fmt: skip

    items = {
        "late": item("Envoyer le procès-verbal de l'assemblée", -3),
        "room": item("Réserver la salle", 5),
        "old": item("Fait il y a longtemps", -40, done=True),
        "recent": item("Fait la semaine passée", -7, done=True),
    }
    store.close()
    return folder, project, items


def test_search_in_suivis_ignores_accents(qtbot, tmp_path, open_window):
    folder, _project, _items = _profile(tmp_path)
    window = open_window(folder)
    window.show_page("suivis")
    page = window.suivis_page
    wait_loaded(qtbot, page)
    for typed, expected in (
        ("reserver", ["Réserver la salle"]),
        ("assemblee", ["Envoyer le procès-verbal de l'assemblée"]),
        ("RÉSERVER", ["Réserver la salle"]),
    ):
        page.search.clear()
        qtbot.keyClicks(page.search, typed)
        qtbot.waitUntil(lambda t=typed: page.model.filter.text == t, timeout=5000)
        wait_loaded(qtbot, page)
        assert column_values(page.model, "text") == expected, typed


def test_space_anywhere_marks_done_says_so_and_ctrl_z_undoes(qtbot, tmp_path, open_window):
    folder, _project, items = _profile(tmp_path)
    window = open_window(folder)
    window.show_page("suivis")
    page = window.suivis_page
    wait_loaded(qtbot, page)
    texts = column_values(page.model, "text")
    row = texts.index("Envoyer le procès-verbal de l'assemblée")
    keys = [c.key for c in page.model.columns]
    page.view.setFocus()
    page.view.setCurrentIndex(page.model.index(row, keys.index("text")))  # not the « Fait » cell
    with qtbot.waitSignal(page.item_changed, timeout=5000):
        qtbot.keyClick(page.view, Qt.Key.Key_Space)
    assert window.store.get("action_item", items["late"]["id"])["done"] is True
    qtbot.waitUntil(
        lambda: column_values(page.model, "text") == ["Réserver la salle"], timeout=5000
    )
    message = window.statusBar().currentMessage()
    assert "marqué fait" in message and "procès-verbal" in message
    assert window.undo.button.isVisible()
    assert window.undo.button.text() == "Annuler (Ctrl+Z)"

    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.store.get("action_item", items["late"]["id"])["done"] is False
    assert window.statusBar().currentMessage() == "Action annulée."
    assert not window.undo.button.isVisible()
    qtbot.waitUntil(lambda: len(column_values(page.model, "text")) == 2, timeout=5000)
    # Through the journal: the tick and its undo are both in the record's history.
    history = window.store.history("action_item", items["late"]["id"])
    assert [e.fields.get("done") for e in history[-2:]] == [[False, True], [True, False]]


def test_done_scope_lists_newest_first(qtbot, tmp_path, open_window):
    folder, _project, _items = _profile(tmp_path)
    window = open_window(folder)
    window.show_page("suivis")
    page = window.suivis_page
    wait_loaded(qtbot, page)
    choose(qtbot, page.extra, "done")
    qtbot.waitUntil(lambda: page.model.filter.scope == "done", timeout=5000)
    wait_loaded(qtbot, page)
    assert column_values(page.model, "text") == [
        "Fait la semaine passée",
        "Fait il y a longtemps",
    ]


def test_enter_on_an_overdue_follow_up_opens_its_project(qtbot, tmp_path, open_window):
    folder, project, _items = _profile(tmp_path)
    window = open_window(folder)
    opened = []
    window.record_openers["project"] = lambda _w, record_id: opened.append(record_id)
    window.show_page("dashboard")
    view = window.dashboard.overdue_view
    qtbot.waitUntil(lambda: window.dashboard.overdue_model.rowCount() == 1, timeout=10000)
    view.setFocus()
    view.setCurrentIndex(window.dashboard.overdue_model.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened == [project["id"]]
