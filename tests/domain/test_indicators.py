"""The indicators and the survival method (cohort) on small, hand-checked data."""

from __future__ import annotations

import datetime as dt

from coordinator_app.domain import fr_ca
from coordinator_app.domain.indicators import compute_indicators, survival_rate


def farm(founded: str, closed: str | None = None) -> dict:
    return {
        "program": "FERME_COOP",
        "region_code": "01",
        "founding_date": founded,
        "closure_date": closed,
    }


def test_survival_counts_only_co_ops_old_enough():
    farms = [
        farm("2015-03-01"),
        farm("2016-03-01", "2018-01-01"),
        farm("2016-05-01", "2022-01-01"),
        farm("2024-01-01"),
    ]
    assert survival_rate(farms, 5, dt.date(2026, 12, 31)) == (67, 3)
    assert survival_rate(farms, 10, dt.date(2026, 12, 31)) == (33, 3)


def test_survival_is_none_without_a_cohort():
    assert survival_rate([farm("2025-01-01")], 5, dt.date(2026, 12, 31)) == (None, 0)


def test_indicators_count_the_year_only():
    projects = [
        {
            "program": "CIEC",
            "season_year": 2026,
            "region_code": "02",
            "coordinator_ids": ["a", "b"],
            "youth_count": 12,
        },
        {
            "program": "CIEC",
            "season_year": 2026,
            "region_code": "03",
            "coordinator_ids": ["b", "c"],
            "youth_count": 9,
        },
        {
            "program": "CIEC",
            "season_year": 2025,
            "region_code": "04",
            "coordinator_ids": ["d"],
            "youth_count": 7,
        },
        {
            "program": "JEUNE_COOP",
            "season_year": 2026,
            "region_code": "05",
            "school_id": "s1",
            "youth_count": 20,
        },
        {
            "program": "JEUNE_COOP",
            "season_year": 2026,
            "region_code": "05",
            "school_id": "s1",
            "youth_count": 15,
        },
    ]
    found = compute_indicators(projects, 2026)
    assert (found.ciec_projects, found.ciec_regions, found.ciec_coordinators, found.ciec_youth) == (
        2,
        2,
        3,
        21,
    )
    assert (found.jeune_coop_count, found.jeune_coop_youth, found.jeune_coop_schools) == (2, 35, 1)


def test_fr_ca_formats():
    assert fr_ca.number(2576) == "2\u00a0576"
    assert fr_ca.money_cents(123456) == "1\u00a0234,56\u00a0$"
    assert fr_ca.percent(64) == "64\u00a0%"
    assert fr_ca.long_date("2026-11-26") == "le 26 novembre 2026"
    assert fr_ca.long_date("2026-11-01") == "le 1er novembre 2026"
    assert fr_ca.time_text("2026-11-26T14:30") == "14 h 30"
    assert fr_ca.time_text("2026-11-26T09:00") == "9 h"
