"""In the window: a participants export with names asks first; it and a project sheet saved or
printed with names go to the register of communications; a preview or a sheet without names don't."""

from __future__ import annotations

import functools
import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from coordinator_app.store import open_store
from coordinator_app.ui import errors, tasks
from coordinator_app.ui.import_export_actions import ExportDialog
from coordinator_app.ui.reports_actions import print_document
from tests.privacy.support import NAMES, add_youth

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, tmp_path):
    from coordinator_app.ui import create_main_window

    store = open_store(tmp_path / "profil")
    youth = add_youth(store)
    store.close()
    win = create_main_window(tmp_path / "profil")
    qtbot.addWidget(win)
    win.show()
    win.youth = youth
    yield win
    qtbot.waitUntil(lambda: tasks.running_tasks() == 0, timeout=20000)
    for box in list(errors.open_dialogs):
        box.close()
    win.close()
    win.store.close()


def _preview(qtbot, window, *, names: bool):
    count = len(window.reports.previews)
    dialog = window.reports.ask("fiche-projet")
    dialog.project.setCurrentIndex(dialog.project.findData(window.youth["project_id"]))
    dialog.with_names.setChecked(names)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(window.reports.previews) > count, timeout=20000)
    return window.reports.previews[-1]


def test_a_sheet_with_names_saved_or_printed_is_registered(qtbot, window, tmp_path):
    plain = _preview(qtbot, window, names=False)
    plain.save_to(tmp_path / "sans-noms.pdf")
    named = _preview(qtbot, window, names=True)
    assert window.store.count("access_log") == 0  # shown on screen only

    named.save_to(tmp_path / "avec-noms.pdf")
    printer = named.printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "imprime.pdf"))
    print_document(named.document, printer, dpi=72)
    named._register_names()  # what « Imprimer… » does once the pages are sent

    entries = window.store.find("access_log", order_by="created_at")
    assert [e["action"] for e in entries] == ["report_with_names", "report_with_names"]
    assert entries[0]["participant_ids"] == [window.youth["id"]]
    assert entries[0]["project_id"] == window.youth["project_id"]
    assert NAMES[0] not in entries[0]["subject"]  # the register says what, not the names


def _answer_box(button) -> None:
    """Answer the confirmation box as the user would, once it is on screen."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        box.button(button).click()

    QTimer.singleShot(20, click)


@pytest.mark.parametrize("answer", ["no", "yes"])
def test_a_participants_export_with_names_asks_first_and_is_registered(qtbot, tmp_path, answer):
    store = open_store(tmp_path / "profil")
    youth = add_youth(store)
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = ExportDialog(store, functools.partial(tasks.run_in_background, parent), parent)
    qtbot.addWidget(dialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("participant"))
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("csv"))
    dialog.include_names.setChecked(True)
    dialog.path_edit.setText(str(tmp_path / "jeunes.csv"))

    button = QMessageBox.StandardButton.Yes if answer == "yes" else QMessageBox.StandardButton.No
    _answer_box(button)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)

    if answer == "no":
        assert "annulée" in dialog.summary.text()
        assert not (tmp_path / "jeunes.csv").exists()
        assert store.count("access_log") == 0
    else:
        qtbot.waitUntil(lambda: dialog.task is not None and dialog.task.done, timeout=60000)
        assert NAMES[1] in (tmp_path / "jeunes.csv").read_text(encoding="utf-8-sig")
        (entry,) = store.find("access_log")
        assert entry["action"] == "export_participants"
        assert entry["participant_ids"] == [youth["id"]]
    store.close()
