"""Property: whatever a coordinator types (or a spreadsheet holds) in any column of any kind, the
import gives a report — never an exception — whose problems are French, name the line and the
column, and show the value as typed (never a Python repr); what it writes is what it says.

Values are generated as a workbook reader hands them over (text, whole and decimal numbers, huge
and non-finite floats, booleans, dates, date-times, times alone, durations) plus the hand-typed
texts seen in real lists (« 8E467 », « 20260605 », « 31/06/2026 », « =SOMME(A1) », « VRAI »…).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coordinator_app.domain.columns import IMPORT_ORDER, export_columns
from coordinator_app.exchange.importer import import_table
from coordinator_app.exchange.table import Table
from coordinator_app.store import Store, open_store
from tests.exchange.conftest import fixed_clock

BASE_ROWS: dict[str, dict[str, object]] = {
    "municipality": {"Nom": "Rimouski", "Région": "01"},
    "organisation": {"Nom": "Caisse de Rimouski", "Type d'organisation": "Caisse Desjardins", "Région": "01"},
    "school": {"Nom": "École Paul-Hubert", "Municipalité": "Rimouski", "Région": "01"},
    "coordinator": {"Nom": "Julie Tremblay"},
    "workshop": {"Thème": "Gouvernance", "Date": "2026-03-01", "Format": "Atelier", "Région": "03"},
    "project": {"Nom du projet": "CIEC de Rimouski", "Programme": "CIEC", "Région": "01", "Année": 2026},
    "participant": {"Projet": "CIEC de Rimouski", "Prénom": "Léa", "Nom": "Roy", "Date de naissance": "2009-01-01"},
    "contract": {"Projet": "CIEC de Rimouski", "Type de client": "Résidentiel", "Service": "Tonte"},
    "funding": {"Projet": "CIEC de Rimouski", "Bailleur de fonds": "SAJ", "Programme de financement": "FE II", "Statut": "Déposée"},
    "visit": {"Projet": "CIEC de Rimouski", "Date de la visite": "2026-07-01 10:00", "Type de visite": "Sur place"},
    "action_item": {"Projet": "CIEC de Rimouski", "Action": "Appeler", "Responsable": "Julie"},
}  # fmt: skip
TYPED = [
    "8E467", "1E+20", "-1e-999", "NaN", "inf", "-0", "20260605", "2026-02-30", "31/06/2026",
    "2026-11-26 25:61", "10:10", "10:10:10", "=SOMME(A1)", "@Marie", "+15145551234", "-5",
    "VRAI", "FAUX", "oui", "non", "x", " ", "1 234,56 $", "1.234,56", "12,345", "0x1F",
    "9" * 400, "Total", "—", "« »", "a\x00b", "Capitale-Nationale", "03", "3", "99",
    "2026-03-01; 2026-13-01", '"a; b"; c', "Julie Tremblay (x@y.ca)", "Démarrage (2026-01-01)",
    "— Présidence (Caisse inconnue)", "[{\"a\": 1}]", "[]", "{}", "1900-01-01", "2101-01-01",
    "0001-01-01", "46199", "-46199", "1e308", "Ⅻ", "١٢", "１２", "½",
]  # fmt: skip
VALUES = st.one_of(
    st.sampled_from(TYPED),
    st.text(max_size=30),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.times(),
    st.timedeltas(min_value=dt.timedelta(days=-(10**6)), max_value=dt.timedelta(days=10**6)),
    st.none(),
)
ENGLISH = re.compile(
    r"\b(Error|error|Exception|Traceback|None|True|False|the|is|not|invalid|expected)\b|"
    r"\w+\(\w+=|datetime\.|Decimal\(|\d{2}:\d{2}:\d{2}\.\d"
)
QUOTED = re.compile(r"«[^«»]*»")


@pytest.fixture(scope="module")
def profile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = open_store(tmp_path_factory.mktemp("saisie") / "profil", clock=fixed_clock)
    store.create("coordinator", {"name": "Julie Tremblay", "email": "x@y.ca"})
    store.create(
        "organisation", {"name": "Caisse de Rimouski", "org_kind": "caisse", "region_code": "01"}
    )
    store.create(
        "school", {"name": "École Paul-Hubert", "municipality": "Rimouski", "region_code": "01"}
    )
    project = store.create(
        "project",
        {"name": "CIEC de Rimouski", "program": "CIEC", "region_code": "01", "season_year": 2026},
    )
    store.create(
        "visit",
        {"project_id": project["id"], "visited_at": "2026-07-01T10:00", "mode": "sur_place"},
    )
    yield store
    store.close()


@st.composite
def typed_rows(draw: st.DrawFn) -> tuple[str, list[str], list[object], str]:
    kind = draw(st.sampled_from(IMPORT_ORDER))
    header = [c.header for c in export_columns(kind)]
    column = draw(st.sampled_from(header))
    row = dict(BASE_ROWS[kind])
    row[column] = draw(VALUES)
    return kind, header, [row.get(h) for h in header], column


@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(case=typed_rows(), dry_run=st.booleans())
def test_any_typed_value_in_any_column_gives_a_french_report_never_a_crash(
    profile: Store, case: tuple[str, list[str], list[object], str], dry_run: bool
) -> None:
    kind, header, cells, _column = case
    table = Table("classeur", header, 1, iter([(2, cells)]), 1, [])
    before = profile.count(kind)

    report = import_table(profile, table, kind, "saisie.xlsx", dry_run=dry_run)

    for problem in report.problems:
        text = str(problem)
        assert problem.line in (1, 2) and problem.message, text
        assert not ENGLISH.search(QUOTED.sub("", text)), text
    for note in report.notes:
        assert not ENGLISH.search(QUOTED.sub("", note)), note
    written = profile.count(kind) - before
    if report.ok and not dry_run:
        assert report.written and written == report.created <= 1
    else:
        assert written == 0 and not report.written


def test_a_path_that_does_not_exist_is_a_french_error(tmp_path: Path) -> None:
    from coordinator_app.domain.errors import UserError
    from coordinator_app.exchange.importer import open_table

    with pytest.raises(UserError, match="Fichier introuvable"):
        open_table(tmp_path / "absent.xlsx", "project")
