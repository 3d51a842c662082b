"""Reports in the real window (offscreen): menu, parameter dialog, generation off the GUI thread,
QtPdf preview, saving, and printing through QPrinter to a PDF printer."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtPrintSupport import QPrinter
from reportlab.lib.pagesizes import A4, LETTER

from coordinator_app.ui import errors, tasks
from coordinator_app.ui.reports_actions import (
    ReportRequest,
    print_document,
)
from tests.reports.conftest import pdf_text

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
    win.close()
    win.store.close()


def preview_text(preview) -> str:
    document = preview.document
    raw = " ".join(document.getAllText(i).text() for i in range(document.pageCount()))
    return " ".join(raw.replace("\u00a0", " ").split())


def wait_preview(qtbot, window, count: int = 1):
    qtbot.waitUntil(lambda: len(window.reports.previews) >= count, timeout=20000)
    return window.reports.previews[-1]


def printed(path: Path, preview, *, a4: bool = False) -> PdfReader:
    printer = preview.printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    assert print_document(preview.document, printer, dpi=100) == preview.document.pageCount()
    return PdfReader(str(path))


def test_reports_menu_lists_the_four_reports(window):
    texts = [a.text().replace("&", "") for a in window.menu_reports.actions()]
    assert texts[:4] == [
        "Fiche de projet…",
        "Compte rendu de visite…",
        "Bilan régional…",
        "Bilan annuel…",
    ]
    assert window.menu_reports.menuAction().isVisible()


def test_visit_report_from_the_menu_then_save_and_print(qtbot, window, sample, tmp_path: Path):
    window.reports.actions["visite"].trigger()
    dialog = window.reports.dialogs[-1]
    dialog.visit.setCurrentIndex(dialog.visit.findData(sample["visit"]))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    preview = wait_preview(qtbot, window)
    assert preview.isVisible()
    text = preview_text(preview)
    assert "Visite sur place le 26 novembre 2026, 14 h 30" in text
    assert "Envoyer le budget révisé" in text

    saved = preview.save_to(tmp_path / "visite.pdf")
    assert "Centre communautaire de Limoilou" in pdf_text(saved)

    reader = printed(tmp_path / "imprime.pdf", preview)
    assert len(reader.pages) == preview.document.pageCount()
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (round(LETTER[0]), round(LETTER[1]))


def test_regional_summary_with_its_parameters_in_a4(qtbot, window, tmp_path: Path):
    dialog = window.reports.ask("bilan-regional")
    dialog.region.setCurrentIndex(dialog.region.findData("03"))
    dialog.start.setDate(QDate(2026, 1, 1))
    dialog.end.setDate(QDate(2026, 12, 31))
    dialog.page_size.setCurrentIndex(dialog.page_size.findData("a4"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    preview = wait_preview(qtbot, window)
    text = preview_text(preview)
    assert "Bilan régional — Capitale-Nationale (03)" in text
    assert "37" in text and "jeunes rejoints" in text
    reader = printed(tmp_path / "a4.pdf", preview, a4=True)
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (round(A4[0]), round(A4[1]))


def test_project_sheet_button_entry_point_and_names_option(qtbot, window, sample):
    dialog = window.reports.ask("fiche-projet")
    dialog.project.setCurrentIndex(dialog.project.findData(sample["ciec"]))
    dialog.with_names.setChecked(True)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    named = preview_text(wait_preview(qtbot, window))
    assert "Léa Gagnon" in named
    window.reports.project_sheet(sample["ciec"])
    plain = preview_text(wait_preview(qtbot, window, 2))
    assert "CIEC de Limoilou" in plain and "Gagnon" not in plain


def test_an_unknown_record_is_reported_in_french_without_a_preview(qtbot, window):
    task = window.reports.generate(ReportRequest("fiche-projet", {"project_id": "inconnu"}))
    qtbot.waitUntil(lambda: task.done, timeout=20000)
    assert window.reports.previews == []
    assert any("Projet introuvable : inconnu" in box.text() for box in errors.open_dialogs)


def test_visit_selected_in_the_list_is_the_one_offered(qtbot, window, sample):
    window.show_page("visits")
    page = window.visits_page
    qtbot.waitUntil(lambda: not page.model.loading and page.model.rowCount() == 2, timeout=20000)
    for row in range(page.model.rowCount()):
        page.view.selectRow(row)
        if page.current_record_id() == sample["visit"]:
            break
    assert window.current_visit_id() == sample["visit"]
    dialog = window.reports.ask("visite")
    assert dialog.visit.currentData() == sample["visit"]
    assert "Centre communautaire de Limoilou" in dialog.visit.currentText()
    dialog.reject()


def test_print_button_goes_through_the_print_dialog(qtbot, window, sample, tmp_path, monkeypatch):
    from PySide6.QtCore import QTimer
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QApplication

    window.reports.visit_report(sample["visit"])
    preview = wait_preview(qtbot, window)
    target = tmp_path / "imprimante.pdf"
    make_printer = preview.printer

    def printer_to_file():
        printer = make_printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return printer

    monkeypatch.setattr(preview, "printer", printer_to_file)
    seen = []

    def accept_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append(dialog)
        dialog.accept()

    QTimer.singleShot(200, accept_dialog)
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert isinstance(seen[0], QPrintDialog)
    assert seen[0].windowTitle() == "Imprimer le rapport"
    assert len(PdfReader(str(target)).pages) == preview.document.pageCount()


def test_save_button_writes_the_pdf_where_the_user_chose(qtbot, window, sample, tmp_path):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

    window.reports.project_sheet(sample["farm"])
    preview = wait_preview(qtbot, window)
    target = tmp_path / "fiche-ferme"  # « .pdf » is added when the user leaves it out

    seen = []

    def choose_file() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append(type(dialog))
        dialog.setDirectory(str(tmp_path))
        dialog.findChild(QLineEdit, "fileNameEdit").setText(target.name)  # what the user types
        dialog.accept()

    QTimer.singleShot(300, choose_file)
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    assert seen == [QFileDialog]
    written = tmp_path / "fiche-ferme.pdf"
    assert "Ferme coopérative du Rang 4" in pdf_text(written)
    assert preview.pages_label.text() == f"Enregistré : {written}"
