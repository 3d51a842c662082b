"""XLSX files as coordinators have them: titles and merged headers, hidden sheets, formulas, Excel
serial dates, thousands of formatted but empty rows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from coordinator_app.domain.errors import UserError
from coordinator_app.exchange.importer import import_file
from coordinator_app.store import Store
from tests.exchange.conftest import set_cached_value, write_xlsx


def test_merged_title_and_header_rows_with_row_numbers_as_excel_shows(
    store: Store, tmp_path: Path
) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet["A1"] = "Liste des projets CIEC — été 2026"
    sheet.merge_cells("A1:E1")
    sheet["A2"] = "Identification"
    sheet.merge_cells("A2:C2")
    sheet["D2"] = "Saison"
    sheet.merge_cells("D2:E2")
    # « Région » is merged vertically over rows 2–3: Excel keeps its text in F2 only.
    sheet["F2"] = "Région"
    sheet.merge_cells("F2:F3")
    for column, text in zip(
        "ABCDE",
        ["Nom du projet", "Programme", "Municipalité", "Année", "Nombre de jeunes"],
        strict=True,
    ):
        sheet[f"{column}3"] = text
    sheet.append(["CIEC de Rimouski", "CIEC", "Rimouski", 2026, 12, "Bas-Saint-Laurent"])
    sheet.append(["CIEC de Matane", "CIEC", "Matane", 2026, "douze", "01"])
    path = tmp_path / "projets.xlsx"
    workbook.save(path)

    report = import_file(store, path, "project")
    assert [str(p) for p in report.problems] == [
        "Ligne 5, colonne « Nombre de jeunes », valeur « douze » : "
        "un nombre entier est attendu, par exemple 12"
    ]
    sheet["E5"] = 9
    workbook.save(path)
    report = import_file(store, path, "project")
    assert report.ok, report.problems
    projects = {p["name"]: p for p in store.find("project")}
    assert projects["CIEC de Rimouski"]["region_code"] == "01"
    assert projects["CIEC de Matane"]["youth_count"] == 9


def test_formula_cell_uses_the_value_excel_saved_and_hidden_sheet_is_skipped(
    store: Store, tmp_path: Path
) -> None:
    workbook = openpyxl.Workbook()
    hidden = workbook.active
    hidden.title = "Brouillon"
    hidden.append(["Nom du projet", "Programme", "Région", "Année"])
    hidden.append(["Projet caché", "CIEC", "01", 2026])
    hidden.sheet_state = "hidden"
    sheet = workbook.create_sheet("Projets 2026")
    sheet.append(["Nom du projet", "Programme", "Région", "Année", "Nombre de jeunes"])
    sheet.append(["CIEC de Rimouski", "CIEC", "01", 2026, "=5+7"])
    path = tmp_path / "classeur.xlsx"
    workbook.save(path)
    set_cached_value(path, "5+7", "12")

    report = import_file(store, path, "project")
    assert report.ok, report.problems
    assert [p["name"] for p in store.find("project")] == ["CIEC de Rimouski"]
    assert store.find("project")[0]["youth_count"] == 12
    assert "Feuille importée : « Projets 2026 »" in report.notes[0]
    assert "Feuilles ignorées : « Brouillon » (masquée)." in report.notes
    assert any("formules" in note and "valeurs calculées" in note for note in report.notes)


def test_formula_without_a_saved_value_is_reported_not_imported_empty(
    store: Store, tmp_path: Path
) -> None:
    path = write_xlsx(
        tmp_path / "genere.xlsx",
        [
            ["Nom du projet", "Programme", "Région", "Année", "Nombre de jeunes"],
            ["A", "CIEC", "01", 2026, "=B9*2"],
        ],
    )
    report = import_file(store, path, "project")
    assert len(report.problems) == 1
    problem = report.problems[0]
    assert (problem.line, problem.column, problem.value) == (2, "Nombre de jeunes", "=B9*2")
    assert "n'a pas de valeur calculée" in problem.message
    assert store.count("project") == 0


def test_excel_serial_dates_and_date_cells(store: Store, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "projets.xlsx",
        [
            ["Nom du projet", "Programme", "Région", "Année", "Date de début", "Date de fin"],
            ["CIEC de Rimouski", "CIEC", "01", 2026, 46199, dt.datetime(2026, 8, 14)],
        ],
    )
    assert import_file(store, path, "project").ok
    project = store.find("project")[0]
    assert (project["start_date"], project["end_date"]) == ("2026-06-26", "2026-08-14")


def test_thousands_of_formatted_empty_rows_are_ignored(store: Store, tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Nom du projet", "Programme", "Région", "Année"])
    sheet.append(["CIEC de Rimouski", "CIEC", "01", 2026])
    sheet.append(["CIEC de Matane", "CIEC", "01", 2026])
    for row in range(4, 3000):
        sheet.cell(row=row, column=1).number_format = "@"
        sheet.cell(row=row, column=2, value="")
    path = tmp_path / "projets.xlsx"
    workbook.save(path)
    report = import_file(store, path, "project")
    assert report.ok and report.rows == 2 and report.created == 2


def test_excel_error_cell_is_reported(store: Store, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "p.xlsx",
        [["Nom du projet", "Programme", "Région", "Année"], ["A", "CIEC", "#N/A", 2026]],
    )
    report = import_file(store, path, "project")
    assert [str(p) for p in report.problems] == [
        "Ligne 2, colonne « Région », valeur « #N/A » : la cellule contient une erreur Excel ; "
        "corrigez la formule"
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "est vide"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "abîmé"),
        (b"PK\x03\x04 truncated", "abîmé ou n'est pas un classeur lisible"),
        (b"GIF89a\x01\x00\x01\x00\x00\x00\x00", "n'est pas un fichier texte CSV"),
    ],
)
def test_unreadable_workbooks_are_refused(
    store: Store, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "projets.xlsx"
    path.write_bytes(content)
    with pytest.raises(UserError, match=message):
        import_file(store, path, "project")


def test_a_coordinators_list_with_title_total_row_and_short_region_names(
    store: Store, tmp_path: Path
) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet["A1"] = "Suivi des CIEC — Gaspésie, été 2026"
    sheet.merge_cells("A1:F1")
    sheet.append([])
    sheet.append(["Nom du projet", "Programme", "Région", "Année", "Revenus", "Fin"])
    sheet.append(["CIEC de Gaspé", "CIEC", "Gaspésie", 2026, "980 $", dt.date(2026, 8, 20)])
    sheet.append(
        ["CIEC des Îles", "CIEC", "Îles-de-la-Madeleine", 2026, 1200, dt.date(2026, 6, 30)]
    )
    sheet.append([None, None, None, "Total", "=SUM(E4:E5)", None])
    sheet["F5"] = dt.datetime(2026, 6, 30)
    sheet.append(["CIEC de Chandler", "CIEC", "11", 2026, None, dt.date(2026, 8, 14)])
    path = tmp_path / "projets.xlsx"
    workbook.save(path)
    sheet.delete_rows(7)  # keep the total as the last line, as people do
    workbook.save(path)

    report = import_file(store, path, "project")
    assert report.ok, report.problems
    assert report.summary().startswith("2 lignes importées (projets) : 2 créées")
    assert "1 ligne de total ignorée (ligne 6)." in report.notes
    assert {p["region_code"] for p in store.find("project")} == {"11"}
    revenues = {p["name"]: p["revenue"] for p in store.find("project")}
    assert revenues == {"CIEC de Gaspé": 98000, "CIEC des Îles": 120000}  # a whole number: dollars
