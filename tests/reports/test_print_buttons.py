"""« Imprimer… » on the project page and in the visit editor: the report of what is on screen,
generated off the GUI thread and shown in the preview, with no network involved."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from coordinator_app.ui import errors, tasks

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, store, sample):
    from coordinator_app.ui import create_main_window

    win = create_main_window(store.data_dir)
    qtbot.addWidget(win)
    win.show()
    yield win
    qtbot.waitUntil(lambda: tasks.running_tasks() == 0, timeout=20000)
    for box in list(errors.open_dialogs):
        box.close()
    for preview in list(win.reports.previews):
        preview.close()
    win.close()
    win.store.close()


def button(widget, text: str) -> QPushButton:
    [found] = [b for b in widget.findChildren(QPushButton) if b.text() == text]
    return found


def preview_text(preview) -> str:
    document = preview.document
    raw = " ".join(document.getAllText(i).text() for i in range(document.pageCount()))
    return " ".join(raw.replace("\u00a0", " ").split())


def test_project_page_prints_its_project_sheet(qtbot, window, store, sample):
    window.open_record("project", sample["ciec"])
    dialog = window.forms.dialogs[-1]
    qtbot.mouseClick(button(dialog, "Imprimer la fiche du projet…"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(window.reports.previews) == 1, timeout=20000)
    text = preview_text(window.reports.previews[-1])
    assert "Fiche de projet" in text
    assert store.require("project", sample["ciec"])["name"] in text


def test_an_open_visit_prints_its_report_and_a_new_one_has_no_button_yet(qtbot, window, sample):
    window.open_record("visit", sample["visit"])
    editor = window.forms.dialogs[-1].editor
    qtbot.mouseClick(button(editor, "Imprimer le compte rendu…"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(window.reports.previews) == 1, timeout=20000)
    assert "Compte rendu de visite" in preview_text(window.reports.previews[-1])
    new = window.forms.open_visit(project_id=sample["ciec"])
    assert not [
        b for b in new.editor.findChildren(QPushButton) if b.text() == "Imprimer le compte rendu…"
    ]
