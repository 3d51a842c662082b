"""The background-work helper: results and errors come back on the GUI thread."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from coordinator_app.domain.errors import UserError
from coordinator_app.ui import errors, tasks


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_work_runs_off_the_gui_thread_and_result_arrives_on_it(qtbot, parent):
    gui = threading.get_ident()
    seen: dict[str, int] = {}

    def work(reporter: tasks.ProgressReporter) -> int:
        seen["worker"] = threading.get_ident()
        reporter.report(1, 2, "moitié")
        return 42

    def done(value: int) -> None:
        seen["handler"] = threading.get_ident()
        seen["value"] = value

    task = tasks.run_in_background(parent, work, on_success=done)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert seen["value"] == 42
    assert seen["worker"] != gui
    assert seen["handler"] == gui


def test_error_goes_to_on_error(qtbot, parent):
    caught: list[BaseException] = []

    def work(_reporter):
        raise UserError("Fichier introuvable : x.csv")

    task = tasks.run_in_background(parent, work, on_success=print, on_error=caught.append)
    qtbot.waitUntil(lambda: task.done, timeout=5000)
    assert str(caught[0]) == "Fichier introuvable : x.csv"


def test_slow_cancellable_work_shows_progress_and_stops_on_cancel(qtbot, parent):
    release = threading.Event()

    def work(reporter: tasks.ProgressReporter) -> str:
        reporter.report(3, 10, "Étape 3 sur 10")
        while not reporter.cancelled:
            release.wait(0.01)
        reporter.raise_if_cancelled()
        return "fini"

    outcome: list[object] = []
    task = tasks.run_in_background(
        parent,
        work,
        on_success=outcome.append,
        on_error=outcome.append,
        label="Importation",
        cancellable=True,
    )
    qtbot.waitUntil(lambda: task.dialog is not None and task.dialog.isVisible(), timeout=5000)
    assert task.dialog.labelText() == "Étape 3 sur 10"
    assert task.dialog.windowTitle() == "Importation"
    cancel = task.dialog.findChild(QPushButton)
    assert cancel.text() == "Annuler"
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: task.done, timeout=5000)
    assert isinstance(outcome[0], tasks.Cancelled)
    assert task.dialog is None


def test_unexpected_error_is_logged_and_shown_with_log_path(qtbot, parent, tmp_path):
    errors.set_data_dir(tmp_path)

    def work(_reporter):
        raise RuntimeError("disque plein")

    task = tasks.run_in_background(parent, work, on_success=print)
    qtbot.waitUntil(lambda: task.done, timeout=5000)
    box = errors.open_dialogs[-1]
    log = tmp_path / "logs" / "carnet.log"
    assert "disque plein" in box.text()
    assert str(log) in box.informativeText()
    assert "RuntimeError: disque plein" in log.read_text(encoding="utf-8")
    box.accept()


def test_outcome_is_dropped_when_the_window_that_asked_is_gone(qtbot):
    release = threading.Event()
    widget = QWidget()
    called: list[object] = []
    dialogs_before = len(errors.open_dialogs)

    def work(_reporter):
        release.wait(5)
        raise RuntimeError("base de données fermée")

    task = tasks.run_in_background(widget, work, on_success=called.append)
    widget.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(widget), timeout=5000)
    with qtbot.waitSignal(task.finished, timeout=5000):
        release.set()
    assert called == []
    assert len(errors.open_dialogs) == dialogs_before
