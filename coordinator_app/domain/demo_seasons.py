"""The demo's school-year and summer programs: Jeune COOP and CIEC seasons.

Each season is sized by the published figures it must reproduce (projects, youth, schools,
regions, coordinators); ``split_total`` spreads the youth over the projects exactly.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from coordinator_app.domain import demo_names as names
from coordinator_app.domain.demo_builder import (
    DemoBuilder,
    DemoRecord,
    history_so_far,
    of_place,
    split_total,
    unique_name,
)
from coordinator_app.domain.regions import REGIONS
from coordinator_app.domain.stages import CIEC, JEUNE_COOP


def jeune_coop_season(
    b: DemoBuilder,
    ref: dict[str, Any],
    schools: list[tuple[str, str, str]],
    year: int,
    count: int,
    youth: int,
    n_schools: int,
) -> list[str]:
    """Jeune COOP projects of one school year (September to June) in ``n_schools`` schools;
    returns their ids."""
    chosen = schools[:n_schools]
    placements = list(chosen) + [b.rng.choice(chosen) for _ in range(count - n_schools)]
    sizes = split_total(b.rng, youth, count, 5, 30)
    school_names = {r.id: r.values["name"] for r in b.records if r.kind == "school"}
    used = b.names_in(f"{JEUNE_COOP}/{year}")
    ids = []
    for index, ((school_id, code, town), size) in enumerate(zip(placements, sizes, strict=True)):
        kind = names.JEUNE_COOP_KINDS[index % len(names.JEUNE_COOP_KINDS)]
        first, last = b.person()
        # The school year of the season: September to June. Before September the season in
        # progress started the September before (a project never starts in the future).
        first_year = year if b.today >= dt.date(year, 9, 1) else year - 1
        start = dt.date(first_year, 9, 1) + dt.timedelta(days=b.rng.randint(0, 20))
        end = dt.date(first_year + 1, 6, 20)
        steps = [
            ("demarrage", start + dt.timedelta(days=b.rng.randint(7, 21))),
            ("operation", start + dt.timedelta(days=b.rng.randint(30, 75))),
            ("terminee", end),
        ]
        stage, history = history_so_far(steps, b.today)
        ids.append(
            b.add(
                "project",
                name=unique_name(f"{kind} — {school_names[school_id]}", used),
                program=JEUNE_COOP,
                region_code=code,
                municipality=town,
                coordinator_ids=[ref["staff"][code]],
                stage=stage,
                stage_history=history,
                start_date=start.isoformat(),
                end_date=end.isoformat(),
                season_year=year,
                youth_count=size,
                school_id=school_id,
                teacher=f"{first} {last}",
                level="secondaire" if "secondaire" in kind or index % 3 == 0 else "primaire",
                project_kind=kind,
            )
        )
    return ids


def ciec_season(
    b: DemoBuilder,
    ref: dict[str, Any],
    schools: list[tuple[str, str, str]],
    year: int,
    projects: int,
    n_regions: int,
    n_coordinators: int,
    youth: int,
    latest: bool,
) -> list[tuple[str, str, int]]:
    """CIEC projects of one season; returns (project id, region, youth) triples."""
    regions = list(REGIONS)[:n_regions]
    placements = regions + [b.rng.choice(regions) for _ in range(projects - n_regions)]
    pairs = n_coordinators - projects  # projects with two coordinators
    sizes = split_total(b.rng, youth, projects, 6, 15)
    used = b.names_in(f"{CIEC}/{year}")
    towns_taken: dict[str, int] = {}
    created = []
    for index, (code, size) in enumerate(zip(placements, sizes, strict=True)):
        towns = ref["municipalities"][code]
        town = towns[towns_taken.get(code, 0) % len(towns)]  # one CIEC per locality where possible
        towns_taken[code] = towns_taken.get(code, 0) + 1
        coordinators = _hired_coordinators(b, code, 2 if index < pairs else 1)
        local_schools = [s[0] for s in schools if s[1] == code][:2]
        committee = _local_committee(b, ref["organisations"][code][:3])
        stage, history = history_so_far(_ciec_steps(b, year), b.today)
        project_id = b.add(
            "project",
            name=unique_name(f"CIEC {of_place(town)}", used),
            program=CIEC,
            region_code=code,
            municipality=town,
            coordinator_ids=coordinators,
            partner_ids=ref["organisations"][code][:3],
            stage=stage,
            stage_history=history,
            start_date=f"{year}-05-01",
            end_date=f"{year}-09-30",
            season_year=year,
            youth_count=size,
            school_ids=local_schools,
            committee=committee,
            services=b.rng.sample(names.CIEC_SERVICES, 3),
            general_assembly_date=f"{year}-06-27" if b.today >= dt.date(year, 6, 27) else None,
            board=[{"role": "Présidence"}, {"role": "Secrétariat"}, {"role": "Trésorerie"}],
            notes="Saison complétée; bilan financier déposé au comité local."
            if latest and stage == "bilan"
            else "",
        )
        created.append((project_id, code, size))
    return created


def ciec_participants_and_contracts(
    b: DemoBuilder, projects: list[tuple[str, str, int]], year: int
) -> None:
    """Participants (with consents for under-14s) and contracts of the latest CIEC season."""
    for project_id, _code, size in projects:
        for _ in range(size):
            first, last = b.person()
            born = dt.date(year - b.rng.randint(12, 17), b.rng.randint(1, 12), b.rng.randint(1, 28))
            under_14 = (b.today - born).days < 14 * 365.25
            consent = (
                {
                    "consent_by": f"{b.rng.choice(names.FIRST_NAMES)} {last} (parent)",
                    "consent_date": min(dt.date(year, 5, 20), b.today).isoformat(),
                    "consent_purposes": ["Participation à la CIEC", "Suivi par le CQCM"],
                }
                if under_14 or b.rng.random() < 0.5
                else {}
            )
            b.add(
                "participant",
                project_id=project_id,
                first_name=first,
                last_name=last,
                birth_date=born.isoformat(),
                school_level="secondaire",
                **consent,
            )
        revenue = 0
        for _ in range(b.rng.randint(6, 14)):
            hours = b.rng.choice((2, 3, 4, 6, 8, 12))
            amount = hours * b.rng.choice((1500, 1800, 2000))
            signed = b.day_between(dt.date(year, 7, 2), dt.date(year, 8, 15))
            if signed > b.today:
                continue  # the summer's contracts are signed as it goes
            b.add(
                "contract",
                project_id=project_id,
                client_type=b.rng.choice(
                    ("residentiel", "residentiel", "entreprise", "organisme", "municipalite")
                ),
                service=b.rng.choice(names.CIEC_SERVICES),
                contract_date=signed.isoformat(),
                hours=hours,
                amount=f"{amount / 100:.2f}",
            )
            revenue += amount
        b.records.append(DemoRecord("__revenue__", project_id, {"revenue": f"{revenue / 100:.2f}"}))


# The usual date (month, day) of each CIEC stage; each comité local moves at its own pace.
_CIEC_USUAL_DATES = (
    ("comite_local", (4, 20)),
    ("embauche", (5, 10)),
    ("recrutement", (6, 1)),
    ("formation", (6, 25)),
    ("ouverture", (7, 2)),
    ("fermeture", (8, 16)),
    ("bilan", (9, 10)),
)


def _hired_coordinators(b: DemoBuilder, code: str, count: int) -> list[str]:
    """The ``count`` youth coordinators a CIEC hires for the summer (one, or two for a pair)."""
    coordinators = []
    for _ in range(count):
        first, last = b.person()
        coordinators.append(b.add("coordinator", name=f"{first} {last}", regions=[code]))
    return coordinators


def _local_committee(b: DemoBuilder, organisations: list[str]) -> list[dict[str, Any]]:
    """The comité local: one person from each of the region's first three organisations."""
    return [
        {"name": " ".join(b.person()), "role": role, "organisation_id": org}
        for role, org in zip(("Présidence", "Trésorerie", "Membre"), organisations, strict=True)
    ]


def _ciec_steps(b: DemoBuilder, year: int) -> list[tuple[str, dt.date]]:
    """A CIEC's stages in ``year``: the usual dates give or take a few days, never out of order."""
    steps, previous_day = [], dt.date(year, 1, 1)
    for number, (name, (month, day)) in enumerate(_CIEC_USUAL_DATES):
        spread = 45 if name == "bilan" else 8
        when = dt.date(year, month, day) + dt.timedelta(days=b.rng.randint(-spread // 6, spread))
        when = max(when, previous_day + dt.timedelta(days=1 if number else 0))
        steps.append((name, when))
        previous_day = when
    return steps
