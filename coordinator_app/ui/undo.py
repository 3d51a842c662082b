"""« Annuler » for the quick actions done in lists (a follow-up marked done, a value restored).

A quick action changes a record at once, so its row may vanish from the list: the status bar then
says what happened and offers « Annuler (Ctrl+Z) » for ``UNDO_SECONDS``. Undoing writes the old
values back through an operation (``coordinator_app.operations``, run by the caller's undo function
through ``ui.operations.run_operation``) — a new journal entry, so the history and the sync see both
the action and its undo, and nothing is erased from the append-only journal.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QPushButton

#: How long the « Annuler » button stays offered.
UNDO_SECONDS = 10


class UndoOffer(QObject):
    """The window's one pending undo: a status-bar message, a button and the Ctrl+Z action."""

    undone = Signal()  # the undo ran (its operation told the window what to refresh)

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._undo: Callable[[], Any] | None = None
        self._message = ""
        self.action = QAction(window)
        self.action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        # Application-wide would steal Ctrl+Z from text fields; window scope lets a focused line
        # edit keep its own undo (Qt gives the focused widget the shortcut first).
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.setEnabled(False)
        self.action.triggered.connect(self.undo)
        window.addAction(self.action)
        self.button = QPushButton()
        self.button.setObjectName("undo-button")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Ctrl+Z is the keyboard way
        self.button.clicked.connect(self.undo)
        self.button.hide()
        window.statusBar().addWidget(self.button)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(UNDO_SECONDS * 1000)
        self.timer.timeout.connect(self.expire)
        self.retranslate()

    def retranslate(self) -> None:
        self.action.setText(self.tr("&Annuler"))
        native = QKeySequence(QKeySequence.StandardKey.Undo).toString(
            QKeySequence.SequenceFormat.NativeText
        )
        self.button.setText(self.tr("Annuler ({key})").format(key=native))
        self.button.setAccessibleName(self.tr("Annuler la dernière action"))

    @property
    def pending(self) -> bool:
        return self._undo is not None

    def offer(self, message: str, undo: Callable[[], Any]) -> None:
        """Say what was done and offer to undo it (replaces any earlier offer)."""
        self._undo = undo
        self._message = message
        bar = self.window.statusBar()
        bar.showMessage(message, UNDO_SECONDS * 1000)
        self.button.setToolTip(message)
        self.button.show()
        self.action.setEnabled(True)
        self.timer.start()

    def expire(self) -> None:
        self._undo = None
        self.button.hide()
        self.action.setEnabled(False)
        self.timer.stop()

    def undo(self) -> None:
        undo = self._undo
        if undo is None:
            return
        self.expire()
        try:
            undo()
        except Exception as error:
            from coordinator_app.ui.errors import show_error

            show_error(self.window, error)
            return
        self.window.statusBar().showMessage(self.tr("Action annulée."), 5000)
        self.undone.emit()
