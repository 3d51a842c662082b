"""Each case of issue 15, as a user met it: crashes that must be problems, wrong reads that must be
refused or explained, messages that must be French and say what and where."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from coordinator_app.domain.errors import UserError
from coordinator_app.exchange.exporter import export_records
from coordinator_app.exchange.importer import import_file
from coordinator_app.store import Store
from tests.exchange.conftest import add_references, journal_count, write_csv, write_ods, write_xlsx

REAL = Path("/work/shared/realfiles/inputs")
WORKSHOP_HEADER = ["Thème", "Date", "Format", "Région", "Participation"]


def _patch_xlsx(path: Path, member: str, old: bytes, new: bytes) -> None:
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    assert old in members[member], members[member][:400]
    members[member] = members[member].replace(old, new)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def _messages(report) -> list[str]:
    return [str(p) for p in report.problems]


# -- crashes that are now line-numbered problems ---------------------------------------------------
def test_a_date_cell_holding_only_a_time_is_a_problem(store: Store, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "a.xlsx",
        [WORKSHOP_HEADER, ["Gouvernance", "placeholder", "Atelier", "03", 12]],
        title="Ateliers",
    )
    _patch_xlsx(
        path,
        "xl/worksheets/sheet1.xml",
        b'<c r="B2" t="inlineStr"><is><t>placeholder</t></is></c>',
        b'<c r="B2" t="d"><v>10:10:10</v></c>',
    )
    report = import_file(store, path, "workshop")
    assert _messages(report) == [
        "Ligne 2, colonne « Date », valeur « 10:10:10 » : la cellule contient une heure seule, "
        "sans date : une date est attendue, par exemple 2026-11-26"
    ]


def test_a_style_table_shorter_than_the_cells_style_indexes_still_imports(
    store: Store, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    path = write_xlsx(
        tmp_path / "a.xlsx",
        [WORKSHOP_HEADER, ["Gouvernance", dt.date(2026, 3, 5), "Atelier", "03", 12]],
    )
    _patch_xlsx(path, "xl/worksheets/sheet1.xml", b'<c r="E2" t="n">', b'<c r="E2" s="57" t="n">')
    report = import_file(store, path, "workshop")
    assert report.ok and report.created == 1, _messages(report)
    assert capfd.readouterr().out == ""  # no library's « 0 is out of range » on standard output


def test_a_date_typed_as_the_number_20260605_is_a_problem(store: Store, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "a.xlsx", [WORKSHOP_HEADER, ["Gouvernance", 20260605, "Atelier", "03", 12]]
    )
    assert _messages(import_file(store, path, "workshop")) == [
        "Ligne 2, colonne « Date », valeur « 20260605 » : 20260605 est un nombre, pas une date : "
        "écrivez 2026-06-05"
    ]


@pytest.mark.parametrize("amount", ["8E467", "1E+20", 1e20, "99999999999999999999999"])
def test_huge_amounts_are_problems_and_nothing_is_written(
    store: Store, tmp_path: Path, amount: object
) -> None:
    add_references(store)
    path = write_xlsx(
        tmp_path / "p.xlsx",
        [
            ["Nom du projet", "Programme", "Région", "Année", "Chiffre d'affaires"],
            ["CIEC de Rimouski", "CIEC", "01", 2026, amount],
        ],
    )
    before = journal_count(store)
    report = import_file(store, path, "project")
    assert [(p.line, p.column) for p in report.problems] == [(2, "Chiffre d'affaires")]
    assert report.problems[0].message == "montant trop grand : au plus 10 000 000,00 $"
    assert journal_count(store) == before


def test_dates_outside_1900_2100_counts_and_booleans_are_problems(store: Store, tmp_path: Path):
    path = write_xlsx(
        tmp_path / "a.xlsx",
        [
            WORKSHOP_HEADER,
            ["A", "1752-09-14", "Atelier", "03", 12],
            ["B", "2026-03-01", "Atelier", "03", True],
            ["C", "2026-03-02", "Atelier", "03", "1E+12"],
            ["D", 99999, "Atelier", "03", 1],
        ],
    )
    assert [(p.line, p.column, p.value) for p in import_file(store, path, "workshop").problems] == [
        (2, "Date", "1752-09-14"),
        (3, "Participation", "VRAI"),
        (4, "Participation", "1E+12"),
        (5, "Date", "99999"),
    ]


# -- wrong reads ----------------------------------------------------------------------------------
def test_a_sheets_own_numbering_never_overwrites_records(store: Store, tmp_path: Path) -> None:
    header = "ID;Thème;Date;Format;Région"
    first = write_csv(
        tmp_path / "liste1.csv",
        [header] + [f"{n};Atelier A{n};2026-03-0{n};Atelier;03" for n in range(1, 5)],
    )
    second = write_csv(
        tmp_path / "liste2.csv",
        [header] + [f"{n};Atelier B{n};2026-04-0{n};Webinaire;05" for n in range(1, 5)],
    )
    assert import_file(store, first, "workshop").created == 4
    report = import_file(store, second, "workshop")
    assert report.ok and report.created == 4 and not report.matches
    assert store.count("workshop") == 8
    assert (
        "La colonne « ID » ne contient pas des identifiants de Carnet COOP (par exemple « 1 ») : "
        "elle est ignorée, et les lignes sont reconnues par leur contenu." in report.notes
    )


def test_a_greek_file_is_refused_not_read_as_windows_1252(store: Store, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "grec.csv",
        [
            "Theme;Date;Format;Region",
            "Λεωνίδας;2026-03-01;Atelier;03",
            "Αλέξανδρος;2026-03-02;Atelier;03",
        ],
        encoding="iso-8859-7",
    )
    with pytest.raises(UserError, match="CSV UTF-8") as refused:
        import_file(store, path, "workshop")
    assert "Impossible de reconnaître l'encodage" in str(refused.value)
    real = REAL / "frictionless-py" / "data_table-infer-iso-8859-7.csv"
    with pytest.raises(UserError, match="encodage"):
        import_file(store, real, "workshop")


def test_windows_1252_french_is_still_read(store: Store, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "fr.csv",
        [
            "Thème;Date;Format;Région",
            "Économie sociale et coopératives;2026-03-01;Atelier;Montérégie",
        ],
        encoding="cp1252",
    )
    report = import_file(store, path, "workshop")
    assert report.ok and store.find("workshop")[0]["theme"] == "Économie sociale et coopératives"


def test_a_field_the_rows_program_lacks_is_a_problem(store: Store, tmp_path: Path) -> None:
    add_references(store)
    path = write_csv(
        tmp_path / "p.csv",
        [
            "Nom du projet;Programme;Région;Année;École;Revenus",
            "Coop de l'école;Jeune COOP;01;2026;École Paul-Hubert;1200",
        ],
    )
    assert _messages(import_file(store, path, "project")) == [
        "Ligne 2, colonne « Revenus », valeur « 1200 » : le champ « Revenus » ne s'applique pas "
        "aux projets Jeune COOP : videz cette cellule ou corrigez le programme"
    ]


def test_a_file_whose_only_column_is_an_empty_id_is_refused(store: Store, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "x.csv", ["id;Commentaire", ";bonjour", ";salut"])
    report = import_file(store, path, "workshop")
    assert not report.ok
    assert "aucune colonne de données reconnue" in report.problems[0].message


# -- messages -------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["tests_pass_protected.xlsx", "tests_pass_protected.xlsb"])
def test_password_protected_workbooks_are_named_as_such(store: Store, name: str) -> None:
    with pytest.raises(UserError, match="protégé par un mot de passe") as refused:
        import_file(store, REAL / "calamine" / name, "project")
    assert "97-2003" not in str(refused.value)


def test_a_strict_open_xml_workbook_is_read(store: Store, tmp_path: Path) -> None:
    path = REAL / "test_files" / "sheet_visibility_strict.xlsx"
    with pytest.raises(UserError) as refused:
        import_file(store, path, "project")
    # Read: its sheets are seen (the hidden ones skipped); it is refused only for its columns.
    assert "aucune feuille visible" not in str(refused.value)
    assert "Aucune colonne reconnue" in str(refused.value)


def test_an_empty_first_sheet_is_skipped_with_a_note(store: Store, tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    workbook.active.title = "Lisez-moi"
    data = workbook.create_sheet("Ateliers")
    data.append(WORKSHOP_HEADER)
    data.append(["Gouvernance", dt.date(2026, 3, 5), "Atelier", "03", 12])
    workbook.save(tmp_path / "a.xlsx")
    report = import_file(store, tmp_path / "a.xlsx", "workshop")
    assert report.ok and report.created == 1
    assert report.notes[:2] == [
        "Feuille importée : « Ateliers ».",
        "Feuilles ignorées : « Lisez-moi » (vide).",
    ]


def test_ods_from_libreoffice_imports(store: Store, tmp_path: Path) -> None:
    path = write_ods(
        tmp_path / "ateliers.ods",
        [
            ("Lisez-moi", [["Liste des ateliers 2026"]]),
            (
                "Ateliers",
                [WORKSHOP_HEADER, ["Gouvernance", dt.date(2026, 3, 5), "Webinaire", "Estrie", 40]],
            ),
        ],
    )
    report = import_file(store, path, "workshop")
    assert report.ok and report.created == 1, _messages(report)
    assert store.find("workshop")[0]["held_on"] == "2026-03-05"


@pytest.mark.parametrize(
    ("path", "words"),
    [
        (REAL / "test_files" / "Attendance.numbers", "document Numbers"),
        (REAL / "test_files" / "LO7322.fods", "« Classeur ODF (.ods) »"),
    ],
)
def test_unsupported_formats_are_explained_in_french(store: Store, path: Path, words: str) -> None:
    with pytest.raises(UserError, match=re.escape(words)):
        import_file(store, path, "project")


def test_no_python_repr_in_messages(store: Store, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "a.xlsx",
        [
            ["Thème", "Date", "Format", "Région", "#N/A"],
            ["Gouvernance", dt.datetime(2021, 1, 1), False, "03", None],
        ],
    )  # openpyxl writes « #N/A » as an error cell
    report = import_file(store, path, "workshop")
    text = " ".join(_messages(report) + report.notes)
    assert "BadCell" not in text and "00:00:00" not in text and "False" not in text
    assert "Ligne 2, colonne « Format », valeur « FAUX »" in text


def test_an_ambiguous_name_in_a_list_cell_says_which_name_and_lists_candidates(
    store: Store, tmp_path: Path
) -> None:
    for email in ("julie@cqcm.coop", "julie.t@cdr.coop"):
        store.create("coordinator", {"name": "Julie Tremblay", "email": email})
    store.create("coordinator", {"name": "Marc Roy"})
    header = "Nom du projet;Programme;Région;Année;Coordonnateurs"
    path = write_csv(
        tmp_path / "p.csv", [header, "CIEC de Rimouski;CIEC;01;2026;Marc Roy; Julie Tremblay"]
    )
    path.write_text(
        f'{header}\r\nCIEC de Rimouski;CIEC;01;2026;"Marc Roy; Julie Tremblay"\r\n',
        encoding="utf-8",
    )
    assert _messages(import_file(store, path, "project")) == [
        "Ligne 2, colonne « Coordonnateurs », valeur « Marc Roy; Julie Tremblay » : "
        "2 coordonnateurs portent le nom « Julie Tremblay » : « Julie Tremblay (julie@cqcm.coop) » ; "
        "« Julie Tremblay (julie.t@cdr.coop) » ; écrivez plutôt l'un de ces libellés"
    ]
    path.write_text(
        f'{header}\r\nCIEC de Rimouski;CIEC;01;2026;"Marc Roy; Julie Tremblay (julie@cqcm.coop)"\r\n',
        encoding="utf-8",
    )
    assert import_file(store, path, "project").ok


@pytest.mark.parametrize(("homonyms", "more"), [(6, "et 1 autre ;"), (7, "et 2 autres ;")])
def test_more_candidates_than_shown_are_counted_in_real_french(
    store: Store, tmp_path: Path, homonyms: int, more: str
) -> None:
    for n in range(homonyms):
        store.create("coordinator", {"name": "Julie Tremblay", "email": f"julie{n}@cqcm.coop"})
    path = tmp_path / "p.csv"
    path.write_text(
        "Nom du projet;Programme;Région;Année;Coordonnateurs\r\n"
        "CIEC de Rimouski;CIEC;01;2026;Julie Tremblay\r\n",
        encoding="utf-8",
    )
    (message,) = _messages(import_file(store, path, "project"))
    assert f"{homonyms} coordonnateurs portent le nom" in message
    assert more in message and "(s)" not in message


def test_a_participants_export_without_names_is_one_line_per_missing_column(
    store: Store, empty_store: Store, tmp_path: Path
) -> None:
    project = store.create(
        "project",
        {"name": "CIEC de Rimouski", "program": "CIEC", "region_code": "01", "season_year": 2026},
    )
    for n in range(30):
        store.create(
            "participant",
            {
                "project_id": project["id"],
                "first_name": f"Jeune{n}",
                "last_name": "Roy",
                "birth_date": "2009-01-01",
            },
        )
    empty_store.create(
        "project",
        {"name": "CIEC de Rimouski", "program": "CIEC", "region_code": "01", "season_year": 2026},
    )
    path = tmp_path / "jeunes.xlsx"
    export_records(store, "participant", path)  # without names (Law 25 default)
    report = import_file(empty_store, path, "participant")
    assert [p.column for p in report.problems] == ["Prénom", "Nom", "Date de naissance"]
    assert all(p.line == 1 for p in report.problems)
    assert "30 lignes créeraient un élément" in report.problems[0].message
    assert "Inclure les noms" in report.problems[0].message


def test_a_total_row_under_the_project_names_is_skipped_with_a_note(store: Store, tmp_path: Path):
    path = write_xlsx(
        tmp_path / "p.xlsx",
        [
            ["Nom du projet", "Programme", "Région", "Année", "Nombre de jeunes"],
            ["CIEC de Gaspé", "CIEC", "11", 2026, 12],
            ["CIEC de Matane", "CIEC", "01", 2026, 10],
            ["Total", None, None, None, 22],
        ],
    )
    report = import_file(store, path, "project")
    assert report.ok and report.created == 2, _messages(report)
    assert "1 ligne de total ignorée (ligne 4)." in report.notes


def test_headers_in_a_coordinators_own_words_are_recognised(store: Store, tmp_path: Path) -> None:
    store.create("coordinator", {"name": "Julie Tremblay"})
    path = write_xlsx(
        tmp_path / "p.xlsx",
        [
            ["Nom du projet", "Programme", "Région", "Année", "Coordonnatrice",
             "Début du projet", "Chiffre d'affaires ($)", "Nombre de jeunes inscrits"],
            ["CIEC de Gaspé", "CIEC", "11", 2026, "Julie Tremblay", dt.date(2026, 6, 1), 980.5, 14],
        ],
    )  # fmt: skip
    report = import_file(store, path, "project")
    assert report.ok, _messages(report)
    assert not any("ignorées" in note for note in report.notes)
    project = store.find("project")[0]
    assert (project["start_date"], project["revenue"], project["youth_count"]) == (
        "2026-06-01",
        98050,
        14,
    )
    assert len(project["coordinator_ids"]) == 1


def test_cli_exit_codes_on_nasty_real_files(tmp_path: Path) -> None:
    """The real command: a password, a time-only date column, a streaming writer's workbook."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    for name, kind in (
        ("calamine/tests_pass_protected.xlsx", "projects"),
        ("calamine/tests_issue_594_dos.ods", "workshops"),
        ("messytables/horror_simple.zip", "visits"),
    ):
        result = subprocess.run(
            [sys.executable, "-m", "coordinator_app", "--data-dir", str(tmp_path / "profil"),
             "import", str(REAL / name), "--kind", kind, "--dry-run"],
            capture_output=True, text=True, env=env, timeout=120, check=False,
        )  # fmt: skip
        assert result.returncode == 2, (name, result.stderr)
        assert result.stderr.startswith("Erreur : ") and "Traceback" not in result.stderr


def test_a_json_file_with_an_absurd_amount_is_a_problem_not_a_crash(store: Store, tmp_path: Path):
    add_references(store)
    path = tmp_path / "projets.json"
    path.write_text(
        '{"kind": "project", "records": [{"name": "CIEC de Rimouski", "program": "CIEC", '
        '"region_code": "01", "season_year": 2026, "revenue": 100000000000000000000000}]}',
        encoding="utf-8",
    )
    report = import_file(store, path, "project")
    assert [(p.line, p.column, p.message) for p in report.problems] == [
        (1, "revenue", "montant trop grand : au plus 10 000 000,00 $")
    ]


def test_ods_error_results_and_formulas_without_a_value_are_reported(store: Store, tmp_path: Path):
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document, table = OpenDocumentSpreadsheet(), Table(name="Ateliers")

    def text(value: str) -> TableCell:
        cell = TableCell(valuetype="string")
        cell.addElement(P(text=value))
        return cell

    error = TableCell(formula="of:=1/0")
    error.setAttrNS(
        "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0",
        "value-type",
        "error",
    )
    error.addElement(P(text="#DIV/0!"))
    rows = [
        [text(h) for h in WORKSHOP_HEADER],
        [text("A"), text("2026-03-01"), text("Atelier"), text("03"), error],
        [text("B"), text("2026-03-02"), text("Atelier"), text("03"), TableCell(formula="of:=1+1")],
    ]
    for cells in rows:
        row = TableRow()
        for cell in cells:
            row.addElement(cell)
        table.addElement(row)
    document.spreadsheet.addElement(table)
    document.save(str(tmp_path / "ateliers.ods"))

    report = import_file(store, tmp_path / "ateliers.ods", "workshop")
    assert [(p.line, p.column, p.value) for p in report.problems] == [
        (2, "Participation", "#DIV/0!"),
        (3, "Participation", "=1+1"),
    ]
    assert "erreur de calcul" in report.problems[0].message
