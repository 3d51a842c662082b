"""The ``Store``'s reads of records and of the journal (``store.profile`` adds the writes).

Reads go through ``reading``: the main connection when this thread may use it, else the read-only
connection, so the window never waits for an import or a sync to finish. Rows come back as dicts
from plain SQL: sqlite-utils did this before, and its import (click, pluggy, dateutil: ≈ 50 ms)
was the largest single cost of the window's start-up (issue 17).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Any

from coordinator_app.domain.entities import ENTITIES
from coordinator_app.domain.errors import NotFoundError
from coordinator_app.store import journal, writes
from coordinator_app.store.codec import decode_row
from coordinator_app.store.journal import JournalEntry
from coordinator_app.store.session import StoreSession


def dict_rows(cursor: sqlite3.Cursor) -> list[dict[str, Any]]:
    """The cursor's rows as dicts keyed by column name."""
    columns = [column[0] for column in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor]


class StoreReads(StoreSession):
    """Records by id or by field values, counts, and the journal's history and pending changes."""

    def _select(self, sql: str, params: tuple | list = ()) -> list[dict[str, Any]]:
        with self.reading() as conn:
            return dict_rows(conn.execute(sql, params))

    def get(
        self, kind: str, record_id: str, *, include_deleted: bool = False
    ) -> dict[str, Any] | None:
        entity = ENTITIES[kind]
        rows = self._select(f'SELECT * FROM "{kind}" WHERE id = ?', [record_id])
        if not rows or (rows[0]["deleted"] and not include_deleted):
            return None
        return decode_row(entity, rows[0])

    def require(self, kind: str, record_id: str) -> dict[str, Any]:
        """The record, or ``NotFoundError`` naming what was looked for (in French)."""
        record = self.get(kind, record_id)
        if record is None:
            raise NotFoundError(f"{ENTITIES[kind].label} introuvable : {record_id}")
        return record

    def find(
        self,
        kind: str,
        *,
        equals: Mapping[str, Any] | None = None,
        order_by: str | None = None,
        descending: bool = False,
        limit: int | None = None,
        offset: int = 0,
        include_deleted: bool = False,
    ) -> list[dict[str, Any]]:
        """Records of ``kind`` whose fields equal the given values, in a stable order."""
        entity = ENTITIES[kind]
        where, params = self._where(kind, equals, include_deleted)
        order = (
            f"{self._column(kind, order_by or 'created_at')} {'DESC' if descending else 'ASC'}, id"
        )
        sql = f'SELECT * FROM "{kind}"{where} ORDER BY {order}'
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        return [decode_row(entity, row) for row in self._select(sql, params)]

    def count(
        self, kind: str, *, equals: Mapping[str, Any] | None = None, include_deleted: bool = False
    ) -> int:
        where, params = self._where(kind, equals, include_deleted)
        with self.reading() as conn:
            return conn.execute(f'SELECT count(*) FROM "{kind}"{where}', params).fetchone()[0]

    def _column(self, kind: str, name: str) -> str:
        if name not in writes.METADATA and not ENTITIES[kind].has_field(name):
            raise KeyError(f"{kind} has no field {name!r}")
        return f'"{name}"'

    def _where(
        self, kind: str, equals: Mapping[str, Any] | None, include_deleted: bool
    ) -> tuple[str, list[Any]]:
        """`` WHERE …`` (with its leading space, or "" for every row) and its parameters."""
        clauses, params = ([] if include_deleted else ["deleted = 0"]), []
        for name, value in (equals or {}).items():
            if value is None:
                clauses.append(f"{self._column(kind, name)} IS NULL")
            else:
                clauses.append(f"{self._column(kind, name)} = ?")
                params.append(value)
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params

    def history(self, kind: str, record_id: str) -> list[JournalEntry]:
        with self.reading() as conn:
            return journal.entries_for_record(conn, kind, record_id)

    def pending_changes(self, limit: int | None = None) -> list[JournalEntry]:
        with self.reading() as conn:
            return journal.pending(conn, limit)

    def pending_count(self) -> int:
        with self.reading() as conn:
            return journal.pending_count(conn)

    def mark_sent(self, acknowledged: Mapping[str, int | None]) -> None:
        with self.transaction():
            journal.mark_sent(self.conn, dict(acknowledged), self.now())

    def get_many(self, kind: str, ids: list[str]) -> dict[str, dict[str, Any]]:
        """Live records by id, read with one query (``id IN``): ``get`` for a chunk of rows
        (keep ``ids`` to a few thousand; SQLite caps the number of parameters)."""
        entity = ENTITIES[kind]
        marks = ", ".join("?" * len(ids))
        sql = f"SELECT * FROM {kind} WHERE id IN ({marks}) AND deleted = 0"
        return {row["id"]: decode_row(entity, row) for row in self._select(sql, ids)}
