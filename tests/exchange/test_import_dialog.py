"""Import and export in the window (offscreen): the menu entries, the preview, the problem table,
« Vérifier » then « Importer » off the GUI thread with progress, and the export dialog."""

from __future__ import annotations

import functools
import os
from pathlib import Path

import openpyxl
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from coordinator_app.store import Store
from coordinator_app.ui import tasks
from coordinator_app.ui.import_export_actions import ExportDialog, ImportDialog
from tests.exchange.conftest import journal_count, write_csv

pytestmark = pytest.mark.gui

HEADER = "Nom du projet;Programme;Région;Année;Chiffre d'affaires;Date de début"


@pytest.fixture
def parent(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def runner(parent: QWidget):
    return functools.partial(tasks.run_in_background, parent)


def wait_task(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: dialog.task is not None and dialog.task.done, timeout=60000)


def choose(qtbot, dialog, path, kind=None) -> None:
    """Choose a file as the user does, and wait for its preview (read off the GUI thread)."""
    dialog.set_file(path, kind)
    qtbot.waitUntil(
        lambda: dialog.preview_task is not None and dialog.preview_task.done, timeout=60000
    )


def cell(view, row: int, column: int) -> str:
    return view.model().index(row, column).data()


def test_window_file_menu_has_import_and_export(qtbot, store: Store) -> None:
    from coordinator_app.ui import create_main_window

    data_dir = store.data_dir
    store.close()
    window = create_main_window(data_dir)
    qtbot.addWidget(window)
    try:
        texts = [a.text() for a in window.menu_file.actions()]
        assert "&Importer…" in texts and "E&xporter…" in texts
        assert texts.index("&Importer…") < texts.index("&Quitter")
        window.import_export.action_import.trigger()
        assert isinstance(window.import_export.dialog, ImportDialog)
        window.import_export.dialog.reject()
        window.import_export.action_export.trigger()
        assert isinstance(window.import_export.dialog, ExportDialog)
        window.import_export.dialog.reject()
    finally:
        qtbot.waitUntil(lambda: tasks.running_tasks() == 0, timeout=20000)
        window.close()
        window.store.close()


def test_preview_check_fix_and_import(qtbot, parent: QWidget, store: Store, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "projets.csv",
        [
            HEADER,
            "CIEC de Rimouski;CIEC;01;2026;1 234,56 $;26/06/2026",
            "CIEC de Gaspé;CIEC;Gaspesie-Iles;2026;;2026-06-20",
            "CIEC de Matane;CIEC;01;2026;mille;2026-06-31",
        ],
        encoding="cp1252",
    )
    imported = []
    dialog = ImportDialog(store, runner(parent), parent, on_imported=imported.append)
    qtbot.addWidget(dialog)
    choose(qtbot, dialog, path, "project")

    assert dialog.preview.rowCount() == 3
    headers = [
        dialog.preview.horizontalHeaderItem(c).text() for c in range(dialog.preview.columnCount())
    ]
    assert headers[:3] == ["Ligne", "Nom du projet", "Programme"]
    assert dialog.preview.item(1, 1).text() == "CIEC de Gaspé"
    assert "Windows-1252" in dialog.notes.text()
    assert not dialog.import_button.isEnabled()

    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    wait_task(qtbot, dialog)
    rows = [
        [cell(dialog.problems, r, c) for c in range(4)]
        for r in range(dialog.problem_model.rowCount())
    ]
    assert rows[0][:3] == ["3", "Région", "Gaspesie-Iles"]
    assert rows[0][3].startswith("une région du Québec est attendue")
    assert [r[:3] for r in rows[1:]] == [
        ["4", "Chiffre d'affaires", "mille"],  # in the file's column order
        ["4", "Date de début", "2026-06-31"],
    ]
    assert "rien n'a été importé" in dialog.summary.text()
    assert not dialog.import_button.isEnabled() and store.count("project") == 0

    path.write_bytes(
        path.read_bytes()
        .replace(b"Gaspesie-Iles", b"11")
        .replace(b"mille;2026-06-31", b"900;2026-06-30")
    )
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    wait_task(qtbot, dialog)
    assert dialog.problem_model.rowCount() == 0
    assert dialog.summary.text().startswith("Essai : 3 lignes lues (projets) — 3 à créer")
    assert dialog.import_button.isEnabled() and store.count("project") == 0

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    wait_task(qtbot, dialog)
    assert dialog.summary.text().startswith("3 lignes importées (projets) : 3 créées")
    assert store.count("project") == 3 and journal_count(store) == 3
    assert len(imported) == 1 and imported[0].written

    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)  # the same file again
    wait_task(qtbot, dialog)
    model = dialog.problem_model
    assert dialog.problems_title.text() == "Lignes qui correspondent à des éléments existants"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Trouvé par"
    assert [cell(dialog.problems, 0, c) for c in range(4)] == [
        "2", "même nom du projet, région et année", "CIEC de Rimouski", "inchangé",
    ]  # fmt: skip
    assert model.rowCount() == 3


def test_kind_is_guessed_from_headers_and_unreadable_file_is_explained(
    qtbot, parent: QWidget, store: Store, tmp_path: Path
) -> None:
    dialog = ImportDialog(store, runner(parent), parent)
    qtbot.addWidget(dialog)
    visits = write_csv(
        tmp_path / "visites.csv",
        ["Projet;Date de la visite;Type de visite;Lieu", "x;2026-07-01 14:00;Sur place;Local"],
    )
    choose(qtbot, dialog, visits, "project")
    assert dialog.kind == "visit"
    binary = tmp_path / "photo.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" * 50)
    choose(qtbot, dialog, binary)
    assert "n'est pas un fichier texte CSV" in dialog.summary.text()
    assert dialog.preview.rowCount() == 0


def test_large_file_reports_progress_and_imports(
    qtbot, parent: QWidget, store: Store, tmp_path: Path
) -> None:
    lines = ["Thème;Date;Format;Région"] + [
        f"Atelier {n};2026-02-{n % 28 + 1:02d};Webinaire;Estrie" for n in range(3000)
    ]
    path = write_csv(tmp_path / "ateliers.csv", lines)
    dialog = ImportDialog(store, runner(parent), parent)
    qtbot.addWidget(dialog)
    choose(qtbot, dialog, path, "workshop")
    dialog.check()
    seen: list[tuple[int, int]] = []
    dialog.task.progressed.connect(lambda done, total, _text: seen.append((done, total)))
    wait_task(qtbot, dialog)
    assert dialog.import_button.isEnabled()
    assert seen and seen[-1] == (3000, 3000)
    dialog.run_import()
    wait_task(qtbot, dialog)
    assert store.count("workshop") == 3000


def test_export_dialog_writes_xlsx_without_names_by_default(
    qtbot, parent: QWidget, store: Store, tmp_path: Path
) -> None:
    project = store.create(
        "project",
        {"name": "CIEC de Québec", "program": "CIEC", "region_code": "03", "season_year": 2026},
    )
    store.create(
        "participant",
        {
            "project_id": project["id"],
            "first_name": "Léa",
            "last_name": "Gagnon",
            "birth_date": "2009-03-02",
        },
    )
    dialog = ExportDialog(store, runner(parent), parent)
    qtbot.addWidget(dialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("participant"))
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("xlsx"))
    assert dialog.include_names.isEnabled() and not dialog.include_names.isChecked()
    target = tmp_path / "jeunes"
    dialog.path_edit.setText(str(target))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    wait_task(qtbot, dialog)
    written = tmp_path / "jeunes.xlsx"
    assert "1 enregistrement exporté" in dialog.summary.text()
    header = [c.value for c in next(openpyxl.load_workbook(written).active.iter_rows(max_row=1))]
    assert "Prénom" not in header and "Projet" in header

    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("workshop"))
    assert not dialog.include_names.isEnabled()


def test_closing_during_a_check_cancels_it_quietly(
    qtbot, parent: QWidget, store: Store, tmp_path: Path
) -> None:
    lines = ["Thème;Date;Format;Région"] + [
        f"Atelier {n};2026-02-01;Atelier;05" for n in range(5000)
    ]
    path = write_csv(tmp_path / "ateliers.csv", lines)
    dialog = ImportDialog(store, runner(parent), parent)
    qtbot.addWidget(dialog)
    choose(qtbot, dialog, path, "workshop")
    dialog.check()
    task = dialog.task
    dialog.reject()
    qtbot.waitUntil(lambda: task.done, timeout=60000)
    assert task.cancelled and task.error is None
    report = task.result.report  # the operation's result: the report and the kinds changed
    assert report.cancelled and not report.written
    assert store.count("workshop") == 0
