"""The concrete list pages: projects of each program, visits, and Suivis (action items)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from coordinator_app.domain.stages import CIEC, FERME_COOP, JEUNE_COOP
from coordinator_app.operations import Changes
from coordinator_app.operations.records import set_action_done
from coordinator_app.store import Store
from coordinator_app.store import queries as q
from coordinator_app.ui import i18n
from coordinator_app.ui.lists.columns import ACTION_COLUMNS, PROJECT_COLUMNS, VISIT_COLUMNS
from coordinator_app.ui.lists.page import ListPage
from coordinator_app.ui.operations import run_operation


class ProjectListPage(ListPage):
    """Projects of one program."""

    def __init__(self, store: Store, program: str, parent: QWidget | None = None) -> None:
        super().__init__(store, "project", PROJECT_COLUMNS[program], program=program, parent=parent)

    def title(self) -> str:
        return {
            CIEC: self.tr("Projets CIEC"),
            JEUNE_COOP: self.tr("Jeune COOP"),
            FERME_COOP: self.tr("Coopératives agricoles"),
        }[self.program or CIEC]

    def count_text(self, total: int) -> str:
        return i18n.count(self.tr("%n projet(s)", "", total), total)


class VisitListPage(ListPage):
    """Every field visit, newest first."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, "visit", VISIT_COLUMNS, parent=parent)

    def title(self) -> str:
        return self.tr("Visites")

    def count_text(self, total: int) -> str:
        return i18n.count(self.tr("%n visite(s)", "", total), total)


class SuivisPage(ListPage):
    """Action items due and overdue; ticking « Fait » runs the ``set_action_done`` operation."""

    item_changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, "action_item", ACTION_COLUMNS, with_stage=False, parent=parent)
        self.extra.parentWidget().show()
        self.model.done_toggled.connect(self._save_done)
        self.undo: Any = None  # the window's ``UndoOffer`` (``ui.undo``), set by the window
        # Space marks the selected follow-up done (or not) wherever the cursor is in the row,
        # not only on the « Fait » check box.
        space = QShortcut(QKeySequence(Qt.Key.Key_Space), self.view)
        space.setContext(Qt.ShortcutContext.WidgetShortcut)
        space.activated.connect(self.toggle_current)

    def title(self) -> str:
        return self.tr("Suivis")

    def retranslate_ui(self) -> None:
        self.extra_label.setText(self.tr("A&fficher"))
        self.extra.setAccessibleName(self.tr("Quels suivis afficher"))
        self._refill_scopes()
        super().retranslate_ui()

    def _refill_scopes(self) -> None:
        current = self.extra.currentData() or q.SCOPE_DUE
        self.extra.blockSignals(True)
        self.extra.clear()
        for text, scope in (
            (self.tr("Dus et en retard"), q.SCOPE_DUE),
            (self.tr("En retard"), q.SCOPE_OVERDUE),
            (self.tr("Tous les suivis ouverts"), q.SCOPE_OPEN),
            (self.tr("Faits"), q.SCOPE_DONE),
            (self.tr("Tous"), q.SCOPE_ALL),
        ):
            self.extra.addItem(text, scope)
        self.extra.setCurrentIndex(max(self.extra.findData(current), 0))
        self.extra.blockSignals(False)

    def current_filter(self) -> q.ListFilter:
        base = super().current_filter()
        return q.ListFilter(
            region=base.region,
            year=base.year,
            coordinator_id=base.coordinator_id,
            mine=base.mine,
            text=base.text,
            scope=self.extra.currentData() or q.SCOPE_DUE,
        )

    def reset_filters(self) -> None:
        self.extra.blockSignals(True)
        self.extra.setCurrentIndex(0)
        self.extra.blockSignals(False)
        super().reset_filters()

    def count_text(self, total: int) -> str:
        return i18n.count(self.tr("%n suivi(s)", "", total), total)

    def apply_filters(self) -> None:
        self._sort_for_scope()
        super().apply_filters()

    def _sort_for_scope(self) -> None:
        """« Faits » lists the most recent first; the other scopes the most urgent first."""
        keys = [c.key for c in self.model.columns]
        scope = self.extra.currentData()
        if "due_date" not in keys or scope == getattr(self, "_sorted_scope", q.SCOPE_DUE):
            return  # the user's own sort stays until the scope changes
        self._sorted_scope = scope
        order = (
            Qt.SortOrder.DescendingOrder
            if self.extra.currentData() == q.SCOPE_DONE
            else Qt.SortOrder.AscendingOrder
        )
        header = self.view.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(keys.index("due_date"), order)
        header.blockSignals(False)
        self.model.sort_key = "due_date"
        self.model.descending = order == Qt.SortOrder.DescendingOrder

    def toggle_current(self) -> None:
        """Space: tick or untick « Fait » of the selected row."""
        row = self.current_row()
        if row is None:
            return
        keys = [c.key for c in self.model.columns]
        index = self.view.currentIndex().siblingAtColumn(keys.index("done"))
        state = Qt.CheckState.Unchecked if row.get("done") else Qt.CheckState.Checked
        self.model.setData(index, state.value, Qt.ItemDataRole.CheckStateRole)

    def _save_done(self, record_id: str, done: bool) -> None:
        """« Fait » through the ``set_action_done`` operation, off the GUI thread; « Annuler »
        (Ctrl+Z) runs the same operation with the old value."""
        row = next((r for r in self.model._rows if r.get("id") == record_id), {})
        text = str(row.get("text") or "")
        short = text if len(text) <= 60 else text[:59] + "…"

        def saved(_changes: Changes) -> None:
            self.item_changed.emit()
            message = (
                self.tr("Suivi « {text} » marqué fait.")
                if done
                else self.tr("Suivi « {text} » rouvert.")
            ).format(text=short)
            if self.undo is not None:
                self.undo.offer(message, lambda: self._undo_done(record_id, not done))

        def failed(error: BaseException) -> None:
            self.model.reload()  # show the stored value again
            from coordinator_app.ui.errors import show_error

            show_error(self, error)

        run_operation(
            self,
            self.store,
            lambda store: set_action_done(store, record_id, done),
            on_success=saved,
            on_error=failed,
            background=True,
            label=self.tr("Enregistrement"),
        )

    def _undo_done(self, record_id: str, done: bool) -> None:
        """The undo, on the GUI thread: « Action annulée. » is said once it is written."""

        def failed(error: BaseException) -> None:
            raise error  # ``UndoOffer.undo`` shows it

        run_operation(
            self,
            self.store,
            lambda store: set_action_done(store, record_id, done),
            on_error=failed,
        )
