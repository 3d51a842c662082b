"""An access request: ``coordinator-app privacy export`` gives all that the profile holds about one
person (every kind of record that references them), as JSON and as a readable PDF, and the export
itself is inscribed in the register. Driven through the real command line entry point."""

from __future__ import annotations

import json
import re

import pytest
from pypdf import PdfReader

from coordinator_app.cli.main import main
from coordinator_app.domain.people import UNNAMED_ACTOR
from coordinator_app.store import disclosures, open_store
from tests.privacy.support import NAMES, add_youth


@pytest.fixture
def profile(tmp_path):
    """A profile where one youth is referenced by every kind that can reference a person."""
    folder = tmp_path / "profil"
    store = open_store(folder)
    youth = add_youth(store)
    other = store.create(
        "participant",
        {
            "project_id": youth["project_id"],
            "first_name": "Noah",
            "last_name": "Roy",
            "birth_date": "2010-05-05",
        },
    )
    store.update("participant", youth["id"], {"school_level": "cegep"})
    store.create(
        "visit",
        {
            "project_id": youth["project_id"],
            "visited_at": "2025-07-02T10:00",
            "place": "Salle paroissiale de Rimouski",
            "mode": "sur_place",
            "people_present": ["zoeline tremblay bouchard", "Noah Roy"],
        },
    )
    store.create(
        "visit",
        {
            "project_id": youth["project_id"],
            "visited_at": "2025-07-09T10:00",
            "place": "Bureau du CJE",
            "mode": "sur_place",
            "people_present": ["Noah Roy", "Zoéline Côté"],  # another Zoéline: not her
        },
    )
    disclosures.log_disclosure(
        store,
        action="export_participants",
        subject="Liste des participants du projet",
        participant_ids=[youth["id"], other["id"]],
        recipient="Caisse Desjardins de Rimouski",
        purpose="Formation en santé et sécurité",
    )
    with store.transaction():  # a sync conflict on her last name, as the sync engine stores it
        store.conn.execute(
            "INSERT INTO conflict (id, created_at, updated_at, target_kind, target_id, field, "
            "kept_value, other_value, status) VALUES ('c1', '2025-07-03', '2025-07-03', "
            "'participant', ?, 'last_name', ?, ?, 'ouvert')",
            (youth["id"], json.dumps(NAMES[1]), json.dumps("Tremblay")),
        )
    store.close()
    return folder, youth, other


def test_the_json_export_holds_every_kind_that_references_the_person(profile, tmp_path, capsys):
    folder, youth, other = profile
    target = tmp_path / "dossier.json"
    code = main(
        [
            "--data-dir",
            str(folder),
            "privacy",
            "export",
            "--participant",
            youth["id"],
            "-o",
            str(target),
        ]
    )
    assert code == 0
    assert "inscrite au registre" in capsys.readouterr().out
    dossier = json.loads(target.read_text(encoding="utf-8"))
    assert dossier["participant"]["first_name"] == NAMES[0]
    assert dossier["participant"]["school_level"] == "cegep"
    assert dossier["project"]["name"] == "CIEC de Rimouski"
    assert [v["place"] for v in dossier["visits"]] == ["Salle paroissiale de Rimouski"]
    assert [e["op"] for e in dossier["history"]] == ["create", "update"]
    actions = [e["action"] for e in dossier["access_log"]]
    assert actions == ["export_participants", "person_export"]  # including this very export
    assert dossier["conflicts"][0]["kept_value"] == NAMES[1]
    assert dossier["retention"]["anonymise_on"] == "2027-12-31"
    assert other["id"] not in json.dumps(dossier["participant"])

    store = open_store(folder)
    (logged,) = [e for e in store.find("access_log") if e["action"] == "person_export"]
    assert logged["participant_ids"] == [youth["id"]]
    assert logged["region_code"] == "01"
    store.close()


def test_the_pdf_export_is_readable(profile, tmp_path):
    folder, youth, _ = profile
    target = tmp_path / "dossier.pdf"
    args = ["--data-dir", str(folder), "privacy", "export", "--participant", youth["id"]]
    assert main([*args, "-o", str(target)]) == 0
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(target).pages).split())
    for expected in (
        f"{NAMES[0]} {NAMES[1]}",
        "Renseignements personnels détenus",
        "CIEC de Rimouski",
        "Salle paroissiale de Rimouski",
        "Caisse Desjardins de Rimouski",
        "Historique des modifications",
        "seront anonymisés le 31 décembre 2027",
    ):
        assert expected in text
    assert "Bureau du CJE" not in text
    assert re.search(r"Page 1 de \d", text)


def test_an_unknown_participant_is_a_one_line_error_and_nothing_is_written(
    profile, tmp_path, capsys
):
    folder, _, _ = profile
    target = tmp_path / "dossier.json"
    code = main(
        [
            "--data-dir",
            str(folder),
            "privacy",
            "export",
            "--participant",
            "inconnu",
            "-o",
            str(target),
        ]
    )
    assert code == 2
    assert (
        capsys.readouterr().err.strip()
        == "Erreur : Participant ou participante introuvable : inconnu"
    )
    assert not target.exists()
    store = open_store(folder)
    assert [e["action"] for e in store.find("access_log")] == ["export_participants"]
    store.close()


def test_withdraw_consent_and_purge_on_the_command_line(profile, capsys):
    folder, youth, _ = profile
    args = ["--data-dir", str(folder), "privacy"]
    assert main([*args, "purge", "--dry-run"]) == 0
    assert "Participants seraient anonymisés : 0" in capsys.readouterr().out
    assert main([*args, "withdraw-consent", "--participant", youth["id"]]) == 0
    assert "est anonymisé" in capsys.readouterr().out
    store = open_store(folder)
    assert store.require("participant", youth["id"])["first_name"] == "Anonyme"
    store.close()
    assert main([*args, "purge", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["participants"] == []


def test_find_gives_the_id_an_access_request_starts_from(profile, capsys):
    folder, youth, _ = profile
    assert main(["--data-dir", str(folder), "privacy", "find", "zoeline TREMBLAY"]) == 0
    (line,) = capsys.readouterr().out.strip().splitlines()
    assert line.startswith(youth["id"]) and "CIEC de Rimouski" in line
    assert main(["--data-dir", str(folder), "privacy", "find", "Personne Inconnue"]) == 0
    assert "Aucun participant" in capsys.readouterr().out


def test_exports_and_reports_with_names_are_registered_and_without_names_are_not(profile, tmp_path):
    folder, youth, other = profile
    base = ["--data-dir", str(folder)]
    assert main([*base, "export", "--kind", "participant", "-o", str(tmp_path / "sans.csv")]) == 0
    assert main([*base, "report", "fiche-projet", "--project", youth["project_id"],
                 "-o", str(tmp_path / "sans.pdf")]) == 0  # fmt: skip
    store = open_store(folder)
    assert len(store.find("access_log")) == 1  # only the fixture's entry
    store.close()

    target = tmp_path / "avec.csv"
    assert (
        main([*base, "export", "--kind", "participant", "-o", str(target), "--include-names"]) == 0
    )
    assert NAMES[1] in target.read_text(encoding="utf-8-sig")
    assert main([*base, "report", "fiche-projet", "--project", youth["project_id"],
                 "-o", str(tmp_path / "avec.pdf"), "--with-names"]) == 0  # fmt: skip
    store = open_store(folder)
    entries = store.find("access_log", order_by="created_at")[1:]
    assert [e["action"] for e in entries] == ["export_participants", "report_with_names"]
    assert sorted(entries[0]["participant_ids"]) == sorted([youth["id"], other["id"]])
    assert "avec.csv" in entries[0]["subject"] and "2 personnes" in entries[0]["subject"]
    assert entries[1]["project_id"] == youth["project_id"]
    # a profile whose person never gave a name says so: never the operating system's login
    assert {e["actor"] for e in entries} == {UNNAMED_ACTOR}
    store.close()
