"""Who changed what and when, for one record, from the change journal; « Rétablir cette valeur ».

The journal holds every change (local or pulled from the server) with ``fields`` mapping each
changed field to ``[old, new]``. Restoring an old value is an ordinary update: validated by the
domain, journaled, and synced like any other change.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.entities import ENTITIES
from coordinator_app.domain.errors import UserError
from coordinator_app.operations.records import put_field_back, restore_field
from coordinator_app.store import Store, journal_notes
from coordinator_app.store.journal import JournalEntry
from coordinator_app.ui import i18n
from coordinator_app.ui.forms.display import format_value
from coordinator_app.ui.forms.fields import tr_domain
from coordinator_app.ui.operations import run_operation
from coordinator_app.ui.undo import UndoOffer


class HistoryView(QWidget):
    """The journal of one record, newest first; ``restored`` after a value was put back."""

    restored = Signal(str)  # the field's name

    def __init__(
        self, store: Store, kind: str, record_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.kind = kind
        self.record_id = record_id
        layout = QVBoxLayout(self)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(
            [self.tr("Quand, qui, quoi"), self.tr("Ancienne valeur"), self.tr("Nouvelle valeur")]
        )
        self.tree.setAccessibleName(
            self.tr("Historique des modifications : {0}").format(tr_domain(ENTITIES[kind].label))
        )
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.tree.setColumnWidth(0, 480)  # « Marie Tremblay — le 3 décembre 2026, 14 h 05 — … »
        self.tree.setColumnWidth(1, 260)
        self.tree.currentItemChanged.connect(lambda *_: self._update_button())
        row = QHBoxLayout()
        self.restore_button = QPushButton(self.tr("Rétablir cette valeur"), self)
        self.restore_button.setAccessibleName(self.tr("Rétablir cette valeur"))
        self.restore_button.setToolTip(self.tr("Remet l'ancienne valeur du champ choisi"))
        self.restore_button.setAutoDefault(False)
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_button.setEnabled(False)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        layout.addWidget(self.tree, 1)
        layout.addLayout(row)
        self.reload()

    def _operation(self, op: str) -> str:
        texts = {
            "create": self.tr("Création"),
            "update": self.tr("Modification"),
            "delete": self.tr("Suppression"),
            "restore": self.tr("Restauration"),
            journal_notes.RESTORED: self.tr("Valeur rétablie"),
        }
        return texts.get(op, op)

    def entry_title(self, entry: JournalEntry) -> str:
        """« Marie Tremblay — le 3 décembre 2026, 14 h 05 — Modification », and « depuis un autre
        ordinateur » for a change that came through the server."""
        who = entry.author or self.tr("Auteur inconnu")
        # « Valeur rétablie » for a value put back (a journal note: it synced as an update)
        op = getattr(self, "_notes", {}).get(entry.change_id, entry.op)
        text = self.tr("{0} — {1} — {2}").format(who, i18n.moment(entry.at), self._operation(op))
        if entry.origin == "remote":
            text += self.tr(" (depuis un autre ordinateur)")
        return text

    def reload(self) -> None:
        self.tree.clear()
        spec = ENTITIES[self.kind]
        record = self.store.get(self.kind, self.record_id, include_deleted=True) or {}
        program = record.get("program")
        self._notes = journal_notes.notes_for(self.store, self.kind, self.record_id)
        for entry in reversed(self.store.history(self.kind, self.record_id)):
            top = QTreeWidgetItem([self.entry_title(entry)])
            for name, (old, new) in entry.fields.items():
                if not spec.has_field(name):
                    continue
                field = spec.field(name)
                child = QTreeWidgetItem(
                    [
                        tr_domain(field.label),
                        format_value(field, old, self.store, program=program),
                        format_value(field, new, self.store, program=program),
                    ]
                )
                child.setData(0, Qt.ItemDataRole.UserRole, (name, old, entry.op))
                for column in (1, 2):
                    child.setToolTip(column, child.text(column))
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        self._update_button()

    def _update_button(self) -> None:
        item = self.tree.currentItem()
        data = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        self.restore_button.setEnabled(bool(data) and data[2] == "update")

    def restore_selected(self) -> QMessageBox | None:
        """« Rétablir cette valeur »: asks first (naming the field and the value), then puts the
        old value back, says so in the status bar and offers « Annuler » (Ctrl+Z)."""
        item = self.tree.currentItem()
        data = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        if not data:
            return None
        name, old, _op = data
        label, shown = item.text(0), item.text(1)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Rétablir cette valeur"),
            self.tr("Remettre « {value} » dans « {field} » ?").format(value=shown, field=label),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("&Rétablir"))
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.finished.connect(
            lambda result: (
                self._restore(name, old, label, shown)
                if result == QMessageBox.StandardButton.Yes
                else None
            )
        )
        self.confirm = box
        box.open()
        return box

    def _restore(self, name: str, old: Any, label: str, shown: str) -> None:
        """Through the ``restore_field`` operation; its undo through ``put_field_back``."""
        kind, record_id = self.kind, self.record_id
        before = (self.store.get(kind, record_id) or {}).get(name)
        done = run_operation(
            self,
            self.store,
            lambda store: restore_field(store, kind, record_id, name, old),
            on_error=self._refused,
        )
        if done is None:
            return
        self.reload()
        self.restored.emit(name)
        undo = self._undo_offer()
        message = self.tr("« {field} » rétabli à « {value} ».").format(field=label, value=shown)
        if undo is not None:

            def put_back() -> None:
                run_operation(
                    self,
                    self.store,
                    lambda store: put_field_back(store, kind, record_id, name, before),
                    on_success=lambda _changes: (self.reload(), self.restored.emit(name)),
                    on_error=_raise,
                )

            undo.offer(message, put_back)

    def _refused(self, error: BaseException) -> None:
        """E.g. the old value no longer fits the record's other fields: said in the error box."""
        if not isinstance(error, UserError):
            raise error
        from coordinator_app.ui.errors import show_error

        show_error(self, error)

    def _undo_offer(self) -> UndoOffer | None:
        """The main window's « Annuler » (the form's window is a child of it)."""
        for widget in (self.window().parentWidget(), self.window()):
            undo = getattr(widget, "undo", None) if widget is not None else None
            if isinstance(undo, UndoOffer):
                return undo
        return None


def _raise(error: BaseException) -> None:
    """The undo's error goes to ``UndoOffer.undo``, which shows it (not « Action annulée. »)."""
    raise error
