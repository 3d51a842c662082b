"""The reads and writes behind the agenda: planned visits, follow-ups due, reporting dates and
assemblies of a period, and planning, moving and recording a visit.

Entries are built by ``domain.agenda.entries_from`` from the records read here, so the window,
the week's PDF, the ``.ics`` export and the reminders agree on what is on which day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from coordinator_app.domain import agenda
from coordinator_app.domain.entities import ENTITIES, VISIT_DONE, VISIT_PLANNED
from coordinator_app.domain.errors import UserError
from coordinator_app.store import people
from coordinator_app.store.codec import decode_row
from coordinator_app.store.profile import Store

META_REMINDERS_OFF = "agenda_reminders_off"


def _records(store: Store, kind: str, sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
    with store.reading() as conn:
        cursor = conn.execute(sql, list(params))
        names = [d[0] for d in cursor.description]
        return [decode_row(ENTITIES[kind], dict(zip(names, row, strict=True))) for row in cursor]


def me(store: Store) -> str:
    """The account behind « moi »: the profile's person (``store.people``): the server account
    once signed in, else this laptop's local account; "" for a profile with no person yet."""
    return store.author_id or ""


def entries(
    store: Store,
    start: dt.date,
    end: dt.date,
    *,
    region: str | None = None,
    mine: bool = False,
    today: dt.date | None = None,
) -> list[agenda.Entry]:
    """Everything on the agenda from ``start`` to ``end`` (included), optionally of one region
    and, with ``mine``, only the signed-in person's visits."""
    if end < start:
        raise UserError(
            f"Période invalide : la fin ({end.isoformat()}) précède le début ({start.isoformat()})."
        )
    first, last = start.isoformat(), end.isoformat()
    region_sql, region_params = (" AND region_code = ?", [region]) if region else ("", [])
    projects = {
        p["id"]: p
        for p in _records(
            store, "project", f"SELECT * FROM project WHERE deleted = 0{region_sql}", region_params
        )
    }
    visits = _records(
        store,
        "visit",
        "SELECT * FROM visit WHERE deleted = 0 AND visited_at >= ? AND visited_at < ?",
        [first, (end + dt.timedelta(days=1)).isoformat()],
    )
    items = _records(
        store,
        "action_item",
        "SELECT * FROM action_item WHERE deleted = 0 AND coalesce(done, 0) = 0 AND due_date BETWEEN ? AND ?",
        [first, last],
    )
    fundings = _records(
        store,
        "funding",
        "SELECT f.* FROM funding f WHERE f.deleted = 0 AND EXISTS (SELECT 1 FROM "
        "json_each(f.report_due_dates) d WHERE d.value BETWEEN ? AND ?)",
        [first, last],
    )
    found = agenda.entries_from(
        projects, visits, items, fundings, start=start, end=end, today=today or store.today()
    )
    return agenda.filtered(found, mine=me(store) if mine else "")


def named(store: Store, found: list[agenda.Entry]) -> list[agenda.Entry]:
    """The entries with the staff's names instead of their account ids (« Qui (CQCM) » in the
    week's PDF and in calendars); filter by « moi » before naming."""
    accounts = sorted({a for e in found for a in e.staff})
    if not accounts:
        return found
    by_account = dict(zip(accounts, people.names(store, accounts), strict=True))
    return [replace(e, staff=tuple(by_account[a] for a in e.staff)) for e in found]


#: Open overdue follow-ups, « not done » being 0 or NULL. Two counts, not one with
#: ``(done = 0 OR done IS NULL)``: each is a range of ``idx_action_item_live_due`` (migration 16)
#: read from the index alone, where the OR made SQLite gather 22 917 rowids to remove duplicates
#: and read each row for ``deleted`` (25 000 follow-ups: 8 ms warm, 29–84 ms cold → 0.6 ms warm).
_OVERDUE_COUNT = (
    "SELECT (SELECT count(*) FROM action_item WHERE deleted = 0 AND done = 0 AND due_date < ?1)"
    " + (SELECT count(*) FROM action_item WHERE deleted = 0 AND done IS NULL AND due_date < ?1)"
)


def reminder(store: Store, today: dt.date | None = None) -> tuple[int, int, int]:
    """(overdue follow-ups, visits planned tomorrow, planned visits to reschedule) for the
    signed-in person's reminder."""
    today = today or store.today()
    tomorrow = today + dt.timedelta(days=1)
    with store.reading() as conn:
        overdue = conn.execute(_OVERDUE_COUNT, [today.isoformat()]).fetchone()[0]
        rows = conn.execute(
            "SELECT visited_at FROM visit WHERE deleted = 0 AND status = ? AND visited_at < ?",
            [VISIT_PLANNED, (tomorrow + dt.timedelta(days=1)).isoformat()],
        ).fetchall()
    days = [dt.date.fromisoformat(r[0][:10]) for r in rows if r[0]]
    return overdue, sum(d == tomorrow for d in days), sum(d < today for d in days)


def plan_visit(
    store: Store,
    project_id: str,
    at: str,
    *,
    place: str = "",
    purpose: str = "",
    staff: Sequence[str] = (),
    mode: str = "sur_place",
) -> dict[str, Any]:
    """A new visit « planifiée » (validated like any visit; French errors name the field)."""
    store.require("project", project_id)
    return store.create(
        "visit",
        {
            "project_id": project_id,
            "visited_at": at,
            "place": place or None,
            "purpose": purpose or None,
            "made_by": list(staff) or ([me(store)] if me(store) else []),
            "mode": mode,
            "status": VISIT_PLANNED,
        },
    )


def require_planned(store: Store, visit_id: str) -> dict[str, Any]:
    visit = store.require("visit", visit_id)
    if visit.get("status") != VISIT_PLANNED:
        raise UserError(
            f"La visite {visit_id} est déjà faite : seule une visite planifiée change de date."
        )
    return visit


def move_visit(store: Store, visit_id: str, to: str) -> dict[str, Any]:
    """Move a planned visit to another day (``YYYY-MM-DD``, same time) or moment
    (``YYYY-MM-DDTHH:MM``); one journaled change, synced like any edit."""
    visit = require_planned(store, visit_id)
    if len(to) <= 10:
        day = dt.date.fromisoformat(to)
        to = agenda.move(dt.datetime.fromisoformat(visit["visited_at"]), day)
    return store.update("visit", visit_id, {"visited_at": to})


def record_visit(
    store: Store, visit_id: str, changes: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Turn a planned visit into the visit record (same record): « faite », with what was seen."""
    store.require("visit", visit_id)
    return store.update("visit", visit_id, {**(changes or {}), "status": VISIT_DONE})


def reminders_on(store: Store) -> bool:
    return store.get_meta(META_REMINDERS_OFF) != "1"


def set_reminders(store: Store, on: bool) -> None:
    store.set_meta(META_REMINDERS_OFF, None if on else "1")
