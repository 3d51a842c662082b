"""CSV files as people have them: Excel on French Windows, BOMs, tabs, quoted line breaks, and the
files that must be refused (binary, empty, undecidable encoding) with nothing written."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from coordinator_app.domain.errors import UserError
from coordinator_app.exchange.importer import import_file
from coordinator_app.store import Store
from tests.exchange.conftest import journal_count, write_csv

HEADER = "Nom du projet;Programme;Région;Année;Municipalité;Chiffre d'affaires;Date de début"


def test_windows_1252_with_semicolons_keeps_accents(store: Store, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "projets.csv",
        [
            HEADER,
            "CIEC de Québec;CIEC;Capitale-Nationale;2026;Québec;1 234,56 $;2026-06-26",
            "Coop jeunesse de Saint-Hyacinthe;CIEC;Montérégie;2026;Saint-Hyacinthe;850;26/06/2026",
        ],
        encoding="cp1252",
    )
    report = import_file(store, path, "project")
    assert report.ok, report.problems
    assert "Windows-1252" in report.notes[0] and "point-virgule" in report.notes[0]
    projects = {p["name"]: p for p in store.find("project")}
    assert set(projects) == {"CIEC de Québec", "Coop jeunesse de Saint-Hyacinthe"}
    assert projects["CIEC de Québec"]["municipality"] == "Québec"
    assert projects["CIEC de Québec"]["revenue"] == 123456
    assert projects["Coop jeunesse de Saint-Hyacinthe"]["region_code"] == "16"
    assert projects["Coop jeunesse de Saint-Hyacinthe"]["start_date"] == "2026-06-26"


def test_utf8_bom_with_commas_reads_the_first_header(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "projets.csv"
    path.write_bytes(
        codecs.BOM_UTF8
        + "Nom du projet,Programme,Région,Année\r\nCIEC de Lévis,CIEC,12,2025\r\n".encode()
    )
    report = import_file(store, path, "project")
    assert report.ok, report.problems
    assert report.notes[0].startswith("Encodage : UTF-8 avec BOM ; séparateur : virgule")
    assert store.find("project")[0]["name"] == "CIEC de Lévis"


def test_utf16_tab_separated_unicode_text_from_excel(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "projets.txt"
    text = "Nom du projet\tProgramme\tRégion\tAnnée\r\nCIEC de Sept-Îles\tCIEC\tCôte-Nord\t2026\r\n"
    path.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    report = import_file(store, path, "project")
    assert report.ok, report.problems
    assert "tabulation" in report.notes[0]
    assert store.find("project")[0]["name"] == "CIEC de Sept-Îles"


def test_headers_tolerate_case_accents_and_spacing(store: Store, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "projets.csv",
        [
            "NOM DU PROJET ; programme;REGION;  Annee *;Nombre de jeunes",
            "CIEC d'Alma;CIEC;02;2026;12",
        ],
    )
    report = import_file(store, path, "project")
    assert report.ok, report.problems
    project = store.find("project")[0]
    assert (project["name"], project["region_code"], project["youth_count"]) == (
        "CIEC d'Alma",
        "02",
        12,
    )


def test_quoted_multiline_cells_keep_excel_row_numbers(store: Store, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "projets.csv",
        [
            "Nom du projet;Programme;Région;Année;Notes",
            'CIEC de Matane;CIEC;01;2026;"Première ligne',
            'deuxième ligne; avec point-virgule"',
            "CIEC de Gaspé;CIEC;Gaspé-Nord;2026;",
        ],
    )
    report = import_file(store, path, "project")
    assert [str(p) for p in report.problems] == [
        "Ligne 3, colonne « Région », valeur « Gaspé-Nord » : une région du Québec est attendue, "
        "par son code (03) ou son nom (Capitale-Nationale)"
    ]
    fixed = path.read_bytes().replace(
        ";Gaspé-Nord;".encode(), "; Gaspésie–Îles-de-la-Madeleine;".encode()
    )
    path.write_bytes(fixed)
    report = import_file(store, path, "project")
    assert report.ok, report.problems
    notes = {p["name"]: p["notes"] for p in store.find("project")}
    assert notes["CIEC de Matane"] == "Première ligne\ndeuxième ligne; avec point-virgule"


def test_excel_serial_dates_in_csv(store: Store, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "projets.csv",
        [
            "Nom du projet;Programme;Région;Année;Date de début",
            "CIEC de Rimouski;CIEC;01;2026;46199",
        ],
    )
    assert import_file(store, path, "project").ok
    assert store.find("project")[0]["start_date"] == "2026-06-26"


def test_trailing_empty_rows_and_total_line_are_ignored(store: Store, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "projets.csv",
        [HEADER, "CIEC de Rimouski;CIEC;01;2026;Rimouski;1000;", ";;;;;;", ";;;;;;", "", ";;;;;;"],
    )
    report = import_file(store, path, "project")
    assert report.ok and report.created == 1 and report.rows == 1


def test_binary_file_renamed_csv_is_refused(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    before = journal_count(store)
    with pytest.raises(UserError, match="n'est pas un fichier texte CSV"):
        import_file(store, path, "project")
    assert journal_count(store) == before


def test_workbook_renamed_csv_names_what_it_is(store: Store, tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "projets.csv"
    openpyxl.Workbook().save(path)
    with pytest.raises(UserError, match=r"classeur Excel \(\.xlsx\)"):
        import_file(store, path, "project")


@pytest.mark.parametrize("content", [b"", codecs.BOM_UTF8, b"\r\n\r\n", b";;;\r\n;;;\r\n"])
def test_empty_files_are_refused(store: Store, tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "vide.csv"
    path.write_bytes(content)
    with pytest.raises(UserError, match="est vide"):
        import_file(store, path, "project")
    assert store.count("project") == 0


def test_undecidable_encoding_is_refused_with_how_to_save(store: Store, tmp_path: Path) -> None:
    # Mac Roman: what old Excel for Mac wrote. Read as Windows-1252 it would give « Qu\u017dbec ».
    path = write_csv(
        tmp_path / "mac.csv", [HEADER, "CIEC de Québec;CIEC;03;2026;Québec;;"], encoding="mac_roman"
    )
    with pytest.raises(UserError) as caught:
        import_file(store, path, "project")
    message = str(caught.value)
    assert "Impossible de reconnaître l'encodage" in message
    assert "CSV UTF-8 (délimité par des virgules)" in message
    assert store.count("project") == 0


def test_mixed_utf8_and_windows_1252_is_refused(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "melange.csv"
    utf8 = "\r\n".join(
        [HEADER, "CIEC de Québec;CIEC;03;2026;Québec;;", "CIEC de Lévis;CIEC;12;2026;Lévis;;"]
    )
    path.write_bytes(
        utf8.encode() + "\r\nCIEC de Montréal;CIEC;06;2026;Montréal;;\r\n".encode("cp1252")
    )
    with pytest.raises(UserError, match="Impossible de reconnaître l'encodage"):
        import_file(store, path, "project")


def test_unknown_headers_are_refused_clearly(store: Store, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "autre.csv", ["Colonne A;Colonne B", "1;2"])
    with pytest.raises(UserError, match="Aucune colonne reconnue"):
        import_file(store, path, "project")


def test_missing_required_column_is_one_problem_not_one_per_row(
    store: Store, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "p.csv", ["Nom du projet;Année", "A;2026", "B;2026", "C;2026"])
    report = import_file(store, path, "project")
    assert [str(p) for p in report.problems] == [
        "Ligne 1, colonne « Programme » : colonne obligatoire absente : ajoutez une colonne « Programme »",
        "Ligne 1, colonne « Région » : colonne obligatoire absente : ajoutez une colonne « Région »",
    ]
