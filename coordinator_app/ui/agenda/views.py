"""The two views of the agenda page: the week as a list of days, the month as a grid.

Each view only shows the entries it is given; the page reads them, filters and navigates. Strings
keep the « AgendaPage » translation context they had when the views were part of the page.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from coordinator_app.domain import agenda
from coordinator_app.ui.agenda import labels

LATE = QColor("#a4000f")  # WCAG AA on white
MONTH_LINES = 3
LATE_STATES = (agenda.TO_RESCHEDULE, "overdue")


def _tr(text: str) -> str:
    return QCoreApplication.translate("AgendaPage", text)


class WeekView(QTreeWidget):
    """Seven day headings, each followed by its entries (or « Rien de prévu »)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agenda-week")
        self.setColumnCount(5)
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setUniformRowHeights(True)
        header = self.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)

    def fill(
        self, monday: dt.date, entries: list[agenda.Entry], staff_names: dict[str, str]
    ) -> None:
        """Show the week starting ``monday``, keeping the selected entry selected."""
        selected = self.selected_entry()
        self.clear()
        bold = QFont(self.font())
        bold.setBold(True)
        for offset in range(7):
            day = monday + dt.timedelta(days=offset)
            heading = QTreeWidgetItem(self, [labels.initial_capital(labels.day_text(day))])
            heading.setFirstColumnSpanned(True)
            heading.setFont(0, bold)
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            heading.setData(0, Qt.ItemDataRole.UserRole + 1, day.isoformat())
            todays = [e for e in entries if e.day == day]
            if not todays:
                empty = QTreeWidgetItem(self, ["", _tr("Rien de prévu")])
                empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
                empty.setForeground(1, QBrush(QColor("#4a5a66")))
            for entry in todays:
                item = self._add(entry, staff_names)
                if selected is not None and entry.uid == selected.uid:
                    self.setCurrentItem(item)
        room = max(self.viewport().width(), 560)
        for column, share in enumerate((0.09, 0.18, 0.29, 0.3)):
            self.setColumnWidth(column, int(room * share))

    def _add(self, entry: agenda.Entry, staff_names: dict[str, str]) -> QTreeWidgetItem:
        item = QTreeWidgetItem(
            self,
            [
                _tr("Journée") if entry.all_day else labels.time_text(entry.start),
                labels.label(entry),
                entry.project_name,
                labels.place(entry),
                ", ".join(staff_names.get(a, a) for a in entry.staff),
            ],
        )
        item.setData(0, Qt.ItemDataRole.UserRole, entry)
        if entry.state in LATE_STATES:
            for column in range(5):
                item.setForeground(column, QBrush(LATE))
        return item

    def selected_entry(self) -> agenda.Entry | None:
        item = self.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def select(self, record_id: str) -> bool:
        """Select the entry of a record; False when the week does not show it."""
        for index in range(self.topLevelItemCount()):
            item = self.topLevelItem(index)
            entry = item.data(0, Qt.ItemDataRole.UserRole)
            if entry is not None and entry.record_id == record_id:
                self.setCurrentItem(item)
                return True
        return False


class MonthView(QTableWidget):
    """Whole weeks covering a month, seven columns; a day shows its first entries."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agenda-month")
        self.setColumnCount(7)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    def fill(
        self,
        start: dt.date,
        end: dt.date,
        entries: list[agenda.Entry],
        *,
        month: int,
        today: dt.date,
    ) -> None:
        """Show the weeks from ``start`` to ``end``; days outside ``month`` are greyed."""
        weeks = ((end - start).days + 1) // 7
        self.clearContents()
        self.setRowCount(weeks)
        for index in range((end - start).days + 1):
            day = start + dt.timedelta(days=index)
            todays = [e for e in entries if e.day == day]
            item = _day_item(day, todays)
            if day.month != month:
                item.setForeground(QBrush(QColor("#6b7a85")))
            if any(e.state in LATE_STATES for e in todays):
                item.setForeground(QBrush(LATE))
            if day == today:
                item.setBackground(QBrush(QColor("#e3f1ea")))
            self.setItem(index // 7, index % 7, item)


def _day_item(day: dt.date, todays: list[agenda.Entry]) -> QTableWidgetItem:
    """A day's cell: short in the grid, whole in the tooltip."""
    lines = [str(day.day)]
    for entry in todays[:MONTH_LINES]:
        lines.append(f"{labels.short(entry)} {entry.project_name}")
    if len(todays) > MONTH_LINES:
        lines.append(_tr("… et {0} autres").format(len(todays) - MONTH_LINES))
    item = QTableWidgetItem("\n".join(lines))
    item.setToolTip(
        "\n".join(f"{labels.when(e)}{labels.label(e)} — {e.project_name}" for e in todays)
    )
    item.setTextAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    return item
