"""The main window as a coordinator meets it: welcome page, demo data, dashboard, status bar."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel

from coordinator_app.ui import features
from tests.ui.conftest import wait_loaded

NBSP = "\u00a0"


def card_texts(cards) -> list[tuple[str, str]]:
    return [(card.value.text(), card.caption.text()) for card in cards]


def test_empty_profile_welcome_loads_demo_and_shows_the_published_figures(
    qtbot, tmp_path, open_window
):
    window = open_window(tmp_path / "profile")
    assert window.stack.currentWidget() is window.welcome
    assert window.welcome.demo_button.text() == "Charger les données de &démonstration"
    with qtbot.waitSignal(window.demo_loaded, timeout=60000) as loaded:
        qtbot.mouseClick(window.welcome.demo_button, Qt.MouseButton.LeftButton)
    assert loaded.args[0] > 1000
    assert window.stack.currentWidget() is window.workspace
    assert window.current_page() is window.dashboard
    assert window.windowTitle() == "Carnet COOP — données de démonstration"
    dashboard = window.dashboard
    qtbot.waitUntil(lambda: dashboard.jeune_cards[0].value.text() == "180", timeout=20000)
    assert card_texts(dashboard.jeune_cards) == [
        ("180", "coopératives"),
        (f"2{NBSP}576", "jeunes"),
        ("123", "écoles"),
    ]
    assert card_texts(dashboard.ciec_cards) == [
        ("13", "régions"),
        ("40", "projets"),
        ("66", "coordonnateurs"),
        ("388", "jeunes"),
    ]
    assert dashboard.survival_cards[0].value.text() == f"64{NBSP}%"
    assert dashboard.survival_cards[1].value.text() == f"44{NBSP}%"
    bars = dashboard.chart.series()[0].barSets()[0]
    assert all(4 <= bars.at(i) <= 5 for i in range(bars.count()))
    assert bars.count() == 15
    wait_loaded(qtbot, dashboard.overdue_model)
    assert dashboard.overdue_label.text().startswith("Suivis en retard (")
    # A demo profile never syncs: no count of changes « à synchroniser », no last sync.
    assert not window.status.pending_label.isVisible()
    assert not window.status.last_sync_label.isVisible()


def test_dashboard_filters_by_region(qtbot, demo_dir, open_window):
    window = open_window(demo_dir)
    dashboard = window.dashboard
    qtbot.waitUntil(lambda: dashboard.ciec_cards[1].value.text() == "40", timeout=20000)
    dashboard.region.setCurrentIndex(dashboard.region.findData("02"))
    qtbot.waitUntil(lambda: dashboard.ciec_cards[0].value.text() == "1", timeout=20000)
    projects = int(dashboard.ciec_cards[1].value.text())
    assert 0 < projects < 40
    wait_loaded(qtbot, dashboard.overdue_model)
    regions = {
        dashboard.overdue_model.row(r)["region_code"]
        for r in range(dashboard.overdue_model.rowCount())
    }
    assert regions <= {"02"}


def test_start_without_data_opens_the_workspace_and_remembers_it(qtbot, tmp_path, open_window):
    folder = tmp_path / "profile"
    window = open_window(folder)
    qtbot.mouseClick(window.welcome.empty_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.workspace
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
        "Tableau de bord",
        "Projets CIEC",
        "Jeune COOP",
        "Coopératives agricoles",
        "Visites",
        "Suivis",
        "Conflits",
        "Agenda",
    ]
    QCoreApplication.processEvents()  # let start-up work queued by features run first
    window.close()
    window.store.close()
    again = open_window(folder)
    assert again.stack.currentWidget() is again.workspace


def test_server_login_button_emits_the_hook(qtbot, tmp_path, open_window):
    window = open_window(tmp_path / "profile")
    with qtbot.waitSignal(window.request_server_login, timeout=2000):
        qtbot.mouseClick(window.welcome.server_button, Qt.MouseButton.LeftButton)


def test_navigation_by_keyboard_shortcuts(qtbot, demo_dir, open_window):
    window = open_window(demo_dir)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() is window.suivis_page
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page().title() == "Projets CIEC"
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() is window.conflicts_page
    shortcuts = {a.text(): a.shortcut().toString() for a in window.menu_view.actions()}
    assert shortcuts["Suivis"] == "Ctrl+6"
    assert window.action_quit.shortcut().toString() == "Ctrl+Q"


def test_status_bar_shows_pending_changes_and_last_sync(qtbot, tmp_path, open_window):
    window = open_window(tmp_path / "profile")
    # the first count is read off the GUI thread (issue 17): the label fills in when it lands
    qtbot.waitUntil(
        lambda: window.status.pending_label.text() == "Aucune modification à synchroniser"
    )
    window.store.create("municipality", {"name": "Alma", "region_code": "02"})
    window.store.set_meta("last_sync", "2026-11-20T14:30:00")
    window.refresh_status()
    assert window.status.pending_label.isVisible()  # synced once: the count matters now
    assert window.status.pending_label.text() == "1 modification à synchroniser"
    assert window.status.last_sync_label.text() == "Dernière synchronisation : 2026-11-20 14:30"
    window.status.set_online(False)
    assert window.status.online_label.text() == "● Hors ligne"
    window.status.set_online(True)
    assert window.status.online_label.text() == "● En ligne"


def test_conflicts_page_hosts_the_sync_widget(qtbot, tmp_path, open_window):
    window = open_window(tmp_path / "profile")
    page = window.conflicts_page
    page.layout().addWidget(QLabel("widget de la synchronisation"))
    assert page.layout().count() >= 2
    assert not page.placeholder.isVisibleTo(page)


def test_open_record_uses_the_registered_opener_or_its_project(qtbot, demo_dir, open_window):
    window = open_window(demo_dir)
    opened: list[tuple[str, str]] = []
    window.record_openers["project"] = lambda w, rid: opened.append(("project", rid))
    window.record_openers["visit"] = lambda w, rid: opened.append(("visit", rid))
    window.record_openers.pop("action_item", None)
    item = window.store.find("action_item", limit=1)[0]
    visit = window.store.find("visit", limit=1)[0]
    window.open_record("visit", visit["id"])
    window.open_record("action_item", item["id"])
    assert opened == [("visit", visit["id"]), ("project", item["project_id"])]


def test_feature_modules_missing_are_skipped_and_broken_ones_surface(
    qtbot, tmp_path, open_window, monkeypatch
):
    window = open_window(tmp_path / "profile")
    assert features.install_features(window, ("coordinator_app.ui.not_in_this_build",)) == []
    broken = tmp_path / "carnet_broken_feature.py"
    broken.write_text("import a_dependency_that_is_not_installed\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(ModuleNotFoundError, match="a_dependency_that_is_not_installed"):
        features.install_features(window, ("carnet_broken_feature",))
    sys.modules.pop("carnet_broken_feature", None)
    plugin = tmp_path / "carnet_good_feature.py"
    plugin.write_text(
        "def install(window):\n    window.menu_tools.addAction('Outil de test')\n",
        encoding="utf-8",
    )
    assert features.install_features(window, ("carnet_good_feature",)) == ["carnet_good_feature"]
    assert "Outil de test" in [a.text() for a in window.menu_tools.actions()]


def test_unexpected_error_in_an_action_is_logged_and_the_window_stays(qtbot, tmp_path, open_window):
    window = open_window(tmp_path / "profile")

    def boom(_reporter):
        raise KeyError("champ inconnu")

    task = window.run_task(boom, on_success=lambda _r: None)
    qtbot.waitUntil(lambda: task.done, timeout=5000)
    from coordinator_app.ui import errors

    box = errors.open_dialogs[-1]
    log = tmp_path / "profile" / "logs" / "carnet.log"
    assert str(log) in box.informativeText()
    assert "KeyError" in log.read_text(encoding="utf-8")
    box.accept()
    assert window.isVisible()


def ancestors(widget):
    parent = widget.parent()
    while parent is not None:
        yield parent
        parent = parent.parent()


def test_every_input_of_the_window_pages_has_an_accessible_name(qtbot, demo_dir, open_window):
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QComboBox, QLineEdit

    window = open_window(demo_dir)
    pages = [window.dashboard, *window.project_pages.values(), window.visits_page]
    pages += [window.suivis_page, window.welcome, window.nav]
    unnamed = []
    for page in pages:
        widgets = [page, *page.findChildren(QAbstractItemView)]
        widgets += page.findChildren(QComboBox) + page.findChildren(QLineEdit)
        for widget in widgets:
            if not isinstance(widget, QComboBox | QLineEdit | QAbstractItemView):
                continue
            if any(isinstance(a, QComboBox | QAbstractItemView) for a in ancestors(widget)):
                continue  # parts of a combo or a table (popup list, headers)
            if not widget.isVisibleTo(page) and widget is not page:
                continue
            if not widget.accessibleName():
                unnamed.append(f"{type(page).__name__}/{type(widget).__name__}")
        for button in page.findChildren(QAbstractButton):
            if any(isinstance(a, QAbstractItemView) for a in ancestors(button)):
                continue  # a table's corner button
            if button.isVisibleTo(page) and not (button.text() or button.accessibleName()):
                unnamed.append(f"{type(page).__name__}/{type(button).__name__}")
    assert unnamed == [], "\n".join(unnamed)
