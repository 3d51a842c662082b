"""The indicators of the organisation's presentation, computed from project records.

Pure functions over lists of project dicts, so the status command, the dashboard and the annual
report compute exactly the same figures. The survival method is documented in docs/indicators.md.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from coordinator_app.domain.stages import CIEC, FERME_COOP, JEUNE_COOP

Project = Mapping[str, Any]


@dataclass(frozen=True)
class Indicators:
    """The published figures for one year (see the presentation's slides)."""

    year: int
    jeune_coop_count: int
    jeune_coop_youth: int
    jeune_coop_schools: int
    ciec_projects: int
    ciec_regions: int
    ciec_coordinators: int
    ciec_youth: int
    farm_coops_created_by_year: dict[str, int] = field(default_factory=dict)
    survival_5y_pct: int | None = None
    survival_10y_pct: int | None = None
    survival_5y_cohort: int = 0
    survival_10y_cohort: int = 0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def survival_rate(farms: Iterable[Project], years: int, as_of: dt.date) -> tuple[int | None, int]:
    """Cohort survival: of the co-ops founded at least ``years`` years before ``as_of``, the
    percentage (rounded) not closed within ``years`` years of founding. Returns (pct, cohort size).
    """
    cohort = alive = 0
    for farm in farms:
        founded = farm.get("founding_date")
        if not founded:
            continue
        horizon = _add_years(dt.date.fromisoformat(founded), years)
        if horizon > as_of:
            continue
        cohort += 1
        closed = farm.get("closure_date")
        if not closed or dt.date.fromisoformat(closed) >= horizon:
            alive += 1
    if cohort == 0:
        return None, 0
    return round(100 * alive / cohort), cohort


def latest_year(projects: Iterable[Project]) -> int | None:
    """The latest season year of CIEC and Jeune COOP projects (None for an empty profile)."""
    years = [p["season_year"] for p in projects if p.get("season_year")]
    return max(years) if years else None


def current_season(projects: Iterable[Project], today_year: int) -> int:
    """The season shown first: ``today_year`` when it has projects, else the latest season before
    it, else the earliest one. Next year's imported projects must not make the dashboard and
    « Bilan annuel » open on an empty season."""
    years = {p["season_year"] for p in projects if p.get("season_year")}
    return default_year(sorted(years), today_year)


def default_year(years: Iterable[int], today_year: int) -> int:
    """``today_year`` if in ``years`` (or no years), else the latest before it, else the first."""
    years = list(years)
    if not years or today_year in years:
        return today_year
    past = [y for y in years if y <= today_year]
    return max(past) if past else min(years)


def compute_indicators(
    projects: Iterable[Project], year: int, region: str | None = None
) -> Indicators:
    """The indicators for ``year`` (optionally for one region) from all live project records."""
    items = [p for p in projects if region is None or p.get("region_code") == region]
    jeune = [p for p in items if p.get("program") == JEUNE_COOP and p.get("season_year") == year]
    ciec = [p for p in items if p.get("program") == CIEC and p.get("season_year") == year]
    farms = [p for p in items if p.get("program") == FERME_COOP]
    founded = Counter(
        p["founding_date"][:4]
        for p in farms
        if p.get("founding_date") and int(p["founding_date"][:4]) <= year
    )
    as_of = dt.date(year, 12, 31)
    s5, n5 = survival_rate(farms, 5, as_of)
    s10, n10 = survival_rate(farms, 10, as_of)
    return Indicators(
        year=year,
        jeune_coop_count=len(jeune),
        jeune_coop_youth=sum(p.get("youth_count") or 0 for p in jeune),
        jeune_coop_schools=len({p["school_id"] for p in jeune if p.get("school_id")}),
        ciec_projects=len(ciec),
        ciec_regions=len({p["region_code"] for p in ciec}),
        ciec_coordinators=len({c for p in ciec for c in p.get("coordinator_ids") or []}),
        ciec_youth=sum(p.get("youth_count") or 0 for p in ciec),
        farm_coops_created_by_year=dict(sorted(founded.items())),
        survival_5y_pct=s5,
        survival_10y_pct=s10,
        survival_5y_cohort=n5,
        survival_10y_cohort=n10,
    )
