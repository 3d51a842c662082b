"""The change journal: every local change, in order, in the same transaction as the change.

The sync engine pushes the entries whose ``sent_at`` is empty and marks them sent on the server's
acknowledgement; the window shows a record's history from the same entries. Entries are never
rewritten: only ``sent_at`` and ``server_seq`` are filled in once. Changes pulled from the server
are journaled too (origin ``remote``) so that history shows who changed what on any laptop.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

_COLUMNS = (
    "seq, change_id, kind, record_id, op, fields, at, author, device_id, origin, sent_at,"
    " server_seq, author_id"
)


@dataclass(frozen=True)
class JournalEntry:
    """One change: ``fields`` maps each changed field to ``[old, new]``; ``fields_json`` is the
    same as stored (JSON text), which a push sends as it is (decoding 500 entries' fields was
    most of the reading of a push batch: benchmarks/README.md, issue 17)."""

    seq: int
    change_id: str
    kind: str
    record_id: str
    op: str
    fields_json: str
    at: str
    author: str | None
    device_id: str | None
    origin: str
    sent_at: str | None
    server_seq: int | None
    #: the author's account (``domain.people``); ``author`` is their name at the time
    author_id: str | None = None

    @functools.cached_property
    def fields(self) -> dict[str, list[Any]]:
        return json.loads(self.fields_json)

    @classmethod
    def from_row(cls, row: tuple) -> JournalEntry:
        return cls(*row)


#: ``json.dumps(fields, ensure_ascii=False)``, the same text, without building an encoder for each
#: entry (``dumps`` does when given an option; a pulled page journals 1 000 entries)
_dumps_fields = json.JSONEncoder(ensure_ascii=False).encode

_INSERT = f"INSERT INTO journal ({_COLUMNS}) VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"


def entry_params(
    *,
    change_id: str,
    kind: str,
    record_id: str,
    op: str,
    fields: dict[str, list[Any]],
    at: str,
    author: str | None,
    device_id: str | None,
    origin: str = "local",
    sent_at: str | None = None,
    server_seq: int | None = None,
    author_id: str | None = None,
) -> tuple:
    """The parameters of one entry's ``INSERT`` (for ``append`` and ``append_many``)."""
    fields_json = _dumps_fields(fields)
    return (change_id, kind, record_id, op, fields_json, at, author, device_id, origin, sent_at,
            server_seq, author_id)  # fmt: skip


def append(conn: sqlite3.Connection, **entry: Any) -> None:
    """Write one entry; the caller holds the transaction that also writes the change itself.

    Keywords are those of ``entry_params``.
    """
    conn.execute(_INSERT, entry_params(**entry))


def append_many(conn: sqlite3.Connection, entries: Iterable[tuple]) -> None:
    """Write many entries made by ``entry_params`` with one ``executemany`` (bulk imports)."""
    conn.executemany(_INSERT, entries)


def select(conn: sqlite3.Connection, where: str, params: tuple | list = ()) -> list[JournalEntry]:
    """The entries matching ``where`` (an SQL condition, with its ``ORDER BY``/``LIMIT``)."""
    rows = conn.execute(f"SELECT {_COLUMNS} FROM journal WHERE {where}", params)
    return [JournalEntry.from_row(row) for row in rows]


def entries_for_record(conn: sqlite3.Connection, kind: str, record_id: str) -> list[JournalEntry]:
    return select(conn, "kind = ? AND record_id = ? ORDER BY seq", (kind, record_id))


def pending(conn: sqlite3.Connection, limit: int | None = None) -> list[JournalEntry]:
    where = "origin = 'local' AND sent_at IS NULL ORDER BY seq"
    return select(conn, where + (" LIMIT ?" if limit else ""), (limit,) if limit else ())


def pending_count(conn: sqlite3.Connection) -> int:
    return conn.execute(
        "SELECT count(*) FROM journal WHERE origin = 'local' AND sent_at IS NULL"
    ).fetchone()[0]


def mark_sent(conn: sqlite3.Connection, acknowledged: dict[str, int | None], at: str) -> None:
    """Mark entries sent, with the server's sequence number when it gave one."""
    conn.executemany(
        "UPDATE journal SET sent_at = ?, server_seq = ? WHERE change_id = ? AND sent_at IS NULL",
        [(at, server_seq, change_id) for change_id, server_seq in acknowledged.items()],
    )


def acknowledge_echo(conn: sqlite3.Connection, change_id: str, server_seq: int, at: str) -> None:
    """A pulled change that is already in the journal (our own coming back, or one received
    before a server restore) takes the server's seq, and counts as sent if it was not."""
    conn.execute(
        "UPDATE journal SET sent_at = coalesce(sent_at, ?), server_seq = ? WHERE change_id = ?",
        (at, server_seq, change_id),
    )


def acknowledge_echoes(conn: sqlite3.Connection, marks: Iterable[tuple[str, int, str]]) -> None:
    """``acknowledge_echo`` for many entries at once: ``(at, server_seq, change_id)`` each."""
    conn.executemany(
        "UPDATE journal SET sent_at = coalesce(sent_at, ?), server_seq = ? WHERE change_id = ?",
        marks,
    )
