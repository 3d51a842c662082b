"""Sync in the window: « Synchroniser » (F5), automatic sync while online, the Conflits screen,
the server connection dialog and rolling back to a pre-sync snapshot.

All the work is done by ``coordinator_app.sync`` (no Qt) in a background task; this module only
wires actions, timers and widgets, and turns ``SyncError`` kinds into plain-French status messages.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.store import Store, sync_state
from coordinator_app.store.snapshots import list_snapshots, restore_snapshot
from coordinator_app.sync.errors import SyncError, SyncErrorKind
from coordinator_app.ui import tasks
from coordinator_app.ui.refused_incoming_view import RefusedIncomingBox

if TYPE_CHECKING:
    from coordinator_app.sync.engine import SyncReport

# The sync client (httpx, the pydantic protocol, the keyring) costs about 0.4 s and 20 MB to
# import: it is imported when a sync, a login or a conflict needs it, never to build the window.
SERVER_URL_META = "server_url"  # ``sync.settings.META_URL``, read without importing the client

AUTO_SYNC_MINUTES = 5


def _resolution() -> ModuleType:
    from coordinator_app.sync import resolution

    return resolution


def _settings() -> ModuleType:
    from coordinator_app.sync import settings

    return settings


SYNC_SHORTCUT = "Ctrl+Shift+S"


def _tr(text: str) -> str:
    return QCoreApplication.translate("SyncActions", text)


def short_message(error: BaseException) -> str:
    """The status-bar text for a failed sync: plain French, the first words say what happened."""
    if not isinstance(error, SyncError):
        return _tr("Synchronisation interrompue : {error}").format(error=error)
    prefix = {
        SyncErrorKind.BAD_PASSWORD: _tr("Mauvais mot de passe."),
        SyncErrorKind.CERTIFICATE: _tr("Certificat non reconnu : connexion refusée."),
        SyncErrorKind.UNREACHABLE: _tr("Serveur injoignable : vos modifications attendent."),
        SyncErrorKind.INTERRUPTED: _tr("Connexion interrompue : rien n'est perdu, réessayez."),
        SyncErrorKind.TOO_OLD: _tr("Application trop ancienne : mettez-la à jour."),
        SyncErrorKind.FORBIDDEN: _tr("Accès refusé par le serveur."),
        SyncErrorKind.TOKEN_REVOKED: _tr("Accès refusé : reconnectez-vous au serveur."),
        SyncErrorKind.NOT_LOGGED_IN: _tr("Pas de serveur : connectez-vous d'abord."),
        SyncErrorKind.DEMO: _tr("Profil de démonstration : jamais synchronisé."),
    }.get(error.kind)
    return prefix or str(error)


def report_message(report: SyncReport) -> str:
    text = _tr(
        "Synchronisé : {sent} envoyées, {received} reçues, {merged} fusionnées, "
        "{conflicts} en conflit."
    ).format(
        sent=report.sent,
        received=report.received,
        merged=report.merged,
        conflicts=report.conflicts_open,
    )
    if report.refused:
        text += " " + _tr("{n} refusées par le serveur.").format(n=len(report.refused))
    if report.refused_incoming:
        text += " " + _tr("{n} reçues refusées (voir Conflits).").format(
            n=len(report.refused_incoming)
        )
    return text


def _show(value: Any) -> str:
    if value is None or value == "" or value == []:
        return _tr("(vide)")
    if isinstance(value, bool):
        return _tr("supprimé") if value else _tr("gardé")
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, indent=1)


def _local_time(value: Any) -> str:
    """« 2026-11-26 08:47 » in the laptop's time zone (the wire carries UTC)."""
    import datetime as dt

    try:
        return dt.datetime.fromisoformat(str(value)).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return str(value or "")


# -- the Conflits screen ---------------------------------------------------------------------
class ConflictsWidget(QWidget):
    """Each open conflict with both values side by side; refused changes below, then the
    changes received from the server that this laptop refused (``RefusedIncomingBox``)."""

    changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.list = QListWidget()
        self.list.setObjectName("conflicts-list")
        self.list.currentItemChanged.connect(lambda *_: self._show_current())
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.mine_box, self.mine_value, self.mine_who = self._side_box()
        self.other_box, self.other_value, self.other_who = self._side_box()
        self.keep_mine = QPushButton()
        self.keep_other = QPushButton()
        self.edit = QPushButton()
        self.keep_mine.clicked.connect(lambda: self._resolve("mine"))
        self.keep_other.clicked.connect(lambda: self._resolve("other"))
        self.edit.clicked.connect(self._edit)
        self.refused_list = QListWidget()
        self.refused_list.setObjectName("refused-list")
        self.retry = QPushButton()
        self.abandon = QPushButton()
        self.retry.clicked.connect(self._retry)
        self.abandon.clicked.connect(self._abandon)
        self.empty = QLabel()
        self.conflicts_title = QLabel()
        self.refused_title = QLabel()
        self.incoming = RefusedIncomingBox(store)
        self.incoming.changed.connect(self.changed)
        self._build()
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        """Texts in the window's language (again on each language switch)."""
        self.keep_mine.setText(_tr("Garder la mienne"))
        self.keep_other.setText(_tr("Garder l'autre"))
        self.edit.setText(_tr("Modifier…"))
        self.retry.setText(_tr("Renvoyer"))
        self.abandon.setText(_tr("Abandonner"))
        self.empty.setText(_tr("Aucun conflit à résoudre."))
        self.conflicts_title.setText(_tr("<b>Conflits</b>"))
        self.refused_title.setText(_tr("<b>Modifications refusées par le serveur</b>"))
        self._show_current()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _side_box(self) -> tuple[QGroupBox, QLabel, QLabel]:
        box = QGroupBox()
        value, who = QLabel(), QLabel()
        value.setWordWrap(True)
        value.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(box)
        layout.addWidget(value, 1)
        layout.addWidget(who)
        return box, value, who

    def _build(self) -> None:
        sides = QGridLayout()
        sides.addWidget(self.mine_box, 0, 0)
        sides.addWidget(self.other_box, 0, 1)
        buttons = QHBoxLayout()
        for button in (self.keep_mine, self.keep_other, self.edit):
            buttons.addWidget(button)
        detail = QVBoxLayout()
        detail.addWidget(self.title)
        detail.addLayout(sides, 1)
        detail.addLayout(buttons)
        top = QHBoxLayout()
        top.addWidget(self.list, 1)
        top.addLayout(detail, 2)
        refused_buttons = QHBoxLayout()
        refused_buttons.addWidget(self.retry)
        refused_buttons.addWidget(self.abandon)
        refused_buttons.addStretch(1)
        # Empty state: only « Aucun conflit à résoudre. »; the panes and their buttons show when
        # there is something to decide (``reload``).
        self.conflicts_area = QWidget()
        self.conflicts_area.setLayout(top)
        top.setContentsMargins(0, 0, 0, 0)
        self.refused_area = QWidget()
        refused = QVBoxLayout(self.refused_area)
        refused.setContentsMargins(0, 0, 0, 0)
        refused.addWidget(self.refused_title)
        refused.addWidget(self.refused_list, 1)
        refused.addLayout(refused_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.conflicts_title)
        layout.addWidget(self.empty)
        layout.addWidget(self.conflicts_area, 3)
        layout.addWidget(self.refused_area, 1)
        layout.addWidget(self.incoming, 1)
        layout.addStretch(0)
        self.refused_list.currentItemChanged.connect(lambda *_: self._update_refused_buttons())

    def reload(self) -> None:
        self.list.clear()
        for conflict in sync_state.conflicts(self.store):
            text = f"{_resolution().target_title(self.store, conflict)} — {_resolution().field_label(conflict)}"
            item = QListWidgetItem(text)
            item.setData(256, conflict["id"])
            self.list.addItem(item)
        self.refused_list.clear()
        for refused in sync_state.refused(self.store):
            item = QListWidgetItem(_resolution().refused_title(self.store, refused))
            item.setData(256, refused["change_id"])
            self.refused_list.addItem(item)
        self.incoming.reload()
        has = self.list.count() > 0
        self.empty.setVisible(not has)
        self.conflicts_area.setVisible(has)
        self.refused_area.setVisible(self.refused_list.count() > 0)
        if has:
            self.list.setCurrentRow(0)
        self._show_current()
        self._update_refused_buttons()

    def _update_refused_buttons(self) -> None:
        chosen = self.refused_list.currentItem() is not None
        self.retry.setEnabled(chosen)
        self.abandon.setEnabled(chosen)

    def current_conflict(self) -> dict[str, Any] | None:
        item = self.list.currentItem()
        return sync_state.get_conflict(self.store, item.data(256)) if item else None

    def _show_current(self) -> None:
        conflict = self.current_conflict()
        for widget in (self.keep_mine, self.keep_other, self.edit):
            widget.setEnabled(conflict is not None)
        if conflict is None:
            self.title.setText("")
            for label in (self.mine_value, self.mine_who, self.other_value, self.other_who):
                label.setText("")
            return
        side = _resolution().my_side(self.store, conflict) or "kept"
        theirs = "other" if side == "kept" else "kept"
        self.title.setText(
            f"<b>{_resolution().target_title(self.store, conflict)}</b> — "
            f"{_resolution().field_label(conflict)}"
        )
        mine_title = (
            _tr("La mienne")
            if _resolution().my_side(self.store, conflict)
            else _tr("Valeur retenue")
        )
        self.mine_box.setTitle(mine_title)
        self.other_box.setTitle(_tr("L'autre"))
        for value_label, who_label, prefix in (
            (self.mine_value, self.mine_who, side),
            (self.other_value, self.other_who, theirs),
        ):
            value_label.setText(_show(conflict[f"{prefix}_value"]))
            who_label.setText(
                _tr("par {author}, le {at}").format(
                    author=conflict[f"{prefix}_author"] or "?",
                    at=_local_time(conflict[f"{prefix}_at"]),
                )
            )

    def _resolve(self, which: str, value: Any = None) -> None:
        conflict = self.current_conflict()
        if conflict is None:
            return
        side = _resolution().my_side(self.store, conflict) or "kept"
        choice = side if which == "mine" else ("other" if side == "kept" else "kept")
        try:
            if which == "value":
                _resolution().resolve(self.store, conflict["id"], "value", value)
            else:
                _resolution().resolve(self.store, conflict["id"], choice)  # type: ignore[arg-type]
        except Exception as error:
            from coordinator_app.ui.errors import show_error

            show_error(error, self)
            return
        self.reload()
        self.changed.emit()

    def _edit(self) -> None:
        conflict = self.current_conflict()
        if conflict is None or conflict["field"] == "deleted":
            return
        current = _show(conflict["kept_value"]) if conflict["kept_value"] is not None else ""
        text, ok = QInputDialog.getMultiLineText(
            self, _tr("Modifier la valeur"), _resolution().field_label(conflict), current
        )
        if ok:
            self._resolve("value", text)

    def _selected_refused(self) -> str | None:
        item = self.refused_list.currentItem()
        return item.data(256) if item else None

    def _retry(self) -> None:
        if change_id := self._selected_refused():
            sync_state.retry_refused(self.store, change_id)
            self.reload()
            self.changed.emit()

    def _abandon(self) -> None:
        if change_id := self._selected_refused():
            sync_state.abandon_refused(self.store, change_id)
            self.reload()
            self.changed.emit()


# -- connection dialog -----------------------------------------------------------------------
class ConnectionDialog(QDialog):
    """URL, user, password and an optional CA file; logs in in the background."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(_tr("Connexion au serveur"))
        current = _settings().configured(store)
        self.url = QLineEdit(current.address.url if current else "https://")
        self.user = QLineEdit(current.username if current else "")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        ca = current.address.ca_file if current else None
        self.ca_file = QLineEdit(str(ca) if ca else "")
        self.ca_file.setPlaceholderText(_tr("facultatif"))
        self.ca_file.setAccessibleName(_tr("Certificat de l'organisation"))
        self.ca_file.setToolTip(
            _tr("Facultatif : autorité de certification de l'organisation (PEM)")
        )
        browse = QPushButton(_tr("Parcourir…"))
        browse.clicked.connect(self._browse)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(browse)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("connection-message")
        form = QFormLayout()
        form.addRow(_tr("Adresse du serveur"), self.url)
        form.addRow(_tr("Nom d'utilisateur"), self.user)
        form.addRow(_tr("Mot de passe"), self.password)
        form.addRow(_tr("Certificat de l'organisation"), ca_row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_tr("Se connecter"))
        self.buttons.accepted.connect(self._connect)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.task: tasks.Task | None = None

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, _tr("Certificat de l'organisation"), "", _tr("Certificats (*.pem *.crt)")
        )
        if name:
            self.ca_file.setText(name)

    def _connect(self) -> None:
        url, user, password = self.url.text(), self.user.text().strip(), self.password.text()
        ca = Path(self.ca_file.text().strip()) if self.ca_file.text().strip() else None
        self.buttons.setEnabled(False)
        self.message.setText(_tr("Connexion en cours…"))

        def work(_reporter: tasks.ProgressReporter) -> Any:
            from coordinator_app.sync import account

            return account.login(self.store, url, user, password, ca_file=ca)

        self.task = tasks.run_in_background(
            self, work, on_success=self._done, on_error=self._failed, label=_tr("Connexion")
        )

    def _done(self, result: Any) -> None:
        self.buttons.setEnabled(True)
        self.password.clear()
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(str(error) if isinstance(error, SyncError) else short_message(error))


# -- roll back ---------------------------------------------------------------------------------
class RollbackDialog(QDialog):
    """The snapshots taken before each sync; restoring one replaces the profile's content."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(_tr("Revenir à une copie de sécurité"))
        self.list = QListWidget()
        for snapshot in list_snapshots(store.data_dir):
            item = QListWidgetItem(
                _tr("Avant la synchronisation du {when}").format(when=snapshot.label)
            )
            item.setData(256, str(snapshot.path))
            self.list.addItem(item)
        explanation = QLabel(
            _tr(
                "Le profil reviendra à l'état choisi. Les modifications faites depuis, si elles "
                "ont été synchronisées, reviendront du serveur à la prochaine synchronisation."
            )
        )
        explanation.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.restore_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.restore_button.setText(_tr("Restaurer"))
        buttons.accepted.connect(self._restore)
        buttons.rejected.connect(self.reject)
        # Empty state: say why the list is empty instead of showing a blank box.
        self.empty = QLabel(
            _tr(
                "Aucune copie de sécurité pour l'instant : une copie est prise avant chaque "
                "synchronisation avec le serveur."
            )
        )
        self.empty.setWordWrap(True)
        has = self.list.count() > 0
        self.empty.setVisible(not has)
        self.list.setVisible(has)
        explanation.setVisible(has)
        if has:
            self.list.setCurrentRow(0)
        self.restore_button.setEnabled(has)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(explanation)
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def _restore(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        restore_snapshot(self.store, Path(item.data(256)))
        self.accept()


# -- the controller --------------------------------------------------------------------------
class SyncController(QObject):
    """Owns the actions, the timers and the running sync of one window."""

    synced = Signal(object)  # SyncReport
    failed = Signal(object)  # the error

    def __init__(self, window: Any) -> None:
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
        self.conflicts = ConflictsWidget(self.store)
        self.conflicts.changed.connect(self._refresh_window)
        self.retranslate()
        window.installEventFilter(self)

    def retranslate(self) -> None:
        self.sync_action.setText(_tr("Synchroniser"))
        native = QKeySequence(SYNC_SHORTCUT).toString(QKeySequence.SequenceFormat.NativeText)
        self.sync_action.setToolTip(_tr("Synchroniser ({key})").format(key=native))
        self.connect_action.setText(_tr("Connexion au serveur…"))
        self.rollback_action.setText(_tr("Revenir à une copie de sécurité…"))

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
        preferences = getattr(window, "menu_preferences", window.menu_tools)
        preferences.addAction(self.connect_action)
        preferences.addAction(self.rollback_action)
        # « Connexion au serveur… » replaces the window's placeholder entry that opened the same
        # dialog: one entry per dialog in Préférences.
        placeholder = getattr(window, "action_server_preferences", None)
        if placeholder is not None:
            preferences.removeAction(placeholder)
        window.conflicts_page.set_widget(self.conflicts)
        window.request_server_login.connect(self.open_connection_dialog)
        if hasattr(window, "request_preferences_server"):
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

        def work(reporter: tasks.ProgressReporter) -> SyncReport:
            def progress(text: str, fraction: float | None) -> None:
                reporter.report(
                    int((fraction or 0) * 100), 100 if fraction is not None else 0, text
                )

            from coordinator_app.sync.engine import SyncEngine

            return SyncEngine(self.store, progress=progress).run()

        self.task = self.window.run_task(
            work, on_success=self._succeeded, on_error=self._failed, label=_tr("Synchronisation")
        )
        return self.task

    def _succeeded(self, report: SyncReport) -> None:
        self.sync_action.setEnabled(True)
        self.last_error = None
        self._status(report_message(report))
        self.conflicts.reload()
        self._refresh_window()
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

    def _refresh_window(self) -> None:
        """Lists, dashboard and status bar reload: pulled changes and resolutions show at once."""
        self.window.data_changed.emit()

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
        self.conflicts.reload()
        self._refresh_window()


def install(window: Any) -> SyncController:
    """Plug sync into the main window (called by ``ui.features.install_features``)."""
    controller = SyncController(window)
    controller.install()
    window.sync_controller = controller
    return controller
