"""Export then import into an empty profile gives back identical data: every kind, every format.
And what the exported files look like to someone who opens them in Excel."""

from __future__ import annotations

import codecs
import datetime as dt
import re
from pathlib import Path

import openpyxl
import pytest

from coordinator_app.domain.columns import IMPORT_ORDER, export_columns
from coordinator_app.domain.entities import ENTITIES
from coordinator_app.domain.errors import UserError
from coordinator_app.domain.people import Person
from coordinator_app.exchange.exporter import export_records
from coordinator_app.exchange.importer import import_file
from coordinator_app.store import Store, open_store, people
from tests.exchange.conftest import fixed_clock, journal_count, write_ods

#: The staff directory both laptops keep (same region): two staff members share a name.
STAFF = [
    Person("Marie Tremblay", "mtremblay", "marie@cqcm.coop", regions=("01",)),
    Person("Jean Roy", "jroy", "jean.roy@cqcm.coop", regions=("01",)),
    Person("Jean Roy", "jroy2", "jroy@cqcm.coop", regions=("01",)),
]


def fill_every_kind(store: Store) -> None:
    """One or more records of every kind, using every field type with accents and line breaks."""
    people.set_staff(store, STAFF)
    c = store.create
    c("municipality", {"name": "Sainte-Anne-des-Monts", "region_code": "11"})
    caisse = c(
        "organisation",
        {
            "name": "Caisse Desjardins de l'Estuaire",
            "org_kind": "caisse",
            "region_code": "01",
            "municipality": "Rimouski",
            "email": "info@caisse.qc.ca",
            "phone": "418 555-1234 poste 22",
            "postal_code": "g5l 1a1",
        },
    )
    school = c(
        "school",
        {
            "name": "École Paul-Hubert",
            "municipality": "Rimouski",
            "service_centre": "Centre de services scolaire des Phares",
            "region_code": "01",
        },
    )
    julie = c(
        "coordinator",
        {"name": "Julie Tremblay", "email": "julie@cqcm.coop", "regions": ["01", "11"]},
    )
    homonym = c(
        "coordinator",
        {"name": "Julie Tremblay", "email": "jtremblay@cdr.coop", "regions": ["02"]},
    )
    c(
        "workshop",
        {
            "theme": "Gouvernance coopérative",
            "held_on": "2026-03-12",
            "format": "webinaire",
            "region_code": "06",
            "attendance": 42,
        },
    )
    ciec = c(
        "project",
        {
            "name": "CIEC de Rimouski",
            "program": "CIEC",
            "region_code": "01",
            "municipality": "Rimouski",
            "coordinator_ids": [julie["id"]],
            "partner_ids": [caisse["id"]],
            "stage": "formation",
            "start_date": "2026-05-04",
            "end_date": "2026-08-21",
            "notes": "Comité très actif.\nÀ revoir : l'assurance ; le local.",
            "season_year": 2026,
            "youth_count": 13,
            "school_ids": [school["id"]],
            "committee": [{"nom": "Hélène Roy", "organisme": "CJE"}],
            "services": ["Entretien paysager", "Gardiennage"],
            "revenue": "12 345,67 $",
            "general_assembly_date": "2026-06-28",
            "board": [{"poste": "présidente", "nom": "Léa"}],
        },
    )
    c(  # the same name a year later: references to it must tell the two apart
        "project",
        {
            "name": "CIEC de Rimouski",
            "program": "CIEC",
            "region_code": "01",
            "season_year": 2027,
            "coordinator_ids": [julie["id"], homonym["id"]],
            "committee": [
                {"name": "Hélène Roy", "role": "Présidence", "organisation_id": caisse["id"]},
                {"role": "Trésorerie"},
            ],
            "board": [{"name": "Zoé Lavoie", "role": "Secrétariat"}],
            "services": ["Tonte; ramassage des feuilles", "=1+1 (pas une formule)"],
            "notes": "@équipe : -5 % sur les contrats ; +2 jeunes",
            "stage": "bilan",
            "stage_history": [
                {"stage": "comite_local", "date": "2027-04-20"},
                {"stage": "bilan", "date": "2027-09-01"},
            ],
        },
    )
    c(
        "project",
        {
            "name": "Coop étudiante L'Envol",
            "program": "JEUNE_COOP",
            "region_code": "01",
            "season_year": 2026,
            "youth_count": 25,
            "school_id": school["id"],
            "teacher": "Marc Côté",
            "level": "secondaire",
            "project_kind": "Café étudiant",
            "stage": "bilan",
            "stage_history": [
                {"stage": "demarrage", "date": "2025-09-15"},
                {"stage": "bilan", "date": "2026-06-01"},
            ],
            "board": [{"name": "Noah Gagnon", "role": "Présidence"}],
        },
    )
    c(
        "project",
        {
            "name": "Ferme coopérative Racines",
            "program": "FERME_COOP",
            "region_code": "11",
            "coop_type": "solidarite",
            "production": "Maraîchage biologique",
            "hectares": 12.75,
            "land_tenure": "bail_long_terme",
            "members_count": 7,
            "founding_date": "2021-04-01",
        },
    )
    c(
        "participant",
        {
            "project_id": ciec["id"],
            "first_name": "Léa",
            "last_name": "Gagnon-Bélanger",
            "birth_date": "2013-02-01",
            "school_level": "secondaire",
            "consent_by": "Sophie Bélanger (mère)",
            "consent_date": "2026-05-10",
            "consent_purposes": ["Inscription", "Photos"],
        },
    )
    c(
        "participant",
        {
            "project_id": ciec["id"],
            "first_name": "Émile",
            "last_name": "Côté",
            "birth_date": "2009-11-30",
            "anonymised": False,
        },
    )
    c(
        "contract",
        {
            "project_id": ciec["id"],
            "client_type": "residentiel",
            "service": "Tonte de pelouse",
            "contract_date": "2026-07-08",
            "hours": 3.5,
            "amount": "87,50 $",
        },
    )
    c(
        "funding",
        {
            "project_id": ciec["id"],
            "funder": "Secrétariat à la jeunesse",
            "program": "Fonds étudiant II",
            "requested": "5000",
            "granted": "4 500,00",
            "paid": 0,
            "status": "accordee",
            "report_due_dates": ["2026-09-30", "2027-01-15"],
            "conditions": "Rapport final ;\nphotos des activités",
        },
    )
    visit = c(
        "visit",
        {
            "project_id": ciec["id"],
            "visited_at": "2026-07-15T14:30",
            "place": "Local de la CIEC",
            "mode": "sur_place",
            "coordinator_id": julie["id"],
            "made_by": ["mtremblay", "jroy", "ancien-compte"],
            "people_present": ["Léa", "Émile"],
            "observations": "Bonne énergie.\n« Très motivés »",
            "decisions": "Acheter une tondeuse.",
        },
    )
    c(
        "action_item",
        {
            "project_id": ciec["id"],
            "visit_id": visit["id"],
            "text": "Envoyer le gabarit de facture",
            "owner": "Marie Tremblay",
            "owner_kind": "cqcm",
            "owner_account": "mtremblay",
            "due_date": "2026-07-22",
            "done": True,
        },
    )
    c(
        "action_item",
        {"project_id": ciec["id"], "text": "Appeler la caisse", "owner": "Comité", "done": False},
    )


def snapshot(store: Store, kind: str) -> dict[str, dict]:
    names = ENTITIES[kind].field_names
    return {r["id"]: {n: r[n] for n in names} for r in store.find(kind)}


def xlsx_to_ods(source: Path, target: Path) -> Path:
    """The workbook as LibreOffice would save it in its own format (typed cells kept)."""
    sheet = openpyxl.load_workbook(source).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    return write_ods(target, [(sheet.title, rows)])


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json", "ods"])
def test_every_kind_round_trips_into_an_empty_profile(
    store: Store, tmp_path: Path, fmt: str
) -> None:
    fill_every_kind(store)
    target = open_store(tmp_path / f"vide-{fmt}", clock=fixed_clock)
    people.set_staff(target, STAFF)
    try:
        for kind in IMPORT_ORDER:
            path = tmp_path / f"{kind}.{fmt}"
            if fmt == "ods":
                exported = tmp_path / f"{kind}.xlsx"
                result = export_records(store, kind, exported, include_personal=True)
                xlsx_to_ods(exported, path)
            else:
                result = export_records(store, kind, path, include_personal=True)
            assert result.count == store.count(kind) > 0
            report = import_file(target, path, kind)
            assert report.ok, (kind, [str(p) for p in report.problems])
            assert report.created == result.count
            assert snapshot(target, kind) == snapshot(store, kind), kind
        before = journal_count(store)
        for kind in IMPORT_ORDER:  # the same files into the source: everything matches by id
            report = import_file(store, tmp_path / f"{kind}.{fmt}", kind)
            assert report.ok and report.unchanged == store.count(kind) and report.created == 0
        assert journal_count(store) == before
    finally:
        target.close()


def test_xlsx_cells_are_typed_with_fr_ca_formats(store: Store, tmp_path: Path) -> None:
    fill_every_kind(store)
    path = tmp_path / "projets.xlsx"
    export_records(store, "project", path)
    sheet = openpyxl.load_workbook(path).active
    headers = [cell.value for cell in sheet[1]]
    rows = [dict(zip(headers, cells, strict=True)) for cells in sheet.iter_rows(min_row=2)]
    row = next(
        r
        for r in rows
        if r["Nom du projet"].value == "CIEC de Rimouski" and r["Année"].value == 2026
    )
    assert row["Nom du projet"].value == "CIEC de Rimouski"
    assert row["Région"].value == "Bas-Saint-Laurent"
    assert row["Date de début"].value == dt.datetime(2026, 5, 4)
    assert row["Date de début"].number_format == "yyyy-mm-dd"
    assert row["Chiffre d'affaires"].value == pytest.approx(12345.67)
    assert row["Chiffre d'affaires"].number_format == '#,##0.00 "$"'
    assert row["Année"].value == 2026 and row["Année"].number_format == "0"
    assert row["Notes"].value == "Comité très actif.\nÀ revoir : l'assurance ; le local."
    assert sheet.freeze_panes == "A2"


def test_csv_has_bom_semicolons_and_reads_in_excel_form(store: Store, tmp_path: Path) -> None:
    fill_every_kind(store)
    path = tmp_path / "financement.csv"
    export_records(store, "funding", path)
    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Projet;Bailleur de fonds;Programme de financement")
    assert text.splitlines()[0].endswith(";Conditions;Identifiant")
    assert (
        "CIEC de Rimouski (2026);Secrétariat à la jeunesse;Fonds étudiant II;5000,00;4500,00;0,00;"
        'Accordée;"2026-09-30; 2027-01-15";"Rapport final ;\nphotos des activités";'
    ) in text


def test_participant_names_are_left_out_unless_asked(store: Store, tmp_path: Path) -> None:
    fill_every_kind(store)
    path = tmp_path / "jeunes.csv"
    export_records(store, "participant", path)
    header = path.read_text(encoding="utf-8-sig").splitlines()[0].split(";")
    assert "Prénom" not in header and "Nom" not in header and "Date de naissance" not in header
    assert header == [c.header for c in export_columns("participant", include_personal=False)]
    assert "Gagnon" not in path.read_text(encoding="utf-8-sig")
    export_records(store, "participant", path, include_personal=True)
    assert "Gagnon-Bélanger" in path.read_text(encoding="utf-8-sig")


def test_text_that_looks_like_a_formula_stays_text_in_xlsx(store: Store, tmp_path: Path) -> None:
    store.create("coordinator", {"name": '=HYPERLINK("http://exemple")'})
    path = tmp_path / "c.xlsx"
    export_records(store, "coordinator", path)
    cell = openpyxl.load_workbook(path).active["A2"]
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")


def test_export_is_atomic_and_refuses_a_missing_folder(store: Store, tmp_path: Path) -> None:
    fill_every_kind(store)
    path = tmp_path / "visites.xlsx"
    path.write_bytes(b"ancien contenu")
    export_records(store, "visit", path)
    assert openpyxl.load_workbook(path).active.max_row == 2
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["visites.xlsx"]
    with pytest.raises(UserError, match="n'existe pas"):
        export_records(store, "visit", tmp_path / "absent" / "visites.csv")
    with pytest.raises(UserError, match="Format d'exportation inconnu"):
        export_records(store, "visit", tmp_path / "visites.pdf")


def test_docs_list_every_kind_and_its_headers() -> None:
    from coordinator_app.domain.columns import KIND_NAMES

    root = Path(__file__).resolve().parents[2]
    developer = (root / "docs" / "import-export.md").read_text(encoding="utf-8")
    guide = (root / "docs" / "guide-import-export.md").read_text(encoding="utf-8")
    for name, kind in KIND_NAMES.items():
        assert f"| `{name}` |" in developer
        assert ", ".join(c.header for c in export_columns(kind)) in developer
        assert f"`{name}`" in guide


UUID_TEXT = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


@pytest.mark.parametrize("kind", IMPORT_ORDER)
def test_exports_show_names_and_sentences_not_ids_or_json(
    store: Store, tmp_path: Path, kind: str
) -> None:
    fill_every_kind(store)
    path = tmp_path / f"{kind}.xlsx"
    export_records(store, kind, path, include_personal=True)
    sheet = openpyxl.load_workbook(path).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0][-1] == "Identifiant"
    assert all(UUID_TEXT.fullmatch(row[-1]) for row in rows[1:])
    for row in rows[1:]:
        for value in row[:-1]:
            text = str(value or "")
            assert not UUID_TEXT.search(text), (kind, text)
            assert "[{" not in text and '": "' not in text, (kind, text)
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref is not None
    assert all(sheet.column_dimensions[c].width >= 10 for c in "ABC")


def test_project_export_reads_as_sentences_with_each_programs_own_labels(
    store: Store, tmp_path: Path
) -> None:
    fill_every_kind(store)
    path = tmp_path / "projets.xlsx"
    export_records(store, "project", path)
    sheet = openpyxl.load_workbook(path).active
    header = [c.value for c in sheet[1]]
    rows = {
        (r[0], r[header.index("Année")]): dict(zip(header, r, strict=True))
        for r in sheet.iter_rows(min_row=2, values_only=True)
    }
    young = rows[("Coop étudiante L'Envol", 2026)]
    assert young["Étape"] == "Bilan de fin d'année"
    assert (
        young["Historique des étapes"]
        == "Démarrage (2025-09-15) → Bilan de fin d'année (2026-06-01)"
    )
    assert young["École"] == "École Paul-Hubert"
    ciec = rows[("CIEC de Rimouski", 2027)]
    assert ciec["Étape"] == "Bilan financier et dissolution"
    assert ciec["Coordonnateurs"] == (
        "Julie Tremblay (julie@cqcm.coop); Julie Tremblay (jtremblay@cdr.coop)"
    )
    assert ciec["Comité local"] == (
        "Hélène Roy — Présidence (Caisse Desjardins de l'Estuaire); — Trésorerie"
    )
    assert ciec["Conseil d'administration"] == "Zoé Lavoie — Secrétariat"
    assert ciec["Services offerts"] == '"Tonte; ramassage des feuilles"; =1+1 (pas une formule)'
    visits = openpyxl.load_workbook(_export(store, tmp_path, "visit", "xlsx")).active
    visit = [c.value for c in visits[2]]
    assert visit[:2] == ["CIEC de Rimouski (2026)", dt.datetime(2026, 7, 15, 14, 30)]
    assert "Julie Tremblay (julie@cqcm.coop)" in visit
    # « Visite faite par »: staff by name; a homonym by e-mail; an unnamed account by its id
    assert "Marie Tremblay; Jean Roy (jean.roy@cqcm.coop); ancien-compte" in visit
    items = openpyxl.load_workbook(_export(store, tmp_path, "action_item", "xlsx")).active
    headers = [c.value for c in items[1]]
    owners = [
        row[headers.index("Compte du responsable")]
        for row in items.iter_rows(min_row=2, values_only=True)
    ]
    assert "Marie Tremblay" in owners
    coordinators = openpyxl.load_workbook(_export(store, tmp_path, "coordinator", "xlsx")).active
    regions = {row[1]: row[3] for row in coordinators.iter_rows(min_row=2, values_only=True)}
    assert regions["julie@cqcm.coop"] == "Bas-Saint-Laurent; Gaspésie–Îles-de-la-Madeleine"


def _export(store: Store, tmp_path: Path, kind: str, fmt: str) -> Path:
    path = tmp_path / f"{kind}.{fmt}"
    export_records(store, kind, path)
    return path


def test_csv_cells_that_excel_would_run_are_neutralised_and_read_back(
    store: Store, empty_store: Store, tmp_path: Path
) -> None:
    store.create("coordinator", {"name": '=HYPERLINK("http://exemple";"clic")'})
    store.create("coordinator", {"name": "+1 514 555-1234", "regions": ["06"]})
    store.create("coordinator", {"name": "@Marie", "phone": "514 555-1234"})
    store.create("coordinator", {"name": "-Jean"})
    path = _export(store, tmp_path, "coordinator", "csv")
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    first_cells = sorted(line.split(";")[0] for line in lines[1:])
    assert first_cells == [
        '"\'=HYPERLINK(""http://exemple""',
        "'+1 514 555-1234",
        "'-Jean",
        "'@Marie",
    ]
    assert import_file(empty_store, path, "coordinator").ok
    assert sorted(c["name"] for c in empty_store.find("coordinator")) == sorted(
        c["name"] for c in store.find("coordinator")
    )


def test_staff_names_are_resolved_and_an_ambiguous_name_lists_the_candidates(
    store: Store, tmp_path: Path
) -> None:
    fill_every_kind(store)
    project = next(p for p in store.find("project") if p["name"] == "Ferme coopérative Racines")
    path = tmp_path / "visites.csv"
    path.write_text(
        "Projet;Date de la visite;Type de visite;Visite faite par\r\n"
        "Ferme coopérative Racines;2026-08-01 10:00;Sur place;marie tremblay\r\n"
        "Ferme coopérative Racines;2026-08-02 10:00;Sur place;Jean Roy\r\n"
        "Ferme coopérative Racines;2026-08-03 10:00;Sur place;Paul Inconnu\r\n",
        encoding="utf-8-sig",
    )
    report = import_file(store, path, "visit")
    messages = [str(p) for p in report.problems]
    assert len(messages) == 2, messages
    assert "2 personnes du CQCM portent le nom « Jean Roy »" in messages[0]
    assert "« Jean Roy (jean.roy@cqcm.coop) »" in messages[0]
    assert "« Jean Roy (jroy@cqcm.coop) »" in messages[0]
    assert "ne s'appelle « Paul Inconnu »" in messages[1]
    visits = [v for v in store.find("visit") if v["project_id"] == project["id"]]
    assert not report.ok and visits == []  # nothing half-written
    path.write_text(
        "Projet;Date de la visite;Type de visite;Visite faite par\r\n"
        "Ferme coopérative Racines;2026-08-01 10:00;Sur place;"
        '"marie tremblay; Jean Roy (jroy@cqcm.coop)"\r\n',
        encoding="utf-8-sig",
    )
    assert import_file(store, path, "visit").ok
    visits = [v for v in store.find("visit") if v["project_id"] == project["id"]]
    assert [v["made_by"] for v in visits] == [["mtremblay", "jroy2"]]
