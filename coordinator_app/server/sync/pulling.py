"""A pull: the log entries after a cursor that a user may see, a page at a time."""

from __future__ import annotations

import bisect
import json
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from coordinator_app.protocol.kinds import CONFLICT_KIND, REFERENCE_KINDS
from coordinator_app.server import db, device_seen, seqs
from coordinator_app.server.accounts import User
from coordinator_app.server.sync import echo

_CURRENT = db.records.alias("current")
#: A record's region now (a child's follows its project's); an entry without a record keeps its own.
_CURRENT_REGION = sa.func.coalesce(_CURRENT.c.region_code, db.changes.c.region_code)


def visible(user: User) -> sa.ColumnElement[bool] | None:
    """Which log entries ``user`` receives (None: all of them, for an administrator).

    An entry of a record of the user's regions, as long as the record is still in them: the history
    of a project since moved to another region is not served to a user pulling from 0 (issue 13,
    point 11). An entry moving a record out of the user's regions is served so their laptop drops
    its copy, with its values stripped (``_entry``)."""
    if user.is_admin:
        return None
    regions = list(user.regions)
    return sa.or_(
        db.changes.c.kind.in_(sorted(REFERENCE_KINDS)),
        sa.and_(db.changes.c.region_code.in_(regions), _CURRENT_REGION.in_(regions)),
        sa.and_(
            db.changes.c.previous_region_code.in_(regions),
            sa.or_(db.changes.c.region_code.is_(None), db.changes.c.region_code.not_in(regions)),
        ),
        # conflicts about records without a region (coordinators) are everyone's
        sa.and_(db.changes.c.kind == CONFLICT_KIND, db.changes.c.region_code.is_(None)),
    )


_PULL_COLUMNS = (
    "seq",
    "change_id",
    "kind",
    "record_id",
    "op",
    "values",
    "full",
    "deleted",
    "region_code",
    "previous_region_code",
    "project_id",
    "at",
    "author",
    "device_id",
    "received_at",
    "author_id",
)
#: What a pull that names its own changes also reads, to tell one stored exactly as sent
_OWN_COLUMNS = ("origin", "status", "fields", "as_sent")
#: JSON columns read as their text and decoded only for the entries served: the entries a pull
#: leaves out (flagged ``as_sent`` at push) are never decoded
_RAW_JSON = frozenset({"values", "fields"})


def _column(name: str) -> sa.ColumnElement:
    column = db.changes.c[name]
    return sa.cast(column, sa.Text).label(name) if name in _RAW_JSON else column


def _select(columns: tuple[str, ...], scoped: bool) -> sa.Select:
    select = sa.select(*(_column(name) for name in columns))
    if scoped:
        select = select.select_from(
            db.changes.outerjoin(
                _CURRENT,
                sa.and_(
                    _CURRENT.c.kind == db.changes.c.kind,
                    _CURRENT.c.record_id == db.changes.c.record_id,
                ),
            )
        )
    return select.where(
        db.changes.c.seq > sa.bindparam("b_since"), db.changes.c.seq <= sa.bindparam("b_top")
    )


_PULL_ALL = {
    own: _select(_PULL_COLUMNS + (_OWN_COLUMNS if own else ()), scoped=False)
    .order_by(db.changes.c.seq)
    .limit(sa.bindparam("b_limit"))
    for own in (False, True)
}
_PULL_SCOPED = {
    own: _select(_PULL_COLUMNS + (_OWN_COLUMNS if own else ()), scoped=True)
    for own in (False, True)
}


class Page(NamedTuple):
    entries: list[dict[str, Any]]
    next_since: int
    has_more: bool
    generation: str
    #: what ``also`` read in the page's transaction
    also: Any
    #: entries left out because the puller holds them as sent (``own``)
    left_out: int = 0


def pull(
    engine: Engine,
    user: User,
    since: int,
    limit: int,
    device_id: str | None = None,
    also: Callable[[Connection], Any] | None = None,
    own: Sequence[tuple[int, int]] = (),
    seen: int | None = None,
) -> Page:
    """Entries after ``since`` the user may see, and the server generation, read together.

    Entries are plain dicts with exactly the fields of ``PullEntry`` (the route serialises them
    in one go; building and re-validating a pydantic model per entry cost more than the query).
    ``also(conn)`` reads what else the answer carries in the same transaction (one connection
    and one round of BEGIN/COMMIT per page instead of one per item).

    The visibility watermark is read first and the page is taken at or below it: every seq up to
    it is committed or never will be (``seqs``), so ``next_since`` never passes a change that
    could still commit. A pull from ``since`` also tells the server the device holds every entry
    up to it (``device_seen``), which deletes are checked against.

    ``own`` are runs of seqs of this device's changes the laptop holds as acknowledged
    (``protocol.own_echo``): those the server stored exactly as sent are left out of the page
    (``echo``); ``next_since`` is computed from every entry read, so the cursor still moves
    past them. ``seen`` (default ``since``) is what the device is recorded as holding, lower when
    it pulls ahead of its cursor (``protocol.held``).
    """
    own = own if device_id is not None else ()
    seen = since if seen is None else min(seen, since)
    with db.reading(engine) as conn:
        top = seqs.watermark(conn)
        query = _query(visible(user), bool(own))
        rows, next_since, has_more, left_out = _read(conn, query, since, top, limit, device_id, own)
        generation = db.generation(conn)
        extra = also(conn) if also is not None else None
        remember = device_id is not None and device_seen.pending_update(
            conn, device_id, seen, generation
        )
    if remember:
        assert device_id is not None
        device_seen.record_pull(engine, device_id, seen, generation)
    regions = None if user.is_admin else set(user.regions)
    entries = [_entry(row, regions) for row in rows]
    return Page(entries, next_since, has_more, generation, extra, left_out)


#: A pull whose entries are left out reads on, up to this many pages' worth of the log, so that
#: a laptop's own 10 000 changes cost one request instead of ten (each with its authentication,
#: its bookkeeping write and its round trip), while a request's work stays bounded.
_READ_ON_PAGES = 10


def _read(
    conn: Connection,
    query: sa.Select,
    since: int,
    top: int,
    limit: int,
    device_id: str | None,
    own: Sequence[tuple[int, int]],
) -> tuple[list[sa.Row], int, bool, int]:
    """Up to ``limit`` entries to serve after ``since`` (at most ``top``): (the entries, the next
    cursor, whether there are more, how many were left out). The cursor is the seq of the last
    entry read, served or left out, or ``top`` once the log is read to it."""
    kept: list[sa.Row] = []
    left_out, after = 0, since
    for _read_round in range(_READ_ON_PAGES if own else 1):
        room = limit - len(kept)
        rows = conn.execute(query, {"b_since": after, "b_top": top, "b_limit": room + 1}).all()
        more, rows = len(rows) > room, rows[:room]
        for row in rows:
            if own and _held(row, device_id, own):
                left_out += 1
            else:
                kept.append(row)
        if not more:
            return kept, top, False, left_out
        after = rows[-1].seq
        if len(kept) == limit:
            break
    return kept, after, True, left_out


def _query(condition: sa.ColumnElement[bool] | None, own: bool) -> sa.Select:
    if condition is None:
        return _PULL_ALL[own]
    return (
        _PULL_SCOPED[own].where(condition).order_by(db.changes.c.seq).limit(sa.bindparam("b_limit"))
    )


def _held(row: sa.Row, device_id: str | None, own: Sequence[tuple[int, int]]) -> bool:
    """Whether the puller holds this entry already: its own change, acknowledged at this very
    seq (named in ``own``), that the server stored exactly as sent (flagged so at push, or, for
    a row logged before server migration 7, found so now: ``echo``)."""
    if row.device_id != device_id:
        return False
    at = bisect.bisect_right(own, (row.seq, _BEYOND)) - 1
    if at < 0 or own[at][1] < row.seq:
        return False
    if row.as_sent:
        return True
    entry = dict(row._mapping)
    entry["values"], entry["fields"] = _decoded(row.values), _decoded(row.fields)
    return echo.as_sent(entry)


_BEYOND = 2**63


def _decoded(text: str | None) -> Any:
    """A JSON column's value from its stored text (what SQLAlchemy's ``JSON`` type returns)."""
    return None if text is None else json.loads(text)


def _entry(row: sa.Row, regions: set[str] | None = None) -> dict[str, Any]:
    entry = dict(zip(_PULL_COLUMNS, row[: len(_PULL_COLUMNS)], strict=True))
    entry["values"] = dict(_decoded(entry["values"]) or {})
    entry["full"] = bool(entry["full"])
    entry["deleted"] = bool(entry["deleted"])
    if (
        regions is not None
        and entry["kind"] not in REFERENCE_KINDS
        and entry["region_code"] is not None
        and entry["region_code"] not in regions
    ):
        # the record left the user's regions: they only need to know, not its values
        entry["values"], entry["full"] = {}, False
    return entry
