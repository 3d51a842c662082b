"""Every number and date the domain accepts is bounded: one bound per test, on each side, with the
French message a coordinator (or the importer's report) shows, naming the field."""

from __future__ import annotations

import datetime as dt

import pytest

from coordinator_app.domain.errors import ValidationFailed
from coordinator_app.domain.validation import clean_record
from coordinator_app.domain.values import (
    MAX_MONEY_CENTS,
    ValueProblem,
    parse_date,
    parse_datetime,
    parse_decimal,
    parse_int,
    parse_money,
)

TODAY = dt.date(2026, 11, 26)
PROJECT = "00000000-0000-4000-8000-000000000001"


def problems(kind: str, values: dict) -> dict[str, tuple[str, str]]:
    """Field → (label, message) of every problem of a record."""
    try:
        clean_record(kind, values, today=TODAY)
    except ValidationFailed as failure:
        return {p.field: (p.label, p.message) for p in failure.problems}
    return {}


def contract(**overrides) -> dict:
    return {"project_id": PROJECT, "client_type": "residentiel", "service": "Tonte", **overrides}


def funding(**overrides) -> dict:
    return {
        "project_id": PROJECT,
        "funder": "SAJ",
        "program": "Fonds",
        "status": "deposee",
        **overrides,
    }


def project(**overrides) -> dict:
    base = {"name": "CIEC", "program": "CIEC", "region_code": "03", "season_year": 2026}
    return {**base, **overrides}


@pytest.mark.parametrize("field", ["amount"])
def test_a_contract_amount_of_two_to_the_63_is_refused_naming_the_field(field) -> None:
    found = problems("contract", contract(**{field: 2**63}))
    assert found[field][0] == "Montant"
    assert "10 000 000,00 $" in found[field][1].replace("\u00a0", " ")


def test_ten_million_dollars_is_the_largest_amount() -> None:
    assert clean_record("contract", contract(amount=MAX_MONEY_CENTS), today=TODAY)["amount"] == (
        1_000_000_000
    )
    assert "amount" in problems("contract", contract(amount=MAX_MONEY_CENTS + 1))


@pytest.mark.parametrize("text", ["10 000 000,01 $", "10000000.01", "1e999", "99999999999999"])
def test_amounts_typed_in_dollars_above_ten_million_are_refused(text) -> None:
    with pytest.raises(ValueProblem, match="au plus 10"):
        parse_money(text)


@pytest.mark.parametrize("field", ["requested", "granted", "paid"])
def test_every_money_field_of_a_funding_request_is_bounded(field) -> None:
    assert field in problems("funding", funding(**{field: MAX_MONEY_CENTS + 1}))
    assert field not in problems("funding", funding(**{field: MAX_MONEY_CENTS}))


def test_a_negative_amount_is_still_refused() -> None:
    _label, message = problems("contract", contract(amount=-1))["amount"]
    assert message == "un nombre positif ou nul est attendu"


def test_revenue_of_a_project_is_bounded() -> None:
    assert "revenue" in problems("project", project(revenue=MAX_MONEY_CENTS + 1))


def test_an_attachment_of_more_than_two_gib_is_refused() -> None:
    values = {"project_id": PROJECT, "sha256": "a" * 64, "filename": "f.pdf"}
    assert "size" not in problems("attachment", {**values, "size": 2 * 1024**3})
    label, message = problems("attachment", {**values, "size": 2 * 1024**3 + 1})["size"]
    assert label == "Taille (octets)"
    assert "2 147 483 648" in message.replace("\u00a0", " ")


@pytest.mark.parametrize(
    ("field", "too_many"),
    [("youth_count", 10_001), ("season_year", 2101)],
)
def test_counts_and_years_of_a_project_are_bounded(field, too_many) -> None:
    _label, message = problems("project", project(**{field: too_many}))[field]
    assert message.startswith("au plus ")
    assert "e+" not in message  # « 10 000 », never « 1e+04 »


def test_a_season_year_before_1990_is_refused() -> None:
    assert problems("project", project(season_year=1899))["season_year"][1] == "au moins 1990"


def test_the_number_of_members_of_a_farm_coop_is_bounded() -> None:
    farm = project(program="FERME_COOP", season_year=None, members_count=100_001)
    assert "members_count" in problems("project", farm)


def test_attendance_of_a_workshop_is_bounded() -> None:
    workshop = {"theme": "Gouvernance", "held_on": "2026-03-01", "format": "atelier"}
    assert "attendance" in problems(
        "workshop", {**workshop, "region_code": "03", "attendance": 10**6}
    )


def test_hours_of_a_contract_are_bounded() -> None:
    assert "hours" in problems("contract", contract(hours=10_001))


@pytest.mark.parametrize("value", [2**63, -(2**63), "99999999999999999999"])
def test_any_whole_number_is_bounded(value) -> None:
    with pytest.raises(ValueProblem, match="trop grand"):
        parse_int(value)


@pytest.mark.parametrize("value", ["1e999", 1e300])
def test_any_decimal_is_bounded(value) -> None:
    with pytest.raises(ValueProblem):
        parse_decimal(value)


@pytest.mark.parametrize("value", ["1899-12-31", "0001-01-01", "31/12/1899", dt.date(1, 1, 1)])
def test_dates_before_1900_are_refused(value) -> None:
    with pytest.raises(ValueProblem, match="1900-01-01 et 2100-12-31"):
        parse_date(value)


@pytest.mark.parametrize("value", ["2101-01-01", "9999-12-31", dt.date(9999, 12, 31)])
def test_dates_after_2100_are_refused(value) -> None:
    with pytest.raises(ValueProblem, match="1900-01-01 et 2100-12-31"):
        parse_date(value)


def test_the_first_and_last_days_are_accepted() -> None:
    assert parse_date("1900-01-01") == "1900-01-01"
    assert parse_date("2100-12-31") == "2100-12-31"


@pytest.mark.parametrize("value", ["9999-12-31 23:59", "0001-01-01T00:00", float("nan"), 1e300])
def test_date_times_out_of_range_are_refused(value) -> None:
    with pytest.raises(ValueProblem):
        parse_datetime(value)


def test_a_birth_date_before_1900_names_the_field() -> None:
    values = {
        "project_id": PROJECT,
        "first_name": "A",
        "last_name": "B",
        "birth_date": "1850-01-01",
    }
    label, message = problems("participant", values)["birth_date"]
    assert label == "Date de naissance"
    assert "1900-01-01" in message
