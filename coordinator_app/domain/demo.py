"""The demo data set: realistic Québec records reproducing the organisation's published figures.

Pure and deterministic: the same seed and reference date give the same records (ids included), so
tests, screenshots and the annual report agree. For the latest year it reproduces exactly:
Jeune COOP 180 co-ops, 2 576 youth, 123 schools; CIEC 40 projects in 13 regions, 66 coordinators,
388 youth; farm co-ops 4–5 founded a year over fifteen years with 64 % still active five years after
founding and 44 % ten years after (cohort method, docs/indicators.md). An earlier season is included.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from coordinator_app.domain import demo_names as names
from coordinator_app.domain.regions import REGIONS
from coordinator_app.domain.stages import CIEC, FERME_COOP, JEUNE_COOP

# The published figures the latest year reproduces (seed/cqcm-presentation.md).
JEUNE_COOP_COUNT, JEUNE_COOP_YOUTH, JEUNE_COOP_SCHOOLS = 180, 2576, 123
CIEC_PROJECTS, CIEC_REGIONS, CIEC_COORDINATORS, CIEC_YOUTH = 40, 13, 66, 388
# Farm co-ops: 15 founding years. The 10-year cohort (5 oldest years) has 25 co-ops of which 11 reach
# ten years (44 %); the 5-year cohort (10 oldest years) has 50 of which 32 reach five years (64 %).
FARM_YEARS = 15


@dataclass
class DemoRecord:
    kind: str
    id: str
    values: dict[str, Any]


@dataclass
class _Builder:
    seed: int
    year: int
    today: dt.date
    rng: random.Random = field(init=False)
    records: list[DemoRecord] = field(default_factory=list)
    used_names: dict[str, set[str]] = field(default_factory=dict)
    _counter: int = 0

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)

    def add(self, kind: str, **values: Any) -> str:
        self._counter += 1
        record_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"carnet-demo/{self.seed}/{self._counter}"))
        self.records.append(DemoRecord(kind, record_id, values))
        return record_id

    def names_in(self, scope: str) -> set[str]:
        """Project names already given within ``scope`` (a program and season)."""
        return self.used_names.setdefault(scope, set())

    def person(self) -> tuple[str, str]:
        return self.rng.choice(names.FIRST_NAMES), self.rng.choice(names.SURNAMES)

    def day_between(self, start: dt.date, end: dt.date) -> dt.date:
        return start + dt.timedelta(days=self.rng.randint(0, max(0, (end - start).days)))


def _history_so_far(
    steps: list[tuple[str, dt.date]], today: dt.date
) -> tuple[str, list[dict[str, str]]]:
    """The stages already reached by ``today`` (never a stage dated in the future) and the
    current one; before the first step, the first stage dated today."""
    reached = [(stage, day) for stage, day in steps if day <= today]
    if not reached:
        reached = [(steps[0][0], min(steps[0][1], today))]
    history = [{"stage": stage, "date": day.isoformat()} for stage, day in reached]
    return reached[-1][0], history


def of_place(town: str) -> str:
    """« de Rimouski », « d'Alma », « des Îles-de-la-Madeleine »: French elision before a place."""
    if town.startswith("Les "):
        return "des " + town[4:]
    return ("d'" if town[0] in "AEIOUÉÈÎY" else "de ") + town


def _unique(name: str, used: set[str]) -> str:
    """``name``, or ``name (2)``, ``name (3)``… when the data set already has it."""
    candidate, n = name, 1
    while candidate in used:
        n += 1
        candidate = f"{name} ({n})"
    used.add(candidate)
    return candidate


def _split(rng: random.Random, total: int, parts: int, low: int, high: int) -> list[int]:
    """``parts`` integers in [low, high] summing exactly to ``total``."""
    values = [low] * parts
    remaining = total - low * parts
    if remaining < 0 or remaining > (high - low) * parts:
        raise ValueError("impossible split")
    while remaining:
        i = rng.randrange(parts)
        if values[i] < high:
            values[i] += 1
            remaining -= 1
    return values


def _reference_data(b: _Builder) -> dict[str, Any]:
    municipalities = {code: list(towns) for code, towns in names.MUNICIPALITIES.items()}
    for code, towns in municipalities.items():
        for town in towns:
            b.add("municipality", name=town, region_code=code)
    organisations: dict[str, list[str]] = {code: [] for code in REGIONS}
    for code, towns in municipalities.items():
        town = towns[0]
        for kind, label in (
            ("caisse", f"Caisse Desjardins {of_place(town)}"),
            ("municipalite", f"Ville {of_place(town)}"),
            ("cje", f"Carrefour jeunesse-emploi {of_place(town)}"),
        ):
            organisations[code].append(
                b.add(
                    "organisation", name=label, org_kind=kind, region_code=code, municipality=town
                )
            )
        organisations[code].append(
            b.add(
                "organisation",
                name=f"CDR — région {REGIONS[code]}",
                org_kind="cdr",
                region_code=code,
                municipality=town,
            )
        )
    funders = [
        b.add(
            "organisation",
            name=funder,
            org_kind="bailleur",
            region_code="03",
            municipality="Québec",
        )
        for funder, _ in names.FUNDERS
    ]
    staff = {}
    for person in demo_staff():
        code = person["regions"][0]
        staff[code] = b.add(
            "coordinator", name=person["name"], email=person["email"], regions=[code]
        )
    return {
        "municipalities": municipalities,
        "organisations": organisations,
        "funders": funders,
        "staff": staff,
    }


#: The demo profile's own person: the CQCM staff member of region 03 (``demo_staff``).
DEMO_PERSON_REGION = "03"


def demo_account(code: str) -> str:
    """The account id of the demo staff member of region ``code``."""
    return f"demo-{code}"


def demo_staff() -> list[dict[str, Any]]:
    """The demo's CQCM staff, one per region (``domain.people.Person`` mappings): they make the
    demo visits, and the one of region 03 is the demo profile's person."""
    people = []
    for index, code in enumerate(REGIONS):
        first, last = (
            names.FIRST_NAMES[(index * 7) % len(names.FIRST_NAMES)],
            names.SURNAMES[(index * 5) % len(names.SURNAMES)],
        )
        email = f"{first.lower()}.{last.lower()}@cqcm.example"
        for accented, plain in (("é", "e"), ("è", "e"), ("ë", "e"), ("É", "e")):
            email = email.replace(accented, plain)
        people.append(
            {
                "account": demo_account(code),
                "name": f"{first} {last}",
                "email": email,
                "role": "coordinator",
                "title": "",
                "regions": [code],
            }
        )
    return people


def _schools(
    b: _Builder, municipalities: dict[str, list[str]], count: int
) -> list[tuple[str, str, str]]:
    """``count`` schools spread over the regions: (id, region, municipality)."""
    schools = []
    codes = list(REGIONS)
    for index in range(count):
        code = codes[index % len(codes)]
        town = municipalities[code][(index // len(codes)) % len(municipalities[code])]
        patron = names.SCHOOL_PATRONS[(index // 3) % len(names.SCHOOL_PATRONS)]
        level = "secondaire" if index % 3 == 0 else "primaire"
        name = (
            f"École {level} {patron} ({town})"
            if level == "primaire"
            else f"École secondaire {patron} ({town})"
        )
        school_id = b.add(
            "school",
            name=name,
            municipality=town,
            service_centre=names.SERVICE_CENTRES[code],
            region_code=code,
        )
        schools.append((school_id, code, town))
    return schools


def _jeune_coop(
    b: _Builder,
    ref: dict[str, Any],
    schools: list[tuple[str, str, str]],
    year: int,
    count: int,
    youth: int,
    n_schools: int,
) -> list[str]:
    chosen = schools[:n_schools]
    placements = list(chosen) + [b.rng.choice(chosen) for _ in range(count - n_schools)]
    sizes = _split(b.rng, youth, count, 5, 30)
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
        stage, history = _history_so_far(steps, b.today)
        ids.append(
            b.add(
                "project",
                name=_unique(f"{kind} — {school_names[school_id]}", used),
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


def _ciec(
    b: _Builder,
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
    sizes = _split(b.rng, youth, projects, 6, 15)
    used = b.names_in(f"{CIEC}/{year}")
    towns_taken: dict[str, int] = {}
    created = []
    for index, (code, size) in enumerate(zip(placements, sizes, strict=True)):
        towns = ref["municipalities"][code]
        town = towns[towns_taken.get(code, 0) % len(towns)]  # one CIEC per locality where possible
        towns_taken[code] = towns_taken.get(code, 0) + 1
        coordinators = []
        for _ in range(2 if index < pairs else 1):
            first, last = b.person()
            coordinators.append(b.add("coordinator", name=f"{first} {last}", regions=[code]))
        local_schools = [s[0] for s in schools if s[1] == code][:2]
        committee = [
            {"name": " ".join(b.person()), "role": role, "organisation_id": org}
            for role, org in zip(
                ("Présidence", "Trésorerie", "Membre"), ref["organisations"][code][:3], strict=True
            )
        ]
        # Each comité local moves at its own pace: the usual dates give or take a few days.
        usual = (
            ("comite_local", (4, 20)),
            ("embauche", (5, 10)),
            ("recrutement", (6, 1)),
            ("formation", (6, 25)),
            ("ouverture", (7, 2)),
            ("fermeture", (8, 16)),
            ("bilan", (9, 10)),
        )
        steps, previous_day = [], dt.date(year, 1, 1)
        for number, (name, (month, day)) in enumerate(usual):
            spread = 45 if name == "bilan" else 8
            when = dt.date(year, month, day) + dt.timedelta(
                days=b.rng.randint(-spread // 6, spread)
            )
            when = max(when, previous_day + dt.timedelta(days=1 if number else 0))
            steps.append((name, when))
            previous_day = when
        stage, history = _history_so_far(steps, b.today)
        project_id = b.add(
            "project",
            name=_unique(f"CIEC {of_place(town)}", used),
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


def _ciec_details(b: _Builder, projects: list[tuple[str, str, int]], year: int) -> None:
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


def _farm_plan(b: _Builder) -> list[tuple[int, int | None]]:
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


def _farms(b: _Builder, ref: dict[str, Any]) -> list[tuple[str, str]]:
    created = []
    used = b.names_in(FERME_COOP)
    rural = [code for code in REGIONS if code not in ("06", "13")]
    for index, (year, fate) in enumerate(_farm_plan(b)):
        code = rural[(index * 7) % len(rural)]
        town = b.rng.choice(ref["municipalities"][code])
        founded = dt.date(year, b.rng.randint(2, 10), b.rng.randint(1, 28))
        # Founded this year means founded before today (same year: the yearly figures hold).
        founded = max(dt.date(year, 1, 1), min(founded, b.today - dt.timedelta(days=14)))
        closed = None
        if fate is not None:
            closed = founded + dt.timedelta(days=int(365.25 * fate) - b.rng.randint(10, 120))
            if closed > b.today:
                closed = None
        production = b.rng.choice(names.FARM_PRODUCTIONS)
        stage = "fermee" if closed else ("demarrage" if year >= b.year - 1 else "operation")
        steps = [
            ("comite_provisoire", founded - dt.timedelta(days=300)),
            ("constitution", founded),
            (stage, closed or founded + dt.timedelta(days=120)),
        ]
        stage, history = _history_so_far(steps, b.today)
        project_id = b.add(
            "project",
            name=_unique(f"{names.FARM_NAMES[index % len(names.FARM_NAMES)]} ({town})", used),
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
        created.append((project_id, code))
        if not closed and year >= b.year - 3:
            _funding(b, project_id, ref, year)
    for index, stage in enumerate(
        (
            "idee",
            "comite_provisoire",
            "etude_viabilite",
            "etude_viabilite",
            "reglements",
            "comite_provisoire",
        )
    ):
        code = rural[(index * 5 + 2) % len(rural)]
        town = b.rng.choice(ref["municipalities"][code])
        project_id = b.add(
            "project",
            name=_unique(f"Projet de ferme coopérative {of_place(town)}", used),
            program=FERME_COOP,
            region_code=code,
            municipality=town,
            coordinator_ids=[ref["staff"][code]],
            stage=stage,
            stage_history=[
                {"stage": stage, "date": min(dt.date(b.year, 3, 1), b.today).isoformat()}
            ],
            start_date=min(dt.date(b.year, 1, 15), b.today).isoformat(),
            coop_type="solidarite" if index % 3 == 0 else "travailleurs",
            production=b.rng.choice(names.FARM_PRODUCTIONS),
            notes="Étude de viabilité en préparation avec la CDR."
            if stage == "etude_viabilite"
            else "",
        )
        created.append((project_id, code))
        _funding(b, project_id, ref, b.year)
    return created


def _funding(b: _Builder, project_id: str, ref: dict[str, Any], year: int) -> None:
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


def _visit_window(values: dict[str, Any], today: dt.date) -> tuple[dt.date, dt.date] | None:
    """When a project can have been visited: from its first stage (or start) to its end (or
    yesterday), within the last two years; None when that is empty."""
    dates = [h["date"] for h in values.get("stage_history") or []]
    dates += [values[k] for k in ("start_date",) if values.get(k)]
    if not dates:
        return None
    start = max(dt.date.fromisoformat(min(dates)), today - dt.timedelta(days=730))
    end = today - dt.timedelta(days=1)
    if values.get("end_date"):
        end = min(end, dt.date.fromisoformat(values["end_date"]) + dt.timedelta(days=14))
    return (start, end) if start <= end else None


def _visits(b: _Builder, projects: list[tuple[str, str, int, int]], staff: dict[str, str]) -> None:
    """Field visits within each project's season (never before it starts nor after today), with
    decisions and action items (some overdue). ``projects``: (id, region, fewest, most visits)."""
    values_of = {r.id: r.values for r in b.records if r.kind == "project"}
    staff_ids = set(staff.values())
    staff_names = {p["regions"][0]: p["name"] for p in demo_staff()}
    # The project's own coordinator met at the visit: a CIEC's hired coordinator (the regional
    # staff listed on some demo projects are CQCM people, who appear under « Visite faite par »).
    own_coordinator = {
        r.id: next((c for c in r.values.get("coordinator_ids") or [] if c not in staff_ids), None)
        for r in b.records
        if r.kind == "project"
    }
    for project_id, code, fewest, most in projects:
        window = _visit_window(values_of[project_id], b.today)
        if window is None:
            continue
        days = sorted(b.day_between(*window) for _ in range(b.rng.randint(fewest, most)))
        for day in days:
            moment = dt.datetime.combine(
                day, dt.time(b.rng.choice((9, 10, 13, 14, 15)), b.rng.choice((0, 30)))
            )
            people = [" ".join(b.person()) for _ in range(b.rng.randint(2, 5))]
            visit_id = b.add(
                "visit",
                project_id=project_id,
                visited_at=moment.isoformat(timespec="minutes"),
                place=b.rng.choice(
                    (
                        "École",
                        "Salle municipale",
                        "Ferme",
                        "Bureau de la CDR",
                        "Local de la coopérative",
                    )
                ),
                mode=b.rng.choice(("sur_place", "sur_place", "a_distance")),
                made_by=[demo_account(code)],
                coordinator_id=own_coordinator[project_id],
                people_present=people,
                observations=" ".join(b.rng.sample(names.OBSERVATIONS, 2)),
                decisions=b.rng.choice(names.DECISIONS),
            )
            for index in range(b.rng.randint(1, 3)):
                due = day + dt.timedelta(days=b.rng.randint(7, 60))
                text, someone = b.rng.choice(names.ACTIONS), b.rng.choice(people)
                # the first follow-up of a visit is the visiting staff member's, the others the
                # project's people's (the random draws stay the same either way)
                owner = (
                    {
                        "owner": staff_names[code],
                        "owner_kind": "cqcm",
                        "owner_account": demo_account(code),
                    }
                    if index == 0
                    else {"owner": someone, "owner_kind": "projet"}
                )
                b.add(
                    "action_item",
                    project_id=project_id,
                    visit_id=visit_id,
                    text=text,
                    **owner,
                    due_date=due.isoformat(),
                    done=due < b.today - dt.timedelta(days=45) or b.rng.random() < 0.3,
                )


PLANNED_PURPOSES = (
    "Bilan de mi-saison",
    "Préparer l'assemblée générale",
    "Formation du conseil d'administration",
    "Suivi du plan d'affaires",
    "Rencontre du comité local",
)


def _planned_visits(b: _Builder, projects: list[tuple[str, str, int, int]]) -> None:
    """The coming two weeks' planned visits, and one whose day passed (« à reporter »). Made last,
    so the rest of the demo (and its published figures) stays the same record for record."""
    for index, (project_id, code, _fewest, _most) in enumerate(projects[:9]):
        offset = -3 if index == 0 else b.rng.randint(0, 13)
        day = b.today + dt.timedelta(days=offset)
        moment = dt.datetime.combine(day, dt.time(b.rng.choice((9, 10, 13, 14)), 30))
        b.add(
            "visit",
            project_id=project_id,
            visited_at=moment.isoformat(timespec="minutes"),
            status="planifiee",
            place=b.rng.choice(("École", "Salle municipale", "Local de la coopérative")),
            purpose=b.rng.choice(PLANNED_PURPOSES),
            mode="sur_place",
            made_by=[demo_account(code)],  # the region's CQCM staff member goes
        )


def _workshops(b: _Builder) -> None:
    for year in range(b.year - 3, b.year + 1):
        for index, theme in enumerate(names.WORKSHOP_THEMES):
            held = b.day_between(dt.date(year, 1, 15), min(dt.date(year, 11, 30), b.today))
            b.add(
                "workshop",
                theme=theme,
                held_on=held.isoformat(),
                format="webinaire" if index % 2 else "atelier",
                region_code=list(REGIONS)[(index * 3 + year) % 17],
                attendance=b.rng.randint(8, 45),
            )


def generate_demo(seed: int, today: dt.date) -> Iterator[DemoRecord]:
    """Every demo record, parents before children. The latest year is ``today``'s year."""
    b = _Builder(seed=seed, year=today.year, today=today)
    ref = _reference_data(b)
    schools = _schools(b, ref["municipalities"], JEUNE_COOP_SCHOOLS + 17)
    previous = b.year - 1
    jeune_latest = _jeune_coop(
        b, ref, schools, b.year, JEUNE_COOP_COUNT, JEUNE_COOP_YOUTH, JEUNE_COOP_SCHOOLS
    )
    _jeune_coop(b, ref, schools, previous, 168, 2390, 118)
    ciec_latest = _ciec(
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
    _ciec(b, ref, schools, previous, 36, 12, 58, 351, latest=False)
    _ciec_details(b, ciec_latest, b.year)
    farms = _farms(b, ref)
    regions_of = {r.id: r.values.get("region_code") for r in b.records if r.kind == "project"}
    # Every CIEC of the season is visited two or three times, most Jeune COOP once or twice,
    # the recent farm co-ops and the projects in preparation one to three times.
    followed = (
        [(pid, code, 2, 3) for pid, code, _ in ciec_latest]
        + [(pid, regions_of[pid], 1, 2) for pid in jeune_latest[::2]]
        + [(pid, code, 1, 3) for pid, code in farms[-30:]]
    )
    _visits(b, followed, ref["staff"])
    _workshops(b)
    _planned_visits(b, followed)
    revenue = {r.id: r.values["revenue"] for r in b.records if r.kind == "__revenue__"}
    for record in b.records:
        if record.kind == "project" and record.id in revenue:
            record.values["revenue"] = revenue[record.id]
    yield from (r for r in b.records if r.kind != "__revenue__")
