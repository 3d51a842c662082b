"""One input widget per domain field type, all with the same small interface.

Editors hand back what the person typed (``raw()``), not a parsed value: parsing and its French
messages belong to the domain (``clean_record``), so a form shows exactly the message an import or
the server would give. ``raw()`` is JSON-friendly, which is what a draft keeps.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QEvent, QObject, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain import fr_ca
from coordinator_app.domain.entities import ENTITIES
from coordinator_app.domain.people import STAFF_FIELDS
from coordinator_app.domain.regions import REGIONS
from coordinator_app.domain.schema import FieldSpec, FieldType
from coordinator_app.store import Store

T = FieldType
NONE_DATE = QDate(1900, 1, 1)
REF_LIMIT = 5000
VISIT_LIMIT = 300


def tr_domain(text: str) -> str:
    """Translate a French label that comes from the domain's specs (context « domain »)."""
    return QCoreApplication.translate("domain", text)


def record_title(kind: str, record: dict[str, Any]) -> str:
    """A short human name for a record: its title field, with the family name for people."""
    spec = ENTITIES[kind]
    title = str(record.get(spec.title_field) or "")
    if kind == "participant":
        title = f"{record.get('first_name') or ''} {record.get('last_name') or ''}".strip()
    if kind == "visit":
        title = f"{(record.get('visited_at') or '').replace('T', ' ')} {title}".strip()
    return title or record.get("id", "")


class FieldEditor(QWidget):
    """Base class: ``changed`` on every edit, ``raw()`` / ``set_raw()`` / ``set_value()``."""

    changed = Signal()

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def focus_widget(self) -> QWidget:
        """The widget that takes the keyboard focus and carries the accessible name."""
        return self

    def raw(self) -> Any:
        raise NotImplementedError

    def set_raw(self, raw: Any) -> None:
        """Show raw input as a draft kept it."""
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        """Show a canonical value from the store (defaults to the raw form)."""
        self.set_raw(value)

    def set_accessible(self, name: str, description: str = "") -> None:
        self.focus_widget().setAccessibleName(name)
        self.focus_widget().setAccessibleDescription(description)


class LineEditor(FieldEditor):
    """Text, email, phone, postal code, numbers and money: typed, then parsed by the domain."""

    PLACEHOLDERS: ClassVar[dict[FieldType, str]] = {
        T.EMAIL: "nom@exemple.qc.ca",
        T.PHONE: "418 555-1234",
        T.POSTAL_CODE: "G1R 4S9",
        T.MONEY: "1 234,56 $",
        T.INT: "12",
        T.DECIMAL: "12,5",
    }

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.edit = QLineEdit(self)
        placeholder = self.PLACEHOLDERS.get(spec.type)
        if spec.type == T.INT and spec.name.endswith("year"):
            placeholder = str(dt.date.today().year)  # « Année » : ex. 2026, not « ex. 12 »
        if placeholder:
            self.edit.setPlaceholderText(
                QCoreApplication.translate("forms", "ex. {0}").format(placeholder)
            )
        if spec.type in (T.INT, T.DECIMAL, T.MONEY):
            self.edit.setMaximumWidth(220)
        self.edit.textEdited.connect(lambda _text: self.changed.emit())
        self._layout.addWidget(self.edit)
        if spec.type in (T.INT, T.DECIMAL, T.MONEY):
            self._layout.addStretch(1)

    def focus_widget(self) -> QWidget:
        return self.edit

    def raw(self) -> Any:
        return self.edit.text()

    def set_raw(self, raw: Any) -> None:
        self.edit.setText("" if raw is None else str(raw))

    def set_value(self, value: Any) -> None:
        if value is None:
            text = ""
        elif self.spec.type == T.MONEY:
            text = fr_ca.money_cents(value)
        elif self.spec.type == T.DECIMAL:
            text = fr_ca.number(value, 2).rstrip("0").rstrip(",")
        else:
            text = str(value)
        self.edit.setText(text)


class LongTextEditor(FieldEditor):
    """Several lines (observations, notes); lists are one item per line."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None, *, lines: int = 5) -> None:
        super().__init__(spec, parent)
        self.edit = QPlainTextEdit(self)
        self.edit.setTabChangesFocus(True)
        height = self.edit.fontMetrics().lineSpacing() * lines + 14
        self.edit.setFixedHeight(height)
        self.edit.textChanged.connect(self.changed.emit)
        self._layout.addWidget(self.edit)

    def focus_widget(self) -> QWidget:
        return self.edit

    def raw(self) -> Any:
        return self.edit.toPlainText()

    def set_raw(self, raw: Any) -> None:
        if isinstance(raw, list):
            raw = "\n".join(str(item) for item in raw)
        self.edit.setPlainText("" if raw is None else str(raw))


class ListEditor(LongTextEditor):
    """A list of short texts or dates, one per line (the domain splits lines and semicolons)."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent, lines=3)
        hint = (
            QCoreApplication.translate("forms", "Une date par ligne (AAAA-MM-JJ)")
            if spec.type == T.DATES
            else QCoreApplication.translate("forms", "Un élément par ligne")
        )
        self.edit.setPlaceholderText(hint)


class NoneableDateEdit(QDateEdit):
    """A ``QDateEdit`` that can be empty (shown « — »); Suppr empties it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(NONE_DATE)
        self.setSpecialValueText("—")
        self.setDate(NONE_DATE)
        self.calendarWidget().setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendarWidget().installEventFilter(self)

    def is_none(self) -> bool:
        return self.date() == NONE_DATE

    def clear_date(self) -> None:
        self.setDate(NONE_DATE)

    def _wake(self) -> None:
        if self.is_none():
            self.setDate(QDate.currentDate())
            self.setCurrentSection(QDateTimeEdit.Section.YearSection)

    def stepBy(self, steps: int) -> None:
        if self.is_none():
            self._wake()
            return
        super().stepBy(steps)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete:
            self.clear_date()
            return
        if event.text() in ("-", "/") and self._after_separator():
            return  # « 2027-05-09 »: Qt already moved past the « - » when the year was complete
        if self.is_none() and event.text().isdigit():
            self._wake()
            self.lineEdit().selectAll()
            self.setSelectedSection(QDateTimeEdit.Section.YearSection)
        super().keyPressEvent(event)

    def _after_separator(self) -> bool:
        position = self.lineEdit().cursorPosition()
        return position > 0 and self.lineEdit().text()[position - 1] in "-/"

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.calendarWidget() and event.type() == QEvent.Type.Show and self.is_none():
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        return False


class DateEditor(FieldEditor):
    """A date with a calendar, or none; the ✕ button (or Suppr) empties it."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.edit = NoneableDateEdit(self)
        self.edit.setMinimumWidth(150)
        self.edit.dateChanged.connect(lambda _date: self.changed.emit())
        self.clear_button = QToolButton(self)
        self.clear_button.setText("✕")
        self.clear_button.setToolTip(QCoreApplication.translate("forms", "Effacer la date (Suppr)"))
        self.clear_button.setAccessibleName(QCoreApplication.translate("forms", "Effacer la date"))
        self.clear_button.clicked.connect(self.edit.clear_date)
        self._layout.addWidget(self.edit)
        self._layout.addWidget(self.clear_button)
        self._layout.addStretch(1)

    def focus_widget(self) -> QWidget:
        return self.edit

    def raw(self) -> Any:
        return None if self.edit.is_none() else self.edit.date().toString("yyyy-MM-dd")

    def set_raw(self, raw: Any) -> None:
        date = QDate.fromString(str(raw)[:10], "yyyy-MM-dd") if raw else QDate()
        self.edit.setDate(date if date.isValid() else NONE_DATE)


class DateTimeEditor(FieldEditor):
    """A date and time to the minute (visits)."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.edit = QDateTimeEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.edit.calendarWidget().setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.edit.setDateTime(QDateTime(QDate.currentDate(), QTime.currentTime()))
        self.edit.setMinimumWidth(180)
        self.edit.dateTimeChanged.connect(lambda _moment: self.changed.emit())
        self._layout.addWidget(self.edit)
        self._layout.addStretch(1)

    def focus_widget(self) -> QWidget:
        return self.edit

    def raw(self) -> Any:
        return self.edit.dateTime().toString("yyyy-MM-ddTHH:mm")

    def set_raw(self, raw: Any) -> None:
        if raw:
            moment = QDateTime.fromString(str(raw)[:16], "yyyy-MM-ddTHH:mm")
            if moment.isValid():
                self.edit.setDateTime(moment)


class BoolEditor(FieldEditor):
    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.box = QCheckBox(self)  # the form's label names it (buddy, accessible name)
        self.box.toggled.connect(lambda _on: self.changed.emit())
        self._layout.addWidget(self.box)

    def focus_widget(self) -> QWidget:
        return self.box

    def raw(self) -> Any:
        return self.box.isChecked()

    def set_raw(self, raw: Any) -> None:
        self.box.setChecked(bool(raw) and str(raw).lower() not in ("non", "false", "0"))


class ChoiceEditor(FieldEditor):
    """Enumerations and regions: a combo box of French labels; the first item means « none »."""

    def __init__(
        self,
        spec: FieldSpec,
        parent: QWidget | None = None,
        choices: list[tuple[str, str]] | None = None,
    ) -> None:
        super().__init__(spec, parent)
        self.combo = QComboBox(self)
        self.combo.setMinimumContentsLength(18)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
        self._layout.addWidget(self.combo, 1)
        self.set_choices(choices if choices is not None else self.default_choices())

    def default_choices(self) -> list[tuple[str, str]]:
        if self.spec.type == T.REGION:
            return [(code, f"{code} — {name}") for code, name in REGIONS.items()]
        return [(value, tr_domain(label)) for value, label in self.spec.choices]

    def set_choices(self, choices: list[tuple[str, str]]) -> None:
        """Replace the offered choices, keeping the current one when it is still offered."""
        current = self.raw()
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(QCoreApplication.translate("forms", "— choisir —"), None)
        for value, label in choices:
            self.combo.addItem(label, value)
        self.combo.blockSignals(False)
        self.set_raw(current)

    def focus_widget(self) -> QWidget:
        return self.combo

    def raw(self) -> Any:
        return self.combo.currentData()

    def set_raw(self, raw: Any) -> None:
        index = self.combo.findData(raw) if raw is not None else 0
        if index < 0 and raw:
            # A value the current choices do not offer (e.g. a stage of another program): keep it
            # visible so the domain's message about it makes sense.
            self.combo.addItem(str(raw), raw)
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(max(index, 0))


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


def make_editor(
    spec: FieldSpec,
    store: Store,
    parent: QWidget | None = None,
    scope: dict[str, Any] | None = None,
) -> FieldEditor | None:
    """The editor of one field; None for structured JSON fields, which have their own pages.

    ``scope`` (e.g. the project being edited) narrows a reference to records of that project.
    """
    if spec.type in (T.TEXT, T.EMAIL, T.PHONE, T.POSTAL_CODE, T.INT, T.DECIMAL, T.MONEY):
        return LineEditor(spec, parent)
    if spec.type == T.LONGTEXT:
        return LongTextEditor(spec, parent)
    if spec.name in STAFF_FIELDS:
        from coordinator_app.ui.forms.staff import StaffEditor

        return StaffEditor(spec, store, parent)
    if spec.type in (T.LIST, T.DATES):
        return ListEditor(spec, parent)
    if spec.type == T.DATE:
        return DateEditor(spec, parent)
    if spec.type == T.DATETIME:
        return DateTimeEditor(spec, parent)
    if spec.type == T.BOOL:
        return BoolEditor(spec, parent)
    if spec.type in (T.ENUM, T.REGION):
        return ChoiceEditor(spec, parent)
    if spec.type == T.REF:
        parent_field = ENTITIES[spec.ref].parent_field
        equals = {parent_field: scope[parent_field]} if scope and scope.get(parent_field) else None
        return RefEditor(spec, store, parent, equals=equals)
    if spec.type == T.REFS:
        return RefsEditor(spec, store, parent)
    return None
