"""« Responsable » of a follow-up in the visit editor: picked from the region's staff, then the
project's people, or typed for a partner; and Ctrl+J (« Joindre des fichiers… ») still works while
a name is being typed in that cell (a completer popup used to take the shortcut away)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from coordinator_app.domain.people import OWNER_OTHER, OWNER_PROJECT, OWNER_STAFF, Person
from coordinator_app.store import people
from coordinator_app.ui.forms.visit_editor import VisitDialog
from tests.ui import forms_helpers as cf

profile_dir, store = cf.profile_dir, cf.store  # fixtures
cell_editor, make_photo, seed_ciec, show_active, type_cell = (
    cf.cell_editor,
    cf.make_photo,
    cf.seed_ciec,
    cf.show_active,
    cf.type_cell,
)

STAFF = [
    Person("Marie Tremblay", "mtremblay", regions=("02",)),
    Person("Anne Côté", "acote", regions=("03",)),
]


def _owner_combo(table) -> QComboBox:
    [combo] = [w for w in table.viewport().findChildren(QComboBox) if w.isVisible()]
    return combo


def test_owner_is_picked_from_the_staff_then_the_projects_people(qtbot, store, tmp_path):
    people.set_staff(store, STAFF)
    project = seed_ciec(store)["project"]
    photo = make_photo(tmp_path / "carte-sd")
    dialog = VisitDialog(store, project["id"], choose_files=lambda _parent: [str(photo)])
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    editor = dialog.editor
    editor.add_action()
    table = editor.actions
    table.setFocus()
    table.setCurrentCell(0, 1)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    combo = _owner_combo(table)
    choices = [combo.itemText(i) for i in range(combo.count())]
    # the region's staff (Saguenay–Lac-Saint-Jean) first, then the others, then the project's own
    assert choices[:3] == ["Marie Tremblay", "Anne Côté", "Julie Tremblay"]

    line = cell_editor(table)
    qtbot.keyClicks(line, "mar")  # completes inline to « Marie Tremblay », no popup
    assert combo.currentText().casefold() == "marie tremblay"
    with qtbot.waitSignal(editor.files_added, timeout=10000):
        qtbot.keyClick(line, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert editor.files.count() == 1
    table.setFocus()
    type_cell(qtbot, table, 0, 0, "Envoyer le gabarit")
    editor.add_action()
    type_cell(qtbot, table, 1, 0, "Réserver la salle")
    type_cell(qtbot, table, 1, 1, "Julie Tremblay")
    editor.add_action()
    type_cell(qtbot, table, 2, 0, "Appeler la caisse")
    type_cell(qtbot, table, 2, 1, "Paul de la Caisse")
    with qtbot.waitSignal(editor.saved):
        editor.save()
    owners = {
        a["text"]: (a["owner"], a["owner_kind"], a["owner_account"])
        for a in store.find("action_item")
    }
    assert owners == {
        "Envoyer le gabarit": ("Marie Tremblay", OWNER_STAFF, "mtremblay"),
        "Réserver la salle": ("Julie Tremblay", OWNER_PROJECT, None),
        "Appeler la caisse": ("Paul de la Caisse", OWNER_OTHER, None),
    }
