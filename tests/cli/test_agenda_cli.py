"""``coordinator-app agenda``: plan, list, move, record, export to .ics and print the week, as a
user runs it (real processes, a real profile)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from coordinator_app.domain.demo import demo_staff
from coordinator_app.store import open_store
from tests.cli.test_command_line import run

# Kept to look at, never committed (gitignored): the docs hold a chosen copy.
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "screens"


@pytest.fixture(scope="module")
def profile(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("agenda")
    assert run("--data-dir", str(folder), "demo").returncode == 0
    return folder


def app(profile: Path, *args: str) -> subprocess.CompletedProcess:
    return run("--data-dir", str(profile), "agenda", *args)


def ok(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def _project_and_today(profile: Path) -> tuple[str, dt.date, list[str]]:
    store = open_store(profile)
    try:
        project = store.find("project", equals={"name": "CIEC de Gaspé"})[0]
        # a participant may share a name with a CQCM staff member, who is named on purpose
        staff = {p["name"] for p in demo_staff()}
        names = [f"{p['first_name']} {p['last_name']}" for p in store.find("participant")]
        names = [n for n in names if n not in staff]
        return project["id"], store.today(), names
    finally:
        store.close()


def test_plan_list_move_and_record_a_visit_from_the_command_line(profile):
    project_id, today, _names = _project_and_today(profile)
    day = today + dt.timedelta(days=1)
    out = ok(
        app(
            profile,
            "plan",
            "--project",
            project_id,
            "--at",
            f"{day} 09:30",
            "--place",
            "Salle paroissiale",
            "--purpose",
            "Préparer l'ouverture",
        )
    )
    visit_id = re.search(r": ([0-9a-f-]{36})$", out.strip()).group(1)
    assert ", 9 h 30" in out
    listing = ok(app(profile, "list", "--from", str(day), "--to", str(day)))
    assert f"Visite planifiée · CIEC de Gaspé — Salle paroissiale [{visit_id}]" in listing

    later = day + dt.timedelta(days=2)
    assert "14 h" in ok(app(profile, "move", visit_id, "--to", f"{later}T14:00"))
    ok(app(profile, "done", visit_id, "--observations", "Tout est prêt."))
    store = open_store(profile)
    visit = store.require("visit", visit_id)
    store.close()
    assert (visit["status"], visit["visited_at"], visit["observations"]) == (
        "faite",
        f"{later}T14:00",
        "Tout est prêt.",
    )
    refused = app(profile, "move", visit_id, "--to", str(later))
    assert refused.returncode == 2 and "déjà faite" in refused.stderr


def test_bad_input_is_refused_in_french_and_writes_nothing(profile, tmp_path):
    unknown = app(profile, "plan", "--project", "inconnu", "--at", "2026-12-09 09:30")
    assert unknown.returncode == 2 and "Projet introuvable" in unknown.stderr
    project_id, _today, _names = _project_and_today(profile)
    bad_date = app(profile, "plan", "--project", project_id, "--at", "2026-02-30 09:30")
    assert bad_date.returncode == 2 and "Date de la visite" in bad_date.stderr
    wrong = app(profile, "export", "-o", str(tmp_path / "semaine.txt"))
    assert wrong.returncode == 2 and ".ics" in wrong.stderr
    backwards = app(
        profile,
        "export",
        "-o",
        str(tmp_path / "a.ics"),
        "--from",
        "2026-12-09",
        "--to",
        "2026-12-01",
    )
    assert backwards.returncode == 2 and "Période invalide" in backwards.stderr
    assert list(tmp_path.iterdir()) == []


def test_export_is_an_icalendar_file_with_stable_uids_and_no_participant_name(profile, tmp_path):
    project_id, today, names = _project_and_today(profile)
    ok(
        app(
            profile,
            "plan",
            "--project",
            project_id,
            "--at",
            f"{today + dt.timedelta(days=3)} 10:15",
        )
    )
    first, second = tmp_path / "semaine.ics", tmp_path / "semaine-2.ics"
    assert "événements exportés" in ok(app(profile, "export", "-o", str(first)))
    ok(app(profile, "export", "-o", str(second)))
    one, two = (Calendar.from_ical(p.read_bytes()) for p in (first, second))
    assert one.events and [tz["TZID"] for tz in one.timezones] == ["America/Toronto"]
    assert str(one["VERSION"]) == "2.0"
    assert sorted(str(e["UID"]) for e in one.events) == sorted(str(e["UID"]) for e in two.events)
    kinds = {str(e["UID"]).split("-", 1)[0] for e in one.events}
    assert {"visit", "action"} <= kinds
    timed = [e for e in one.events if str(e["UID"]).startswith("visit-")]
    assert all(str(e.DTSTART.tzinfo) == "America/Toronto" for e in timed)
    text = first.read_text(encoding="utf-8")
    assert names and not any(name in text for name in names)


def test_the_week_prints_as_a_pdf_with_every_day(profile, tmp_path):
    project_id, today, _names = _project_and_today(profile)
    ok(app(profile, "plan", "--project", project_id, "--at", f"{today} 11:00", "--place", "Aréna"))
    pdf = tmp_path / "semaine.pdf"
    assert "Rapport écrit" in ok(app(profile, "print", "-o", str(pdf), "--week", str(today)))
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert "Agenda de la semaine" in text
    for day in ("Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche"):
        assert day in text
    assert "11 h" in text and "Aréna" in text
    if shutil.which("pdftoppm"):  # the image looked at (docs/screenshots/agenda-semaine-pdf.png)
        SHOTS.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "70",
                "-png",
                "-singlefile",
                str(pdf),
                str(SHOTS / "agenda-semaine-pdf"),
            ],
            check=True,
        )
