"""The one way a record reaches its table: its row and its journal entry, written together.

Every write of a record goes through here: the ``Store``'s create, update, delete and restore (one
record or thousands), a pulled page applied by ``sync_state``, an anonymisation in ``privacy`` and
a conflict marked resolved. The caller holds the transaction; this module writes the row and the
entry inside it, so the journal can never miss a change nor hold one that did not happen. Rows are
built from column values already in their database form (``codec.to_db`` or JSON text). The
full-text index of a searched table is written here too, around the rows (``search_index``).
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from coordinator_app.store import journal, search_index

#: Columns every record table has besides its fields.
METADATA: tuple[str, ...] = ("id", "created_at", "updated_at", "author", "deleted")


@dataclass(frozen=True)
class Row:
    """One statement that inserts or updates one record's row."""

    sql: str
    params: list[Any]
    kind: str = ""
    record_id: str = ""
    #: what the statement does to the full-text index (``search_index``): None (nothing: not a
    #: searched table, or no searched column written), ``"insert"`` or ``"update"``
    search: str | None = None


def insert_row(kind: str, columns: Sequence[str], values: Sequence[Any]) -> Row:
    """The insert of a new record: ``columns`` (metadata included) and their database values."""
    search = "insert" if kind in search_index.SEARCHED else None
    record_id = values[list(columns).index("id")]
    return Row(_insert_sql(kind, tuple(columns)), list(values), kind, record_id, search)


def update_row(kind: str, record_id: str, columns: Mapping[str, Any], updated_at: str) -> Row:
    """The update of ``columns`` (name → database value, ``deleted`` allowed) and ``updated_at``."""
    search = "update" if search_index.searched(kind, columns) else None
    sql = _update_sql(kind, tuple(columns))
    return Row(sql, [*columns.values(), updated_at, record_id], kind, record_id, search)


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
        if row.search == "update":
            search_index.unindex(conn, row.kind, [row.record_id])
        conn.execute(row.sql, row.params)
        if row.search is not None:
            search_index.index(conn, row.kind, [row.record_id])
    if entry is not None:
        if pending is None:
            journal.append_many(conn, [entry])
        else:
            pending.append(entry)


def write_many(conn: sqlite3.Connection, rows: Iterable[Row], entries: Iterable[tuple]) -> None:
    """``write`` for many records (bulk imports and edits): one ``executemany`` per run of rows
    with the same statement, in order, then one for the entries."""
    run: list[Row] = []
    for row in rows:
        if run and row.sql != run[0].sql:
            _write_run(conn, run)
            run = []
        run.append(row)
    if run:
        _write_run(conn, run)
    write_entries(conn, entries)


def _write_run(conn: sqlite3.Connection, run: list[Row]) -> None:
    """Rows with one statement (so one table, one kind of write): one ``executemany``, and the
    full-text index of those rows updated by one statement per 500 rows around it."""
    first = run[0]
    ids = [row.record_id for row in run] if first.search is not None else []
    if first.search == "update":
        search_index.unindex(conn, first.kind, ids)
    conn.executemany(first.sql, [row.params for row in run])
    if first.search is not None:
        search_index.index(conn, first.kind, ids)


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
