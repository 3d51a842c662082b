"""The one helper that runs a user action that writes (after Anki's ``CollectionOp``).

Widgets never call a store write themselves (``tests/ui/test_write_path.py`` checks it): they
hand an operation of ``coordinator_app.operations`` to ``run_operation``, which runs it, calls
``on_success`` with its result and then announces the record kinds it changed on ``bus()``. The
main window listens and refreshes only the pages that show those kinds (``ui.refresh``).

Where it runs. ``background=True`` runs the operation on a worker of ``ui.tasks`` (the store's
connection is shared by threads behind one re-entrant lock): « Fait » on a follow-up goes there, so
ticking many in a row never waits on the disk. ``progress=True`` is the same path for the long
operations (an import and its check, a sync): the operation is called ``operation(store,
reporter)`` and reports progress and reads « Annuler » through the ``ui.tasks.ProgressReporter``.
A form's save, a value restored from history, an undo and the Conflits screen's choices stay on
the GUI thread, on purpose: each is one short transaction whose outcome the widget shows at once
(the problems under the fields, the dialog closing, the restored value, « Action annulée. »), and
while it ran on a worker the user could type into the form again or press « Enregistrer » a
second time, saving a new visit twice.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from coordinator_app.operations import Changes
from coordinator_app.store import Store

R = TypeVar("R")


class HasChanges(Protocol):
    """An operation's result: what it changed (``Changes`` itself qualifies)."""

    @property
    def changes(self) -> Changes: ...


class ChangeBus(QObject):
    """Where finished operations are announced: ``changed(store, Changes)``."""

    changed = Signal(object, object)


_bus: ChangeBus | None = None


def bus() -> ChangeBus:
    """The application's one bus (owned by the application, so it outlives any window)."""
    global _bus
    if _bus is None:
        _bus = ChangeBus(QCoreApplication.instance())
    return _bus


def changes_of(result: Any) -> Changes:
    """The ``Changes`` an operation returned, itself or as its ``changes``."""
    return result if isinstance(result, Changes) else result.changes


def announce(store: Store, changes: Changes) -> None:
    """Tell the windows over ``store`` which kinds changed (nothing when nothing was written)."""
    if changes.kinds:
        bus().changed.emit(store, changes)


def run_operation(
    parent: QWidget | None,
    store: Store,
    operation: Callable[..., R],
    *,
    on_success: Callable[[R], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    background: bool = False,
    progress: bool = False,
    cancellable: bool = False,
    label: str = "",
) -> Any:
    """Run ``operation(store)``, then ``on_success(result)``, then announce its changes.

    On the GUI thread (the default) it returns the result, or None when the operation raised:
    the error goes to ``on_error``, or without one to the window's error dialog. With
    ``background`` it runs through ``ui.tasks.run_in_background`` and returns the ``Task`` at
    once; with ``progress`` too, and the operation is called ``operation(store, reporter)``
    (``cancellable`` adds « Annuler » to the progress dialog titled ``label``).
    """
    if background or progress:
        from coordinator_app.ui.tasks import run_in_background

        def work(reporter: Any) -> R:
            return operation(store, reporter) if progress else operation(store)

        return run_in_background(
            parent,
            work,
            on_success=lambda result: _succeeded(store, result, on_success),
            on_error=on_error,
            label=label,
            cancellable=cancellable,
        )
    try:
        result = operation(store)
    except Exception as error:
        _failed(parent, error, on_error)
        return None
    _succeeded(store, result, on_success)
    return result


def _succeeded(store: Store, result: R, on_success: Callable[[R], None] | None) -> None:
    try:
        if on_success is not None:
            on_success(result)
    finally:
        announce(store, changes_of(result))


def _failed(
    parent: QWidget | None, error: Exception, on_error: Callable[[BaseException], None] | None
) -> None:
    if on_error is not None:
        on_error(error)
        return
    from coordinator_app.ui.errors import show_error

    show_error(parent, error)
