"""The one place in the window that turns an exception into a message (Anki's show_exception).

- ``ValidationFailed``: « Données invalides » with each problem on its own line (French, from domain);
- any other ``UserError`` (not found, unwritable profile…): its French message;
- anything else is a bug or an I/O surprise: the traceback goes to the profile's log
  ``<data_dir>/logs/carnet.log`` and one dialog names the log's path. The app keeps running.

Dialogs are opened window-modal but non-blocking (``QMessageBox.open``), so an error raised while
another dialog is up, or during a test, never blocks the event loop.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from coordinator_app.domain.errors import UserError, ValidationFailed
from coordinator_app.store import error_log

translate = QCoreApplication.translate
_data_dir: Path | None = None
#: The dialogs shown so far that are still open (tests and the window look at the last one).
open_dialogs: list[QMessageBox] = []


def set_data_dir(data_dir: Path | str | None) -> None:
    """Where unexpected errors are logged: the open profile's ``logs`` folder."""
    global _data_dir
    _data_dir = Path(data_dir) if data_dir else None


def log_path() -> Path:
    """The open profile's log file (the temporary folder's when the profile's is not writable)."""
    return error_log.log_path(_data_dir)


def write_log(error: BaseException) -> Path:
    """Append the error's traceback to the log and return the log's path."""
    return error_log.write_log(error, _data_dir)


def describe(error: BaseException) -> tuple[str, str, str]:
    """(title, message, details) the user sees for ``error``; logs unexpected errors."""
    if isinstance(error, ValidationFailed):
        lines = "\n".join(f"• {problem}" for problem in error.problems) or str(error)
        return (
            translate("Errors", "Données invalides"),
            translate("Errors", "Corrigez ces champs :") + "\n" + lines,
            "",
        )
    if isinstance(error, UserError):
        return translate("Errors", "Impossible de continuer"), str(error), ""
    if isinstance(error, OSError) and error.filename:
        target = write_log(error)
        message = translate("Errors", "Erreur de fichier : {reason} ({path}).").format(
            reason=error.strerror or error, path=error.filename
        )
        return (
            translate("Errors", "Erreur de fichier"),
            message,
            translate("Errors", "Détails dans {path}").format(path=target),
        )
    target = write_log(error)
    message = translate(
        "Errors",
        "Une erreur inattendue s'est produite ({name} : {error}). "
        "L'application reste ouverte ; vos données enregistrées ne sont pas touchées.",
    ).format(name=error.__class__.__name__, error=error)
    return (
        translate("Errors", "Erreur inattendue"),
        message,
        translate("Errors", "Le détail technique est dans le journal : {path}").format(path=target),
    )


def show_error(parent: QWidget | None, error: BaseException) -> QMessageBox:
    """Show ``error`` to the user (see the module docstring) and return the dialog.

    ``show_error(error, parent)`` (arguments swapped) is accepted too: an error report must never
    fail because of the order of its arguments.
    """
    if isinstance(parent, BaseException) and not isinstance(error, BaseException):
        parent, error = error, parent
    title, message, details = describe(error)
    unexpected = not isinstance(error, UserError)
    box = QMessageBox(
        QMessageBox.Icon.Critical if unexpected else QMessageBox.Icon.Warning,
        title,
        message,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setAccessibleName(title)
    if details:
        box.setInformativeText(details)
    box.finished.connect(lambda _result: _forget(box))
    # A dialog destroyed with its parent window never finishes: forget it then too.
    box.destroyed.connect(lambda *_: open_dialogs.remove(box) if box in open_dialogs else None)
    open_dialogs.append(box)
    box.open()
    return box


def _forget(box: QMessageBox) -> None:
    if box in open_dialogs:
        open_dialogs.remove(box)
    box.deleteLater()


def _excepthook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, tb)
        return
    if error.__traceback__ is None:
        error = error.with_traceback(tb)
    app = QApplication.instance()
    if app is None:
        write_log(error)
        sys.__excepthook__(kind, error, tb)
        return
    show_error(QApplication.activeWindow(), error)


def install_excepthook(data_dir: Path | str | None = None) -> None:
    """Route uncaught exceptions (e.g. in a slot) to ``show_error`` instead of killing the app."""
    if data_dir is not None:
        set_data_dir(data_dir)
    sys.excepthook = _excepthook
