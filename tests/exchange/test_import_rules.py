"""The import's rules: all or nothing, every problem reported, matching by id or natural key,
every write journaled, dry runs and cancels writing nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from coordinator_app.exchange.importer import PROGRESS_EVERY, import_file
from coordinator_app.store import Store
from tests.exchange.conftest import add_references, journal_count, write_csv

COLUMNS = [
    "Identifiant", "Nom du projet", "Programme", "Région", "Année", "Nombre de jeunes",
    "Chiffre d'affaires", "Date de début", "Date de fin", "Étape", "Coordonnateurs", "Partenaires",
    "École", "Ordre d'enseignement", "Superficie (ha)", "Type de coopérative", "Mode de tenure",
    "Date de constitution", "Date de fermeture",
]  # fmt: skip
CIEC_ROW = {"Programme": "CIEC", "Région": "03", "Année": "2026", "Nombre de jeunes": "12"}
JEUNE_ROW = {
    "Programme": "Jeune COOP",
    "Région": "01",
    "Année": "2026",
    "École": "École Paul-Hubert",
}
FARM_ROW = {"Programme": "Coopérative agricole (PSES)", "Région": "11"}

# One row per problem: (base row, the cells that break it, column reported, words of the message).
THIRTY_ERRORS = [
    (CIEC_ROW, {"Programme": "Coop de travail"}, "Programme", "une de ces valeurs est attendue"),
    (CIEC_ROW, {"Région": "Gaspesie-Iles"}, "Région", "une région du Québec est attendue"),
    (CIEC_ROW, {"Année": "deux mille"}, "Année", "un nombre entier est attendu"),
    (CIEC_ROW, {"Année": "1980"}, "Année", "au moins 1990"),
    (CIEC_ROW, {"Nombre de jeunes": "-3"}, "Nombre de jeunes", "positif ou nul"),
    (CIEC_ROW, {"Nombre de jeunes": "12,5"}, "Nombre de jeunes", "un nombre entier est attendu"),
    (CIEC_ROW, {"Chiffre d'affaires": "beaucoup"}, "Chiffre d'affaires", "un montant est attendu"),
    (CIEC_ROW, {"Chiffre d'affaires": "12,345"}, "Chiffre d'affaires", "au plus deux décimales"),
    (CIEC_ROW, {"Date de début": "2026-13-01"}, "Date de début", "n'est pas une date qui existe"),
    (CIEC_ROW, {"Date de début": "demain"}, "Date de début", "AAAA-MM-JJ"),
    (CIEC_ROW, {"Date de début": "2026-08-01", "Date de fin": "2026-06-01"}, "Date de fin", "doit suivre la date de début"),
    (CIEC_ROW, {"Étape": "idee"}, "Étape", "une étape du programme est attendue"),
    (CIEC_ROW, {"Étape": "N'importe quoi"}, "Étape", "une de ces valeurs est attendue"),
    (CIEC_ROW, {"Nom du projet": "x" * 201}, "Nom du projet", "au plus 200 caractères"),
    (CIEC_ROW, {"Nom du projet": ""}, "Nom du projet", "ce champ est obligatoire"),
    (CIEC_ROW, {"Programme": ""}, "Programme", "ce champ est obligatoire"),
    (CIEC_ROW, {"Région": ""}, "Région", "ce champ est obligatoire"),
    (CIEC_ROW, {"Année": ""}, "Année", "ce champ est obligatoire"),
    (CIEC_ROW, {"Coordonnateurs": "Inconnu Untel"}, "Coordonnateurs", "importez d'abord les coordonnateurs"),
    (CIEC_ROW, {"Partenaires": "Caisse inexistante"}, "Partenaires", "importez d'abord les organisations"),
    (JEUNE_ROW, {"École": "École fantôme"}, "École", "importez d'abord les écoles"),
    (JEUNE_ROW, {"École": ""}, "École", "ce champ est obligatoire"),
    (JEUNE_ROW, {"Ordre d'enseignement": "Université"}, "Ordre d'enseignement", "une de ces valeurs est attendue"),
    (FARM_ROW, {"Superficie (ha)": "beaucoup"}, "Superficie (ha)", "un nombre est attendu"),
    (FARM_ROW, {"Superficie (ha)": "-2"}, "Superficie (ha)", "positif ou nul"),
    (FARM_ROW, {"Type de coopérative": "Coopérative de consommateurs"}, "Type de coopérative", "une de ces valeurs est attendue"),
    (FARM_ROW, {"Mode de tenure": "Squat"}, "Mode de tenure", "une de ces valeurs est attendue"),
    (FARM_ROW, {"Date de constitution": "2020-05-01", "Date de fermeture": "2019-01-01"}, "Date de fermeture", "doit suivre la date de constitution"),
    (CIEC_ROW, {"Chiffre d'affaires": "8E467"}, "Chiffre d'affaires", "montant trop grand : au plus 10 000 000,00 $"),
    (CIEC_ROW, {"Nom du projet": "Projet 2", "Programme": "CIEC"}, "Nom du projet", "même projet que la ligne 2"),
]  # fmt: skip


def _csv_line(cells: dict[str, str]) -> str:
    return ";".join(cells.get(column, "") for column in COLUMNS)


def test_thirty_different_errors_are_all_reported_and_nothing_is_written(
    store: Store, tmp_path: Path
) -> None:
    add_references(store)
    lines = [";".join(COLUMNS)]
    for number, (base, broken, _, _) in enumerate(THIRTY_ERRORS, start=2):
        lines.append(_csv_line({"Nom du projet": f"Projet {number}", **base, **broken}))
    path = write_csv(tmp_path / "trente-erreurs.csv", lines)
    before = journal_count(store)

    report = import_file(store, path, "project")

    assert len(report.problems) == 30
    for number, (problem, (_, _, column, words)) in enumerate(
        zip(report.problems, THIRTY_ERRORS, strict=True), start=2
    ):
        assert (problem.line, problem.column) == (number, column), problem
        assert words in problem.message, problem
    assert str(report.problems[1]) == (
        "Ligne 3, colonne « Région », valeur « Gaspesie-Iles » : une région du Québec est "
        "attendue, par son code (03) ou son nom (Capitale-Nationale)"
    )
    assert not report.written and store.count("project") == 0
    assert journal_count(store) == before
    assert report.summary().startswith("30 problèmes dans 30 lignes : rien n'a été importé.")


def test_valid_rows_are_journaled_and_reimport_matches_by_natural_key(
    store: Store, tmp_path: Path
) -> None:
    header = "Nom du projet;Programme;Région;Année;Nombre de jeunes;Chiffre d'affaires"
    rows = ["CIEC de Rimouski;CIEC;01;2026;12;1 500,00 $", "CIEC de Matane;CIEC;01;2026;9;"]
    path = write_csv(tmp_path / "p.csv", [header, *rows])
    first = import_file(store, path, "project")
    assert (first.created, first.updated, first.written) == (2, 0, True)
    assert journal_count(store) == 2

    rows[1] = "ciec de MATANE;CIEC;Bas-Saint-Laurent;2026;11;"
    write_csv(path, [header, *rows])
    second = import_file(store, path, "project")
    assert (second.created, second.updated, second.unchanged) == (0, 1, 1)
    assert [str(m) for m in second.matches] == [
        "Ligne 2 : correspond à « CIEC de Rimouski » (même nom du projet, région et année) — inchangé",
        "Ligne 3 : correspond à « CIEC de Matane » (même nom du projet, région et année) — mis à jour",
    ]
    matane = store.find("project", equals={"youth_count": 11})[0]
    assert [e.op for e in store.history("project", matane["id"])] == ["create", "update"]
    assert store.find("project", equals={"youth_count": 12})[0]["revenue"] == 150000


def test_update_by_id_touches_only_the_columns_in_the_file(store: Store, tmp_path: Path) -> None:
    project = store.create(
        "project",
        {"name": "CIEC de Lévis", "program": "CIEC", "region_code": "12", "season_year": 2026,
         "revenue": "1 234,56 $", "hectares": None, "youth_count": 10},
    )  # fmt: skip
    path = write_csv(tmp_path / "p.csv", ["Identifiant;Nombre de jeunes", f"{project['id']};14"])
    report = import_file(store, path, "project")
    assert report.ok and report.updated == 1
    updated = store.require("project", project["id"])
    assert (updated["youth_count"], updated["revenue"], updated["name"]) == (
        14,
        123456,
        "CIEC de Lévis",
    )


NEW_ID = "0b7e6a52-3c1d-4f6e-9a8b-2d4c6e8f0a1b"


def test_unknown_id_creates_the_record_with_that_id_and_deleted_id_is_a_problem(
    store: Store, tmp_path: Path
) -> None:
    gone = store.create(
        "workshop",
        {"theme": "Gouvernance", "held_on": "2026-03-01", "format": "atelier", "region_code": "05"},
    )
    store.delete("workshop", gone["id"])
    header = "Identifiant;Thème;Date;Format;Région;Participation"
    path = write_csv(
        tmp_path / "a.csv", [header, f"{NEW_ID};Financement;2026-04-02;Webinaire;Estrie;35"]
    )
    assert import_file(store, path, "workshop").created == 1
    assert store.require("workshop", NEW_ID)["attendance"] == 35

    write_csv(path, [header, f"{gone['id']};Gouvernance;2026-03-01;Atelier;05;"])
    report = import_file(store, path, "workshop")
    assert [p.column for p in report.problems] == ["Identifiant"]
    assert "supprimé" in report.problems[0].message


def test_participants_name_their_project_and_match_by_name_birth_date_and_project(
    store: Store, tmp_path: Path
) -> None:
    store.create(
        "project",
        {"name": "CIEC de Rimouski", "program": "CIEC", "region_code": "01", "season_year": 2026},
    )
    header = "Projet;Prénom;Nom;Date de naissance;Niveau scolaire"
    path = write_csv(
        tmp_path / "jeunes.csv",
        [
            header,
            "CIEC de Rimouski;Léa;Gagnon;2009-04-12;Secondaire",
            "ciec de rimouski;Émile;Côté;2010-01-30;",
        ],
    )
    assert import_file(store, path, "participant").created == 2
    again = import_file(store, path, "participant")
    assert (again.created, again.unchanged) == (0, 2)
    assert "même prénom, nom, date de naissance et projet" in str(again.matches[0])


def test_ambiguous_project_name_and_minor_without_consent_are_reported(
    store: Store, tmp_path: Path
) -> None:
    for year in (2025, 2026):
        store.create(
            "project",
            {
                "name": "CIEC de Rimouski",
                "program": "CIEC",
                "region_code": "01",
                "season_year": year,
            },
        )
    path = write_csv(
        tmp_path / "jeunes.csv",
        ["Projet;Prénom;Nom;Date de naissance", "CIEC de Rimouski;Léa;Gagnon;2009-04-12"],
    )
    report = import_file(store, path, "participant")
    assert [str(p) for p in report.problems] == [
        "Ligne 2, colonne « Projet », valeur « CIEC de Rimouski » : 2 projets portent le nom "
        "« CIEC de Rimouski » : « CIEC de Rimouski (2025) » ; « CIEC de Rimouski (2026) » ; "
        "écrivez plutôt l'un de ces libellés"
    ]
    project = store.find("project")[0]
    write_csv(path, ["Projet;Prénom;Nom;Date de naissance", f"{project['id']};Noé;Roy;2015-02-01"])
    report = import_file(store, path, "participant")
    assert len(report.problems) == 1 and "moins de 14 ans" in report.problems[0].message


def test_dry_run_reports_what_would_happen_and_writes_nothing(store: Store, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "p.csv",
        ["Nom du projet;Programme;Région;Année", "A;CIEC;01;2026", "B;Jeune COOP;01;2026"],
    )
    add_references(store)
    path.write_text(
        path.read_text(encoding="utf-8")
        .replace("Année", "Année;École")
        .replace("CIEC;01;2026", "CIEC;01;2026;")
        .replace("COOP;01;2026", "COOP;01;2026;École Paul-Hubert"),
        encoding="utf-8",
    )
    before = journal_count(store)
    report = import_file(store, path, "project", dry_run=True)
    assert report.ok and (report.created, report.written) == (2, False)
    assert report.summary().startswith("Essai : 2 lignes lues (projets) — 2 à créer")
    assert store.count("project") == 0 and journal_count(store) == before


def test_cancel_writes_nothing_and_progress_reaches_the_end(store: Store, tmp_path: Path) -> None:
    lines = ["Thème;Date;Format;Région"] + [
        f"Atelier {n};2026-01-{n % 28 + 1:02d};Atelier;05" for n in range(3 * PROGRESS_EVERY)
    ]
    path = write_csv(tmp_path / "ateliers.csv", lines)
    report = import_file(store, path, "workshop", cancelled=lambda: True)
    assert report.cancelled and not report.written and store.count("workshop") == 0

    seen: list[tuple[int, int]] = []
    report = import_file(
        store, path, "workshop", progress=lambda done, total: seen.append((done, total))
    )
    assert report.written and store.count("workshop") == 3 * PROGRESS_EVERY
    assert seen[-1] == (3 * PROGRESS_EVERY, 3 * PROGRESS_EVERY)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


@pytest.mark.parametrize(
    ("header", "message"),
    [("Nom du projet;Programme;Région;Nom;Année", "même champ que « Nom du projet »")],
)
def test_two_columns_for_one_field_are_refused(
    store: Store, tmp_path: Path, header: str, message: str
) -> None:
    path = write_csv(tmp_path / "p.csv", [header, "A;CIEC;01;B;2026"])
    report = import_file(store, path, "project")
    assert len(report.problems) == 1 and message in report.problems[0].message
    assert report.problems[0].column == "Nom"
