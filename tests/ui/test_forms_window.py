"""The forms inside the real main window: openers, Ctrl+N from a project, drafts at start-up."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox

from coordinator_app.domain.entities import ENTITIES
from coordinator_app.store import drafts
from coordinator_app.ui.forms.entity_form import EntityFormDialog
from coordinator_app.ui.forms.project_page import ProjectDialog
from coordinator_app.ui.forms.visit_editor import VisitDialog
from tests.ui.forms_helpers import open_profile, seed_ciec, show_active, type_text


def seeded_folder(tmp_path):
    folder = tmp_path / "profil"
    store = open_profile(folder)
    seeded = seed_ciec(store)
    store.close()
    return folder, seeded


def test_every_kind_has_an_opener(qtbot, tmp_path, open_window):
    folder, seeded = seeded_folder(tmp_path)
    window = open_window(folder)
    assert set(window.record_openers) == set(ENTITIES)
    window.open_record("project", seeded["project"]["id"])
    window.open_record("school", seeded["school"]["id"])
    kinds = [type(d) for d in window.forms.dialogs]
    assert kinds == [ProjectDialog, EntityFormDialog]
    page = window.forms.dialogs[0].page
    assert page.title.text() == "CIEC Jonquière"
    window.open_record("project", seeded["project"]["id"])  # the same project: the same window
    assert len(window.forms.dialogs) == 2


def test_ctrl_n_records_a_visit_of_the_selected_project(qtbot, tmp_path, open_window):
    from tests.ui.conftest import wait_loaded

    folder, seeded = seeded_folder(tmp_path)
    window = open_window(folder)
    show_active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.forms.dialogs == []
    assert "Choisissez d'abord un projet" in window.statusBar().currentMessage()

    window.show_page("ciec")
    page = window.current_list()
    wait_loaded(qtbot, page)
    page.view.setCurrentIndex(page.model.index(0, 0))
    assert window.current_project_id() == seeded["project"]["id"]
    assert "Ctrl+N" in window.forms.actions["visit"].toolTip()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    [dialog] = window.forms.dialogs
    assert isinstance(dialog, VisitDialog)
    editor = dialog.editor
    assert editor.project_id == seeded["project"]["id"]
    show_active(qtbot, dialog)
    type_text(qtbot, editor.panel.editor("observations").focus_widget(), "Première rencontre.")
    editor.actions.add_row({"text": "Préparer l'AG", "owner": "Julie", "due_date": "2020-01-01"})
    with qtbot.waitSignal(window.records_changed):
        qtbot.keyClick(editor.save_button, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    [item] = window.store.find("action_item")
    assert item["text"] == "Préparer l'AG"
    window.show_page("suivis")
    wait_loaded(qtbot, window.suivis_page)
    assert window.suivis_page.model.rowCount() == 1


def test_new_record_draft_is_offered_at_start(qtbot, tmp_path, open_window):
    folder, seeded = seeded_folder(tmp_path)
    store = open_profile(folder)
    dialog = VisitDialog(store, seeded["project"]["id"])
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    observations = dialog.editor.panel.editor("observations").focus_widget()
    with qtbot.waitSignal(dialog.editor.keeper.saved, timeout=3000):
        type_text(qtbot, observations, "Notes prises hors ligne")
    dialog.editor.keeper.enabled = False  # the battery dies here: nothing more is written
    dialog.hide()
    store.close()

    window = open_window(folder)
    qtbot.waitUntil(lambda: window.forms.startup_box is not None)
    box = window.forms.startup_box
    assert "Reprendre le brouillon ?" in box.text()
    assert "Visite — CIEC Jonquière" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    [reopened] = window.forms.dialogs
    assert reopened.editor.panel.editor("observations").raw() == "Notes prises hors ligne"
    QCoreApplication.processEvents()
    assert window.forms.startup_box is None  # only one draft: asked once
    with qtbot.waitSignal(reopened.editor.saved):
        reopened.editor.save()
    assert drafts.list_drafts(window.store) == []
    assert window.store.find("visit")[0]["observations"] == "Notes prises hors ligne"


def test_an_attachment_opens_in_its_visit_and_a_new_project_takes_the_list_program(
    qtbot, tmp_path, open_window
):
    from tests.ui.conftest import wait_loaded

    folder, seeded = seeded_folder(tmp_path)
    store = open_profile(folder)
    project_id = seeded["project"]["id"]
    visit = store.create(
        "visit", {"project_id": project_id, "visited_at": "2026-06-01T10:00", "mode": "sur_place"}
    )
    attachment = store.create(
        "attachment",
        {
            "project_id": project_id,
            "visit_id": visit["id"],
            "sha256": "a" * 64,
            "filename": "compte-rendu.pdf",
            "media_type": "application/pdf",
            "size": 10,
        },
    )
    store.close()
    window = open_window(folder)
    window.open_record("attachment", attachment["id"])
    [dialog] = window.forms.dialogs
    assert isinstance(dialog, VisitDialog) and dialog.editor.visit_id == visit["id"]

    window.show_page("ferme_coop")
    wait_loaded(qtbot, window.current_list())
    window.forms.actions["project"].trigger()
    form = window.forms.dialogs[-1].form
    assert form.panel.editor("program").raw() == "FERME_COOP"
    assert form.panel.is_field_visible("hectares")


def test_a_draft_of_a_deleted_project_is_not_offered(qtbot, tmp_path, open_window):
    folder, _seeded = seeded_folder(tmp_path)
    store = open_profile(folder)
    drafts.save_draft(store, "visit", None, {"visit": {"observations": "x"}}, scope="disparu")
    store.close()
    window = open_window(folder)
    QCoreApplication.processEvents()
    assert window.forms.startup_box is None
    assert drafts.list_drafts(window.store) == []


def test_closing_the_window_closes_its_forms_and_keeps_their_drafts(qtbot, tmp_path, open_window):
    folder, seeded = seeded_folder(tmp_path)
    window = open_window(folder)
    window.open_record("school", seeded["school"]["id"])
    [dialog] = window.forms.dialogs
    name = dialog.form.panel.editor("name").focus_widget()
    type_text(qtbot, name, " (pavillon B)")
    window.close()
    assert not dialog.isVisible()
    kept = drafts.load_draft(window.store, "school", seeded["school"]["id"])
    assert kept is not None and kept.values["name"] == "Polyvalente Arvida (pavillon B)"
