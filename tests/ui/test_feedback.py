"""No silent action: saving a visit says so; restoring a value asks, says so, and can be undone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.ui.conftest import wait_loaded


def test_saving_a_visit_says_so_in_the_status_bar(qtbot, demo_dir, open_window):
    window = open_window(demo_dir)
    window.show_page("ciec")
    page = window.current_page()
    wait_loaded(qtbot, page)
    page.view.selectRow(0)
    project = window.store.require("project", window.current_project_id())
    dialog = window.forms.new_record("visit")
    editor = dialog.editor
    editor.panel.editor("place").set_raw("Salle municipale")  # the date and type have defaults
    with qtbot.waitSignal(editor.saved, timeout=10000):
        editor.save_button.click()
    message = window.statusBar().currentMessage()
    assert message.startswith("Visite du ") and message.endswith(
        f"enregistrée ({project['name']})."
    )


def test_restoring_a_value_asks_then_offers_undo(qtbot, demo_dir, open_window):
    window = open_window(demo_dir)
    store = window.store
    project = store.find("project", limit=1)[0]
    store.update("project", project["id"], {"municipality": "Chicoutimi"})
    dialog = window.record_openers["project"](window, project["id"])
    page = dialog.page
    page.tabs.setCurrentIndex(page.tabs.count() - 1)
    change = page.history.topLevelItem(0).child(0)
    page.history.setCurrentItem(change)
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    page.history_view.confirm.button(QMessageBox.StandardButton.Yes).click()
    assert store.get("project", project["id"])["municipality"] == project["municipality"]
    assert window.statusBar().currentMessage() == (
        f"« Municipalité » rétabli à « {project['municipality']} »."
    )
    assert window.undo.pending
    # Logged as a restoration, not a plain « Modification »; it syncs as an ordinary update.
    top = page.history.topLevelItem(0).text(0)
    assert top.endswith("— Valeur rétablie"), top
    assert store.history("project", project["id"])[-1].op == "update"
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5000)
    page.history.setFocus()
    qtbot.keyClick(page.history, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # in its window
    assert store.get("project", project["id"])["municipality"] == "Chicoutimi"
    assert window.statusBar().currentMessage() == "Action annulée."
