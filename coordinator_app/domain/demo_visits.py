"""The demo's field work: past visits with their decisions and follow-ups, the coming planned
visits, and the regional workshops.

Made after every project, since a visit falls within its project's season.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from coordinator_app.domain import demo_names as names
from coordinator_app.domain.demo_builder import DemoBuilder
from coordinator_app.domain.demo_people import demo_account, demo_staff
from coordinator_app.domain.regions import REGIONS


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


def past_visits(
    b: DemoBuilder, projects: list[tuple[str, str, int, int]], staff: dict[str, str]
) -> None:
    """Field visits within each project's season (never before it starts nor after today), with
    decisions and action items (some overdue). ``projects``: (id, region, fewest, most visits)."""
    values_of = {r.id: r.values for r in b.records if r.kind == "project"}
    staff_names = {p["regions"][0]: p["name"] for p in demo_staff()}
    own_coordinator = _own_coordinators(b, set(staff.values()))
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
            _follow_ups(b, project_id, visit_id, day, people, (code, staff_names[code]))


def _own_coordinators(b: DemoBuilder, staff_ids: set[str]) -> dict[str, str | None]:
    """Each project's own coordinator met at its visits: a CIEC's hired coordinator (the regional
    staff listed on some demo projects are CQCM people, who appear under « Visite faite par »)."""
    return {
        r.id: next((c for c in r.values.get("coordinator_ids") or [] if c not in staff_ids), None)
        for r in b.records
        if r.kind == "project"
    }


def _follow_ups(
    b: DemoBuilder,
    project_id: str,
    visit_id: str,
    day: dt.date,
    people: list[str],
    visitor: tuple[str, str],
) -> None:
    """One to three action items from a visit on ``day``; ``visitor``: (region, staff name).
    The first is the visiting staff member's, the others the project's people's (the random
    draws stay the same either way); the old ones are done."""
    code, staff_name = visitor
    for index in range(b.rng.randint(1, 3)):
        due = day + dt.timedelta(days=b.rng.randint(7, 60))
        text, someone = b.rng.choice(names.ACTIONS), b.rng.choice(people)
        owner = (
            {"owner": staff_name, "owner_kind": "cqcm", "owner_account": demo_account(code)}
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


def planned_visits(b: DemoBuilder, projects: list[tuple[str, str, int, int]]) -> None:
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


def workshops(b: DemoBuilder) -> None:
    """The CQCM's workshops and webinars of the last four years, one per theme a year."""
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
