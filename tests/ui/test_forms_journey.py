"""The coordinator's journey of the issue, through the window alone, with no network:
find a CIEC project in Saguenay–Lac-Saint-Jean, record a visit with a follow-up and a photo,
see the follow-up in Suivis, quit, reopen, and find it all."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from coordinator_app.store import attachments
from tests.ui.conftest import wait_loaded
from tests.ui.forms_helpers import make_photo, show_active, type_cell, type_text


def choose(qtbot, combo, value) -> None:
    combo.setFocus()
    target = combo.findData(value)
    assert target >= 0, value
    while combo.currentIndex() != target:
        key = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)


def test_record_a_visit_offline_then_find_it_after_reopening(
    qtbot, demo_dir, open_window, tmp_path
):
    photo = make_photo(tmp_path / "appareil-photo")
    window = open_window(demo_dir)
    window.forms.choose_files = lambda _parent: [str(photo)]
    show_active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # Projets CIEC
    page = window.current_page()
    wait_loaded(qtbot, page)
    choose(qtbot, page.region, "02")
    wait_loaded(qtbot, page)
    page.view.setFocus()
    page.view.setCurrentIndex(page.model.index(0, 0))
    project_id = window.current_project_id()
    project = window.store.get("project", project_id)
    assert (project["program"], project["region_code"]) == ("CIEC", "02")
    visits_before = window.store.count("visit", equals={"project_id": project_id})

    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.forms.dialogs[-1]
    editor = dialog.editor
    show_active(qtbot, dialog)
    type_text(
        qtbot, editor.panel.editor("observations").focus_widget(), "Kiosque monté, bonne énergie."
    )
    qtbot.keyClick(
        editor.save_button,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    type_cell(qtbot, editor.actions, 0, 0, "Envoyer la liste des contrats")
    type_cell(qtbot, editor.actions, 0, 1, window.store.author)  # the demo's own person
    type_cell(qtbot, editor.actions, 0, 2, "2020-06-30")  # already overdue: shows in Suivis
    with qtbot.waitSignal(editor.files_added, timeout=10000):
        qtbot.keyClick(editor.save_button, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(window.records_changed):
        qtbot.keyClick(editor.save_button, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not [w for w in editor.actions.viewport().findChildren(QLineEdit) if w.isVisible()]

    show_active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)  # Suivis
    wait_loaded(qtbot, window.suivis_page)
    suivis = window.suivis_page.model
    texts = [suivis.row(r).get("text") for r in range(suivis.rowCount())]
    assert "Envoyer la liste des contrats" in texts

    folder = window.store.data_dir
    window.close()
    window.store.close()

    again = open_window(folder)
    assert again.store.count("visit", equals={"project_id": project_id}) == visits_before + 1
    again.open_record("project", project_id)
    project_page = again.forms.dialogs[-1].page
    assert project_page.visits.item(0, 5).text() == "Kiosque monté, bonne énergie."
    assert project_page.visits.item(0, 3).text() == "1"
    assert project_page.visits.item(0, 4).text() == "1"
    reopened = project_page.open_selected_visit()
    qtbot.addWidget(reopened)
    assert reopened.editor.actions.row_values(0)["text"] == "Envoyer la liste des contrats"
    item = reopened.editor.files.item(0)
    assert item.text() == "kiosque.jpg" and not item.icon().isNull()
    sha = hashlib.sha256(photo.read_bytes()).hexdigest()
    assert attachments.read_file(again.store, sha) == photo.read_bytes()
