"""Sync in the window: « Synchroniser » (F5), automatic sync while online, the Conflits screen,
the server connection dialog and rolling back to a pre-sync snapshot.

All the work is done by ``coordinator_app.sync`` (no Qt) in a background task; this module only
wires actions, timers and widgets, and turns ``SyncError`` kinds into plain-French status messages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from coordinator_app.operations.syncing import Synced, synchronise
from coordinator_app.store import Store
from coordinator_app.sync.errors import SyncError, SyncErrorKind
from coordinator_app.ui import tasks
from coordinator_app.ui.feature_window import FeatureWindow
from coordinator_app.ui.operations import run_operation
from coordinator_app.ui.sync_dialogs import ConnectionDialog, RollbackDialog
from coordinator_app.ui.sync_messages import (
    AUTO_SYNC_MINUTES,
    SERVER_URL_META,
    SYNC_SHORTCUT,
    _settings,
    report_message,
    short_message,
)

if TYPE_CHECKING:
    from coordinator_app.ui.sync_conflicts_view import ConflictsWidget

__all__ = [
    "AUTO_SYNC_MINUTES",
    "SERVER_URL_META",
    "SYNC_SHORTCUT",
    "ConnectionDialog",
    "RollbackDialog",
    "SyncController",
    "install",
    "report_message",
    "short_message",
]


def _tr(text: str) -> str:
    return QCoreApplication.translate("SyncActions", text)


# -- the controller --------------------------------------------------------------------------
class SyncController(QObject):
    """Owns the actions, the timers and the running sync of one window."""

    synced = Signal(object)  # SyncReport
    failed = Signal(object)  # the error

    def __init__(self, window: FeatureWindow) -> None:
        super().__init__(window)
        self.window = window
        self.store: Store = window.store
        self.task: tasks.Task | None = None
        self.last_error: BaseException | None = None
        self.sync_action = QAction(window)
        # F5 is Affichage › Actualiser: one key on two actions runs neither (« Ambiguous
        # shortcut overload »).
        self.sync_action.setShortcut(QKeySequence(SYNC_SHORTCUT))
        self.sync_action.triggered.connect(lambda: self.sync_now(manual=True))
        self.connect_action = QAction(window)
        self.connect_action.triggered.connect(self.open_connection_dialog)
        self.rollback_action = QAction(window)
        self.rollback_action.triggered.connect(self.open_rollback_dialog)
        self.timer = QTimer(self)
        self.timer.setInterval(AUTO_SYNC_MINUTES * 60 * 1000)
        self.timer.timeout.connect(self._auto_sync)
        self._conflicts: ConflictsWidget | None = None  # built on first use (``conflicts``)
        self.retranslate()
        window.installEventFilter(self)

    def retranslate(self) -> None:
        self.sync_action.setText(_tr("Synchroniser"))
        native = QKeySequence(SYNC_SHORTCUT).toString(QKeySequence.SequenceFormat.NativeText)
        self.sync_action.setToolTip(_tr("Synchroniser ({key})").format(key=native))
        self.connect_action.setText(_tr("Connexion au serveur…"))
        self.rollback_action.setText(_tr("Revenir à une copie de sécurité…"))

    @property
    def conflicts(self) -> ConflictsWidget:
        """The Conflits screen, built and put in its page the first time it is needed (the page
        shown, a test): its modules, widgets and reads cost start-up ≈ 20 ms for a page seldom
        opened. Its choices are operations: the pages they touch refresh on their own."""
        if self._conflicts is None:
            from coordinator_app.ui.sync_conflicts_view import ConflictsWidget

            self._conflicts = ConflictsWidget(self.store)
            self.window.conflicts_page.set_widget(self._conflicts)
        return self._conflicts

    def _reload_conflicts(self) -> None:
        """After a sync or a roll back; a screen not built yet reads them when it is."""
        if self._conflicts is not None:
            self._conflicts.reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    # -- placing ---------------------------------------------------------------------------------
    def install(self) -> None:
        """« Synchroniser » in Outils and the toolbar; the connection and the roll back in
        Préférences; the Conflits screen in its page; the welcome page's « Se connecter »."""
        window = self.window
        window.menu_tools.addAction(self.sync_action)
        window.toolbar.addAction(self.sync_action)
        window.addAction(self.sync_action)
        preferences = window.menu_preferences
        preferences.addAction(self.connect_action)
        preferences.addAction(self.rollback_action)
        # « Connexion au serveur… » replaces the window's placeholder entry that opened the same
        # dialog: one entry per dialog in Préférences.
        preferences.removeAction(window.action_server_preferences)
        window.conflicts_page.build_on_show(lambda: self.conflicts)
        window.request_server_login.connect(self.open_connection_dialog)
        window.request_preferences_server.connect(self.open_connection_dialog)
        self._watch_network()

    def _watch_network(self) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        info = QNetworkInformation.instance()
        if info is None and QNetworkInformation.loadDefaultBackend():
            info = QNetworkInformation.instance()
        if info is None:
            self.timer.start()
            return
        info.reachabilityChanged.connect(self._reachability_changed)
        self._reachability_changed(info.reachability())

    def _reachability_changed(self, reachability: Any) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        online = reachability == QNetworkInformation.Reachability.Online
        if online:
            self.timer.start()
            self.sync_now(manual=False)  # the server itself confirms it answers
        else:
            self.timer.stop()

    # -- running -----------------------------------------------------------------------------
    def can_sync(self) -> bool:
        if not self.store.get_meta(SERVER_URL_META):
            return False  # never connected: no need to load the sync client to know it
        return (
            not _settings().is_demo(self.store)
            and _settings().configured(self.store) is not None
            and _settings().token_store(self.store).load() is not None
        )

    def _auto_sync(self) -> None:
        """The timer's sync, only while the window is open: a closed window's profile may be
        closed already (on quit, and in tests that keep the window object)."""
        if self.window.isVisible():
            self.sync_now(manual=False)

    def sync_now(self, *, manual: bool) -> tasks.Task | None:
        """Start a sync unless one runs; automatic syncs stay quiet when not configured."""
        if self.task is not None and not self.task.done:
            return self.task
        if not manual and not self.can_sync():
            return None
        if manual and _settings().is_demo(self.store):
            # No progress bar for a profile that never syncs: say why at once.
            self._status(_tr("Profil de démonstration : jamais synchronisé."))
            return None
        if manual and not self.store.get_meta(SERVER_URL_META):
            self.open_connection_dialog()  # never connected: connecting is the first step
            return None
        self.sync_action.setEnabled(False)
        self._status(_tr("Synchronisation en cours…"))

        def work(store: Store, reporter: tasks.ProgressReporter) -> Synced:
            def progress(text: str, fraction: float | None) -> None:
                reporter.report(
                    int((fraction or 0) * 100), 100 if fraction is not None else 0, text
                )

            return synchronise(store, progress)

        self.task = run_operation(
            self.window,
            self.store,
            work,
            on_success=self._succeeded,
            on_error=self._failed,
            progress=True,
            label=_tr("Synchronisation"),
        )
        return self.task

    def _succeeded(self, synced: Synced) -> None:
        """The window's pages reload after this (``run_operation`` announces ``ALL``)."""
        report = synced.report
        self.sync_action.setEnabled(True)
        self.last_error = None
        self._status(report_message(report))
        self._reload_conflicts()
        self.synced.emit(report)

    def _failed(self, error: BaseException) -> None:
        self.sync_action.setEnabled(True)
        self.last_error = error
        self._status(short_message(error))
        if isinstance(error, SyncError) and error.kind == SyncErrorKind.DEVICE_WIPE:
            self._wipe(error)
        self.failed.emit(error)

    def _wipe(self, error: SyncError) -> None:
        from coordinator_app.sync import wipe

        data_dir = self.store.data_dir
        self.timer.stop()
        self.store.close()
        summary = wipe.wipe_profile(data_dir)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            _tr("Profil effacé"),
            _tr(
                "Le serveur a signalé cet ordinateur comme perdu : le profil local a été effacé. "
                "L'application va se fermer."
            )
            + "\n\n"
            + summary,
            parent=self.window,
        )
        box.finished.connect(lambda _r: self.window.close())
        box.open()

    def _status(self, text: str) -> None:
        bar = self.window.statusBar()
        bar.showMessage(text)

    # -- dialogs -----------------------------------------------------------------------------
    def open_connection_dialog(self) -> ConnectionDialog:
        dialog = ConnectionDialog(self.store, self.window)
        dialog.accepted.connect(lambda: self.sync_now(manual=True))
        dialog.open()
        return dialog

    def open_rollback_dialog(self) -> RollbackDialog:
        dialog = RollbackDialog(self.store, self.window)
        dialog.accepted.connect(self._after_rollback)
        dialog.open()
        return dialog

    def _after_rollback(self) -> None:
        self._status(_tr("Profil restauré depuis la copie de sécurité."))
        self._reload_conflicts()  # the pages reload through the operation's announcement


def install(window: FeatureWindow) -> SyncController:
    """Plug sync into the main window (called by ``ui.features.install_features``)."""
    controller = SyncController(window)
    controller.install()
    window.sync_controller = controller
    return controller
