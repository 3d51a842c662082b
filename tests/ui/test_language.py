"""Préférences → Langue switches the visible texts at run time, and the choice is remembered."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import wait_loaded


def nav_texts(window) -> list[str]:
    return [window.nav.item(i).text() for i in range(window.nav.count())]


def test_switch_to_english_and_back(qtbot, demo_dir, open_window):
    window = open_window(demo_dir)
    dashboard = window.dashboard
    qtbot.waitUntil(lambda: dashboard.jeune_cards[1].value.text() == "2\u00a0576", timeout=20000)
    assert window.menu_preferences.title() == "&Préférences"
    english = window.language_actions["en"]
    assert english.text() == "English"
    english.trigger()  # what clicking Préférences → Langue → English does
    qtbot.waitUntil(lambda: nav_texts(window)[0] == "Dashboard", timeout=5000)

    assert nav_texts(window) == [
        "Dashboard",
        "CIEC projects",
        "Jeune COOP",
        "Farm co-ops",
        "Visits",
        "Follow-ups",
        "Conflicts",
        "Agenda",
    ]
    assert window.menu_file.title() == "&File"
    assert window.action_quit.text() == "&Quit"
    assert dashboard.title_label.text() == "Dashboard"
    assert dashboard.jeune_cards[1].caption.text() == "youth"
    assert dashboard.jeune_cards[1].value.text() == "2,576"
    assert window.status.last_sync_label.text() == "Never synced"
    page = window.project_pages["CIEC"]
    wait_loaded(qtbot, page)
    assert page.title_label.text() == "CIEC projects"
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "Name"
    assert page.count_label.text().endswith("projects")
    assert page.region.itemText(0) == "All regions"
    assert window.welcome.demo_button.text() == "Load the &demo data"
    assert window.store.get_meta("ui_language") == "en"

    window.language_actions["fr"].trigger()
    qtbot.waitUntil(lambda: nav_texts(window)[0] == "Tableau de bord", timeout=5000)
    assert nav_texts(window)[0] == "Tableau de bord"
    assert page.region.itemText(0) == "Toutes les régions"
    assert dashboard.jeune_cards[1].value.text() == "2\u00a0576"
    assert window.store.get_meta("ui_language") == "fr"


def test_language_choice_is_restored_on_reopening(qtbot, demo_dir, open_window):
    window = open_window(demo_dir)
    window.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: nav_texts(window)[0] == "Dashboard", timeout=5000)
    window.close()
    window.store.close()
    from coordinator_app.ui import i18n

    i18n.apply_language(i18n.FRENCH)  # as on a fresh start
    again = open_window(demo_dir)
    assert nav_texts(again)[0] == "Dashboard"
    assert again.language_actions["en"].isChecked()
