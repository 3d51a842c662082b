"""The full-text indexes ``project_fts`` and ``visit_fts``, kept current by the store's writes.

Until migration 15, triggers did it, one row at a time: a pulled page of 1 000 new visits spent
41 ms of CPU with them and 11 ms without any index; the same index written by one statement per
500 rows after the page's rows costs 29 ms (benchmarks/README.md, issue 17). So the index is now
written here, by the statements that change the rows:

- ``writes.write`` and ``writes.write_many`` (every create, update, delete, restore, bulk import,
  pulled page, anonymisation and resolved conflict) call ``index`` after inserting rows, and
  ``unindex`` before and ``index`` after updating a searched column;
- a record removed from this laptop (it left the user's regions) is unindexed before its delete.

The tables are FTS5 « external content » tables: a row is removed from the index by giving the
values it was indexed with, which are the row's current values as long as every write goes
through here. A statement that writes ``project`` or ``visit`` rows some other way must do the
same (``tests/store/test_search_index.py`` searches after each write path).
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Iterable, Sequence

from coordinator_app.store.search_columns import SEARCHED_COLUMNS

#: Searched table → its searched columns (those of its ``<table>_fts``).
SEARCHED: dict[str, tuple[str, ...]] = dict(SEARCHED_COLUMNS)

_CHUNK = 500  # ids per statement (SQLite allows 32 766 parameters; 500 keeps statements cached)


def searched(kind: str, columns: Iterable[str]) -> bool:
    """True when writing ``columns`` of a ``kind`` row changes what its index holds."""
    names = SEARCHED.get(kind)
    return names is not None and any(c in names for c in columns)


def index(conn: sqlite3.Connection, kind: str, record_ids: Sequence[str]) -> None:
    """Add these rows' current text to the index (after they were inserted or updated)."""
    _each_chunk(conn, kind, record_ids, delete=False)


def unindex(conn: sqlite3.Connection, kind: str, record_ids: Sequence[str]) -> None:
    """Remove these rows' current text from the index (before an update or a delete)."""
    _each_chunk(conn, kind, record_ids, delete=True)


def _each_chunk(
    conn: sqlite3.Connection, kind: str, record_ids: Sequence[str], *, delete: bool
) -> None:
    if kind not in SEARCHED:
        return
    for start in range(0, len(record_ids), _CHUNK):
        chunk = record_ids[start : start + _CHUNK]
        conn.execute(_sql(kind, len(chunk), delete=delete), chunk)


@functools.lru_cache(maxsize=64)
def _sql(kind: str, count: int, *, delete: bool) -> str:
    columns = ", ".join(SEARCHED[kind])
    marks = "?" if count == 1 else ", ".join("?" * count)
    command, value = (f"{kind}_fts, ", "'delete', ") if delete else ("", "")
    return (
        f"INSERT INTO {kind}_fts({command}rowid, {columns}) "
        f"SELECT {value}rowid, {columns} FROM {kind} WHERE id IN ({marks})"
    )
