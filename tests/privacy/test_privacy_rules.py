"""Consent of minors, consent withdrawal, retention with a moved clock, the register of
communications: what the privacy officer relies on."""

from __future__ import annotations

import json

import pytest

from coordinator_app.domain import privacy as rules
from coordinator_app.domain.errors import ValidationFailed
from coordinator_app.domain.indicators import compute_indicators
from coordinator_app.protocol import retention as wire_retention
from coordinator_app.store import disclosures, open_store, people, privacy
from tests.privacy.support import NAMES, add_youth, fixed_clock


def _project(store, **values):
    base = {"name": "CIEC de Matane", "program": "CIEC", "region_code": "01", "season_year": 2025}
    return store.create("project", {**base, **values})


def _journal_size(store) -> int:
    return store.conn.execute("SELECT count(*) FROM journal").fetchone()[0]


# -- consent ---------------------------------------------------------------------------------------
def test_a_youth_under_14_without_a_parents_consent_is_refused_and_nothing_is_written(tmp_path):
    store = open_store(tmp_path / "p", clock=fixed_clock("2026-06-01"))
    project = _project(store)
    before = _journal_size(store)
    with pytest.raises(ValidationFailed) as refused:
        store.create(
            "participant",
            {
                "project_id": project["id"],
                "first_name": "Léa",
                "last_name": "Gagnon",
                "birth_date": "2013-02-01",  # 13 years old on 2026-06-01
                "consent_by": "Marie Gagnon (mère)",  # who, but neither date nor purposes
            },
        )
    assert "moins de 14 ans exige le consentement d'un parent ou tuteur" in str(refused.value)
    assert store.count("participant") == 0
    assert _journal_size(store) == before
    store.close()


def test_a_youth_under_14_with_who_date_and_purposes_is_saved(tmp_path):
    store = open_store(tmp_path / "p", clock=fixed_clock("2026-06-01"))
    project = _project(store)
    saved = store.create(
        "participant",
        {
            "project_id": project["id"],
            "first_name": "Léa",
            "last_name": "Gagnon",
            "birth_date": "2013-02-01",
            "consent_by": "Marie Gagnon (mère)",
            "consent_date": "2026-05-20",
            "consent_purposes": ["Participation à la CIEC", "Suivi par le CQCM"],
        },
    )
    assert saved["consent_purposes"] == ["Participation à la CIEC", "Suivi par le CQCM"]
    # A youth of 14 needs no parent's consent (Law 25 sets the age at 14).
    store.create(
        "participant",
        {
            "project_id": project["id"],
            "first_name": "Noah",
            "last_name": "Roy",
            "birth_date": "2012-06-01",
        },
    )
    assert store.count("participant") == 2
    store.close()


# -- withdrawal ----------------------------------------------------------------------------------
def test_withdrawing_consent_anonymises_by_a_change_that_syncs_and_counts_stay(tmp_path):
    store = open_store(tmp_path / "p", clock=fixed_clock("2026-06-01"))
    participant = add_youth(store, season_year=2026)
    store.mark_sent({e.change_id: 1 for e in store.pending_changes()})  # the server has the create
    projects = store.find("project")
    indicators_before = compute_indicators(projects, 2026)

    record = privacy.withdraw_consent(store, participant["id"])

    assert record["first_name"] == record["last_name"] == "Anonyme"
    assert record["birth_date"] == "2011-01-01"  # the year only
    assert record["anonymised"] is True and record["deleted"] is False
    (pending,) = store.pending_changes()
    assert pending.op == "update" and pending.record_id == participant["id"]
    assert pending.fields["first_name"][1] == "Anonyme"
    assert store.count("participant", equals={"project_id": participant["project_id"]}) == 1
    assert compute_indicators(store.find("project"), 2026) == indicators_before
    # The history the server already has no longer shows the names either.
    create = store.history("participant", participant["id"])[0]
    assert create.fields["first_name"] == [None, "Anonyme"]
    assert create.fields["birth_date"] == [None, "2011-01-01"]
    # Once the anonymising change is acknowledged, the next purge scrubs its old values too.
    store.mark_sent({pending.change_id: 2})
    privacy.purge(store)
    text = json.dumps([e.fields for e in store.history("participant", participant["id"])])
    assert NAMES[0] not in text and NAMES[1] not in text
    store.close()


# -- retention -----------------------------------------------------------------------------------
def test_retention_anonymises_24_months_after_the_season_end_with_a_moved_clock(tmp_path):
    folder = tmp_path / "p"
    store = open_store(folder, clock=fixed_clock("2024-06-01"))
    youth = add_youth(store, season_year=2024, end_date="2024-08-15")
    gone = add_youth(store, season_year=2024, end_date="2024-08-15")
    store.delete("participant", gone["id"])  # a deleted record still holds the names
    recent = add_youth(store, season_year=2025)  # season ends 2025-12-31 (no end date)
    store.close()

    store = open_store(folder, clock=fixed_clock("2026-08-14"))
    assert privacy.purge(store, dry_run=True) == []
    store.close()

    store = open_store(folder, clock=fixed_clock("2026-08-15"))
    before = _journal_size(store)
    planned = privacy.purge(store, dry_run=True)
    assert {i.participant_id for i in planned} == {youth["id"], gone["id"]}
    assert _journal_size(store) == before  # a dry run changes nothing
    assert store.require("participant", youth["id"])["first_name"] == NAMES[0]
    done = privacy.purge(store)
    assert done == planned
    assert store.require("participant", youth["id"])["last_name"] == "Anonyme"
    tombstone = store.get("participant", gone["id"], include_deleted=True)
    assert tombstone["first_name"] == "Anonyme" and tombstone["deleted"] is True
    assert store.require("participant", recent["id"])["first_name"] == NAMES[0]
    assert privacy.purge(store) == []  # already done
    store.close()

    store = open_store(folder, clock=fixed_clock("2027-12-31"))
    assert [i.participant_id for i in privacy.purge(store)] == [recent["id"]]
    assert store.count("participant", include_deleted=True) == 3
    store.close()


def test_the_servers_rules_override_the_default_and_bad_ones_are_ignored(tmp_path):
    store = open_store(tmp_path / "p", clock=fixed_clock("2025-01-01"))
    add_youth(store, season_year=2024, end_date="2024-08-15")
    store.close()
    store = open_store(tmp_path / "p", clock=fixed_clock("2025-09-01"))
    assert privacy.purge(store, dry_run=True) == []
    privacy.set_retention_rules(store, {"participant_personal_months": 12})
    assert privacy.retention_rules(store) == {"participant_personal_months": 12}
    assert len(privacy.purge(store, dry_run=True)) == 1
    store.set_meta(privacy.RETENTION_META_KEY, '{"participant_personal_months": -5}')
    assert privacy.retention_rules(store) == {"participant_personal_months": 24}
    store.set_meta(privacy.RETENTION_META_KEY, "pas du JSON")
    assert privacy.retention_rules(store) == {"participant_personal_months": 24}
    store.close()


def test_laptop_and_server_compute_the_same_anonymised_values():
    """The server anonymises with ``protocol.retention``; a different value on the laptop would
    make every anonymisation a sync conflict."""
    participant = {
        "first_name": "Zoé",
        "last_name": "Roy",
        "birth_date": "2011-09-17",
        "consent_by": "Luc Roy",
        "anonymised": False,
    }
    assert rules.anonymised_participant(participant) == wire_retention.anonymised_participant(
        participant
    )
    assert rules.ANONYMISED_NAME == wire_retention.ANONYMISED_NAME
    assert rules.RETENTION_DEFAULTS == wire_retention.RETENTION_DEFAULTS
    for project in ({"end_date": "2024-08-15"}, {"season_year": 2023}, {}):
        assert rules.season_end(project) == wire_retention.season_end(project)


# -- register of communications ------------------------------------------------------------------
def test_a_disclosure_is_registered_per_region_as_changes_that_sync(tmp_path):
    store = open_store(tmp_path / "p", clock=fixed_clock("2026-06-01"))
    people.set_local_name(store, "Julie Côté")
    store.close()
    store = open_store(tmp_path / "p", clock=fixed_clock("2026-06-01"))
    east = add_youth(store)
    west_project = _project(store, name="CIEC de Gatineau", region_code="07")
    west = store.create(
        "participant",
        {
            "project_id": west_project["id"],
            "first_name": "Éli",
            "last_name": "Roy",
            "birth_date": "2010-01-01",
        },
    )
    entries = disclosures.log_disclosure(
        store,
        action="export_participants",
        subject="Liste des participants (CSV)",
        participant_ids=[east["id"], west["id"]],
        recipient="Caisse Desjardins de Matane",
        purpose="Liste de présence de la formation",
    )
    assert [(e["region_code"], e["participant_ids"]) for e in entries] == [
        ("01", [east["id"]]),
        ("07", [west["id"]]),
    ]
    assert {e["actor"] for e in entries} == {"Julie Côté"}
    assert entries[0]["logged_at"].startswith("2026-06-01T")
    pending = [e for e in store.pending_changes() if e.kind == "access_log"]
    assert len(pending) == 2 and all(e.op == "create" for e in pending)
    assert disclosures.disclosures_about(store, east["id"]) == [entries[0]]
    store.close()


def test_anonymising_also_removes_the_name_from_visits_and_their_history(tmp_path):
    store = open_store(tmp_path / "p", clock=fixed_clock("2026-06-01"))
    youth = add_youth(store, season_year=2026)
    visit = store.create(
        "visit",
        {
            "project_id": youth["project_id"],
            "visited_at": "2026-05-20T09:30",
            "mode": "sur_place",
            "people_present": ["Julie Côté", "ZOÉLINE Tremblay Bouchard", "Noah Roy"],
        },
    )
    store.mark_sent({e.change_id: 1 for e in store.pending_changes()})

    privacy.withdraw_consent(store, youth["id"])

    present = store.require("visit", visit["id"])["people_present"]
    assert present == ["Julie Côté", "Anonyme", "Noah Roy"]  # still three people present
    pending = [e for e in store.pending_changes() if e.kind == "visit"]
    assert [e.fields["people_present"][1] for e in pending] == [present]
    store.mark_sent({e.change_id: 2 for e in store.pending_changes()})
    privacy.purge(store)
    history = json.dumps(
        [e.fields for e in store.history("visit", visit["id"])], ensure_ascii=False
    )
    assert "ZOÉLINE" not in history and "Tremblay" not in history
    assert "Julie Côté" in history
    store.close()


def test_a_season_purge_of_many_participants_passes_over_the_visits_once(tmp_path):
    """388 youth and 250 visits (the demo's size) anonymised in one purge: every name leaves
    every visit, and the counts stay."""
    store = open_store(tmp_path / "p", clock=fixed_clock("2024-06-01"))
    project = store.create(
        "project", {"name": "CIEC", "program": "CIEC", "region_code": "01", "season_year": 2024}
    )
    with store.transaction():
        people = [
            store.create(
                "participant",
                {
                    "project_id": project["id"],
                    "first_name": f"Prénom{n}",
                    "last_name": f"Nom{n}",
                    "birth_date": "2008-01-01",
                },
            )
            for n in range(388)
        ]
        for n in range(250):
            store.create(
                "visit",
                {
                    "project_id": project["id"],
                    "visited_at": "2024-07-01T10:00",
                    "mode": "sur_place",
                    "people_present": [f"Prénom{k} Nom{k}" for k in range(n % 50, n % 50 + 5)],
                },
            )
    store.close()
    store = open_store(tmp_path / "p", clock=fixed_clock("2027-01-01"))
    assert len(privacy.purge(store)) == len(people)
    everything = json.dumps(store.find("visit")) + json.dumps(store.find("participant"))
    assert "Nom1" not in everything and "Prénom" not in everything
    assert store.count("participant") == 388
    store.close()
