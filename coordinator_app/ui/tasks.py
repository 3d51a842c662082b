"""The one helper for background work in the window (modelled on Anki's taskman/CollectionOp).

Every long operation (demo load, import, export, report, sync, heavy queries) goes through
``run_in_background`` instead of threads started ad hoc in widgets, so that:

- the GUI thread never blocks: ``work`` runs on a worker thread of a private ``QThreadPool``;
- quick work does not flash a dialog: the progress dialog appears only after ``PROGRESS_DELAY_MS``;
- widgets are only ever touched on the GUI thread: the worker emits signals, and the ``Task``
  (a QObject living on the GUI thread) receives them through queued connections and calls
  ``on_success`` / ``on_error`` there;
- errors end in one place: without ``on_error``, ``ui.errors.show_error`` shows them.

The work function receives a ``ProgressReporter``; it calls ``report(done, total, text)`` and checks
``cancelled`` (or calls ``raise_if_cancelled()``) between steps when the task is cancellable.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")

#: How long work may run before a progress dialog appears (Anki waits about as long).
PROGRESS_DELAY_MS = 600
log = logging.getLogger(__name__)

_pool: QThreadPool | None = None
_running: set[Task] = set()  # keeps Python wrappers alive until their result is delivered


class Cancelled(Exception):
    """Raised by ``ProgressReporter.raise_if_cancelled`` when the user pressed « Annuler »."""


def pool() -> QThreadPool:
    """The worker pool of the window (two threads: the machine may be a small laptop)."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(2)
    return _pool


class _Relay(QObject):
    """Signals emitted from the worker thread; received by the GUI-thread ``Task``."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)


class ProgressReporter:
    """Handed to the work function: report progress and check for cancellation (thread-safe)."""

    def __init__(self, relay: _Relay, cancel_event: threading.Event) -> None:
        self._relay = relay
        self._cancel = cancel_event

    def report(self, done: int, total: int, text: str = "") -> None:
        """Progress so far; ``total`` 0 means unknown (busy indicator)."""
        self._relay.progressed.emit(int(done), int(total), text)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def raise_if_cancelled(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[ProgressReporter], Any], reporter: ProgressReporter) -> None:
        super().__init__()
        self._work = work
        self._reporter = reporter
        self.relay = reporter._relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self._work(self._reporter)
        except BaseException as error:  # delivered to the GUI thread, never lost
            self.relay.failed.emit(error)
        else:
            self.relay.succeeded.emit(result)


class Task(QObject, Generic[T]):
    """A running background operation; lives on the GUI thread.

    ``finished`` is emitted after ``on_success`` / ``on_error`` ran (tests wait on it).
    """

    progressed = Signal(int, int, str)
    finished = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        *,
        on_success: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None,
        label: str,
        cancellable: bool,
        show_progress: bool = True,
    ) -> None:
        # Owned by the application, not by ``parent``: a task outlives a widget closed while it
        # works, and Qt deletes it (``deleteLater`` once it has reported) on the GUI thread,
        # never Python's garbage collector, which may run on a worker thread.
        super().__init__(QCoreApplication.instance())
        self.show_progress = show_progress
        self._parent_widget = parent
        self._on_success = on_success
        self._on_error = on_error
        self.label = label
        self.cancellable = cancellable
        self.done = False
        self.result: T | None = None
        self.error: BaseException | None = None
        self._cancel = threading.Event()
        self.relay = _Relay(self)
        self.relay.progressed.connect(self._progress, Qt.ConnectionType.QueuedConnection)
        self.relay.succeeded.connect(self._succeed, Qt.ConnectionType.QueuedConnection)
        self.relay.failed.connect(self._fail, Qt.ConnectionType.QueuedConnection)
        self._last: tuple[int, int, str] = (0, 0, label)
        self.dialog: QProgressDialog | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show_dialog)

    def cancel(self) -> None:
        """Ask the work to stop; it does so at its next check of ``cancelled``."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def start(self, work: Callable[[ProgressReporter], T]) -> None:
        _running.add(self)
        if self.show_progress:
            self._timer.start(PROGRESS_DELAY_MS)
        pool().start(_Runnable(work, ProgressReporter(self.relay, self._cancel)))

    # -- GUI thread ---------------------------------------------------------------------------
    @Slot(int, int, str)
    def _progress(self, done: int, total: int, text: str) -> None:
        self._last = (done, total, text or self.label)
        if self.dialog is not None:
            self._apply_progress()
        self.progressed.emit(done, total, text)

    def _apply_progress(self) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        done, total, text = self._last
        dialog.setLabelText(text)
        dialog.setMaximum(max(total, 0))
        # Last: on a modal dialog setValue processes events, which may finish the task and close
        # the dialog under our feet.
        dialog.setValue(min(done, total) if total else 0)

    @Slot()
    def _show_dialog(self) -> None:
        if self.done or self._orphaned():
            return
        dialog = QProgressDialog(_alive(self._parent_widget))
        dialog.setWindowTitle(self.label or self.tr("Traitement en cours"))
        dialog.setAccessibleName(self.tr("Progression"))
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        if self.cancellable:
            dialog.setCancelButtonText(self.tr("Annuler"))
            dialog.canceled.connect(self.cancel)
        else:
            dialog.setCancelButton(None)
        self.dialog = dialog
        self._apply_progress()
        dialog.show()

    def _close_dialog(self) -> None:
        self._timer.stop()
        if self.dialog is not None:
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None

    def _orphaned(self) -> bool:
        """True when the widget that started the work was deleted meanwhile (window closed): its
        handlers would touch dead widgets, so the outcome is only logged."""
        return self._parent_widget is not None and _alive(self._parent_widget) is None

    @Slot(object)
    def _succeed(self, result: T) -> None:
        self.done, self.result = True, result
        self._close_dialog()
        if self._orphaned():
            self._finish()
            return
        try:
            self._on_success(result)
        except Exception as error:  # a bug in the success handler still reaches the user
            _report(self._parent_widget, error)
        finally:
            self._finish()

    @Slot(object)
    def _fail(self, error: BaseException) -> None:
        self.done, self.error = True, error
        self._close_dialog()
        if self._orphaned():
            log.info("outcome of %r dropped, its window is gone: %r", self.label, error)
            self._finish()
            return
        try:
            if self._on_error is not None:
                self._on_error(error)
            elif not isinstance(error, Cancelled):
                _report(self._parent_widget, error)
        finally:
            self._finish()

    def _finish(self) -> None:
        _running.discard(self)
        self.finished.emit()
        self.deleteLater()


def _alive(widget: QWidget | None) -> QWidget | None:
    """``widget`` unless it was closed and deleted while the work ran."""
    return widget if widget is not None and shiboken6.isValid(widget) else None


def _report(parent: QWidget | None, error: BaseException) -> None:
    from coordinator_app.ui.errors import show_error

    show_error(_alive(parent), error)


def run_in_background(
    parent: QWidget | None,
    work: Callable[[ProgressReporter], T],
    *,
    on_success: Callable[[T], None],
    on_error: Callable[[BaseException], None] | None = None,
    label: str = "",
    cancellable: bool = False,
    show_progress: bool = True,
) -> Task[T]:
    """Run ``work(reporter)`` off the GUI thread and deliver its outcome on the GUI thread.

    ``on_success(result)`` or ``on_error(error)`` runs on the GUI thread; without ``on_error`` the
    error is shown by ``show_error`` (a cancellation is then silent). A progress dialog titled
    ``label`` appears only if the work lasts more than ``PROGRESS_DELAY_MS``; with ``cancellable``
    it has an « Annuler » button that sets ``reporter.cancelled``. ``show_progress=False`` is for
    background reads the user did not ask for as an operation (list pages, dashboard figures).
    """
    task: Task[T] = Task(
        parent,
        on_success=on_success,
        on_error=on_error,
        label=label,
        cancellable=cancellable,
        show_progress=show_progress,
    )
    task.start(work)
    return task


def running_tasks() -> int:
    """How many tasks have not delivered their result yet (the window waits for them on close)."""
    return len(_running)
