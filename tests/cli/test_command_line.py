"""The command line as a user runs it: real processes, real profile folders, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from coordinator_app import __version__
from coordinator_app.store.connection import open_connection
from coordinator_app.store.migrations import LATEST_VERSION
from coordinator_app.store.paths import database_path


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "coordinator_app", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture(scope="module")
def demo_profile(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    result = run("--data-dir", str(folder), "demo")
    assert result.returncode == 0, result.stderr
    assert "Données de démonstration chargées" in result.stdout
    return folder


def test_status_json_shows_exactly_the_published_figures(demo_profile):
    result = run("--data-dir", str(demo_profile), "status", "--json")
    assert result.returncode == 0, result.stderr
    status = json.loads(result.stdout)
    indicators = status["indicators"]
    assert {
        k: indicators[k] for k in ("jeune_coop_count", "jeune_coop_youth", "jeune_coop_schools")
    } == {
        "jeune_coop_count": 180,
        "jeune_coop_youth": 2576,
        "jeune_coop_schools": 123,
    }
    assert (
        indicators["ciec_projects"],
        indicators["ciec_regions"],
        indicators["ciec_coordinators"],
        indicators["ciec_youth"],
    ) == (40, 13, 66, 388)
    assert (indicators["survival_5y_pct"], indicators["survival_10y_pct"]) == (64, 44)
    assert set(indicators["farm_coops_created_by_year"].values()) <= {4, 5}
    assert len(indicators["farm_coops_created_by_year"]) == 15
    assert status["last_sync"] is None
    assert status["pending_changes"] > 0


def test_status_for_an_earlier_year_and_a_year_without_data(demo_profile):
    status = json.loads(
        run("--data-dir", str(demo_profile), "status", "--json", "--year", str(2025)).stdout
    )
    assert (status["indicators_year"], status["indicators"]["ciec_projects"]) == (2025, 36)
    result = run("--data-dir", str(demo_profile), "status", "--year", "1995")
    assert result.returncode == 2
    assert result.stderr.strip() == "Erreur : Aucun projet pour l'année 1995 dans ce profil."


def test_status_in_french_for_people(demo_profile):
    result = run("--data-dir", str(demo_profile), "status")
    assert "Jeune COOP : 180 coopératives, 2\u00a0576 jeunes, 123 écoles" in result.stdout
    assert "Dernière synchronisation : jamais synchronisé" in result.stdout
    assert "Personne : Laurence Ouellet (compte demo-03)" in result.stdout  # the demo's person


def test_set_name_gives_a_profile_without_server_its_person(tmp_path):
    folder = str(tmp_path / "seule")
    assert "Personne : non nommée" in run("--data-dir", folder, "status").stdout
    result = run("--data-dir", folder, "set-name", "  Marie   Tremblay ")
    assert result.returncode == 0 and "Votre nom : Marie Tremblay." in result.stdout
    status = json.loads(run("--data-dir", folder, "status", "--json").stdout)
    assert status["person"]["name"] == "Marie Tremblay"
    assert status["person"]["account"].startswith("local:")  # no server account yet
    refused = run("--data-dir", folder, "set-name", " ")
    assert refused.returncode == 2 and "Votre nom est obligatoire" in refused.stderr


def test_demo_on_a_non_empty_profile_refuses_and_changes_nothing(demo_profile):
    before = json.loads(run("--data-dir", str(demo_profile), "status", "--json").stdout)
    result = run("--data-dir", str(demo_profile), "demo")
    assert result.returncode == 2
    assert "déjà des données" in result.stderr and "Traceback" not in result.stderr
    after = json.loads(run("--data-dir", str(demo_profile), "status", "--json").stdout)
    assert after == before


def test_version():
    result = run("--version")
    assert (result.returncode, result.stdout.strip()) == (0, f"Carnet COOP {__version__}")


@pytest.mark.parametrize(
    "args", [["bogus"], ["status", "--year", "deux-mille"], ["demo", "--seed"]]
)
def test_bad_arguments_exit_2_with_one_message_and_no_traceback(args, tmp_path):
    result = run("--data-dir", str(tmp_path), *args)
    assert result.returncode == 2
    assert "Erreur :" in result.stderr and "Traceback" not in result.stderr


def test_unwritable_data_dir_is_a_user_error(tmp_path):
    blocker = tmp_path / "fichier"
    blocker.write_text("pas un dossier")
    result = run("--data-dir", str(blocker / "profil"), "status")
    assert result.returncode == 2
    assert "Impossible d'écrire dans le dossier du profil" in result.stderr


def test_environment_variable_chooses_the_profile(tmp_path):
    result = run("status", "--json", env={"COORDINATOR_APP_DATA_DIR": str(tmp_path / "profil")})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["profile"] == str(database_path(tmp_path / "profil"))


def test_profile_from_a_newer_version_is_refused(tmp_path):
    assert run("--data-dir", str(tmp_path), "status").returncode == 0
    conn = open_connection(database_path(tmp_path))
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 5}")
    conn.close()
    result = run("--data-dir", str(tmp_path), "status")
    assert result.returncode == 2
    assert "version plus récente" in result.stderr


def test_unexpected_failure_exits_1_with_the_log_path(tmp_path):
    assert run("--data-dir", str(tmp_path), "status").returncode == 0
    conn = open_connection(database_path(tmp_path))
    conn.execute("DROP TABLE project")
    conn.close()
    result = run("--data-dir", str(tmp_path), "status")
    assert result.returncode == 1
    log = tmp_path / "logs" / "carnet.log"
    assert str(log) in result.stderr
    assert "Traceback" in log.read_text(encoding="utf-8")
    assert "Traceback" not in result.stderr
