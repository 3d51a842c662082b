"""The agenda's part of the window (``window.agenda``): the Agenda page's wiring, Fichier ›
« Exporter vers mon calendrier… », Outils › « Calendrier abonné… », and the reminders.

Reminders: at start and once a day while the app runs, « 3 suivis en retard, 2 visites demain »
as a system tray notification where the desktop has a tray, else as a banner across the top of
the window; either opens the agenda. Off in Préférences › « Rappels de l'agenda » (kept in the
profile).
"""

from __future__ import annotations

import datetime as dt
from operator import methodcaller
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QSystemTrayIcon, QToolBar

from coordinator_app.store import agenda_queries
from coordinator_app.ui import i18n
from coordinator_app.ui.feature_window import FeatureWindow
from coordinator_app.ui.refresh import AGENDA_KINDS
from coordinator_app.ui.tasks import run_in_background

if TYPE_CHECKING:
    from coordinator_app.ui.agenda.dialogs import ExportCalendarDialog, FeedDialog, PlanVisitDialog
    from coordinator_app.ui.agenda.page import AgendaPage

CHECK_MINUTES = 30  # how often the running app looks whether the day changed


def _tr(text: str) -> str:
    return QCoreApplication.translate("AgendaActions", text)


def choose_ics_path(parent: Any, suggested: str) -> str:
    path, _filter = QFileDialog.getSaveFileName(
        parent, _tr("Exporter vers mon calendrier"), suggested, _tr("iCalendar (*.ics)")
    )
    return path


class ReminderBanner(QToolBar):
    """The in-window reminder, across the top of the window, for desktops without a tray."""

    def __init__(self, parent: Any) -> None:
        super().__init__(parent)
        self.setObjectName("agenda-reminder")
        self.setMovable(False)
        self.setStyleSheet(
            "QToolBar#agenda-reminder { background: #fff4d6; border-bottom: 1px solid #e0c36a; }"
        )
        self.text = QLabel(self)
        self.text.setStyleSheet("color: #1d2733; padding: 4px 8px; font-weight: 600;")
        self.open_button = QPushButton(self)
        self.close_button = QPushButton(self)
        self.addWidget(self.text)
        self.addWidget(self.open_button)
        self.addWidget(self.close_button)
        self.close_button.clicked.connect(self.hide)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(_tr("Rappel de l'agenda"))
        self.open_button.setText(_tr("&Ouvrir l'agenda"))
        self.close_button.setText(_tr("&Fermer le rappel"))
        self.text.setAccessibleName(_tr("Rappel de l'agenda"))


class AgendaFeature(QObject):
    """The agenda's part of the window (see the module docstring)."""

    def __init__(self, window: FeatureWindow) -> None:
        super().__init__(window)
        self.window = window
        self.store = window.store
        self.choose_path = choose_ics_path  # tests hand a path in here
        self.dialogs: list[Any] = []
        self.tray: QSystemTrayIcon | None = None
        self.last_reminder: dt.date | None = None
        self.last_message = ""

        # The page is built on first use (``ui.window_pages``): wired then, refreshed once built.
        window.lazy_pages.on_built(self._page_built)
        refresh_page = window.lazy_pages.refresh_if_built("agenda", methodcaller("refresh"))
        window.watch("agenda", AGENDA_KINDS, refresh_page)

        self.export_action = QAction(window)
        self.export_action.setObjectName("action-agenda-export")
        self.export_action.triggered.connect(self.ask_export)
        window.menu_file.insertAction(window.action_quit, self.export_action)
        window.menu_file.insertSeparator(window.action_quit)
        self.feed_action = QAction(window)
        self.feed_action.triggered.connect(self.open_feed)
        window.menu_tools.addAction(self.feed_action)
        self.reminders_action = QAction(window, checkable=True)
        self.reminders_action.setChecked(agenda_queries.reminders_on(self.store))
        self.reminders_action.toggled.connect(self.set_reminders)
        window.menu_preferences.addAction(self.reminders_action)

        self.banner = ReminderBanner(window)
        window.addToolBarBreak()
        window.addToolBar(self.banner)
        self.banner.hide()
        self.banner.open_button.clicked.connect(self.open_agenda)
        window.language_changed.connect(lambda _lang: self.retranslate())
        self.retranslate()

        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MINUTES * 60 * 1000)
        self.timer.timeout.connect(self.remind_if_new_day)
        self.timer.start()
        self._shown = False
        self._checking = False  # the counts of a reminder are being read
        self._early: tuple[dt.date, tuple[int, int, int]] | None = None
        window.installEventFilter(self)  # the start reminder waits for the window to show
        self._read_early()

    @property
    def page(self) -> AgendaPage:
        """The window's agenda page (building it if it is not yet)."""
        return self.window.agenda_page

    def _page_built(self, key: str, page: Any) -> None:
        if key == "agenda":
            page.open_requested.connect(self.window.open_record)
            page.print_requested.connect(self.print_week)
            page.plan_requested.connect(self.plan)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Show and not self._shown:
            self._shown = True
            QTimer.singleShot(0, self.remind_if_new_day)
        return False

    def retranslate(self) -> None:
        self.export_action.setText(_tr("Exporter vers mon &calendrier…"))
        self.feed_action.setText(_tr("Calendrier a&bonné (Outlook, Google, Apple)…"))
        self.reminders_action.setText(_tr("&Rappels de l'agenda"))
        self.banner.retranslate()
        if self.banner.isVisible():  # a reminder on screen follows a language switch
            self.last_message = self.reminder_message()
            self.banner.text.setText(self.last_message)

    # -- reminders ----------------------------------------------------------------------------
    def reminder_message(self, counts: tuple[int, int, int] | None = None) -> str:
        """The reminder's text for ``counts`` (``agenda_queries.reminder``; read now if None)."""
        overdue, tomorrow, late = counts or agenda_queries.reminder(self.store)
        if not (overdue or tomorrow or late):
            return ""
        parts = []
        if overdue:
            one, many = _tr("1 suivi en retard"), _tr("{0} suivis en retard")
            parts.append(one if overdue == 1 else many.format(i18n.number(overdue)))
        if tomorrow:
            one, many = _tr("1 visite demain"), _tr("{0} visites demain")
            parts.append(one if tomorrow == 1 else many.format(i18n.number(tomorrow)))
        if late:
            one, many = _tr("1 visite à reporter"), _tr("{0} visites à reporter")
            parts.append(one if late == 1 else many.format(i18n.number(late)))
        return ", ".join(parts)

    def remind_if_new_day(self) -> None:
        """The start's and the timer's reminder, only while the window is open: a closed window's
        profile may be closed already (on quit, and in tests that keep the window object).

        Its counts are read off the GUI thread: two scans of 100 000 visits and their follow-ups
        took 36 ms of the GUI thread before the window's first paint (issue 17)."""
        if not self.window.isVisible() or self._checking:
            return  # (the early read calls again when it lands)
        today = self.store.today()
        if self.last_reminder == today:
            return
        if self.window.stack.currentWidget() is not self.window.workspace:
            return  # the welcome page: nothing to remind yet
        early, self._early = self._early, None
        if early is not None and early[0] == today:  # read with the reminders on
            self._land(today, early[1])
            return
        if not agenda_queries.reminders_on(self.store):
            return

        def failed(error: BaseException) -> None:
            self._checking = False
            self.window.show_error(error)

        self._read_counts(today, lambda counts: self._land(today, counts), failed)

    def _read_early(self) -> None:
        """The start reminder's counts, read while the window is still being built: read after
        it showed, they were the last work before the window was idle (cold pages of 25 000
        follow-ups: 30–70 ms). Shown once the window is (``remind_if_new_day``); an error here is
        left to the read at show, which says it."""
        if not agenda_queries.reminders_on(self.store):
            return
        today = self.store.today()

        def landed(counts: tuple[int, int, int]) -> None:
            self._early = (today, counts)
            self.remind_if_new_day()

        def failed(_error: BaseException) -> None:
            self._checking = False
            self.remind_if_new_day()

        self._read_counts(today, landed, failed)

    def _read_counts(self, today: dt.date, land: Any, failed: Any) -> None:
        self._checking = True

        def done(counts: tuple[int, int, int]) -> None:
            self._checking = False
            land(counts)

        run_in_background(
            self.window,
            lambda _reporter: agenda_queries.reminder(self.store, today),
            on_success=done,
            on_error=failed,
            show_progress=False,
        )

    def _land(self, today: dt.date, counts: tuple[int, int, int]) -> None:
        self.last_reminder = today
        self._show_reminder(self.reminder_message(counts))

    def remind(self) -> str:
        """Show the reminder now (tray or banner); returns its text ("" when nothing is due)."""
        return self._show_reminder(self.reminder_message())

    def _show_reminder(self, message: str) -> str:
        self.last_message = message
        if not message:
            self.banner.hide()
            return ""
        if QSystemTrayIcon.isSystemTrayAvailable() and QSystemTrayIcon.supportsMessages():
            if self.tray is None:
                self.tray = QSystemTrayIcon(self.window.windowIcon(), self)
                self.tray.messageClicked.connect(self.open_agenda)
                self.tray.activated.connect(lambda _reason: self.open_agenda())
            self.tray.show()
            self.tray.showMessage(_tr("Carnet COOP — agenda"), message)
        else:
            self.banner.text.setText(message)
            self.banner.show()
        return message

    def set_reminders(self, on: bool) -> None:
        agenda_queries.set_reminders(self.store, on)
        if not on:
            self._early = None
            self.banner.hide()
            if self.tray is not None:
                self.tray.hide()

    def open_agenda(self) -> None:
        self.banner.hide()
        self.window.show_page("agenda")
        self.page.go_today()
        self.window.raise_()
        self.window.activateWindow()

    # -- actions ------------------------------------------------------------------------------
    def plan(self) -> PlanVisitDialog:
        from coordinator_app.ui.agenda.dialogs import PlanVisitDialog  # imported on first use

        dialog = PlanVisitDialog(self.store, self.window, region=self.page.region_box.currentData())
        self._keep(dialog)
        dialog.open()
        return dialog

    def print_week(self, day: dt.date) -> Any:
        reports = getattr(self.window, "reports", None)
        if reports is None:
            return None
        from coordinator_app.ui.reports_actions import ReportRequest

        params = {
            "day": day,
            "region": self.page.region_box.currentData(),
            "mine": self.page.mine_box.isChecked(),
        }
        return reports.generate(ReportRequest("agenda-semaine", params))

    def ask_export(self) -> ExportCalendarDialog:
        from coordinator_app.ui.agenda.dialogs import ExportCalendarDialog

        dialog = ExportCalendarDialog(self.store, self.window)
        self._keep(dialog)
        dialog.accepted.connect(lambda: self._export_chosen(dialog))
        dialog.open()
        return dialog

    def _export_chosen(self, dialog: ExportCalendarDialog) -> None:
        start, end = dialog.period()
        path = self.choose_path(self.window, f"agenda-{start.isoformat()}.ics")
        if path:
            self.export(Path(path), start, end, mine=dialog.mine.isChecked())

    def export(
        self, path: Path, start: dt.date, end: dt.date, *, mine: bool = False
    ) -> Path | None:
        """Write the .ics file; errors (bad period, unwritable folder) go to the window."""
        # icalendar and the report writer only when exporting, never to build the window
        from coordinator_app.domain.ical import calendar_bytes
        from coordinator_app.reports.output import write_atomically

        if path.suffix.lower() != ".ics":
            path = path.with_name(path.name + ".ics")
        try:
            found = agenda_queries.entries(self.store, start, end, mine=mine)
            data = calendar_bytes(agenda_queries.named(self.store, found))
            written = write_atomically(path, lambda temp: temp.write_bytes(data), ".ics")
        except Exception as error:
            self.window.show_error(error)
            return None
        self.window.statusBar().showMessage(
            (
                _tr("1 événement exporté vers {1}")
                if len(found) == 1
                else _tr("{0} événements exportés vers {1}")
            ).format(i18n.number(len(found)), written),
            8000,
        )
        return written

    def open_feed(self) -> FeedDialog:
        from coordinator_app.ui.agenda.dialogs import FeedDialog

        dialog = FeedDialog(self.window)
        self._keep(dialog)
        dialog.create_button.clicked.connect(lambda: self._feed_call(dialog, "create"))
        dialog.revoke_button.clicked.connect(lambda: self._feed_call(dialog, "revoke"))
        dialog.open()
        self._feed_call(dialog, "status")
        return dialog

    def _feed_call(self, dialog: FeedDialog, action: str) -> Any:
        store = self.store

        def work(_reporter: Any) -> dict:
            from coordinator_app.sync import calendar_feed

            if action == "create":
                return {"active": True, "url": calendar_feed.create(store)}
            if action == "revoke":
                calendar_feed.revoke(store)
                return {"active": False, "url": None}
            return calendar_feed.status(store)

        def failed(error: BaseException) -> None:
            dialog.show_state({"active": False, "url": None})
            self.window.show_error(error)

        dialog.set_busy(True)
        return self.window.run_task(
            work, on_success=dialog.show_state, on_error=failed, label=_tr("Calendrier abonné")
        )

    def _keep(self, dialog: Any) -> None:
        self.dialogs.append(dialog)
        dialog.finished.connect(lambda _r: self.dialogs.remove(dialog))


def install(window: FeatureWindow) -> AgendaFeature:
    """Called by ``ui.features`` once the window is built."""
    window.agenda = AgendaFeature(window)
    return window.agenda
