"""Editors that point at other records: one (a searchable combo box) or several (a checklist)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.schema import FieldSpec
from coordinator_app.store import Store
from coordinator_app.ui.forms.fields.base import FieldEditor, record_title, tr_domain

REF_LIMIT = 5000
VISIT_LIMIT = 300


class RefEditor(FieldEditor):
    """A reference to one record: a combo box with type-to-search over the records' names."""

    def __init__(
        self,
        spec: FieldSpec,
        store: Store,
        parent: QWidget | None = None,
        *,
        equals: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(spec, parent)
        self.store = store
        self.combo = QComboBox(self)
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.setMinimumContentsLength(24)
        self.combo.lineEdit().setPlaceholderText(
            QCoreApplication.translate("forms", "Tapez pour chercher…")
        )
        completer = QCompleter(self.combo.model(), self.combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.combo.setCompleter(completer)
        self.combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
        self.combo.lineEdit().textEdited.connect(lambda _text: self.changed.emit())
        self._layout.addWidget(self.combo, 1)
        self.reload(equals)

    def reload(self, equals: dict[str, Any] | None = None) -> None:
        current = self.raw()
        if self.spec.ref == "visit":
            # A project followed for years has thousands of visits: offer the recent ones.
            records = self.store.find(
                "visit", equals=equals, order_by="visited_at", descending=True, limit=VISIT_LIMIT
            )
            items = [(record_title("visit", r), r["id"]) for r in records]
        else:
            records = self.store.find(self.spec.ref, equals=equals, limit=REF_LIMIT)
            items = sorted(
                ((record_title(self.spec.ref, r), r["id"]) for r in records),
                key=lambda x: x[0].lower(),
            )
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem("", None)
        for title, record_id in items:
            self.combo.addItem(title, record_id)
        self.combo.blockSignals(False)
        self.set_raw(current)

    def focus_widget(self) -> QWidget:
        return self.combo

    def unmatched_text(self) -> str:
        """Typed text that names no offered record (the form reports it)."""
        text = self.combo.currentText().strip()
        if not text or self.combo.findText(text, Qt.MatchFlag.MatchFixedString) >= 0:
            return ""
        return text

    def raw(self) -> Any:
        text = self.combo.currentText().strip()
        if not text:
            return None
        index = self.combo.findText(text, Qt.MatchFlag.MatchFixedString)
        return self.combo.itemData(index) if index >= 0 else None

    def set_raw(self, raw: Any) -> None:
        index = self.combo.findData(raw) if raw else 0
        if index < 0:
            record = self.store.get(self.spec.ref, str(raw))
            self.combo.addItem(record_title(self.spec.ref, record) if record else str(raw), raw)
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(index)


class RefsEditor(FieldEditor):
    """Several references: a checkable list with a search box above it."""

    def __init__(self, spec: FieldSpec, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.store = store
        box = QVBoxLayout()
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(QCoreApplication.translate("forms", "Filtrer la liste…"))
        self.search.setAccessibleName(
            QCoreApplication.translate("forms", "Filtrer : {0}").format(tr_domain(spec.label))
        )
        self.search.textChanged.connect(self._filter)
        self.list = QListWidget(self)
        self.list.setFixedHeight(self.list.fontMetrics().lineSpacing() * 5 + 12)
        self.list.itemChanged.connect(self._item_changed)
        self.chosen = QLabel(self)
        self.chosen.setWordWrap(True)
        self._order: list[str] = []
        box.addWidget(self.chosen)
        box.addWidget(self.search)
        box.addWidget(self.list)
        self._layout.addLayout(box, 1)
        self.list.blockSignals(True)
        for title, record_id in self.choices():
            self._add(title, record_id)
        self.list.blockSignals(False)
        self._show_chosen()

    def choices(self) -> list[tuple[str, str]]:
        """``(title, id)`` of what may be checked, by title."""
        records = self.store.find(self.spec.ref, limit=REF_LIMIT)
        return sorted(
            ((record_title(self.spec.ref, r), r["id"]) for r in records), key=lambda x: x[0].lower()
        )

    def _add(self, title: str, record_id: str) -> QListWidgetItem:
        item = QListWidgetItem(title, self.list)
        item.setData(Qt.ItemDataRole.UserRole, record_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        return item

    def _filter(self, text: str) -> None:
        needle = text.strip().lower()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(bool(needle) and needle not in item.text().lower())

    def focus_widget(self) -> QWidget:
        return self.list

    def _checked(self) -> list[tuple[str, str]]:
        return [
            (self.list.item(row).data(Qt.ItemDataRole.UserRole), self.list.item(row).text())
            for row in range(self.list.count())
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]

    def _item_changed(self, _item: QListWidgetItem) -> None:
        self._show_chosen()
        self.changed.emit()

    def _show_chosen(self) -> None:
        names = [title for _id, title in self._checked()]
        self.chosen.setText(
            QCoreApplication.translate("forms", "Choisis : {0}").format(", ".join(names))
            if names
            else QCoreApplication.translate("forms", "Aucun choix")
        )

    def raw(self) -> Any:
        """Checked ids, in the stored order first, so an untouched list is not a change."""
        checked = [record_id for record_id, _title in self._checked()]
        kept = [record_id for record_id in self._order if record_id in checked]
        return kept + [record_id for record_id in checked if record_id not in kept]

    def set_raw(self, raw: Any) -> None:
        wanted = set(raw or [])
        self.list.blockSignals(True)
        present = set()
        for row in range(self.list.count()):
            item = self.list.item(row)
            record_id = item.data(Qt.ItemDataRole.UserRole)
            present.add(record_id)
            checked = record_id in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        for missing in wanted - present:
            self._add(str(missing), missing).setCheckState(Qt.CheckState.Checked)
        self.list.blockSignals(False)
        self._order = [str(record_id) for record_id in raw or []]
        self._show_chosen()
