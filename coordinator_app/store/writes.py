"""The one way a record reaches its table: its row and its journal entry, written together.

Every write of a record goes through here: the ``Store``'s create, update, delete and restore (one
record or thousands), a pulled page applied by ``sync_state``, an anonymisation in ``privacy`` and
a conflict marked resolved. The caller holds the transaction; this module writes the row and the
entry inside it, so the journal can never miss a change nor hold one that did not happen. Rows are
built from column values already in their database form (``codec.to_db`` or JSON text).
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from coordinator_app.store import journal

#: Columns every record table has besides its fields.
METADATA: tuple[str, ...] = ("id", "created_at", "updated_at", "author", "deleted")


@dataclass(frozen=True)
class Row:
    """One statement that inserts or updates one record's row."""

    sql: str
    params: list[Any]


def insert_row(kind: str, columns: Sequence[str], values: Sequence[Any]) -> Row:
    """The insert of a new record: ``columns`` (metadata included) and their database values."""
    return Row(_insert_sql(kind, tuple(columns)), list(values))


def update_row(kind: str, record_id: str, columns: Mapping[str, Any], updated_at: str) -> Row:
    """The update of ``columns`` (name → database value, ``deleted`` allowed) and ``updated_at``."""
    return Row(_update_sql(kind, tuple(columns)), [*columns.values(), updated_at, record_id])


def write(
    conn: sqlite3.Connection,
    row: Row | None,
    entry: tuple | None,
    *,
    pending: list[tuple] | None = None,
) -> None:
    """Write a record's row and its journal entry (``journal.entry_params``) in the caller's
    transaction. Either may be None: a pulled change that alters nothing is still journaled; one
    that echoes our own change has its entry already. With ``pending``, the entry is appended to
    that list, for the caller to write with ``write_entries`` before its transaction commits (a
    pulled page writes its entries with one statement)."""
    if row is not None:
        conn.execute(row.sql, row.params)
    if entry is not None:
        if pending is None:
            journal.append_many(conn, [entry])
        else:
            pending.append(entry)


def write_many(conn: sqlite3.Connection, rows: Iterable[Row], entries: Iterable[tuple]) -> None:
    """``write`` for many records (bulk imports and edits): one ``executemany`` per run of rows
    with the same statement, in order, then one for the entries."""
    sql: str | None = None
    params: list[list[Any]] = []
    for row in rows:
        if row.sql != sql:
            if params:
                conn.executemany(sql, params)  # type: ignore[arg-type]
            sql, params = row.sql, []
        params.append(row.params)
    if params:
        conn.executemany(sql, params)  # type: ignore[arg-type]
    write_entries(conn, entries)


def write_entries(conn: sqlite3.Connection, entries: Iterable[tuple]) -> None:
    """Write journal entries kept aside by ``write(..., pending=...)``."""
    journal.append_many(conn, entries)


@functools.lru_cache(maxsize=512)
def _insert_sql(kind: str, columns: tuple[str, ...]) -> str:
    quoted = ", ".join(f'"{c}"' for c in columns)
    return f"INSERT INTO {kind} ({quoted}) VALUES ({', '.join('?' * len(columns))})"


@functools.lru_cache(maxsize=2048)
def _update_sql(kind: str, columns: tuple[str, ...]) -> str:
    assignments = "".join(f'"{c}" = ?, ' for c in columns)
    return f"UPDATE {kind} SET {assignments}updated_at = ? WHERE id = ?"
