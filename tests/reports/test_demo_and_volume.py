"""The reports on the demo data set (the published figures) and on a profile with 2 000 visits."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from coordinator_app.domain import fr_ca
from coordinator_app.reports import bilan_annuel, bilan_regional, fiche_projet, visite
from coordinator_app.reports.common import ReportOptions
from coordinator_app.store import open_store
from coordinator_app.store.demo import load_demo
from tests.reports.conftest import NOW, page_count, pdf_text

OPTIONS = ReportOptions()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory):
    store = open_store(tmp_path_factory.mktemp("demo") / "profil", clock=lambda: NOW)
    load_demo(store, seed=1)
    yield store
    store.close()


def test_annual_report_shows_the_published_figures(demo, tmp_path: Path):
    text = pdf_text(bilan_annuel.generate(demo, 2026, tmp_path / "annuel.pdf", OPTIONS))
    for figure in (
        "180 Jeune COOP",
        "2 576 jeunes",
        "123 écoles",
        "13 régions",
        "40 projets",
        "66 coordonnateurs",
        "388 jeunes",
        "64 % toujours actives après 5 ans",
        "44 % toujours actives après 10 ans",
        "Ensemble du Québec 180 2 576 40 388",
    ):
        assert figure in text, figure


def test_regional_summary_of_the_demo_counts_every_visit_made_this_year(demo, tmp_path: Path):
    every = [v for v in demo.find("visit") if v["visited_at"].startswith("2026")]
    visits = [v for v in every if v["status"] != "planifiee"]  # planned ones are not made yet
    assert visits and len(visits) < len(every)  # the demo has both this year
    out = bilan_regional.generate(
        demo, None, "2026-01-01", "2026-12-31", tmp_path / "r.pdf", OPTIONS
    )
    text = pdf_text(out)
    assert f"{fr_ca.number(len(visits))} visites" in text
    on_site = sum(v["mode"] == "sur_place" for v in visits)
    remote = len(visits) - on_site
    assert (
        f"Total {fr_ca.number(on_site)} {fr_ca.number(remote)} {fr_ca.number(len(visits))}" in text
    )


def test_project_sheet_and_visit_report_of_demo_records(demo, tmp_path: Path):
    visit = demo.find("visit", order_by="visited_at", descending=True, limit=1)[0]
    project = demo.require("project", visit["project_id"])
    sheet = pdf_text(fiche_projet.generate(demo, project["id"], tmp_path / "f.pdf", OPTIONS))
    assert project["name"] in sheet
    report = pdf_text(visite.generate(demo, visit["id"], tmp_path / "v.pdf", OPTIONS))
    moment = dt.datetime.fromisoformat(visit["visited_at"])
    assert f"{fr_ca.long_date(moment.date())}, {fr_ca.time_text(moment)}" in report


@pytest.fixture(scope="module")
def busy(tmp_path_factory: pytest.TempPathFactory):
    """A region with 30 projects, 8 coordinators and 2 000 visits in 2026."""
    store = open_store(tmp_path_factory.mktemp("volume") / "profil", clock=lambda: NOW)
    rng = random.Random(7)
    with store.transaction():
        coordinators = [
            store.create("coordinator", {"name": f"Coordonnatrice {i + 1}"})["id"] for i in range(8)
        ]
        projects = [
            store.create(
                "project",
                {"name": f"CIEC no {i + 1}", "program": "CIEC", "region_code": "16",
                 "season_year": 2026, "youth_count": 10, "coordinator_ids": coordinators[:2]},
            )["id"]
            for i in range(30)
        ]  # fmt: skip
        for i in range(2000):
            day = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(365))
            store.create(
                "visit",
                {"project_id": projects[i % 30], "visited_at": f"{day.isoformat()}T10:00",
                 "mode": "sur_place" if i % 3 else "a_distance",
                 "coordinator_id": coordinators[i % 8], "observations": "Suivi régulier."},
            )  # fmt: skip
    yield store
    store.close()


def test_regional_summary_over_2000_visits(busy, tmp_path: Path):
    out = bilan_regional.generate(
        busy, "16", "2026-01-01", "2026-12-31", tmp_path / "r.pdf", OPTIONS
    )
    text = pdf_text(out)
    assert "30 projets actifs 300 jeunes rejoints 2 000 visites 0 suivis en retard" in text
    # 2 000 visits over 8 coordinators: 250 each; 1 in 3 at a distance (667)
    assert text.count(" 250") >= 8
    assert "Total 1 333 667 2 000" in text
    assert page_count(out) <= 4  # aggregated, not one line per visit
