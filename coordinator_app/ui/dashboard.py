"""Tableau de bord: the indicator cards of the organisation's presentation, from the data.

The figures are computed by ``domain.indicators.compute_indicators`` (the same function as the
``status`` command and the annual report) on a worker thread, then shown as cards and a QtCharts
bar chart of farm co-ops founded per year; overdue follow-ups are listed underneath. Filters:
region and year.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QEvent, QMargins, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.indicators import Indicators, compute_indicators, default_year
from coordinator_app.domain.regions import REGIONS
from coordinator_app.store import Store
from coordinator_app.store import queries as q
from coordinator_app.store.summary import live_projects
from coordinator_app.ui import i18n
from coordinator_app.ui.dashboard_card import Card
from coordinator_app.ui.lists.columns import ACTION_COLUMNS
from coordinator_app.ui.lists.model import RecordTableModel
from coordinator_app.ui.tasks import run_in_background

BAR_COLOUR = QColor("#1f6f50")
YEAR_WIDTH = 30


class Dashboard(QWidget):
    """Cards, chart and overdue list; ``refresh()`` recomputes from the store."""

    open_requested = Signal(str, str)
    computed = Signal()  # new figures are on screen (tests wait on it)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.indicators: Indicators | None = None
        self._stale = True
        self._generation = 0
        self._build()
        self.retranslate_ui()

    # -- layout ---------------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 8)
        outer.setSpacing(10)
        outer.addLayout(self._build_filters())
        outer.addLayout(self._build_cards())
        bottom = QHBoxLayout()
        bottom.setSpacing(10)
        bottom.addWidget(self._build_chart(), 1)
        bottom.addLayout(self._build_overdue(), 1)
        outer.addLayout(bottom, 1)

    def _build_filters(self) -> QHBoxLayout:
        """The page title, then the region and year the figures are for."""
        top = QHBoxLayout()
        self.title_label = QLabel()
        self.title_label.setObjectName("page-title")
        top.addWidget(self.title_label)
        top.addStretch(1)
        self.region_label, self.region = QLabel(), QComboBox()
        self.year_label, self.year = QLabel(), QComboBox()
        for label, combo in ((self.region_label, self.region), (self.year_label, self.year)):
            label.setBuddy(combo)
            combo.currentIndexChanged.connect(lambda _i: self.recompute())
            top.addWidget(label)
            top.addWidget(combo)
        self.region.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return top

    def _build_cards(self) -> QHBoxLayout:
        """One group of cards per program."""
        cards = QHBoxLayout()
        cards.setSpacing(10)
        self.jeune_box = QGroupBox()
        self.ciec_box = QGroupBox()
        self.farm_box = QGroupBox()
        self.jeune_cards = [Card() for _ in range(3)]
        self.ciec_cards = [Card() for _ in range(4)]
        self.survival_cards = [Card() for _ in range(2)]
        for box, group, stretch in (
            (self.jeune_box, self.jeune_cards, 3),
            (self.ciec_box, self.ciec_cards, 2),
            (self.farm_box, self.survival_cards, 2),
        ):
            grid = QGridLayout(box)
            grid.setContentsMargins(8, 4, 8, 8)
            grid.setSpacing(6)
            # CIEC's four figures in two rows of two: nine cards in one row cut « coordonnateurs »
            # on a 1024-pixel screen.
            per_row = 2 if len(group) == 4 else len(group)
            for number, card in enumerate(group):
                grid.addWidget(card, number // per_row, number % per_row)
            cards.addWidget(box, stretch)
        return cards

    def _build_chart(self) -> QChartView:
        """The bar chart of farm co-ops founded per year."""
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.legend().hide()
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(240)
        self.chart_view.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        return self.chart_view

    def _build_overdue(self) -> QVBoxLayout:
        """Overdue follow-ups, paged from the store like the lists; Entrée opens the project."""
        overdue = QVBoxLayout()
        self.overdue_label = QLabel()
        self.overdue_label.setObjectName("section-title")
        overdue.addWidget(self.overdue_label)
        columns = [c for c in ACTION_COLUMNS if c.key in ("due_date", "text", "project_name")]
        self.overdue_model = RecordTableModel(self.store, "action_item", columns, self)
        self.overdue_model.PAGE_SIZE = 100
        self.overdue_model.COUNT_CAP = None  # « Suivis en retard (N) » shows the exact number
        self.overdue_view = QTableView()
        self.overdue_view.setModel(self.overdue_model)
        self.overdue_view.verticalHeader().hide()
        self.overdue_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.overdue_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.overdue_view.setAlternatingRowColors(True)
        self.overdue_view.setWordWrap(False)
        self.overdue_view.setColumnWidth(0, 90)
        self.overdue_view.setColumnWidth(1, 260)
        self.overdue_view.horizontalHeader().setStretchLastSection(True)
        self.overdue_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Interactive
        )
        self.overdue_view.doubleClicked.connect(self._open_overdue)
        self.overdue_view.activated.connect(self._open_overdue)
        self.overdue_model.counted_signal.connect(self._show_overdue_count)
        overdue.addWidget(self.overdue_view, 1)
        return overdue

    def retranslate_ui(self) -> None:
        self.title_label.setText(self.tr("Tableau de bord"))
        self.region_label.setText(self.tr("&Région"))
        self.year_label.setText(self.tr("&Année"))
        self.region.setAccessibleName(self.tr("Région des indicateurs"))
        self.year.setAccessibleName(self.tr("Année des indicateurs"))
        self.jeune_box.setTitle(self.tr("Jeune COOP"))
        self.ciec_box.setTitle(self.tr("CIEC"))
        self.farm_box.setTitle(self.tr("Coopératives agricoles : survie"))
        for box in (self.jeune_box, self.ciec_box, self.farm_box):
            bold = box.font()
            bold.setBold(True)
            box.setMinimumWidth(QFontMetrics(bold).horizontalAdvance(box.title()) + 24)
        self.chart_view.setAccessibleName(self.tr("Coopératives agricoles fondées par année"))
        self.overdue_view.setAccessibleName(self.tr("Suivis en retard"))
        self._fill_regions()
        self._show()
        self.overdue_model.retranslate()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _fill_regions(self) -> None:
        current = self.region.currentData()
        self.region.blockSignals(True)
        self.region.clear()
        self.region.addItem(self.tr("Toutes les régions"), None)
        for code, name in REGIONS.items():
            self.region.addItem(f"{code} {name}", code)
        self.region.setCurrentIndex(max(self.region.findData(current), 0))
        self.region.blockSignals(False)

    # -- data -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the years (the current season selected by default, not next year's imported
        projects) and recompute everything; when hidden, on the next show."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        years = q.indicator_years(self.store)
        current = self.year.currentData()
        self.year.blockSignals(True)
        self.year.clear()
        for year in years or [self.store.today().year]:
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(
            max(self.year.findData(current or default_year(years, self.store.today().year)), 0)
        )
        self.year.blockSignals(False)
        self.recompute()

    def recompute(self) -> None:
        year = self.year.currentData() or self.store.today().year
        region = self.region.currentData()
        store = self.store
        self._generation += 1
        generation = self._generation

        def work(_reporter: Any) -> Indicators:
            return compute_indicators(live_projects(store), int(year), region)

        def land(indicators: Indicators) -> None:
            if generation == self._generation:
                self.indicators = indicators
                self._show()
                self.computed.emit()

        run_in_background(self, work, on_success=land, show_progress=False)
        self.overdue_model.sort_key, self.overdue_model.descending = "due_date", False
        self.overdue_model.set_filter(q.ListFilter(region=region, scope=q.SCOPE_OVERDUE))

    def _show(self) -> None:
        ind = self.indicators
        n = i18n.number

        def val(x: int | None) -> str:
            return "—" if ind is None else n(x)

        def many(x: int | None) -> int:
            return 2 if ind is None or x is None else int(x)  # unknown: the plural caption

        # Each caption agrees with its figure (« 1 région », « 13 régions »): Qt's plural forms,
        # without the number, which the card shows in large.
        jeune = (
            (
                ind and ind.jeune_coop_count,
                self.tr("%n coopérative(s)", "", many(ind and ind.jeune_coop_count)),
            ),
            (
                ind and ind.jeune_coop_youth,
                self.tr("%n jeune(s)", "", many(ind and ind.jeune_coop_youth)),
            ),
            (
                ind and ind.jeune_coop_schools,
                self.tr("%n école(s)", "", many(ind and ind.jeune_coop_schools)),
            ),
        )
        for card, (value, caption) in zip(self.jeune_cards, jeune, strict=True):
            card.set(val(value), without_number(caption))
        ciec = (
            (ind and ind.ciec_regions, self.tr("%n région(s)", "", many(ind and ind.ciec_regions))),
            (
                ind and ind.ciec_projects,
                self.tr("%n projet(s)", "", many(ind and ind.ciec_projects)),
            ),
            (
                ind and ind.ciec_coordinators,
                self.tr("%n coordonnateur(s)", "", many(ind and ind.ciec_coordinators)),
            ),
            (ind and ind.ciec_youth, self.tr("%n jeune(s)", "", many(ind and ind.ciec_youth))),
        )
        for card, (value, caption) in zip(self.ciec_cards, ciec, strict=True):
            card.set(val(value), without_number(caption))
        for card, pct, cohort, caption in (
            (
                self.survival_cards[0],
                ind and ind.survival_5y_pct,
                ind.survival_5y_cohort if ind else 0,
                self.tr("actives après 5 ans"),
            ),
            (
                self.survival_cards[1],
                ind and ind.survival_10y_pct,
                ind.survival_10y_cohort if ind else 0,
                self.tr("actives après 10 ans"),
            ),
        ):
            note = i18n.count(self.tr("sur %n fondée(s)", "", cohort), cohort) if cohort else ""
            card.set(i18n.percent(pct) if pct is not None else "—", caption, note)
        self._show_chart()
        self._show_overdue_count()

    def _show_overdue_count(self) -> None:
        """« Suivis en retard (22 917) » once counted; « (…) » while the count is on its way, which
        the figures can beat (it read « aucun » above a full list at start-up)."""
        total = self.overdue_model.total
        if self.overdue_model.loading:
            count = "…"
        elif not total:
            self.overdue_label.setText(self.tr("Suivis en retard : aucun"))
            return
        else:
            count = i18n.number(total)
        self.overdue_label.setText(self.tr("Suivis en retard ({count})").format(count=count))

    def _show_chart(self) -> None:
        chart = self.chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        chart.setTitle(self.tr("Coopératives agricoles fondées par année"))
        founded = (self.indicators.farm_coops_created_by_year if self.indicators else {}) or {}
        years = sorted(founded)[-self._years_that_fit() :]
        self._shown_years = len(years)
        bars = QBarSet(self.tr("Fondées"))
        bars.setColor(BAR_COLOUR)
        for year in years:
            bars.append(founded[year])
        series = QBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsInsideEnd)
        bars.setLabelColor(QColor("white"))
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        # QtCharts elides four-digit years when 15 share the width: « ’12 », with the full span in
        # the axis title.
        # Two-digit years, as many as fit: QtCharts shows « … » for a label wider than its bar's
        # share of the width (``_years_that_fit``); the span is in the axis title.
        axis_x.append([y[2:] for y in years] or [""])
        if years:
            axis_x.setTitleText(
                self.tr("Année de fondation ({first} à {last})").format(
                    first=years[0], last=years[-1]
                )
            )
        axis_y = QValueAxis()
        axis_y.setRange(0, max([*founded.values(), 1]) + 1)
        axis_y.setLabelFormat("%d")
        axis_y.setTickCount(min(max(founded.values(), default=1) + 2, 8))
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)

    def _years_that_fit(self) -> int:
        """Up to 15 years, fewer on a narrow chart: each two-digit label needs about
        ``YEAR_WIDTH`` pixels of plot width (measured: « 12 » is elided below 27 pixels)."""
        plot = self.chart_view.width() - 80  # the value axis and the margins
        return max(5, min(15, plot // YEAR_WIDTH))

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if getattr(self, "_shown_years", 0) and self._years_that_fit() != self._shown_years:
            self._show_chart()

    def _open_overdue(self, index: Any) -> None:
        if index.isValid() and index.row() < self.overdue_model.loaded_rows():
            # The guide: Enter on an overdue follow-up opens its project (where it is handled).
            row = self.overdue_model.row(index.row())
            self.open_requested.emit("project", row["project_id"])


def without_number(text: str) -> str:
    """« 13 régions » → « régions »: the caption under a card's figure."""
    first, _space, rest = text.partition(" ")
    return rest if first.isdigit() and rest else text
