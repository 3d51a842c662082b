"""Recording a field visit: follow-ups, a photo copied into the profile by hash, one transaction."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import Qt

from coordinator_app.store import attachments, filecrypt, paths
from coordinator_app.ui.forms.visit_editor import VisitDialog
from tests.ui import forms_helpers as cf
from tests.ui.forms_helpers import make_photo, seed_ciec, show_active, type_cell, type_text

profile_dir, store = cf.profile_dir, cf.store  # fixtures


def open_visit(qtbot, store, project_id=None, visit_id=None, files=()):
    dialog = VisitDialog(store, project_id, visit_id, choose_files=lambda _parent: list(files))
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    return dialog.editor


def test_record_visit_with_action_item_and_photo(qtbot, store, tmp_path):
    project = seed_ciec(store)["project"]
    photo = make_photo(tmp_path / "carte-sd")
    editor = open_visit(qtbot, store, project["id"], files=[str(photo)])
    assert editor.panel.editor("place").raw() == "Saguenay"
    assert editor.panel.editor("mode").raw() == "sur_place"
    type_text(
        qtbot,
        editor.panel.editor("observations").focus_widget(),
        "Kiosque prêt, 12 jeunes présents.",
    )
    type_text(qtbot, editor.panel.editor("decisions").focus_widget(), "Ouverture le 2 juillet.")
    type_text(qtbot, editor.panel.editor("people_present").focus_widget(), "Julie\nLéa Simard")

    qtbot.keyClick(
        editor.save_button,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert editor.actions.rowCount() == 1
    type_cell(qtbot, editor.actions, 0, 0, "Envoyer le guide de démarrage")
    type_cell(qtbot, editor.actions, 0, 1, "Julie")
    type_cell(qtbot, editor.actions, 0, 2, "2030-12-15")

    with qtbot.waitSignal(editor.files_added, timeout=10000):
        qtbot.mouseClick(editor.attach_button, Qt.MouseButton.LeftButton)
    assert editor.files.count() == 1
    item = editor.files.item(0)
    assert item.text() == "kiosque.jpg"
    assert not item.icon().isNull()

    with qtbot.waitSignal(editor.saved):
        qtbot.keyClick(editor.save_button, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    [visit] = store.find("visit")
    assert visit["project_id"] == project["id"]
    assert visit["observations"] == "Kiosque prêt, 12 jeunes présents."
    assert visit["people_present"] == ["Julie", "Léa Simard"]
    [action] = store.find("action_item")
    assert (action["text"], action["owner"], action["due_date"]) == (
        "Envoyer le guide de démarrage",
        "Julie Tremblay",  # « Julie » completed from the project's people (Entrée accepts)
        "2030-12-15",
    )
    assert (action["project_id"], action["visit_id"], action["done"]) == (
        project["id"],
        visit["id"],
        False,
    )
    [attachment] = store.find("attachment")
    original = photo.read_bytes()
    sha = hashlib.sha256(original).hexdigest()
    assert (attachment["sha256"], attachment["filename"]) == (sha, "kiosque.jpg")
    assert (attachment["visit_id"], attachment["size"], attachment["media_type"]) == (
        visit["id"],
        len(original),
        "image/jpeg",
    )
    stored = paths.attachments_dir(store.data_dir) / sha[:2] / sha
    assert stored.is_file()
    assert filecrypt.is_encrypted(stored) == (filecrypt.file_key(store.conn) is not None)
    assert attachments.read_file(store, sha) == original
    thumbnails = list((paths.attachments_dir(store.data_dir) / "thumbnails").iterdir())
    assert [p.name for p in thumbnails] == [f"{sha}-96.png"]
    # The same visit, reopened, shows its follow-up and photo.
    again = open_visit(qtbot, store, visit_id=visit["id"])
    assert again.actions.row_values(0)["text"] == "Envoyer le guide de démarrage"
    assert again.files.item(0).text() == "kiosque.jpg"


def test_same_file_twice_is_stored_once(store, tmp_path):
    photo = make_photo(tmp_path / "a")
    copy = tmp_path / "b" / "autre-nom.jpg"
    copy.parent.mkdir()
    copy.write_bytes(photo.read_bytes())
    first = attachments.import_file(store, photo)
    second = attachments.import_file(store, copy)
    assert first.sha256 == second.sha256
    files = [p for p in paths.attachments_dir(store.data_dir).rglob("*") if p.is_file()]
    assert len(files) == 1


def test_bad_follow_up_saves_nothing(qtbot, store):
    project = seed_ciec(store)["project"]
    editor = open_visit(qtbot, store, project["id"])
    type_text(qtbot, editor.panel.editor("observations").focus_widget(), "Rencontre du comité.")
    editor.add_action()
    type_cell(qtbot, editor.actions, 0, 0, "Réserver la salle")
    type_cell(qtbot, editor.actions, 0, 2, "31/02/2027")
    assert editor.save() is None
    text = editor.action_errors.text()
    assert "Suivi 1 — Responsable : ce champ est obligatoire" in text
    assert "Suivi 1 — Échéance : « 31/02/2027 » n'est pas une date qui existe" in text
    assert editor.action_errors.isVisibleTo(editor)
    assert (store.count("visit"), store.count("action_item")) == (0, 0)

    type_cell(qtbot, editor.actions, 0, 1, "Marc")
    type_cell(qtbot, editor.actions, 0, 2, "28/02/2027")
    with qtbot.waitSignal(editor.saved):
        editor.save()
    [action] = store.find("action_item")
    assert (action["owner"], action["due_date"]) == ("Marc", "2027-02-28")


def test_visit_is_written_in_one_transaction(qtbot, store):
    """A refusal at the last write (an attachment) leaves no visit and no follow-up behind."""
    project = seed_ciec(store)["project"]
    editor = open_visit(qtbot, store, project["id"])
    editor.add_action()
    type_cell(qtbot, editor.actions, 0, 0, "Relancer la municipalité")
    type_cell(qtbot, editor.actions, 0, 1, "Julie")
    editor.files.add_file(
        {"sha256": "0" * 64, "filename": "x" * 300, "media_type": "text/plain", "size": 3}
    )
    assert editor.save() is None
    assert "Nom du fichier : au plus 255 caractères" in editor.summary.text()
    assert (store.count("visit"), store.count("action_item"), store.count("attachment")) == (
        0,
        0,
        0,
    )


def test_a_failed_save_leaves_no_row_holding_the_id_of_a_record_that_does_not_exist(qtbot, store):
    """The follow-up is written before the refused attachment, then rolled back: its row must
    not keep the id it had for a moment (a second save would then « update » nothing)."""
    project = seed_ciec(store)["project"]
    editor = open_visit(qtbot, store, project["id"])
    editor.add_action()
    type_cell(qtbot, editor.actions, 0, 0, "Relancer la municipalité")
    type_cell(qtbot, editor.actions, 0, 1, "Julie")
    editor.files.add_file(
        {"sha256": "0" * 64, "filename": "x" * 300, "media_type": "text/plain", "size": 3}
    )
    assert editor.save() is None
    row_ids = [editor.actions.row_id(r) for r in range(editor.actions.rowCount())]
    file_ids = [info.get("id") for info in editor.files.files()]
    assert row_ids == [None] and file_ids == [None]
    assert editor.visit_id is None  # still a new visit

    editor.files.clear()  # the bad file removed, the same rows save as new records
    with qtbot.waitSignal(editor.saved):
        editor.save()
    [action] = store.find("action_item")
    assert editor.actions.row_id(0) == action["id"]
    assert action["visit_id"] == editor.visit_id


def test_edit_visit_removes_and_adds_follow_ups(qtbot, store):
    project = seed_ciec(store)["project"]
    visit = store.create(
        "visit",
        {"project_id": project["id"], "visited_at": "2026-06-02T09:00", "mode": "a_distance"},
    )
    old = store.create(
        "action_item",
        {
            "project_id": project["id"],
            "visit_id": visit["id"],
            "text": "Ancien suivi",
            "owner": "Marc",
        },
    )
    editor = open_visit(qtbot, store, visit_id=visit["id"])
    assert editor.panel.editor("visited_at").raw() == "2026-06-02T09:00"
    editor.actions.setCurrentCell(0, 0)
    qtbot.mouseClick(editor.remove_action_button, Qt.MouseButton.LeftButton)
    editor.add_action()
    type_cell(qtbot, editor.actions, 0, 0, "Nouveau suivi")
    type_cell(qtbot, editor.actions, 0, 1, "Julie")
    with qtbot.waitSignal(editor.saved):
        editor.save()
    assert store.get("action_item", old["id"]) is None
    assert [a["text"] for a in store.find("action_item")] == ["Nouveau suivi"]


def test_keyboard_removes_a_follow_up_and_a_file(qtbot, store, tmp_path):
    project = seed_ciec(store)["project"]
    photo = make_photo(tmp_path / "cle-usb")
    editor = open_visit(qtbot, store, project["id"], files=[str(photo)])
    with qtbot.waitSignal(editor.files_added, timeout=10000):
        qtbot.keyClick(editor.save_button, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    editor.files.setFocus()
    editor.files.setCurrentRow(0)
    qtbot.keyClick(editor.files, Qt.Key.Key_Delete)
    assert editor.files.count() == 0
    editor.actions.add_row({"text": "À retirer", "owner": "Marc"})
    editor.actions.setFocus()
    editor.actions.setCurrentCell(0, 1)
    qtbot.keyClick(editor.actions, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert editor.actions.rowCount() == 0
    assert editor.remove_action_button.text() == "Retirer le suivi (Ctrl+Suppr)"


def test_a_missing_file_is_reported_and_the_others_are_attached(qtbot, store, tmp_path):
    from coordinator_app.ui import errors

    project = seed_ciec(store)["project"]
    photo = make_photo(tmp_path / "carte")
    missing = tmp_path / "carte" / "disparue.jpg"
    editor = open_visit(qtbot, store, project["id"], files=[str(missing), str(photo)])
    with qtbot.waitSignal(editor.files_added, timeout=10000) as added:
        qtbot.mouseClick(editor.attach_button, Qt.MouseButton.LeftButton)
    assert added.args == [1]
    assert [editor.files.item(r).text() for r in range(editor.files.count())] == ["kiosque.jpg"]
    box = errors.open_dialogs[-1]
    assert f"Le fichier {missing} est introuvable : il n'a pas été joint." in box.text()
    box.close()


def test_saving_waits_for_files_being_copied(qtbot, store, tmp_path):
    project = seed_ciec(store)["project"]
    photo = make_photo(tmp_path / "carte")
    editor = open_visit(qtbot, store, project["id"], files=[str(photo)])
    with qtbot.waitSignal(editor.files_added, timeout=10000):
        qtbot.mouseClick(editor.attach_button, Qt.MouseButton.LeftButton)
        assert editor.copying()
        assert editor.save() is None  # pressed while the copy runs: nothing half-saved
        assert "Copie des pièces jointes en cours" in editor.summary.text()
        assert store.count("visit") == 0
    assert not editor.copying()
    with qtbot.waitSignal(editor.saved):
        editor.save()
    assert store.count("attachment") == 1
