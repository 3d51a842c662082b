"""A table model over one list query: a page of rows at a time, never the whole table.

``reload()`` runs the count and the first page on a worker (``ui.tasks``) so that typing in the
search box never blocks the window, then resets the model on the GUI thread; ``fetchMore`` reads
the next page when the view scrolls near the end. Sorting asks the store for a new order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

from coordinator_app.store import Store
from coordinator_app.store import queries as q
from coordinator_app.ui.lists.columns import Column
from coordinator_app.ui.tasks import run_in_background

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
OVERDUE_COLOUR = QColor("#a4000f")
#: The roles ``RecordTableModel.data`` answers.
_ROLES = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.CheckStateRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ForegroundRole,
        ID_ROLE,
        ROW_ROLE,
    )
)
#: Wait this long after a page landed before counting all the matches (see ``reload``).
COUNT_DELAY_MS = 250


def _ignore(_result: object) -> None:
    """A background result nobody waits for."""


class RecordTableModel(QAbstractTableModel):
    """Rows of ``store.queries.list_page`` for one kind and filter."""

    PAGE_SIZE = 200
    COUNT_CAP: int | None = q.COUNT_CAP  # None: count every row (a total shown as a number)
    loaded = Signal()  # a reload's first page landed
    counted_signal = Signal()  # …and then its total (``total`` is exact from here)
    done_toggled = Signal(str, bool)  # the user ticked « Fait » on an action item
    fetched = Signal()  # one more page landed

    def __init__(
        self, store: Store, kind: str, columns: Sequence[Column], owner: QWidget | None = None
    ) -> None:
        super().__init__(owner)
        self.store = store
        self.kind = kind
        self.columns = tuple(columns)
        self._owner = owner
        self.filter = q.ListFilter()
        self.sort_key, self.descending = q.DEFAULT_SORT[kind]
        self.total = 0
        self.counted = True
        self.capped = False  # the count stopped at COUNT_CAP: there are more than that
        self._rows: list[dict[str, Any]] = []
        self._generation = 0
        self.loading = False
        self._fetch_token: object | None = None
        self.today = dt.date.today().isoformat()

    # -- loading --------------------------------------------------------------------------------
    def set_filter(self, flt: q.ListFilter) -> None:
        self.filter = flt
        self.reload()

    def reload(self) -> None:
        """First page, then the count, in the background; a newer reload supersedes an older one.

        The rows land first (``loaded``) so typing shows results at once; the total follows
        (``counted``): counting every match of a broad word among 100 000 visits takes longer
        than finding the newest 200. A first page shorter than a page is its own count.
        """
        self._generation += 1
        generation = self._generation
        store, kind, flt = self.store, self.kind, self.filter
        sort, desc, size = self.sort_key, self.descending, self.PAGE_SIZE
        # a search typed is counted up to the cap (each keystroke); a plain filter, exactly
        cap = self.COUNT_CAP if flt.text.strip() else None
        self.loading = True

        def page(_reporter: Any) -> list[dict[str, Any]]:
            return q.list_page(store, kind, flt, sort=sort, descending=desc, limit=size)

        def prepare(_reporter: Any) -> None:
            q.prepare_search(store, kind, flt, sort=sort, descending=desc, limit=size)

        def count(_reporter: Any) -> int:
            return q.list_count(store, kind, flt, cap=cap)

        def land_count(total: int) -> None:
            if generation == self._generation:
                self._set_count(total, cap)

        def land_page(rows: list[dict[str, Any]]) -> None:
            if generation != self._generation:
                return  # the user typed on: a newer query is on its way
            self.beginResetModel()
            self._rows = rows
            self.counted, self.capped = len(rows) < size, False
            self.total = len(rows)
            self.today = self.store.today().isoformat()
            self.endResetModel()
            self.loaded.emit()
            if not flt.text.strip():  # the search the user may type next starts ready
                run_in_background(self._owner, prepare, on_success=_ignore, show_progress=False)
            if self.counted:
                self._set_count(len(rows))
            else:  # counted once the typing pauses: a count must not hold up the next page
                QTimer.singleShot(COUNT_DELAY_MS, self, start_count)

        def start_count() -> None:
            if generation == self._generation:
                run_in_background(self._owner, count, on_success=land_count, show_progress=False)

        self._fetch_token = None  # a page asked for before this reload is dropped on landing
        run_in_background(self._owner, page, on_success=land_page, show_progress=False)

    def _set_count(self, total: int, cap: int | None = None) -> None:
        # past the cap the total is « more than COUNT_CAP » (``capped``); rows still page in
        self.capped = cap is not None and total > cap
        self.total, self.counted = max(total, len(self._rows)), True
        self.loading = False
        self.counted_signal.emit()

    def _may_have_more(self) -> bool:
        if self.counted and not self.capped:
            return len(self._rows) < self.total
        return bool(self._rows) and len(self._rows) % self.PAGE_SIZE == 0

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._may_have_more()

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        """Read the next page off the GUI thread (a sort on an unindexed column takes a while)."""
        if parent.isValid() or self._fetch_token is not None or not self._may_have_more():
            return
        token = self._fetch_token = object()
        store, kind, flt = self.store, self.kind, self.filter
        sort, desc, size, offset = self.sort_key, self.descending, self.PAGE_SIZE, len(self._rows)

        def work(_reporter: Any) -> list[dict[str, Any]]:
            return q.list_page(
                store, kind, flt, sort=sort, descending=desc, limit=size, offset=offset
            )

        def land(page: list[dict[str, Any]]) -> None:
            if token is not self._fetch_token:
                return
            self._fetch_token = None
            if not page:
                self.total, self.counted = len(self._rows), True
                self.capped = False
                return
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()
            self.fetched.emit()

        run_in_background(self._owner, work, on_success=land, show_progress=False)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.sort_key = self.columns[column].key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def sort_column(self) -> int:
        keys = [c.key for c in self.columns]
        return keys.index(self.sort_key) if self.sort_key in keys else -1

    # -- reading --------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def row(self, index: int) -> dict[str, Any]:
        return self._rows[index]

    def record_id(self, index: int) -> str:
        return self._rows[index]["id"]

    def loaded_rows(self) -> int:
        return len(self._rows)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.columns):
            return QCoreApplication.translate("Columns", self.columns[section].title)
        return None

    def retranslate(self) -> None:
        """Headers and cells after a language switch."""
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self._rows:
            last = self.index(len(self._rows) - 1, len(self.columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def _overdue(self, row: dict[str, Any]) -> bool:
        return (
            self.kind == "action_item"
            and not row.get("done")
            and bool(row.get("due_date"))
            and row["due_date"] < self.today
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A repaint asks about ten roles of every visible cell: the roles never answered return
        # before anything else (a page of results was about 950 calls here per keystroke).
        if role not in _ROLES or not index.isValid():
            return None
        number = index.row()
        if number >= len(self._rows):
            return None
        row = self._rows[number]
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.render(row)
        if role == Qt.ItemDataRole.CheckStateRole and column.key == "done":
            return Qt.CheckState.Checked if row.get("done") else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.AccessibleTextRole and column.key == "done":
            if row.get("done"):
                return QCoreApplication.translate("Columns", "Fait")
            return QCoreApplication.translate("Columns", "À faire")
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and self._overdue(row):
            return QBrush(OVERDUE_COLOUR)
        if role == ID_ROLE:
            return row["id"]
        if role == ROW_ROLE:
            return row
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and self.columns[index.column()].key == "done":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        if self.columns[index.column()].key != "done":
            return False
        row = self._rows[index.row()]
        done = Qt.CheckState(value) == Qt.CheckState.Checked
        row["done"] = 1 if done else 0
        self.dataChanged.emit(
            index.siblingAtColumn(0), index.siblingAtColumn(len(self.columns) - 1)
        )
        self.done_toggled.emit(row["id"], done)
        return True
