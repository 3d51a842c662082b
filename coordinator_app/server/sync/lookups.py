"""The batched reads of a push: its records (row-locked) and what the server already knows of
its change ids.

On PostgreSQL each is one round trip per batch, whatever its size and kinds: the ids go as two
arrays (``unnest`` / ``= ANY``), so the query text is the same for every batch (no long
``IN (...)`` list for psycopg to convert and PostgreSQL to plan each time), and the three tables
that know a change id (log, owners of restored changes, parked changes) are read by one
``UNION ALL``. SQLite (in-process, no round trips) keeps one ``IN`` query per kind and per 500
ids."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Connection

from coordinator_app.server import db, ownership, parking

#: Ids per ``IN (...)`` query on SQLite (well under its parameter limit).
_IN_CHUNK = 500
_TEXTS = postgresql.ARRAY(sa.String)

# -- records -------------------------------------------------------------------------------------
_LOAD_MANY_PLAIN = (
    sa.select(db.records)
    .where(
        db.records.c.kind == sa.bindparam("b_kind"),
        db.records.c.record_id.in_(sa.bindparam("b_ids", expanding=True)),
    )
    .order_by(db.records.c.record_id)
)
_LOAD_MANY = {
    "update": _LOAD_MANY_PLAIN.with_for_update(),
    "share": _LOAD_MANY_PLAIN.with_for_update(read=True),
}
_PAIRS = (
    sa.func.unnest(sa.bindparam("b_kinds", type_=_TEXTS), sa.bindparam("b_ids", type_=_TEXTS))
    .table_valued("kind", "record_id")
    .render_derived()
)
# rows are locked in the order they are returned: (kind, id), as the per-kind queries did
_LOAD_PAIRS_PLAIN = (
    sa.select(db.records)
    .where(
        sa.tuple_(db.records.c.kind, db.records.c.record_id).in_(
            sa.select(_PAIRS.c.kind, _PAIRS.c.record_id)
        )
    )
    .order_by(db.records.c.kind, db.records.c.record_id)
)
_LOAD_PAIRS = {
    "update": _LOAD_PAIRS_PLAIN.with_for_update(of=db.records),
    "share": _LOAD_PAIRS_PLAIN.with_for_update(of=db.records, read=True),
}


def records(conn: Connection, keys: list[tuple[str, str]], lock: str) -> list[sa.Row]:
    """The rows of the records ``keys`` (sorted by kind, then id) the server has, locked for
    ``lock`` ("update" or "share") on PostgreSQL until the transaction ends."""
    if db.is_postgres(conn):
        kinds, ids = [kind for kind, _ in keys], [record_id for _, record_id in keys]
        return conn.execute(_LOAD_PAIRS[lock], {"b_kinds": kinds, "b_ids": ids}).all()
    by_kind: dict[str, list[str]] = {}
    for kind, record_id in keys:
        by_kind.setdefault(kind, []).append(record_id)
    rows: list[sa.Row] = []
    for kind, ids in by_kind.items():
        for start in range(0, len(ids), _IN_CHUNK):
            chunk = ids[start : start + _IN_CHUNK]
            rows += conn.execute(_LOAD_MANY[lock], {"b_kind": kind, "b_ids": chunk}).all()
    return rows


# -- known change ids ----------------------------------------------------------------------------
_LOG_COLUMNS = ("content_hash", "seq", "conflict_ids", "username", "origin", "kind", "record_id")
_KNOWN_MANY = sa.select(
    *(db.changes.c[name] for name in ("change_id", *_LOG_COLUMNS, "op", "fields"))
).where(db.changes.c.change_id.in_(sa.bindparam("b_changes", expanding=True)))


def _known_union() -> sa.CompoundSelect:
    """Log rows, then owners of restored changes, then parked changes, of the ids ``b_ids``,
    each tagged with where it comes from (NULL where a table has no such column)."""
    ids = sa.any_(sa.bindparam("b_ids", type_=_TEXTS))
    log = sa.select(
        sa.literal_column("'log'").label("source"),
        *(db.changes.c[name] for name in ("change_id", *_LOG_COLUMNS, "op", "fields")),
    ).where(db.changes.c.change_id == ids)
    owners, parked = db.change_owners, db.parked
    return sa.union_all(
        log,
        sa.select(
            sa.literal_column("'owner'"), owners.c.change_id, sa.null(), sa.null(), sa.null(),
            owners.c.username, *(sa.null() for _ in range(5)),
        ).where(owners.c.change_id == ids),
        sa.select(
            sa.literal_column("'parked'"), parked.c.change_id, parked.c.content_hash, sa.null(),
            sa.null(), parked.c.username, *(sa.null() for _ in range(5)),
        ).where(parked.c.change_id == ids),
    )  # fmt: skip


_KNOWN_UNION = _known_union()


def known(
    conn: Connection, change_ids: list[str]
) -> tuple[list[sa.Row], dict[str, str], dict[str, tuple[str, str]]]:
    """What the server knows of ``change_ids`` (sorted, unique): their log rows; change_id →
    owner of those out of the log (after a restore); change_id → (content hash, username) of
    those parked. The last two only for ids not in the log."""
    if not change_ids:
        return [], {}, {}
    if not db.is_postgres(conn):
        logged: list[sa.Row] = []
        for start in range(0, len(change_ids), _IN_CHUNK):
            chunk = change_ids[start : start + _IN_CHUNK]
            logged += conn.execute(_KNOWN_MANY, {"b_changes": chunk}).all()
        in_log = {row.change_id for row in logged}
        unknown = [c for c in change_ids if c not in in_log]
        return logged, ownership.owners_of(conn, unknown), parking.known(conn, unknown)
    rows = conn.execute(_KNOWN_UNION, {"b_ids": change_ids}).all()
    logged = [row for row in rows if row.source == "log"]
    in_log = {row.change_id for row in logged}
    owners = {r.change_id: r.username for r in rows if r.source == "owner"}
    parked = {r.change_id: (r.content_hash, r.username) for r in rows if r.source == "parked"}
    return (
        logged,
        {c: o for c, o in owners.items() if c not in in_log},
        {c: p for c, p in parked.items() if c not in in_log},
    )
