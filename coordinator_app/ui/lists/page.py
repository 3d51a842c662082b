"""One list page: search box, filters (région, étape, année, coordonnateur) and a table.

Typing in the search box waits ``SEARCH_DELAY_MS`` after the last key before querying (the query
itself runs off the GUI thread, see ``RecordTableModel.reload``). Double-click or Enter opens the
record through ``MainWindow.open_record``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.regions import REGIONS
from coordinator_app.domain.stages import ALL_STAGE_CHOICES, STAGES
from coordinator_app.store import Store
from coordinator_app.store import queries as q
from coordinator_app.ui import i18n
from coordinator_app.ui.flow_layout import FlowLayout
from coordinator_app.ui.lists.columns import Column
from coordinator_app.ui.lists.fitting import ColumnFitter
from coordinator_app.ui.lists.model import RecordTableModel

if TYPE_CHECKING:
    from collections.abc import Sequence

SEARCH_DELAY_MS = 150


class ListPage(QWidget):
    """A filtered, searchable, sortable list of projects, visits or action items."""

    open_requested = Signal(str, str)  # kind, record id
    filters_changed = Signal()

    def __init__(
        self,
        store: Store,
        kind: str,
        columns: Sequence[Column],
        *,
        program: str | None = None,
        with_stage: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.kind = kind
        self.program = program
        self._stale = True  # nothing loaded yet
        self.model = RecordTableModel(store, kind, columns, self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self._build(with_stage)
        self.model.counted_signal.connect(self._show_count)
        self.retranslate_ui()

    # -- layout ---------------------------------------------------------------------------------
    def _build(self, with_stage: bool) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(8)
        layout.addLayout(self._build_title())
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setObjectName("search")
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._search_now)
        layout.addWidget(self.search)
        layout.addLayout(self._build_filters(with_stage))
        self._build_table()
        self.no_result = QLabel()
        self.no_result.setObjectName("no-result")
        self.no_result.setWordWrap(True)
        self.no_result.hide()
        layout.addWidget(self.no_result)
        layout.addWidget(self.view, 1)
        self.setFocusProxy(self.search)

    def _build_title(self) -> QHBoxLayout:
        """The page's title and, on the right, how many rows it shows."""
        self.title_label = QLabel()
        self.title_label.setObjectName("page-title")
        top = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        top.addWidget(self.count_label)
        return top

    def _build_filters(self, with_stage: bool) -> FlowLayout:
        """Label + combo pairs that wrap to a second row on a narrow screen (``FlowLayout``)
        instead of being squeezed; each combo is as wide as its longest choice."""
        filters = FlowLayout(spacing=10)
        self.region_label, self.region = QLabel(), QComboBox()
        self.stage_label, self.stage = QLabel(), QComboBox()
        self.year_label, self.year = QLabel(), QComboBox()
        self.coordinator_label, self.coordinator = QLabel(), QComboBox()
        self.extra_label, self.extra = QLabel(), QComboBox()  # Suivis: scope
        pairs = [
            (self.extra_label, self.extra),
            (self.region_label, self.region),
            (self.stage_label, self.stage),
            (self.year_label, self.year),
            (self.coordinator_label, self.coordinator),
        ]
        for label, combo in pairs:
            filters.addWidget(self._filter_pair(label, combo))
        self.extra.parentWidget().hide()
        if not with_stage:
            self.stage.parentWidget().hide()
        # « Mes visites » / « Mes suivis »: on by default when the profile has a staff account
        self.mine = QCheckBox()
        self.mine.setObjectName("mine")
        filters.insertWidget(0, self.mine)
        self._mine_for: str | None = None
        self._update_mine()
        self.mine.toggled.connect(lambda _on: self.apply_filters())
        self.reset_button = QPushButton()
        self.reset_button.clicked.connect(self.reset_filters)
        filters.addWidget(self.reset_button)
        return filters

    def _filter_pair(self, label: QLabel, combo: QComboBox) -> QWidget:
        label.setBuddy(combo)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        pair = QWidget()
        row = QHBoxLayout(pair)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(label)
        row.addWidget(combo)
        return pair

    def _build_table(self) -> None:
        """The table: one row selected at a time, sortable by its header, opened by
        double-click or Enter; Ctrl+F goes to the search box."""
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(26)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSortIndicator(
            self.model.sort_column(),
            Qt.SortOrder.DescendingOrder if self.model.descending else Qt.SortOrder.AscendingOrder,
        )
        header.setSortIndicatorShown(True)
        header.sortIndicatorChanged.connect(self.model.sort)
        header.setSectionsClickable(True)
        self.columns_fitter = ColumnFitter(self.view)
        self.view.doubleClicked.connect(lambda index: self._open(index.row()))
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.open_current)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.focus_search)

    def retranslate_ui(self) -> None:
        self.title_label.setText(self.title())
        self.search.setPlaceholderText(
            self.tr("Rechercher un nom, une municipalité ou le texte d'une visite (Ctrl+F)")
        )
        self.search.setAccessibleName(self.tr("Recherche"))
        self.region_label.setText(self.tr("&Région"))
        self.stage_label.setText(self.tr("É&tape"))
        self.year_label.setText(self.tr("&Année"))
        self.coordinator_label.setText(self.tr("C&oordonnateur"))
        self.region.setAccessibleName(self.tr("Filtrer par région"))
        self.stage.setAccessibleName(self.tr("Filtrer par étape"))
        self.year.setAccessibleName(self.tr("Filtrer par année"))
        self.coordinator.setAccessibleName(self.tr("Filtrer par coordonnateur"))
        self.mine.setText(
            self.tr("Mes &visites") if self.kind == "visit" else self.tr("Mes &suivis")
        )
        self.mine.setToolTip(
            self.tr("Seulement les visites que vous avez faites")
            if self.kind == "visit"
            else self.tr("Seulement les suivis dont vous êtes responsable")
        )
        self.reset_button.setText(self.tr("Réinitialiser les filtres"))
        self.reset_button.setAccessibleName(self.tr("Réinitialiser les filtres"))
        self.view.setAccessibleName(self.title())
        self._fill_static_choices()
        self._label_everything_items()
        self.model.retranslate()
        self._show_count()

    def title(self) -> str:
        return ""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- filters --------------------------------------------------------------------------------
    def _refill(self, combo: QComboBox, everything: str, items: list[tuple[str, Any]]) -> None:
        """Replace a combo's items, keeping the current choice when it still exists."""
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for text, value in items:
            combo.addItem(text, value)
        found = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(found, 0))
        combo.blockSignals(False)

    def _fill_static_choices(self) -> None:
        self._refill(
            self.region,
            self.tr("Toutes les régions"),
            [(f"{code} {name}", code) for code, name in REGIONS.items()],
        )
        stages = STAGES.get(self.program or "", ALL_STAGE_CHOICES)
        self._refill(
            self.stage,
            self.tr("Toutes les étapes"),
            [(QCoreApplication.translate("domain", label), v) for v, label in stages],
        )

    def _label_everything_items(self) -> None:
        """The « every … » first item of the data-driven filters, in the current language."""
        for combo, text in (
            (self.year, self.tr("Toutes les années")),
            (self.coordinator, self.tr("Tous les coordonnateurs")),
        ):
            if combo.count():
                combo.setItemText(0, text)
            else:  # the first item of an empty combo: no « filter changed » query for it
                combo.blockSignals(True)
                combo.addItem(text, None)
                combo.blockSignals(False)

    def _update_mine(self) -> None:
        """Show « Mes … » when the profile has a staff account, checked the first time it does."""
        account = self.store.author_id if self.kind in ("visit", "action_item") else None
        self.mine.setHidden(account is None)
        if account != self._mine_for:
            self.mine.blockSignals(True)
            self.mine.setChecked(account is not None)
            self.mine.blockSignals(False)
            self._mine_for = account

    def refresh_choices(self) -> None:
        """Years and coordinators come from the data: re-read them after changes."""
        self._update_mine()
        self._refill(
            self.year,
            self.tr("Toutes les années"),
            [(str(y), y) for y in q.years(self.store, self.kind, self.program)],
        )
        self._refill(
            self.coordinator,
            self.tr("Tous les coordonnateurs"),
            [(name, cid) for cid, name in q.coordinators(self.store)],
        )

    def current_filter(self) -> q.ListFilter:
        return q.ListFilter(
            program=self.program,
            region=self.region.currentData(),
            stage=self.stage.currentData() if self.stage.isVisibleTo(self) else None,
            year=self.year.currentData(),
            coordinator_id=self.coordinator.currentData(),
            mine=self.mine_account(),
            text=self.search.text(),
        )

    def mine_account(self) -> str | None:
        """The signed-in person's account when « Mes visites » / « Mes suivis » is checked."""
        if self.kind in ("visit", "action_item") and self.mine.isChecked():
            return self.store.author_id
        return None

    def apply_filters(self) -> None:
        self._search_timer.stop()
        self.model.set_filter(self.current_filter())
        self.filters_changed.emit()

    def _search_now(self) -> None:
        self.apply_filters()

    def reset_filters(self) -> None:
        for combo in (self.region, self.stage, self.year, self.coordinator):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.apply_filters()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def refresh(self) -> None:
        """Re-read choices and rows (after data changed); a hidden page does it when shown, so
        start-up and each save only query the page in front of the user."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self.refresh_choices()
        self.model.set_filter(self.current_filter())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    # -- rows -----------------------------------------------------------------------------------
    def count_text(self, total: int) -> str:
        return i18n.count(self.tr("%n résultat(s)", "", total), total)

    def _show_count(self) -> None:
        if self.model.capped:  # the count stops there: a number nobody reads while typing
            self.count_label.setText(
                self.tr("Plus de {count} résultats").format(count=i18n.number(self.model.COUNT_CAP))
            )
        else:
            self.count_label.setText(self.count_text(self.model.total))
        # Empty state: a search or filters that match nothing say so (not a blank table).
        empty = self.model.counted and not self.model.loading and self.model.total == 0
        filtered = bool(self.search.text().strip()) or any(
            combo.currentIndex() > 0
            for combo in (self.region, self.stage, self.year, self.coordinator)
        )
        if empty and filtered:
            text = self.search.text().strip()
            self.no_result.setText(
                (
                    self.tr("Aucun résultat pour « {text} ». ").format(text=text)
                    if text
                    else self.tr("Aucun résultat avec ces filtres. ")
                )
                + self.tr("Vérifiez l'orthographe ou cliquez sur « Réinitialiser les filtres ».")
            )
        elif empty:
            self.no_result.setText(self.tr("Rien à afficher pour l'instant."))
        self.no_result.setVisible(empty)

    def current_row(self) -> dict[str, Any] | None:
        index = self.view.currentIndex()
        if not index.isValid() or index.row() >= self.model.loaded_rows():
            return None
        return self.model.row(index.row())

    def current_record_id(self) -> str | None:
        row = self.current_row()
        return row["id"] if row else None

    def current_project_id(self) -> str | None:
        row = self.current_row()
        if row is None:
            return None
        return row["id"] if self.kind == "project" else row.get("project_id")

    def open_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self._open(index.row())

    def _open(self, row: int) -> None:
        if 0 <= row < self.model.loaded_rows():
            self.open_requested.emit(self.kind, self.model.record_id(row))
