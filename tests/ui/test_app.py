"""Starting the application the way ``coordinator-app`` (no command) does, and its error dialogs."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from coordinator_app.domain.errors import FieldProblem, NotFoundError, ValidationFailed
from coordinator_app.ui import errors
from coordinator_app.ui.main_window import MainWindow


def test_run_app_shows_the_window_and_returns_when_it_closes(qtbot, tmp_path, monkeypatch):
    from coordinator_app.ui.app import run_app

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_app installs its own
    seen: dict[str, object] = {}

    def close_when_shown() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                seen["title"] = widget.windowTitle()
                seen["welcome"] = widget.stack.currentWidget() is widget.welcome
                seen["icon"] = not widget.windowIcon().isNull()
                widget.close()
                return
        QTimer.singleShot(10, close_when_shown)

    QTimer.singleShot(0, close_when_shown)
    assert run_app(str(tmp_path / "profile")) == 0
    assert seen == {"title": "Carnet COOP", "welcome": True, "icon": True}
    assert (tmp_path / "profile" / "carnet.db").exists()


def test_validation_and_user_errors_read_as_french_messages(qtbot):
    problems = [
        FieldProblem("due_date", "Échéance", "date invalide « 2026-13-01 » : AAAA-MM-JJ attendu"),
        FieldProblem("owner", "Responsable", "obligatoire"),
    ]
    box = errors.show_error(None, ValidationFailed(problems, "action_item"))
    assert box.windowTitle() == "Données invalides"
    assert box.text().splitlines() == [
        "Corrigez ces champs :",
        "• Échéance : date invalide « 2026-13-01 » : AAAA-MM-JJ attendu",
        "• Responsable : obligatoire",
    ]
    box.accept()
    box = errors.show_error(NotFoundError("Projet introuvable : 42"), None)  # order forgiven
    assert box.text() == "Projet introuvable : 42"
    assert box.informativeText() == ""
    box.accept()


def test_uncaught_exception_in_a_slot_goes_to_the_dialog_and_the_log(qtbot, tmp_path):
    errors.set_data_dir(tmp_path)
    try:
        raise ZeroDivisionError("division par zéro dans un calcul")
    except ZeroDivisionError as error:
        errors._excepthook(type(error), error, error.__traceback__)
    box = errors.open_dialogs[-1]
    assert box.windowTitle() == "Erreur inattendue"
    assert str(tmp_path / "logs" / "carnet.log") in box.informativeText()
    log = (tmp_path / "logs" / "carnet.log").read_text(encoding="utf-8")
    assert "ZeroDivisionError: division par zéro dans un calcul" in log
    box.accept()
