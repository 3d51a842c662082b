"""The « Agenda » page: the week or the month of planned visits, follow-ups due, reporting dates
and general assemblies, filtered by region and « moi ».

The week is a list of days (readable at 1024×600, no columns seven wide); the month is a grid.
A planned visit moves with one shortcut (Ctrl+Maj+→ / ← : one day later / earlier) or
« Reporter… » (Ctrl+Maj+D) to any date; Entrée opens the entry's record.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain import agenda
from coordinator_app.domain.regions import REGIONS
from coordinator_app.operations.agenda import move_visit
from coordinator_app.store import Store, agenda_queries
from coordinator_app.ui import i18n
from coordinator_app.ui.agenda import labels
from coordinator_app.ui.agenda.dialogs import MoveDialog
from coordinator_app.ui.agenda.views import MonthView, WeekView
from coordinator_app.ui.operations import run_operation

WEEK, MONTH = "week", "month"


class AgendaPage(QWidget):
    """The agenda of the profile; ``moved`` fires after a planned visit changed date."""

    open_requested = Signal(str, str)  # kind, id (the window's opener)
    moved = Signal()
    print_requested = Signal(object)  # a day of the week to print
    plan_requested = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setObjectName("agenda-page")
        self.mode = WEEK
        self.day = store.today()
        self.entries: list[agenda.Entry] = []
        self.staff_names: dict[str, str] = {}
        self._stale = True
        self._build()
        self.retranslate_ui()

    # -- layout -------------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addLayout(self._build_top())
        layout.addLayout(self._build_filters())
        self.views = QStackedWidget(self)
        self.week = WeekView(self)
        self.month = MonthView(self)
        self.views.addWidget(self.week)
        self.views.addWidget(self.month)
        layout.addWidget(self.views, 1)
        layout.addLayout(self._build_bottom())
        self._connect()

    def _build_top(self) -> QHBoxLayout:
        """Title, then previous / today / next and the week-or-month choice."""
        top = QHBoxLayout()
        self.heading = QLabel(self)
        self.heading.setObjectName("page-title")
        top.addWidget(self.heading)
        top.addStretch(1)
        self.previous_button = QPushButton(self)
        self.today_button = QPushButton(self)
        self.next_button = QPushButton(self)
        self.view_box = QComboBox(self)
        for button in (self.previous_button, self.today_button, self.next_button):
            button.setAutoDefault(False)
            top.addWidget(button)
        top.addWidget(self.view_box)
        return top

    def _build_filters(self) -> QHBoxLayout:
        """The period shown, then the region and « moi » filters."""
        filters = QHBoxLayout()
        self.period = QLabel(self)
        self.period.setObjectName("section-title")
        self.period.setWordWrap(True)  # small screens: the filters keep their room
        filters.addWidget(self.period, 1)
        self.region_label = QLabel(self)
        self.region_box = QComboBox(self)
        self.region_label.setBuddy(self.region_box)
        self.region_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.region_box.setMinimumContentsLength(18)
        self.mine_box = QCheckBox(self)
        filters.addWidget(self.region_label)
        filters.addWidget(self.region_box)
        filters.addWidget(self.mine_box)
        return filters

    def _build_bottom(self) -> QHBoxLayout:
        """The summary of the period, then plan / move / print."""
        bottom = QHBoxLayout()
        self.summary = QLabel(self)
        self.summary.setObjectName("count")
        self.summary.setWordWrap(True)
        bottom.addWidget(self.summary, 1)
        self.plan_button = QPushButton(self)
        self.move_button = QPushButton(self)
        self.print_button = QPushButton(self)
        for button in (self.plan_button, self.move_button, self.print_button):
            button.setAutoDefault(False)
            bottom.addWidget(button)
        return bottom

    def _connect(self) -> None:
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.today_button.clicked.connect(self.go_today)
        self.view_box.currentIndexChanged.connect(self._view_changed)
        self.region_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.mine_box.toggled.connect(lambda _on: self.refresh())
        self.week.itemActivated.connect(lambda item, _col: self._open(item))
        self.week.currentItemChanged.connect(lambda *_a: self._update_buttons())
        self.month.cellDoubleClicked.connect(self._month_day)
        self.plan_button.clicked.connect(self.plan_requested)
        self.move_button.clicked.connect(self.ask_move)
        self.print_button.clicked.connect(lambda: self.print_requested.emit(self.day))
        for sequence, slot in (
            ("Ctrl+Shift+Right", lambda: self.move_selected(1)),
            ("Ctrl+Shift+Left", lambda: self.move_selected(-1)),
            ("Ctrl+Shift+D", self.ask_move),
            ("Alt+Right", lambda: self.step(1)),
            ("Alt+Left", lambda: self.step(-1)),
        ):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Agenda"))
        self.previous_button.setText(self.tr("‹ &Précédente"))
        self.previous_button.setAccessibleName(self.tr("Période précédente (Alt+←)"))
        self.today_button.setText(self.tr("Aujourd'&hui"))
        self.next_button.setText(self.tr("&Suivante ›"))
        self.next_button.setAccessibleName(self.tr("Période suivante (Alt+→)"))
        self.view_box.blockSignals(True)
        self.view_box.clear()
        self.view_box.addItem(self.tr("Semaine"), WEEK)
        self.view_box.addItem(self.tr("Mois"), MONTH)
        self.view_box.setCurrentIndex(0 if self.mode == WEEK else 1)
        self.view_box.setAccessibleName(self.tr("Afficher la semaine ou le mois"))
        self.view_box.blockSignals(False)
        self.region_label.setText(QCoreApplication.translate("Reports", "&Région :"))
        current = self.region_box.currentData()
        self.region_box.blockSignals(True)
        self.region_box.clear()
        self.region_box.addItem(QCoreApplication.translate("ListPage", "Toutes les régions"), None)
        for code, name in REGIONS.items():
            self.region_box.addItem(f"{code} {name}", code)
        self.region_box.setCurrentIndex(max(0, self.region_box.findData(current)))
        self.region_box.blockSignals(False)
        self.mine_box.setText(self.tr("&Moi seulement"))
        self.mine_box.setAccessibleName(self.tr("Seulement mes visites"))
        # The project header is the lists' own string; kept out of the list literal below, where
        # lupdate would file the next self.tr under a wrong context.
        project = QCoreApplication.translate("Columns", "Projet")
        self.week.setHeaderLabels(
            [
                self.tr("Heure"),
                self.tr("Quoi"),
                project,
                self.tr("Lieu, objet"),
                self.tr("Qui (CQCM)"),
            ]
        )
        self.week.setAccessibleName(self.tr("Agenda de la semaine"))
        self.month.setAccessibleName(self.tr("Agenda du mois"))
        self.month.setHorizontalHeaderLabels(
            [
                self.tr("lun."),
                self.tr("mar."),
                self.tr("mer."),
                self.tr("jeu."),
                self.tr("ven."),
                self.tr("sam."),
                self.tr("dim."),
            ]
        )
        self.plan_button.setText(self.tr("Planifier une &visite…"))
        self.move_button.setText(self.tr("Re&porter… (Ctrl+Maj+D)"))
        self.move_button.setAccessibleName(self.tr("Reporter la visite planifiée"))
        self.print_button.setText(self.tr("&Imprimer la semaine…"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- navigation ---------------------------------------------------------------------------
    def period_bounds(self) -> tuple[dt.date, dt.date]:
        if self.mode == WEEK:
            return agenda.week_of(self.day)
        first, last = agenda.month_of(self.day)
        return agenda.week_of(first)[0], agenda.week_of(last)[1]

    def step(self, direction: int) -> None:
        if self.mode == WEEK:
            self.day += dt.timedelta(weeks=direction)
        else:
            first = self.day.replace(day=1)
            self.day = (first + dt.timedelta(days=32 * direction if direction > 0 else -1)).replace(
                day=1
            )
        self.refresh()

    def go_today(self) -> None:
        self.day = self.store.today()
        self.refresh()

    def show_day(self, day: dt.date, mode: str = WEEK) -> None:
        self.day = day
        self.set_mode(mode)

    def set_mode(self, mode: str) -> None:
        self.view_box.setCurrentIndex(0 if mode == WEEK else 1)
        self.mode = mode
        self.refresh()

    def _view_changed(self, index: int) -> None:
        self.mode = self.view_box.itemData(index) or WEEK
        self.refresh()

    def _month_day(self, row: int, column: int) -> None:
        start, _end = self.period_bounds()
        self.show_day(start + dt.timedelta(days=row * 7 + column), WEEK)
        self.week.setFocus()

    # -- data ---------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Read the period again; a hidden page only notes it and reads when shown (a closed
        window's profile may be closed already)."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        start, end = self.period_bounds()
        self.entries = agenda_queries.entries(
            self.store,
            start,
            end,
            region=self.region_box.currentData(),
            mine=self.mine_box.isChecked(),
        )
        named = agenda_queries.named(self.store, self.entries)
        self.staff_names = {
            a: n
            for e, shown in zip(self.entries, named, strict=True)
            for a, n in zip(e.staff, shown.staff, strict=True)
        }
        if self.mode == WEEK:
            self.period.setText(
                self.tr("Semaine du {0} au {1}").format(
                    labels.day_text(start), f"{labels.day_text(end)} {end.year}"
                )
            )
            self.week.fill(start, self.entries, self.staff_names)
        else:
            self.period.setText(labels.initial_capital(labels.month_name(self.day)))
            self.month.fill(
                start, end, self.entries, month=self.day.month, today=self.store.today()
            )
        self.views.setCurrentIndex(0 if self.mode == WEEK else 1)
        self._summarise()
        self._update_buttons()

    def _summarise(self) -> None:
        planned = sum(e.kind == agenda.VISIT and e.state == "planifiee" for e in self.entries)
        late = sum(e.state == agenda.TO_RESCHEDULE for e in self.entries)
        items = sum(e.kind == agenda.FOLLOW_UP for e in self.entries)
        dates = sum(e.kind in (agenda.REPORT_DUE, agenda.ASSEMBLY) for e in self.entries)
        n = i18n.number
        parts = [
            self.tr("1 visite planifiée")
            if planned == 1
            else self.tr("{0} visites planifiées").format(n(planned)),
            self.tr("{0} à reporter").format(n(late)),
            self.tr("1 suivi") if items == 1 else self.tr("{0} suivis").format(n(items)),
            self.tr("1 date de projet")
            if dates == 1
            else self.tr("{0} dates de projet").format(n(dates)),
        ]
        self.summary.setText(", ".join(parts))

    # -- entries ------------------------------------------------------------------------------
    def selected_entry(self) -> agenda.Entry | None:
        return self.week.selected_entry()

    def select(self, record_id: str) -> bool:
        """Select the entry of a record in the week view (tests and the reminder use it)."""
        return self.week.select(record_id)

    def _update_buttons(self) -> None:
        entry = self.selected_entry()
        self.move_button.setEnabled(self.mode == WEEK and entry is not None and entry.movable)
        self.print_button.setEnabled(True)

    def _open(self, item: QTreeWidgetItem) -> None:
        entry: agenda.Entry | None = item.data(0, Qt.ItemDataRole.UserRole)
        if entry is None:
            return
        if entry.kind in (agenda.VISIT, agenda.FOLLOW_UP):
            self.open_requested.emit(entry.kind, entry.record_id)
        else:
            self.open_requested.emit("project", entry.project_id)

    def move_selected(self, days: int) -> None:
        entry = self.selected_entry()
        if entry is None or not entry.movable:
            return
        self._move(entry, (entry.start + dt.timedelta(days=days)).strftime("%Y-%m-%dT%H:%M"))

    def ask_move(self) -> MoveDialog | None:
        entry = self.selected_entry()
        if entry is None or not entry.movable or not isinstance(entry.start, dt.datetime):
            return None
        dialog = MoveDialog(entry.start, self)
        dialog.accepted.connect(lambda: self._move(entry, dialog.moment()))
        dialog.open()
        return dialog

    def _move(self, entry: agenda.Entry, to: str) -> None:
        moved = run_operation(
            self, self.store, lambda store: move_visit(store, entry.record_id, to)
        )
        if moved is None:
            return
        self.day = dt.date.fromisoformat(to[:10])
        self.refresh()
        self.select(entry.record_id)
        self.moved.emit()
