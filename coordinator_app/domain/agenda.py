"""The agenda: what a coordinator has to do on which day, built from the records.

Four kinds of entries: planned visits (and visits done, for the record of the week), follow-ups
due (action items not done), funding reporting dates and general assemblies of the projects. The
same entries feed the Agenda page, the week's PDF, the reminders, the ``.ics`` export and the
server's subscribed calendar, so each gets one stable id (``uid``) that never changes when the
entry moves: importing a newer file updates the event instead of duplicating it.

No participant's name ever goes into an entry: visits carry the place, the purpose and the staff
who go, never ``people_present``; follow-ups carry their text, never their owner.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from coordinator_app.domain.entities import VISIT_DONE, VISIT_PLANNED
from coordinator_app.domain.fr_ca import LOCALE, time_text

VISIT, FOLLOW_UP, REPORT_DUE, ASSEMBLY = "visit", "action_item", "report_due", "assembly"
#: A planned visit whose day has passed without being done.
TO_RESCHEDULE = "a_reporter"
STATE_LABELS = {
    VISIT_PLANNED: "Planifiée",
    VISIT_DONE: "Faite",
    TO_RESCHEDULE: "À reporter",
    "due": "À faire",
    "overdue": "En retard",
}
KIND_LABELS = {
    VISIT: "Visite",
    FOLLOW_UP: "Suivi",
    REPORT_DUE: "Reddition de comptes",
    ASSEMBLY: "Assemblée générale",
}
#: Planned visits last this long in calendars (the record has a start time only).
VISIT_LENGTH = dt.timedelta(hours=2)
UID_DOMAIN = "carnet-coop.cqcm.coop"


@dataclass(frozen=True)
class Entry:
    """One thing on the agenda. ``start`` is a date (all day) or a local date-time."""

    uid: str
    kind: str
    start: dt.date | dt.datetime
    title: str
    project_id: str
    project_name: str
    region_code: str
    record_id: str
    state: str = ""
    place: str = ""
    purpose: str = ""
    staff: tuple[str, ...] = field(default=())

    @property
    def day(self) -> dt.date:
        return self.start.date() if isinstance(self.start, dt.datetime) else self.start

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, dt.datetime)

    @property
    def movable(self) -> bool:
        """Only planned visits move from the agenda (the others are dates of their records)."""
        return self.kind == VISIT and self.state in (VISIT_PLANNED, TO_RESCHEDULE)

    def is_mine(self, username: str) -> bool:
        return bool(username) and username in self.staff

    @property
    def label(self) -> str:
        """« Visite planifiée », « Suivi en retard »…: what the entry is, in a word or two."""
        state = STATE_LABELS.get(self.state, "")
        return (
            f"{KIND_LABELS[self.kind]} {state.lower()}".strip() if state else KIND_LABELS[self.kind]
        )


def visit_state(visit: Mapping[str, Any], today: dt.date) -> str:
    """« planifiee », « a_reporter » (planned, its day passed) or « faite »."""
    if visit.get("status") != VISIT_PLANNED:
        return VISIT_DONE
    day = dt.date.fromisoformat(str(visit.get("visited_at") or "")[:10] or today.isoformat())
    return TO_RESCHEDULE if day < today else VISIT_PLANNED


def _moment(text: str) -> dt.date | dt.datetime:
    return dt.datetime.fromisoformat(text) if len(text) > 10 else dt.date.fromisoformat(text)


def entries_from(
    projects: Mapping[str, Mapping[str, Any]],
    visits: Iterable[Mapping[str, Any]] = (),
    action_items: Iterable[Mapping[str, Any]] = (),
    fundings: Iterable[Mapping[str, Any]] = (),
    *,
    start: dt.date,
    end: dt.date,
    today: dt.date,
) -> list[Entry]:
    """The entries from ``start`` to ``end`` (both included), in time order.

    ``projects`` maps ids to project records (for names, regions and assembly dates); records
    whose project is missing are left out (they belong to a region the caller did not load).
    """
    out = [
        *_visit_entries(projects, visits, start, end, today),
        *_follow_up_entries(projects, action_items, start, end, today),
        *_report_entries(projects, fundings, start, end),
        *_assembly_entries(projects, start, end),
    ]
    out.sort(
        key=lambda e: (e.day, not e.all_day, e.start if not e.all_day else dt.datetime.min, e.title)
    )
    return out


def _of_project(project: Mapping[str, Any]) -> dict[str, str]:
    """The project's fields every entry carries: its id, name and region."""
    return {
        "project_id": project["id"],
        "project_name": project["name"],
        "region_code": project.get("region_code") or "",
    }


def _visit_entries(
    projects: Mapping[str, Mapping[str, Any]],
    visits: Iterable[Mapping[str, Any]],
    start: dt.date,
    end: dt.date,
    today: dt.date,
) -> Iterator[Entry]:
    """Visits planned or done in the period, at their time (never the people present)."""
    for visit in visits:
        project = projects.get(visit.get("project_id") or "")
        if project is None or visit.get("deleted") or not visit.get("visited_at"):
            continue
        moment = _moment(visit["visited_at"])
        entry_day = moment.date() if isinstance(moment, dt.datetime) else moment
        if not start <= entry_day <= end:
            continue
        yield Entry(
            uid=f"visit-{visit['id']}@{UID_DOMAIN}",
            kind=VISIT,
            start=moment,
            title=f"Visite — {project['name']}",
            **_of_project(project),
            record_id=visit["id"],
            state=visit_state(visit, today),
            place=visit.get("place") or "",
            purpose=visit.get("purpose") or "",
            staff=tuple(visit.get("made_by") or ()),
        )


def _follow_up_entries(
    projects: Mapping[str, Mapping[str, Any]],
    action_items: Iterable[Mapping[str, Any]],
    start: dt.date,
    end: dt.date,
    today: dt.date,
) -> Iterator[Entry]:
    """Follow-ups not done, on their due day (never their owner's name)."""
    for item in action_items:
        project = projects.get(item.get("project_id") or "")
        due = item.get("due_date")
        if project is None or item.get("deleted") or item.get("done") or not due:
            continue
        day = dt.date.fromisoformat(due)
        if not start <= day <= end:
            continue
        yield Entry(
            uid=f"action-{item['id']}@{UID_DOMAIN}",
            kind=FOLLOW_UP,
            start=day,
            title=f"Suivi — {item.get('text') or ''}",
            **_of_project(project),
            record_id=item["id"],
            state="overdue" if day < today else "due",
        )


def _report_entries(
    projects: Mapping[str, Mapping[str, Any]],
    fundings: Iterable[Mapping[str, Any]],
    start: dt.date,
    end: dt.date,
) -> Iterator[Entry]:
    """Each reporting date of a funding in the period, all day (one uid per funding and date)."""
    for funding in fundings:
        project = projects.get(funding.get("project_id") or "")
        if project is None or funding.get("deleted"):
            continue
        for due in funding.get("report_due_dates") or ():
            day = dt.date.fromisoformat(due)
            if start <= day <= end:
                yield Entry(
                    uid=f"report-{funding['id']}-{due}@{UID_DOMAIN}",
                    kind=REPORT_DUE,
                    start=day,
                    title=f"Reddition de comptes — {funding.get('funder') or ''}, "
                    f"{funding.get('program') or ''} ({project['name']})",
                    **_of_project(project),
                    record_id=funding["id"],
                )


def _assembly_entries(
    projects: Mapping[str, Mapping[str, Any]], start: dt.date, end: dt.date
) -> Iterator[Entry]:
    """The general assemblies of the projects in the period, all day."""
    for project in projects.values():
        assembly = project.get("general_assembly_date")
        if project.get("deleted") or not assembly:
            continue
        day = dt.date.fromisoformat(assembly)
        if start <= day <= end:
            yield Entry(
                uid=f"assembly-{project['id']}@{UID_DOMAIN}",
                kind=ASSEMBLY,
                start=day,
                title=f"Assemblée générale — {project['name']}",
                **_of_project(project),
                record_id=project["id"],
            )


def filtered(entries: Iterable[Entry], *, region: str | None = None, mine: str = "") -> list[Entry]:
    """Entries of one region (None: all) and, with ``mine`` (a username), only that person's
    visits (follow-ups and dates of projects are everybody's)."""
    return [
        e
        for e in entries
        if (region is None or e.region_code == region)
        and (not mine or e.kind != VISIT or e.is_mine(mine))
    ]


def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """Monday and Sunday of ``day``'s week (weeks start on Monday in Québec's usage here)."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def month_of(day: dt.date) -> tuple[dt.date, dt.date]:
    first = day.replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    return first, following - dt.timedelta(days=1)


def day_text(day: dt.date) -> str:
    """« mardi 9 décembre »."""
    from babel.dates import format_date  # here: the window starts without Babel (issue 17)

    text = format_date(day, format="EEEE d MMMM", locale=LOCALE)
    return text.replace(" 1 ", " 1er ", 1)


def when_text(start: dt.date | dt.datetime) -> str:
    """« mardi 9 décembre, 9 h 30 » (the day alone for an all-day entry)."""
    if isinstance(start, dt.datetime):
        return f"{day_text(start.date())}, {time_text(start)}"
    return day_text(start)


def move(start: dt.date | dt.datetime, to_day: dt.date) -> str:
    """The canonical ``visited_at`` of a visit moved to ``to_day`` at the same time of day."""
    if isinstance(start, dt.datetime):
        return dt.datetime.combine(to_day, start.time()).strftime("%Y-%m-%dT%H:%M")
    return dt.datetime.combine(to_day, dt.time(9, 0)).strftime("%Y-%m-%dT%H:%M")


def reminder_text(overdue_follow_ups: int, visits_tomorrow: int, to_reschedule: int = 0) -> str:
    """« 3 suivis en retard, 2 visites demain » (empty when there is nothing to say)."""
    parts = []
    if overdue_follow_ups:
        parts.append(f"{overdue_follow_ups} suivi{'s' if overdue_follow_ups > 1 else ''} en retard")
    if visits_tomorrow:
        parts.append(f"{visits_tomorrow} visite{'s' if visits_tomorrow > 1 else ''} demain")
    if to_reschedule:
        parts.append(f"{to_reschedule} visite{'s' if to_reschedule > 1 else ''} à reporter")
    return ", ".join(parts)
