"""The concrete list pages: projects of each program, visits, and Suivis (action items)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from coordinator_app.domain.stages import CIEC, FERME_COOP, JEUNE_COOP
from coordinator_app.store import Store
from coordinator_app.store import queries as q
from coordinator_app.ui import i18n
from coordinator_app.ui.lists.columns import ACTION_COLUMNS, PROJECT_COLUMNS, VISIT_COLUMNS
from coordinator_app.ui.lists.page import ListPage


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
        if total == 1:
            return self.tr("1 projet")
        return self.tr("{count} projets").format(count=i18n.number(total))


class VisitListPage(ListPage):
    """Every field visit, newest first."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, "visit", VISIT_COLUMNS, parent=parent)

    def title(self) -> str:
        return self.tr("Visites")

    def count_text(self, total: int) -> str:
        if total == 1:
            return self.tr("1 visite")
        return self.tr("{count} visites").format(count=i18n.number(total))


Runner = Callable[..., Any]


class SuivisPage(ListPage):
    """Action items due and overdue; ticking « Fait » saves through ``store.update``."""

    item_changed = Signal()

    def __init__(self, store: Store, run_task: Runner, parent: QWidget | None = None) -> None:
        self._run_task = run_task
        super().__init__(store, "action_item", ACTION_COLUMNS, with_stage=False, parent=parent)
        self.extra_label.show()
        self.extra.show()
        self.model.done_toggled.connect(self._save_done)

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
        if total == 1:
            return self.tr("1 suivi")
        return self.tr("{count} suivis").format(count=i18n.number(total))

    def _save_done(self, record_id: str, done: bool) -> None:
        store = self.store

        def work(_reporter: Any) -> None:
            store.update("action_item", record_id, {"done": done})

        def saved(_result: None) -> None:
            self.item_changed.emit()

        def failed(error: BaseException) -> None:
            self.model.reload()  # show the stored value again
            from coordinator_app.ui.errors import show_error

            show_error(self, error)

        self._run_task(work, on_success=saved, on_error=failed, label=self.tr("Enregistrement"))
