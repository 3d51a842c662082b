"""The demo data set: realistic Québec records reproducing the organisation's published figures.

Pure and deterministic: the same seed and reference date give the same records (ids included), so
tests, screenshots and the annual report agree. For the latest year it reproduces exactly:
Jeune COOP 180 co-ops, 2 576 youth, 123 schools; CIEC 40 projects in 13 regions, 66 coordinators,
388 youth; farm co-ops 4–5 founded a year over fifteen years with 64 % still active five years after
founding and 44 % ten years after (cohort method, docs/indicators.md). An earlier season is included.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from coordinator_app.domain.demo_builder import DemoBuilder, DemoRecord
from coordinator_app.domain.demo_farms import farm_coops
from coordinator_app.domain.demo_people import (
    DEMO_PERSON_REGION,
    demo_account,
    demo_schools,
    demo_staff,
    reference_data,
)
from coordinator_app.domain.demo_seasons import (
    ciec_participants_and_contracts,
    ciec_season,
    jeune_coop_season,
)
from coordinator_app.domain.demo_visits import past_visits, planned_visits, workshops

# The demo's public names: the store loads it, the tests read its staff.
__all__ = ["DEMO_PERSON_REGION", "DemoRecord", "demo_account", "demo_staff", "generate_demo"]

# The published figures the latest year reproduces (seed/cqcm-presentation.md).
JEUNE_COOP_COUNT, JEUNE_COOP_YOUTH, JEUNE_COOP_SCHOOLS = 180, 2576, 123
CIEC_PROJECTS, CIEC_REGIONS, CIEC_COORDINATORS, CIEC_YOUTH = 40, 13, 66, 388


def generate_demo(seed: int, today: dt.date) -> Iterator[DemoRecord]:
    """Every demo record, parents before children. The latest year is ``today``'s year."""
    b = DemoBuilder(seed=seed, year=today.year, today=today)
    ref = reference_data(b)
    schools = demo_schools(b, ref["municipalities"], JEUNE_COOP_SCHOOLS + 17)
    previous = b.year - 1
    jeune_latest = jeune_coop_season(
        b, ref, schools, b.year, JEUNE_COOP_COUNT, JEUNE_COOP_YOUTH, JEUNE_COOP_SCHOOLS
    )
    jeune_coop_season(b, ref, schools, previous, 168, 2390, 118)
    ciec_latest = ciec_season(
        b,
        ref,
        schools,
        b.year,
        CIEC_PROJECTS,
        CIEC_REGIONS,
        CIEC_COORDINATORS,
        CIEC_YOUTH,
        latest=True,
    )
    ciec_season(b, ref, schools, previous, 36, 12, 58, 351, latest=False)
    ciec_participants_and_contracts(b, ciec_latest, b.year)
    farms = farm_coops(b, ref)
    regions_of = {r.id: r.values.get("region_code") for r in b.records if r.kind == "project"}
    # Every CIEC of the season is visited two or three times, most Jeune COOP once or twice,
    # the recent farm co-ops and the projects in preparation one to three times.
    followed = (
        [(pid, code, 2, 3) for pid, code, _ in ciec_latest]
        + [(pid, regions_of[pid], 1, 2) for pid in jeune_latest[::2]]
        + [(pid, code, 1, 3) for pid, code in farms[-30:]]
    )
    past_visits(b, followed, ref["staff"])
    workshops(b)
    planned_visits(b, followed)
    revenue = {r.id: r.values["revenue"] for r in b.records if r.kind == "__revenue__"}
    for record in b.records:
        if record.kind == "project" and record.id in revenue:
            record.values["revenue"] = revenue[record.id]
    yield from (r for r in b.records if r.kind != "__revenue__")
