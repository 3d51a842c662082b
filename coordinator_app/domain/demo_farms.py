"""The demo's farm co-ops: fifteen founding years meeting the published survival rates, the
projects still in preparation, and their funding requests.

The fates (closing after so many years, or not) are planned first and shuffled, so the cohort
figures hold whatever the seed; the dates and details are drawn around them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from coordinator_app.domain import demo_names as names
from coordinator_app.domain.demo_builder import (
    DemoBuilder,
    history_so_far,
    of_place,
    unique_name,
)
from coordinator_app.domain.regions import REGIONS
from coordinator_app.domain.stages import FERME_COOP

# Farm co-ops: 15 founding years. The 10-year cohort (5 oldest years) has 25 co-ops of which 11 reach
# ten years (44 %); the 5-year cohort (10 oldest years) has 50 of which 32 reach five years (64 %).
FARM_YEARS = 15


def _farm_plan(b: DemoBuilder) -> list[tuple[int, int | None]]:
    """(founding year, years until closure or None) for every farm co-op, meeting the survival figures."""
    plan: list[tuple[int, int | None]] = []
    oldest = b.year - FARM_YEARS + 1
    # 10-year cohort: 25 co-ops; 9 close before 5 years, 5 between 5 and 10, 11 reach ten years.
    fates_old = [2] * 9 + [7] * 5 + [None] * 8 + [12] * 3
    # Next five years: 25 co-ops; 9 close before 5 years, 16 reach five years.
    fates_mid = [3] * 9 + [None] * 14 + [6] * 2
    b.rng.shuffle(fates_old)
    b.rng.shuffle(fates_mid)
    for offset in range(5):
        plan += [(oldest + offset, fate) for fate in fates_old[offset * 5 : offset * 5 + 5]]
        plan += [(oldest + 5 + offset, fate) for fate in fates_mid[offset * 5 : offset * 5 + 5]]
    for offset in range(5):  # the most recent five years: 4 or 5 a year, one early closure
        year = oldest + 10 + offset
        plan += [
            (year, 1 if (offset == 1 and i == 0) else None) for i in range(4 + (offset % 2 == 0))
        ]
    return sorted(plan, key=lambda item: item[0])


def farm_coops(b: DemoBuilder, ref: dict[str, Any]) -> list[tuple[str, str]]:
    """Every farm co-op founded over the fifteen years, then the projects still in preparation;
    returns (project id, region) pairs in that order (the visits follow the most recent)."""
    used = b.names_in(FERME_COOP)
    rural = [code for code in REGIONS if code not in ("06", "13")]
    created = [
        _founded_farm(b, ref, used, index, code=rural[(index * 7) % len(rural)], plan=plan)
        for index, plan in enumerate(_farm_plan(b))
    ]
    for index, stage in enumerate(_PREPARATION_STAGES):
        code = rural[(index * 5 + 2) % len(rural)]
        created.append(_farm_in_preparation(b, ref, used, index, code, stage))
    return created


# The stages of the six farm projects not yet founded.
_PREPARATION_STAGES = (
    "idee",
    "comite_provisoire",
    "etude_viabilite",
    "etude_viabilite",
    "reglements",
    "comite_provisoire",
)


def _founding_and_closure(
    b: DemoBuilder, year: int, fate: int | None
) -> tuple[dt.date, dt.date | None]:
    """When a co-op of ``year`` was founded (before today) and, for one that closes after
    ``fate`` years, when it closed (None while that day is still to come)."""
    founded = dt.date(year, b.rng.randint(2, 10), b.rng.randint(1, 28))
    # Founded this year means founded before today (same year: the yearly figures hold).
    founded = max(dt.date(year, 1, 1), min(founded, b.today - dt.timedelta(days=14)))
    closed = None
    if fate is not None:
        closed = founded + dt.timedelta(days=int(365.25 * fate) - b.rng.randint(10, 120))
        if closed > b.today:
            closed = None
    return founded, closed


def _founded_farm(
    b: DemoBuilder,
    ref: dict[str, Any],
    used: set[str],
    index: int,
    code: str,
    plan: tuple[int, int | None],
) -> tuple[str, str]:
    """One founded farm co-op of the plan, with funding when it is recent and still open."""
    year, fate = plan
    town = b.rng.choice(ref["municipalities"][code])
    founded, closed = _founding_and_closure(b, year, fate)
    production = b.rng.choice(names.FARM_PRODUCTIONS)
    stage = "fermee" if closed else ("demarrage" if year >= b.year - 1 else "operation")
    steps = [
        ("comite_provisoire", founded - dt.timedelta(days=300)),
        ("constitution", founded),
        (stage, closed or founded + dt.timedelta(days=120)),
    ]
    stage, history = history_so_far(steps, b.today)
    project_id = b.add(
        "project",
        name=unique_name(f"{names.FARM_NAMES[index % len(names.FARM_NAMES)]} ({town})", used),
        program=FERME_COOP,
        region_code=code,
        municipality=town,
        coordinator_ids=[ref["staff"][code]],
        partner_ids=ref["organisations"][code][3:4],
        stage=stage,
        stage_history=history,
        start_date=(founded - dt.timedelta(days=365)).isoformat(),
        coop_type=b.rng.choice(("travailleurs", "travailleurs", "solidarite")),
        production=production,
        hectares=round(b.rng.uniform(1.5, 40.0), 1),
        land_tenure=b.rng.choice(
            ("location", "location", "bail_long_terme", "proprietaire", "fiducie")
        ),
        members_count=b.rng.randint(5, 14),
        founding_date=founded.isoformat(),
        closure_date=closed.isoformat() if closed else None,
    )
    if not closed and year >= b.year - 3:
        _funding(b, project_id, ref, year)
    return project_id, code


def _farm_in_preparation(
    b: DemoBuilder, ref: dict[str, Any], used: set[str], index: int, code: str, stage: str
) -> tuple[str, str]:
    """A farm project not yet founded, at ``stage`` since March, with its funding requests."""
    town = b.rng.choice(ref["municipalities"][code])
    project_id = b.add(
        "project",
        name=unique_name(f"Projet de ferme coopérative {of_place(town)}", used),
        program=FERME_COOP,
        region_code=code,
        municipality=town,
        coordinator_ids=[ref["staff"][code]],
        stage=stage,
        stage_history=[{"stage": stage, "date": min(dt.date(b.year, 3, 1), b.today).isoformat()}],
        start_date=min(dt.date(b.year, 1, 15), b.today).isoformat(),
        coop_type="solidarite" if index % 3 == 0 else "travailleurs",
        production=b.rng.choice(names.FARM_PRODUCTIONS),
        notes="Étude de viabilité en préparation avec la CDR."
        if stage == "etude_viabilite"
        else "",
    )
    _funding(b, project_id, ref, b.year)
    return project_id, code


def _funding(b: DemoBuilder, project_id: str, ref: dict[str, Any], year: int) -> None:
    """Two funding requests to different funders, some granted, some paid in part."""
    for funder_index in b.rng.sample(range(len(names.FUNDERS)), 2):
        funder, program = names.FUNDERS[funder_index]
        requested = b.rng.choice((15000, 25000, 40000, 50000)) * 100
        status = b.rng.choice(("deposee", "accordee", "versee"))
        granted = requested if status in ("accordee", "versee") else None
        b.add(
            "funding",
            project_id=project_id,
            funder=funder,
            program=program,
            requested=f"{requested / 100:.2f}",
            granted=f"{granted / 100:.2f}" if granted else None,
            paid=f"{granted / 200:.2f}" if status == "versee" and granted else None,
            status=status,
            report_due_dates=[f"{year + 1}-03-31", f"{year + 1}-09-30"],
            conditions="Rapport d'étape et états financiers à remettre.",
        )
