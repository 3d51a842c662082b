"""Progress on a workbook knows the number of rows from the start, with or without the sheet's
``<dimension>`` (openpyxl's write-only exports, ours included, have none), and a workbook with a
title above the header and a chart sheet still imports."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
from openpyxl.chart import BarChart, Reference

from coordinator_app.exchange.importer import import_file
from coordinator_app.store import Store
from tests.exchange.conftest import journal_count

ROWS = 1_200


def workshops(path: Path, *, write_only: bool) -> Path:
    workbook = openpyxl.Workbook(write_only=write_only)
    sheet = workbook.create_sheet("Ateliers") if write_only else workbook.active
    sheet.append(["Ateliers 2026 de la région"])  # a title above the header
    sheet.append(["Thème", "Date", "Format", "Région", "Participation"])
    for n in range(ROWS):
        sheet.append([f"Atelier {n}", f"{n % 28 + 1:02d}/03/2026", "Atelier", "03", n % 40])
    if not write_only:
        chart = BarChart()
        chart.add_data(Reference(sheet, min_col=5, min_row=2, max_row=20), titles_from_data=True)
        workbook.create_chartsheet("Graphique").add_chart(chart)
    workbook.save(path)
    return path


def test_progress_total_is_the_number_of_rows_without_a_dimension(store: Store, tmp_path: Path):
    path = workshops(tmp_path / "ateliers.xlsx", write_only=True)
    with zipfile.ZipFile(path) as archive:
        assert b"<dimension" not in archive.read("xl/worksheets/sheet1.xml")
    seen: list[tuple[int, int]] = []
    before = journal_count(store)

    report = import_file(store, path, "workshop", progress=lambda d, t: seen.append((d, t)))

    assert report.ok and report.created == ROWS, report.problems[:3]
    assert seen[0] == (250, ROWS) and seen[-1] == (ROWS, ROWS)
    assert journal_count(store) - before == ROWS


def test_a_workbook_with_a_chart_sheet_imports_its_worksheet(store: Store, tmp_path: Path):
    path = workshops(tmp_path / "ateliers-graphique.xlsx", write_only=False)
    seen: list[tuple[int, int]] = []

    report = import_file(store, path, "workshop", progress=lambda d, t: seen.append((d, t)))

    assert report.ok and report.created == ROWS, report.problems[:3]
    assert seen[0] == (250, ROWS)
    assert store.count("workshop") == ROWS
