"""Queries of the window's lists, filters, search, Suivis and dashboard.

The lists never load every row: ``list_count`` gives the total and ``list_page`` one page at a time
(LIMIT/OFFSET over an indexed order), so a list over 100 000 visits stays smooth. Search goes
through the FTS5 tables ``project_fts`` and ``visit_fts`` (``store.search_sql``: accent-insensitive,
prefix match on each word as the user types). Every column name and sort key used in SQL comes
from the whitelists of ``store.list_sql``, never from the caller; the WHERE clause of a filter is
``store.list_where``'s (its names are re-exported here: every list imports them from this module).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from coordinator_app.domain.entities import ENTITIES
from coordinator_app.store.list_sql import (
    ALIAS,
    COUNT_SQL,
    DEFAULT_SORT,
    PROJECT_YEAR,
    SELECT_SQL,
    SORT_KEYS,
)
from coordinator_app.store.list_where import (
    DUE_SOON_DAYS,
    LIST_KINDS,
    SCOPE_ALL,
    SCOPE_DONE,
    SCOPE_DUE,
    SCOPE_OPEN,
    SCOPE_OVERDUE,
    ListFilter,
    where,
)
from coordinator_app.store.profile import Store
from coordinator_app.store.search_sql import FEW_HITS, fts_words, regions_matching
from coordinator_app.store.search_window import first_search_page, prepare_window

__all__ = [
    "COUNT_CAP",
    "DEFAULT_SORT",
    "DUE_SOON_DAYS",
    "FEW_HITS",
    "LIST_KINDS",
    "SCOPE_ALL",
    "SCOPE_DONE",
    "SCOPE_DUE",
    "SCOPE_OPEN",
    "SCOPE_OVERDUE",
    "SORT_KEYS",
    "ListFilter",
    "bulk_create",
    "coordinators",
    "fts_words",
    "indicator_years",
    "is_empty",
    "list_count",
    "list_page",
    "overdue_items",
    "prepare_search",
    "regions_matching",
    "years",
]

#: The lists count at most this many rows and then say « plus de 1 000 »: counting the 60 000
#: visits a first letter matches took 0.5 s, a number nobody reads while typing (issue 17).
COUNT_CAP = 1_000


def list_count(store: Store, kind: str, flt: ListFilter, *, cap: int | None = None) -> int:
    """How many rows the list shows with this filter; with ``cap``, stops counting past it
    (an answer above ``cap`` means « more than ``cap`` »)."""
    where_sql, params = where(store, kind, flt)
    sql = COUNT_SQL[kind] + where_sql
    if cap is not None:  # the same rows, only the first cap + 1 of them
        sql = "SELECT count(*) FROM (SELECT 1 FROM" + sql.split(" FROM", 1)[1] + " LIMIT ?)"
        params = [*params, cap + 1]
    with store.reading() as conn:
        return conn.execute(sql, params).fetchone()[0]


def list_page(
    store: Store,
    kind: str,
    flt: ListFilter,
    *,
    sort: str | None = None,
    descending: bool | None = None,
    limit: int = 200,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """One page of the list: plain dicts of the columns in ``SELECT_SQL`` (raw stored values)."""
    default_key, default_desc = DEFAULT_SORT[kind]
    key = sort if sort in SORT_KEYS[kind] else default_key
    desc = default_desc if descending is None else descending
    rowids, look_up_last = None, False
    if kind == "visit" and key == "visited_at" and offset == 0:
        # the first page of a search as the user types (``store.search_window``)
        rowids, look_up_last = first_search_page(store, flt, descending=desc, limit=int(limit))
    if rowids is None:
        rowids = _page_rowids(
            store, kind, flt, key, desc, limit=limit, offset=offset, look_up_last=look_up_last
        )
    return _rows_of(store, kind, rowids)


def prepare_search(
    store: Store, kind: str, flt: ListFilter, *, sort: str, descending: bool, limit: int = 200
) -> None:
    """Get a search of this list ready before the user types (the visits by date: the index of
    their window, ``store.window_index``); nothing for the other lists and orders."""
    if kind == "visit" and sort == "visited_at":
        prepare_window(store, flt, descending=descending, limit=int(limit))


def _page_rowids(
    store: Store,
    kind: str,
    flt: ListFilter,
    key: str,
    desc: bool,
    *,
    limit: int,
    offset: int,
    look_up_last: bool = False,
) -> list[int]:
    """The page's rowids in order (cheap columns only): computing the shown columns of every
    matching row before sorting is what is slow."""
    direction = "DESC" if desc else "ASC"
    by_date = kind == "visit" and key == "visited_at"
    where_sql, params = where(store, kind, flt, by_date=by_date, look_up_last=look_up_last)
    alias = ALIAS[kind]
    from_joins = SELECT_SQL[kind].rsplit(" FROM ", 1)[1]  # the last FROM is the table's
    order_sql = (
        f"SELECT {alias}.rowid FROM {from_joins}{where_sql} ORDER BY {SORT_KEYS[kind][key]}"
        f" {direction}, {alias}.rowid {direction} LIMIT ? OFFSET ?"
    )
    with store.reading() as conn:
        return [r[0] for r in conn.execute(order_sql, [*params, int(limit), int(offset)])]


def _rows_of(store: Store, kind: str, rowids: list[int]) -> list[dict[str, Any]]:
    """The shown columns of these rows, in this order."""
    if not rowids:
        return []
    alias = ALIAS[kind]
    select, from_joins = SELECT_SQL[kind].rsplit(" FROM ", 1)
    marks = ", ".join("?" * len(rowids))
    with store.reading() as conn:
        cursor = conn.execute(
            f"{select} FROM {from_joins} WHERE {alias}.rowid IN ({marks})", rowids
        )
        names = [d[0] for d in cursor.description]
        by_rowid = {}
        for row in cursor:
            record = dict(zip(names, row, strict=True))
            by_rowid[record.pop("_rowid")] = record
    return [by_rowid[r] for r in rowids if r in by_rowid]


# -- filter choices --------------------------------------------------------------------------------
def years(store: Store, kind: str, program: str | None = None) -> list[int]:
    """The years that have data in a list, newest first (for the « Année » filter).

    For visits and follow-ups, every year from the first to the last date (two index look-ups:
    a DISTINCT over 100 000 visits would hold up the window).
    """
    if kind != "project":
        column, table = ("visited_at", "visit") if kind == "visit" else ("due_date", "action_item")
        with store.reading() as conn:
            first = conn.execute(f"SELECT min({column}) FROM {table}").fetchone()[0]
            last = conn.execute(f"SELECT max({column}) FROM {table}").fetchone()[0]
        if not first or not last:
            return []
        return list(range(int(last[:4]), int(first[:4]) - 1, -1))
    where_sql, params = where(store, kind, ListFilter(program=program))
    sql = (
        f"SELECT DISTINCT {PROJECT_YEAR} AS y FROM project p{where_sql} AND {PROJECT_YEAR} IS NOT NULL"
        " ORDER BY y DESC"
    )
    with store.reading() as conn:
        return [row[0] for row in conn.execute(sql, params)]


def coordinators(store: Store) -> list[tuple[str, str]]:
    """``(id, name)`` of every live coordinator, by name (for the « Coordonnateur » filter)."""
    with store.reading() as conn:
        rows = conn.execute(
            "SELECT id, name FROM coordinator WHERE deleted = 0 ORDER BY name COLLATE NOCASE, id"
        )
        return [(row[0], row[1]) for row in rows]


def is_empty(store: Store) -> bool:
    """True for a profile with no record at all (the window then offers the welcome page)."""
    with store.reading() as conn:
        for kind in ENTITIES:
            if conn.execute(f"SELECT 1 FROM {kind} LIMIT 1").fetchone():
                return False
    return True


# -- dashboard -------------------------------------------------------------------------------------
def indicator_years(store: Store) -> list[int]:
    """Season years of CIEC and Jeune COOP projects, newest first."""
    with store.reading() as conn:
        rows = conn.execute(
            "SELECT DISTINCT season_year FROM project WHERE deleted = 0 AND season_year IS NOT NULL"
            " ORDER BY season_year DESC"
        )
        return [row[0] for row in rows]


def overdue_items(
    store: Store, *, region: str | None = None, today: str = "", limit: int = 100
) -> tuple[list[dict[str, Any]], int]:
    """Overdue follow-ups (oldest first, at most ``limit``) and how many there are in all."""
    flt = ListFilter(region=region, scope=SCOPE_OVERDUE, today=today)
    total = list_count(store, "action_item", flt)
    rows = list_page(store, "action_item", flt, sort="due_date", descending=False, limit=limit)
    return rows, total


# -- bulk writes -----------------------------------------------------------------------------------
def bulk_create(
    store: Store,
    kind: str,
    records: Iterable[Mapping[str, Any]],
    *,
    chunk: int = 5000,
    trusted: bool = False,
) -> int:
    """Validate and insert many records of one kind, journaled, all or nothing; returns how many.

    A thin call to ``Store.create_many`` (same rows and journal entries as ``Store.create``, written
    with ``executemany``) for callers that have plain records without ids: test profiles of
    100 000 visits, benchmarks.
    """
    return len(store.create_many(kind, ((None, r) for r in records), chunk=chunk, trusted=trusted))
