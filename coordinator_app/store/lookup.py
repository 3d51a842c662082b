"""Bulk look-ups for import and export: every id of a kind, natural keys, records in batches.

An import of 50 000 rows cannot ask the database once per row for a matching record: these read a
kind once into memory (ids and a few fields only), and the importer keeps the index up to date.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from coordinator_app.domain.entities import ENTITIES
from coordinator_app.store.codec import decode_row, from_db
from coordinator_app.store.profile import Store


def id_states(store: Store, kind: str) -> dict[str, bool]:
    """Every id of ``kind`` → whether the record is deleted."""
    ENTITIES[kind]  # KeyError for an unknown kind before any SQL is built from it
    with store.reading() as conn:
        return {row[0]: bool(row[1]) for row in conn.execute(f"SELECT id, deleted FROM {kind}")}


def field_rows(store: Store, kind: str, fields: Sequence[str]) -> list[tuple[Any, ...]]:
    """``(id, *fields)`` of every live record of ``kind``, values decoded to canonical form."""
    spec = ENTITIES[kind]
    specs = [spec.field(name) for name in fields]
    columns = ", ".join(f'"{name}"' for name in fields)
    with store.reading() as conn:
        # in the order the records were written here (rowid): names listed in a problem (« 2
        # projets portent le nom… ») keep that order, whatever index the planner picks
        rows = conn.execute(
            f"SELECT id, {columns} FROM {kind} WHERE deleted = 0 ORDER BY rowid"
        ).fetchall()
    return [
        (row[0], *(from_db(s, value) for s, value in zip(specs, row[1:], strict=True)))
        for row in rows
    ]


#: One page of live records in creation order, after the last one seen (keyset paging). The
#: partial index ``idx_<kind>_live_created`` (migration 12) serves it: no sort per page.
PAGE_SQL = (
    "SELECT * FROM {kind} WHERE deleted = 0 AND (created_at, id) > (?, ?) "
    "ORDER BY created_at, id LIMIT ?"
)


def iter_records(store: Store, kind: str, batch: int = 1000) -> Iterator[dict[str, Any]]:
    """Live records of ``kind`` in creation order, read ``batch`` at a time (keyset paging).

    The lock is held for one batch only, so an export never blocks the window for long.
    """
    spec = ENTITIES[kind]
    after: tuple[str, str] = ("", "")
    while True:
        with store.reading() as conn:
            cursor = conn.execute(PAGE_SQL.format(kind=kind), (*after, batch))
            names = [d[0] for d in cursor.description]
            rows = [dict(zip(names, row, strict=True)) for row in cursor]
        if not rows:
            return
        for row in rows:
            yield decode_row(spec, row)
        after = (rows[-1]["created_at"], rows[-1]["id"])


def live_count(store: Store, kind: str) -> int:
    """How many live records of ``kind`` an export will write."""
    return store.count(kind)
