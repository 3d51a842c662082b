"""The status bar: connection hint, changes waiting to sync, last sync.

« En ligne » / « Hors ligne » comes from ``QNetworkInformation`` and is only a hint (the sync
confirms with a request to the server); without a backend the bar says « Connexion inconnue ».
The counts are read from the store on ``refresh()``, which the window calls once it is built (not
the bar itself: counting 100 000 unsent changes twice cost start-up ≈ 10 ms) and after each change.
The first count is read off the GUI thread (10–20 ms on a cold profile of 125 000 unsent changes,
before the window's first paint); the label stays empty until it lands. Later counts follow a
change the user just made and are read at once (the journal's pages are cached by then: ≈ 3 ms).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtNetwork import QNetworkInformation
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from coordinator_app.store import Store
from coordinator_app.ui import i18n
from coordinator_app.ui.tasks import run_in_background

translate = QCoreApplication.translate


def network_information() -> QNetworkInformation | None:
    """The platform's network information backend, or None where there is none."""
    instance = QNetworkInformation.instance()
    if instance is None and QNetworkInformation.loadDefaultBackend():
        instance = QNetworkInformation.instance()
    return instance


def last_sync_text(value: str | None) -> str:
    """« Dernière synchronisation : 2026-11-26 14:30 » (local time) or « Jamais synchronisé »."""
    if not value:
        return translate("StatusBar", "Jamais synchronisé")
    try:
        moment = dt.datetime.fromisoformat(value)
        if moment.tzinfo is not None:
            moment = moment.astimezone()
        shown = moment.strftime("%Y-%m-%d %H:%M")
    except ValueError:
        shown = value
    return translate("StatusBar", "Dernière synchronisation : {when}").format(when=shown)


class StatusBar(QStatusBar):
    """Three permanent labels on the right; transient messages on the left."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.online_label = QLabel()
        self.pending_label = QLabel()
        self.last_sync_label = QLabel()
        for label, name in (
            (self.online_label, "connexion"),
            (self.pending_label, "modifications"),
            (self.last_sync_label, "synchronisation"),
        ):
            label.setObjectName(f"status-{name}")
            label.setContentsMargins(8, 0, 8, 0)
            self.addPermanentWidget(label)
        self._online: bool | None = None
        self._pending: int | None = None  # None until the first count lands
        self._counts = 0  # counts asked for: a late background count never hides a newer one
        self._last_sync: str | None = None
        info = network_information()
        if info is not None:
            info.reachabilityChanged.connect(lambda _r: self._update_online())
        self._server: str | None = None
        self._demo = False
        self._update_online()

    def _update_online(self) -> None:
        info = QNetworkInformation.instance()
        if info is None:
            self._online = None
        else:
            reach = info.reachability()
            if reach == QNetworkInformation.Reachability.Unknown:
                self._online = None
            else:
                self._online = reach == QNetworkInformation.Reachability.Online
        self._show_online()

    def set_online(self, online: bool | None) -> None:
        """Override the hint (the sync calls this with what the server answered)."""
        self._online = online
        self._show_online()

    @property
    def online(self) -> bool | None:
        return self._online

    def _show_online(self) -> None:
        if self._online is None:
            text, state = translate("StatusBar", "Connexion inconnue"), "unknown"
        elif self._online:
            text, state = translate("StatusBar", "En ligne"), "online"
        else:
            text, state = translate("StatusBar", "Hors ligne"), "offline"
        self.online_label.setText("● " + text)
        self.online_label.setProperty("state", state)
        self.online_label.setAccessibleName(text)
        self.online_label.style().unpolish(self.online_label)
        self.online_label.style().polish(self.online_label)

    def refresh(self) -> None:
        """Re-read the pending changes and the last sync from the profile."""
        self._counts += 1
        if self._counts == 1:
            self._count_in_background()
        else:
            self._pending = self.store.pending_count()
        self._last_sync = self.store.get_meta("last_sync")
        self._server = self.store.get_meta("server_url")
        self._demo = self.store.get_meta("demo") == "1"
        self._render()

    def _count_in_background(self) -> None:
        asked = self._counts
        store = self.store

        def land(pending: int) -> None:
            if asked == self._counts:  # no count asked since (else that one is newer)
                self._pending = pending
                self._render()

        def failed(error: BaseException) -> None:
            if self.isVisible():  # a closed window's profile may be closed already
                from coordinator_app.ui.errors import show_error

                show_error(self.window(), error)

        run_in_background(
            self,
            lambda _r: store.pending_count(),
            on_success=land,
            on_error=failed,
            show_progress=False,
        )

    def _render(self) -> None:
        pending = self._pending
        if pending is None:
            text = ""
        elif pending == 0:
            text = translate("StatusBar", "Aucune modification à synchroniser")
        else:
            text = i18n.plural("StatusBar", "%n modification(s) à synchroniser", pending)
        self.pending_label.setText(text)
        self.pending_label.setAccessibleName(text)
        self.last_sync_label.setText(last_sync_text(self._last_sync))
        # A demo profile never syncs, and a profile never connected to a server has nothing
        # « à synchroniser » yet: no count that would read as work left undone.
        syncs = self._syncs()
        self.pending_label.setVisible(syncs)
        self.last_sync_label.setVisible(not self._demo)

    def _syncs(self) -> bool:
        return not self._demo and bool(self._server or self._last_sync)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._show_online()
            self._render()
        super().changeEvent(event)
