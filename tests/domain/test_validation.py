"""Each validation rule with good and bad values, as a coordinator would type them."""

from __future__ import annotations

import datetime as dt

import pytest

from coordinator_app.domain.errors import ValidationFailed
from coordinator_app.domain.validation import clean_record, consent_missing

TODAY = dt.date(2026, 11, 26)


def problems(kind: str, values: dict) -> dict[str, str]:
    """Field name → French message for every problem, or {} when the record is valid."""
    try:
        clean_record(kind, values, today=TODAY)
    except ValidationFailed as failure:
        return {p.field: p.message for p in failure.problems}
    return {}


def organisation(**overrides) -> dict:
    return {
        "name": "Caisse Desjardins de Rimouski",
        "org_kind": "caisse",
        "region_code": "01",
        **overrides,
    }


@pytest.mark.parametrize("code", ["G1R 4S9", "g1r4s9", "H2X 1Y4"])
def test_postal_codes_accepted_and_normalised(code):
    clean = clean_record("organisation", organisation(postal_code=code), today=TODAY)
    assert clean["postal_code"] in ("G1R 4S9", "H2X 1Y4")


@pytest.mark.parametrize("code", ["G1R 4S", "12345", "D1R 4S9", "G1R-4S9X"])
def test_bad_postal_codes_say_what_is_expected(code):
    assert "G1R 4S9" in problems("organisation", organisation(postal_code=code))["postal_code"]


@pytest.mark.parametrize("email", ["marie.tremblay@cqcm.coop", "A@B.QC.CA"])
def test_emails_accepted(email):
    assert (
        clean_record("organisation", organisation(email=email), today=TODAY)["email"]
        == email.lower()
    )


@pytest.mark.parametrize("email", ["marie", "marie@", "marie@cqcm", "a b@c.ca"])
def test_bad_emails_rejected(email):
    assert "courriel" in problems("organisation", organisation(email=email))["email"]


@pytest.mark.parametrize(
    ("phone", "expected"),
    [
        ("418-555-1234", "418 555-1234"),
        ("1 (514) 555 9876", "514 555-9876"),
        ("418 555-1234 poste 22", "418 555-1234, poste 22"),
    ],
)
def test_phones_normalised(phone, expected):
    assert clean_record("organisation", organisation(phone=phone), today=TODAY)["phone"] == expected


def test_bad_phone_rejected():
    assert "10 chiffres" in problems("organisation", organisation(phone="555-1234"))["phone"]


def test_required_fields_and_enumerations_named_in_french():
    found = problems("organisation", {"org_kind": "banque"})
    assert found["name"] == "ce champ est obligatoire"
    assert found["region_code"] == "ce champ est obligatoire"
    assert "« Caisse Desjardins »" in found["org_kind"]


@pytest.mark.parametrize(
    "region", ["03", "3", 3, "Capitale-Nationale", "capitale nationale", "CAPITALE–NATIONALE"]
)
def test_regions_by_code_or_name(region):
    assert (
        clean_record("organisation", organisation(region_code=region), today=TODAY)["region_code"]
        == "03"
    )


@pytest.mark.parametrize("region", ["18", "0", "Nouvelle-Angleterre"])
def test_unknown_regions_rejected(region):
    assert (
        "région du Québec"
        in problems("organisation", organisation(region_code=region))["region_code"]
    )


def project(**overrides) -> dict:
    return {
        "name": "CIEC de Rimouski",
        "program": "CIEC",
        "region_code": "01",
        "season_year": 2026,
        **overrides,
    }


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2026-11-26", "2026-11-26"),
        ("26/11/2026", "2026-11-26"),
        (46352, "2026-11-26"),
        (dt.date(2026, 11, 26), "2026-11-26"),
    ],
)
def test_dates_in_every_accepted_form(raw, iso):
    assert clean_record("project", project(start_date=raw), today=TODAY)["start_date"] == iso


@pytest.mark.parametrize("raw", ["2026-02-30", "demain", "11/26/2026"])
def test_impossible_or_foreign_dates_rejected(raw):
    assert "date" in problems("project", project(start_date=raw))["start_date"]


def test_dates_must_be_in_order():
    found = problems("project", project(start_date="2026-06-01", end_date="2026-05-01"))
    assert found == {"end_date": "doit suivre la date de début (2026-06-01)"}


@pytest.mark.parametrize(
    ("raw", "cents"),
    [
        ("1 234,56 $", 123456),
        ("1234.56", 123456),
        (1234.5, 123450),
        ("1\u00a0000", 100000),
        (1200, 1200),
    ],
)
def test_amounts_in_french_and_english_forms(raw, cents):
    assert clean_record("project", project(revenue=raw), today=TODAY)["revenue"] == cents


@pytest.mark.parametrize(
    ("raw", "message"), [("-5", "positif"), ("douze", "montant"), ("1,234", "deux décimales")]
)
def test_bad_amounts_rejected(raw, message):
    assert message in problems("project", project(revenue=raw))["revenue"]


def test_program_specific_required_field_and_stage_of_the_right_program():
    found = problems(
        "project",
        {
            "name": "Café étudiant",
            "program": "JEUNE_COOP",
            "region_code": "05",
            "season_year": 2026,
            "stage": "constitution",
        },
    )
    assert found["school_id"] == "ce champ est obligatoire"
    assert "« Démarrage »" in found["stage"]


def test_fields_of_another_program_are_dropped():
    clean = clean_record("project", project(coop_type="travailleurs"), today=TODAY)
    assert clean["coop_type"] is None


def participant(**overrides) -> dict:
    return {
        "project_id": "p1",
        "first_name": "Léa",
        "last_name": "Tremblay",
        "birth_date": "2013-05-01",
        **overrides,
    }


def test_participant_under_14_needs_parental_consent():
    assert "moins de 14 ans" in problems("participant", participant())["consent_by"]


def test_participant_under_14_with_consent_is_accepted():
    consent = {
        "consent_by": "Julie Tremblay (mère)",
        "consent_date": "2026-05-20",
        "consent_purposes": "Participation; Suivi",
    }
    clean = clean_record("participant", participant(**consent), today=TODAY)
    assert clean["consent_purposes"] == ["Participation", "Suivi"]
    assert not consent_missing(clean, TODAY)


def test_participant_of_14_or_more_needs_no_consent():
    assert problems("participant", participant(birth_date="2012-11-26")) == {}


def test_birth_date_in_the_future_rejected():
    assert "futur" in problems("participant", participant(birth_date="2027-01-01"))["birth_date"]


def test_every_problem_is_reported_not_just_the_first():
    found = problems(
        "visit", {"visited_at": "hier", "mode": "en avion", "observations": "x" * 50001}
    )
    assert set(found) == {"project_id", "visited_at", "mode", "observations"}


def test_datetime_forms():
    clean = clean_record(
        "visit",
        {"project_id": "p1", "visited_at": "2026-11-26 14 h 30", "mode": "Sur place"},
        today=TODAY,
    )
    assert (clean["visited_at"], clean["mode"]) == ("2026-11-26T14:30", "sur_place")


def test_stored_money_parses_back_to_itself():
    """Cents are canonical: re-validating a stored record must not multiply its amounts."""
    first = clean_record("project", project(revenue="5 234,56"), today=TODAY)
    again = clean_record("project", first, today=TODAY)
    assert first["revenue"] == again["revenue"] == 523456


def test_consent_message_sits_under_the_consent_field_still_missing():
    partial = participant(consent_by="Julie Tremblay (mère)", consent_date="2026-05-20")
    found = problems("participant", partial)
    assert "consent_by" not in found
    assert "moins de 14 ans" in found["consent_purposes"]


def test_a_consent_dated_in_the_future_is_refused():
    later = (TODAY + dt.timedelta(days=3)).isoformat()
    found = problems(
        "participant",
        participant(
            consent_by="Julie Tremblay (mère)", consent_date=later, consent_purposes="Suivi"
        ),
    )
    assert found["consent_date"] == "ne peut pas être dans le futur"
