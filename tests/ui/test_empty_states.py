"""Empty states say what is going on instead of showing blank panes."""

from __future__ import annotations

from tests.ui.conftest import wait_loaded


def test_a_search_without_result_says_so(qtbot, demo_dir, open_window):
    window = open_window(demo_dir)
    window.show_page("ciec")
    page = window.current_page()
    wait_loaded(qtbot, page)
    assert not page.no_result.isVisible()
    qtbot.keyClicks(page.search, "zzqxw")
    qtbot.waitUntil(lambda: page.model.filter.text == "zzqxw", timeout=5000)
    wait_loaded(qtbot, page)
    qtbot.waitUntil(page.no_result.isVisible, timeout=5000)
    assert page.no_result.text().startswith("Aucun résultat pour « zzqxw ».")
    page.reset_button.click()
    wait_loaded(qtbot, page)
    qtbot.waitUntil(lambda: not page.no_result.isVisible(), timeout=5000)


def test_conflicts_and_backups_explain_their_empty_lists(qtbot, tmp_path, open_window):
    window = open_window(tmp_path / "profile")
    window.start_without_data()
    window.show_page("conflicts")
    conflicts = window.sync_controller.conflicts
    assert conflicts.empty.isVisible()
    assert conflicts.empty.text() == "Aucun conflit à résoudre."
    assert not conflicts.conflicts_area.isVisible()  # no blank panes, no enabled buttons
    assert not conflicts.refused_area.isVisible()
    dialog = window.sync_controller.open_rollback_dialog()
    assert dialog.empty.isVisible()
    assert "Aucune copie de sécurité pour l'instant" in dialog.empty.text()
    assert not dialog.restore_button.isEnabled()
    dialog.reject()


def test_new_visit_on_the_welcome_page_says_what_to_do_first(qtbot, tmp_path, open_window):
    window = open_window(tmp_path / "profile")
    assert window.stack.currentWidget() is window.welcome
    window.forms.actions["visit"].trigger()
    message = window.statusBar().currentMessage()
    assert message.startswith("Aucun projet pour l'instant : créez d'abord un projet")


def test_preferences_has_one_entry_per_dialog(qtbot, tmp_path, open_window):
    window = open_window(tmp_path / "profile")
    texts = [a.text() for a in window.menu_preferences.actions() if not a.isSeparator()]
    assert len(texts) == len(set(texts))
    assert "&Serveur de synchronisation…" not in texts  # it opened « Connexion au serveur… »
    assert "Connexion au serveur…" in texts


def test_dashboard_opens_on_the_current_season_not_next_years_import(qtbot, tmp_path, open_window):
    from coordinator_app.store import open_store

    folder = tmp_path / "profile"
    store = open_store(folder)
    year = store.today().year
    for season in (year, year + 1):  # next year's projects were imported already
        store.create(
            "project",
            {"name": f"CIEC d'Alma {season}", "program": "CIEC", "region_code": "02",
             "season_year": season, "municipality": "Alma"},
        )  # fmt: skip
    store.close()
    window = open_window(folder)
    dashboard = window.dashboard
    qtbot.waitUntil(lambda: dashboard.indicators is not None, timeout=20000)
    assert dashboard.year.currentData() == year
    assert dashboard.ciec_cards[1].value.text() == "1"
