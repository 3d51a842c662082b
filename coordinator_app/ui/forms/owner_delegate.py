"""« Responsable » of a follow-up in the visit editor: picked from a list, or typed.

The list holds the staff of the project's region first (a follow-up given to one of them becomes
theirs, in « Mes suivis »), then the project's own people (its coordinators, teacher, board and
committee); any other text stays allowed for a partner (``store.people.owner_values`` decides what
a name is when the visit is saved).

Why an editable combo box and not a ``QCompleter`` in popup mode (issue 14's first try): a
completer's popup is a window of its own (``Qt.Popup``); while it is open it is the active window
for shortcuts, so every shortcut of the visit editor (``WidgetWithChildrenShortcut``: Ctrl+J
« Joindre des fichiers… », Ctrl+Maj+A) stops matching, and the popup opens as soon as the typed
letters match a name, which is exactly when a coordinator goes on with Ctrl+J. An editable
``QComboBox`` completes inline (in the line itself, no popup); its list only opens when asked
(Alt+Bas, F4 or a click), so the editor's shortcuts keep working while typing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from coordinator_app.store import Store, people

Index = QModelIndex | QPersistentModelIndex
MIN_WIDTH = 190  # pixels: « Béatrice Gauthier » and the picker's arrow


def owner_choices(store: Store, project: dict[str, Any]) -> list[str]:
    """Names offered for « Responsable »: the staff of the project's region (all the staff
    directory when none of them is of that region), then the project's own people."""
    staff = [p for p in people.staff(store) if p.name]
    region = project.get("region_code")
    local = [p for p in staff if region in p.regions] or staff
    names = [p.name for p in local] + [p.name for p in staff if p not in local]
    return list(dict.fromkeys([*names, *people.project_people(store, project)]))


class OwnerDelegate(QStyledItemDelegate):
    """The « Responsable » column's editor: an editable combo box (inline completion)."""

    def __init__(self, choices: Callable[[], list[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choices = choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItems(self._choices())
        combo.setAccessibleName(self.tr("Responsable du suivi"))
        combo.setToolTip(
            self.tr(
                "Choisissez une personne du CQCM ou du projet, ou écrivez le nom d'un partenaire"
            )
        )
        completer = combo.completer()  # inline: no popup window to take the shortcuts away
        completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        # Entrée keeps the name shown (completion included) and closes the cell, as in the
        # other cells (the combo box would otherwise keep Entrée for itself)
        combo.lineEdit().returnPressed.connect(lambda: self._finish(combo))
        return combo

    def _finish(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.NoHint)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        """Wide enough for a full name in the picker (the column sizes itself to its cells)."""
        hint = super().sizeHint(option, index)
        return QSize(max(hint.width(), MIN_WIDTH), hint.height())

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setEditText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        text = " ".join(editor.currentText().split())
        # inline completion keeps the letters as typed (« marie Tremblay »): a name of the list
        # is written as the list spells it
        found = editor.findText(text, Qt.MatchFlag.MatchFixedString)  # case-insensitive
        model.setData(index, editor.itemText(found) if found >= 0 else text)
