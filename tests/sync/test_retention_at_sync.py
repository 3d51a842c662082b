"""Law 25 retention applied at sync: past their period, participants are anonymised on the
laptop with the server's rule, and the anonymisation reaches the other laptops as an ordinary
change. The youth still count in the indicators (``youth_count`` is untouched)."""

from __future__ import annotations

from coordinator_app.store import privacy


def old_season_with_a_participant(store):
    project = store.create(
        "project",
        {"name": "CIEC de Matane", "program": "CIEC", "region_code": "03", "season_year": 2022,
         "end_date": "2022-09-30", "youth_count": 9},
    )  # fmt: skip
    youth = store.create(
        "participant",
        {"project_id": project["id"], "first_name": "Léa", "last_name": "Tremblay",
         "birth_date": "2007-03-14"},
    )  # fmt: skip
    return project, youth


def test_a_participant_past_the_retention_period_is_anonymised_at_sync_everywhere(laptops):
    a, b = laptops("alice"), laptops("bruno")
    project, youth = old_season_with_a_participant(a.store)
    report = a.sync()
    assert report.anonymised == 1
    kept = a.store.require("participant", youth["id"])
    assert (kept["first_name"], kept["last_name"], kept["anonymised"]) == (
        "Anonyme",
        "Anonyme",
        True,
    )
    assert kept["birth_date"].startswith("2007")
    assert privacy.retention_rules(a.store)["participant_personal_months"] == 24
    a.sync()  # pushes the anonymisation
    b.sync()
    seen = b.store.require("participant", youth["id"])
    assert (seen["first_name"], seen["last_name"]) == ("Anonyme", "Anonyme")
    assert b.store.require("project", project["id"])["youth_count"] == 9


def test_nothing_due_means_nothing_changes(laptops):
    a = laptops("alice")
    project = a.store.create(
        "project",
        {"name": "CIEC de Gaspé", "program": "CIEC", "region_code": "03", "season_year": 2026},
    )
    youth = a.store.create(
        "participant",
        {
            "project_id": project["id"],
            "first_name": "Noah",
            "last_name": "Roy",
            "birth_date": "2010-01-02",
        },
    )
    assert a.sync().anonymised == 0
    assert a.store.require("participant", youth["id"])["first_name"] == "Noah"
    assert a.store.pending_count() == 0
