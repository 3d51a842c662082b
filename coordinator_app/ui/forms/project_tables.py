"""The read-only tables of the project page: one look for all its tabs, one way to fill them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

WARNING = QColor("#b00020")
OVERDUE = QColor("#fde2e1")


def record_table(parent: QWidget, headers: list[str], accessible: str) -> QTableWidget:
    """A table of records, one selectable row each, that never edits in place."""
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.setAccessibleName(accessible)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def cell(text: str, record_id: str | None = None, *, align_right: bool = False) -> QTableWidgetItem:
    """One cell; the first cell of a row carries the record's id for opening it."""
    item = QTableWidgetItem(text)
    if record_id is not None:
        item.setData(Qt.ItemDataRole.UserRole, record_id)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def add_row(table: QTableWidget, record_id: str | None, values: list[str]) -> int:
    """Append one row of texts (the id on its first cell); returns the row's index."""
    row = table.rowCount()
    table.insertRow(row)
    for column, text in enumerate(values):
        table.setItem(row, column, cell(text, record_id if column == 0 else None))
    return row


def fill(table: QTableWidget, rows: list[tuple[str | None, list[str]]]) -> None:
    """Replace the table's rows with ``(record id, texts)`` pairs."""
    table.setRowCount(0)
    for record_id, values in rows:
        add_row(table, record_id, values)


def selected_id(table: QTableWidget) -> str | None:
    """The id of the record on the current row, if any."""
    row = table.currentRow()
    if row < 0 or table.item(row, 0) is None:
        return None
    return table.item(row, 0).data(Qt.ItemDataRole.UserRole)
