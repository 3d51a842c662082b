"""What a list shows (``ListFilter``) as the WHERE clause of its query.

The filters (program, region, stage, year, coordinator, « Mes … »), the typed text
(``store.search_sql``) and, for follow-ups, the Suivis scope each add their clauses; the column
names come from ``store.list_sql``, the values are always parameters.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from coordinator_app.store.list_sql import ALIAS, PROJECT_YEAR
from coordinator_app.store.profile import Store
from coordinator_app.store.search_sql import Clauses, text_clauses

LIST_KINDS = ("project", "visit", "action_item")

#: Suivis scopes: which action items a list shows.
SCOPE_DUE = "due"  # not done and due within ``DUE_SOON_DAYS`` or overdue
SCOPE_OVERDUE = "overdue"  # not done and past due
SCOPE_OPEN = "open"  # every action item not done
SCOPE_DONE = "done"
SCOPE_ALL = "all"
DUE_SOON_DAYS = 14


@dataclass(frozen=True)
class ListFilter:
    """What a list shows. Empty values mean « every »."""

    program: str | None = None  # projects of one program (project lists)
    region: str | None = None
    stage: str | None = None
    year: int | None = None
    coordinator_id: str | None = None
    #: « Mes visites » / « Mes suivis »: the staff account whose visits (``made_by``) or
    #: follow-ups (``owner_account``) the list keeps
    mine: str | None = None
    text: str = ""
    scope: str = SCOPE_ALL  # action items only
    today: str = ""  # "YYYY-MM-DD" for the action-item scopes (the store's today if empty)


def list_today(store: Store, flt: ListFilter) -> str:
    return flt.today or store.today().isoformat()


def where(
    store: Store,
    kind: str,
    flt: ListFilter,
    *,
    by_date: bool = False,
    with_text: bool = True,
    look_up_last: bool = False,
) -> tuple[str, list[Any]]:
    """The WHERE clause of a list and its parameters (``by_date``, ``look_up_last``: see
    ``search_sql.text_clauses``; ``with_text=False``: every filter but the typed text)."""
    if kind not in LIST_KINDS:
        raise KeyError(f"no list for kind {kind!r}")
    clauses = [f"{ALIAS[kind]}.deleted = 0"] + ([] if kind == "project" else ["p.deleted = 0"])
    params: list[Any] = []
    parts = [_filter_clauses(kind, flt), _people_clauses(kind, flt)]
    if with_text:
        parts.append(
            text_clauses(store, kind, flt.text, by_date=by_date, look_up_last=look_up_last)
        )
    if kind == "action_item":
        parts.append(_scope_clauses(store, flt))
    for more_clauses, more_params in parts:
        clauses += more_clauses
        params += more_params
    return " WHERE " + " AND ".join(clauses), params


def _filter_clauses(kind: str, flt: ListFilter) -> Clauses:
    """Program, region, stage and year."""
    clauses: list[str] = []
    params: list[Any] = []
    for value, clause in (
        (flt.program, "p.program = ?"),
        (flt.region, "p.region_code = ?"),
        (flt.stage, "p.stage = ?"),
    ):
        if value:
            clauses.append(clause)
            params.append(value)
    if flt.year and kind == "project":
        clauses.append(f"{PROJECT_YEAR} = ?")
        params.append(int(flt.year))
    elif flt.year:  # a range on the indexed date column, not a function of it
        column = "v.visited_at" if kind == "visit" else "a.due_date"
        clauses.append(f"{column} >= ? AND {column} < ?")
        params += [f"{int(flt.year):04d}", f"{int(flt.year) + 1:04d}"]
    return clauses, params


def _people_clauses(kind: str, flt: ListFilter) -> Clauses:
    """The coordinator filter and « Mes visites » / « Mes suivis »."""
    clauses: list[str] = []
    params: list[Any] = []
    if flt.coordinator_id:
        in_project = "EXISTS (SELECT 1 FROM json_each(p.coordinator_ids) WHERE value = ?)"
        if kind == "visit":
            clauses.append(f"(v.coordinator_id = ? OR {in_project})")
            params += [flt.coordinator_id, flt.coordinator_id]
        else:
            clauses.append(in_project)
            params.append(flt.coordinator_id)
    if flt.mine and kind == "visit":
        clauses.append("EXISTS (SELECT 1 FROM json_each(v.made_by) WHERE value = ?)")
        params.append(flt.mine)
    elif flt.mine and kind == "action_item":
        clauses.append("a.owner_account = ?")
        params.append(flt.mine)
    return clauses, params


def _scope_clauses(store: Store, flt: ListFilter) -> Clauses:
    """The Suivis scope: due soon, overdue, open, done or every follow-up."""
    today = list_today(store, flt)
    soon = (dt.date.fromisoformat(today) + dt.timedelta(days=DUE_SOON_DAYS)).isoformat()
    clause, params = {
        SCOPE_DUE: ("a.done = 0 AND a.due_date IS NOT NULL AND a.due_date <= ?", [soon]),
        SCOPE_OVERDUE: ("a.done = 0 AND a.due_date IS NOT NULL AND a.due_date < ?", [today]),
        SCOPE_OPEN: ("a.done = 0", []),
        SCOPE_DONE: ("a.done = 1", []),
        SCOPE_ALL: ("1", []),
    }[flt.scope]
    return [clause], list(params)
