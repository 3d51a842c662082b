"""In the window: a project sheet saved or printed with participants' names goes to the register
of communications; the preview alone, or a sheet without names, does not."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from coordinator_app.store import open_store
from coordinator_app.ui import errors, tasks
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
