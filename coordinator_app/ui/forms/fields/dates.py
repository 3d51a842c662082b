"""Date editors: a date that may be empty (with its calendar), and a date with a time."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QEvent, QObject, Qt, QTime
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QToolButton, QWidget

from coordinator_app.domain.schema import FieldSpec
from coordinator_app.ui.forms.fields.base import FieldEditor

NONE_DATE = QDate(1900, 1, 1)


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
