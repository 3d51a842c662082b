"""After a user action the window refreshes only the pages that show what it changed.

Ticking « Fait » reloads « Suivis » (and the dashboard's figures and the status bar's count of
changes to sync), not the three project lists nor « Visites »; saving a visit reloads the visits
list and the dashboard. A sync and a backup copy put back announce every kind.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from coordinator_app.store import open_store
from tests.ui.conftest import column_values, wait_loaded
from tests.ui.forms_helpers import type_text
from tests.ui.test_suivis_daily import _profile

PROJECT_LISTS = {"ciec", "jeune_coop", "ferme_coop"}


def test_ticking_done_refreshes_suivis_not_the_project_lists(qtbot, tmp_path, open_window):
    folder, _project, items = _profile(tmp_path)
    window = open_window(folder)
    window.show_page("suivis")
    page = window.suivis_page
    wait_loaded(qtbot, page)
    row = column_values(page.model, "text").index("Envoyer le procès-verbal de l'assemblée")
    keys = [c.key for c in page.model.columns]
    page.view.setFocus()
    page.view.setCurrentIndex(page.model.index(row, keys.index("text")))
    with qtbot.waitSignal(page.item_changed, timeout=5000):
        qtbot.keyClick(page.view, Qt.Key.Key_Space)
    assert window.store.get("action_item", items["late"]["id"])["done"] is True
    refreshed = set(window.refresher.refreshed)
    assert {"suivis", "dashboard", "status", "agenda"} <= refreshed
    assert not refreshed & (PROJECT_LISTS | {"visits"})
    qtbot.waitUntil(lambda: column_values(page.model, "text") == ["Réserver la salle"])


def test_saving_a_visit_refreshes_the_visits_list_and_the_dashboard(qtbot, tmp_path, open_window):
    folder, project, _items = _profile(tmp_path)
    window = open_window(folder)
    window.show_page("visits")
    page = window.visits_page
    wait_loaded(qtbot, page)
    assert column_values(page.model, "place") == []
    dialog = window.forms.open_visit(project_id=project["id"])
    editor = dialog.editor
    type_text(qtbot, editor.panel.editor("observations").focus_widget(), "Comité réuni.")
    with qtbot.waitSignal(editor.saved):
        editor.save()
    refreshed = set(window.refresher.refreshed)
    assert {"visits", "dashboard", "suivis", "status"} <= refreshed
    assert not refreshed & PROJECT_LISTS
    qtbot.waitUntil(lambda: column_values(page.model, "place") == ["Dolbeau-Mistassini"])


def test_an_operation_on_another_profile_refreshes_nothing_here(qtbot, tmp_path, open_window):
    """Two windows over two profiles (as in tests): each listens to its own store only."""
    folder, _project, _items = _profile(tmp_path)
    window = open_window(folder)
    other = open_store(tmp_path / "other")
    try:
        from coordinator_app.operations import changed
        from coordinator_app.ui.operations import announce

        window.refresher.refreshed = []
        announce(other, changed("project"))
        assert window.refresher.refreshed == []
        announce(window.store, changed("project"))
        assert set(window.refresher.refreshed) >= PROJECT_LISTS
    finally:
        other.close()
