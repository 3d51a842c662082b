"""A small full-text index of the window of newest visits, kept in memory between keystrokes.

Profile (issue 17, 100 000 visits, benchmarks/README.md §17): the first page of a search read
through the window of newest visits (``store.search_window``) still cost 10–45 ms a keystroke.
Testing the window's 1 600 rows against a broad word (« s », « visite ») read that word's whole
list in ``visit_fts``, 100 000 entries, and built a set of them. The window itself does not
change while the user types: same filters, same profile. So the text of its rows (each visit's
searched columns and its project's) is indexed once in an in-memory database of the same SQLite
build, hence the same tokenizer and the same words matching, and each keystroke searches
1 600 documents instead of 100 000.

The index is rebuilt when the window's query changes (another filter, order or size) or the
profile's content changed since it was built (``StoreSession.content_version``); while a write
transaction is open it is rebuilt for each search and not kept.
"""

from __future__ import annotations

import sqlite3
import threading
import weakref
from collections.abc import Sequence
from typing import Any

from coordinator_app.store.connection import open_memory
from coordinator_app.store.migrations.full_text import TOKENIZE
from coordinator_app.store.profile import Store
from coordinator_app.store.search_columns import SEARCHED_COLUMNS
from coordinator_app.store.search_sql import regions_matching, search_terms

#: The window's searched text: the visit's columns, then its project's (the names differ).
COLUMNS = (*SEARCHED_COLUMNS["visit"], *SEARCHED_COLUMNS["project"])
#: What the window's query selects, before those columns.
WINDOW_SELECT = "SELECT v.rowid, p.region_code, " + ", ".join(
    [f"v.{c}" for c in SEARCHED_COLUMNS["visit"]] + [f"p.{c}" for c in SEARCHED_COLUMNS["project"]]
)
_SCHEMA = (
    "CREATE TABLE win(pos INTEGER PRIMARY KEY, visit INTEGER NOT NULL, region TEXT)",
    # contentless (only the index is kept: 2.2 MB for 16 000 visits, 5.4 with their text); no
    # prefix index: on 1 600 rows a word's prefix is found in a few terms (building 10 ms
    # instead of 16, each search 0.1 ms)
    f"CREATE VIRTUAL TABLE win_fts USING fts5({', '.join(COLUMNS)}, tokenize='{TOKENIZE}',"
    " content='')",
)


class WindowIndex:
    """The in-memory index of one store's current window (``for_store``)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._built_for: tuple[Any, ...] | None = None

    def prepare(self, store: Store, window_sql: str, params: Sequence[Any]) -> None:
        """Build the index of this window now unless it is current (before the user types)."""
        with self._lock:
            self._current(store, window_sql, params)

    def matches(
        self, store: Store, window_sql: str, params: Sequence[Any], text: str, limit: int
    ) -> list[int]:
        """Rowids of the first ``limit`` visits of the window (in its order) that match every
        word of ``text`` as the full query tests them (``search_sql.text_clauses``)."""
        with self._lock:
            self._current(store, window_sql, params)
            return self._search(text, limit)

    def matches_if_ready(
        self, store: Store, window_sql: str, params: Sequence[Any], text: str, limit: int
    ) -> list[int] | None:
        """``matches`` when this window is indexed and current, else None at once (it is being
        built, or the profile changed since): never waits and never builds."""
        if not self._lock.acquire(blocking=False):
            return None
        try:
            version = store.content_version()
            if self._conn is None or self._built_for != (window_sql, tuple(params), version):
                return None
            return self._search(text, limit)
        finally:
            self._lock.release()

    def _current(self, store: Store, window_sql: str, params: Sequence[Any]) -> None:
        key = (window_sql, tuple(params))
        before = store.content_version()
        if self._conn is None or self._built_for != (*key, before) or before is None:
            self._build(store, window_sql, params)
            after = store.content_version()
            # not kept when built inside a transaction (no version): the next transaction has no
            # version either, and ``matches_if_ready`` would take it for current
            self._built_for = (*key, before) if before is not None and before == after else None

    def _build(self, store: Store, window_sql: str, params: Sequence[Any]) -> None:
        if self._conn is not None:
            self._conn.close()
        self._conn = conn = open_memory()
        for statement in _SCHEMA:
            conn.execute(statement)
        marks = ", ".join("?" * (len(COLUMNS) + 1))
        insert_text = f"INSERT INTO win_fts(rowid, {', '.join(COLUMNS)}) VALUES ({marks})"
        conn.execute("BEGIN")  # one transaction: the index is written once (80 ms → 10 ms)
        with store.reading_aside() as source:  # never holds up a save
            cursor = source.execute(window_sql, params)
            first = 0
            # a few rows at a time: 16 000 visits' text held at once raised the window's memory
            while rows := cursor.fetchmany(_CHUNK):
                positions = range(first, first + len(rows))
                conn.executemany(
                    "INSERT INTO win(pos, visit, region) VALUES (?, ?, ?)",
                    ((pos, row[0], row[1]) for pos, row in zip(positions, rows, strict=True)),
                )
                conn.executemany(
                    insert_text, ((pos, *row[2:]) for pos, row in zip(positions, rows, strict=True))
                )
                first += len(rows)
        conn.execute("COMMIT")

    def _search(self, text: str, limit: int) -> list[int]:
        assert self._conn is not None
        clauses: list[str] = []
        params: list[Any] = []
        plain: list[str] = []
        for raw, word in search_terms(text):
            regions = regions_matching(raw)
            if not regions:
                plain.append(word)
                continue
            marks = ", ".join("?" * len(regions))
            clauses.append(f"(pos IN ({_MATCH}) OR region IN ({marks}))")
            params += [word, *regions]
        if plain:  # one query intersects these words inside the index
            clauses.insert(0, f"pos IN ({_MATCH})")
            params.insert(0, " ".join(plain))
        sql = f"SELECT visit FROM win WHERE {' AND '.join(clauses)} ORDER BY pos LIMIT ?"
        return [row[0] for row in self._conn.execute(sql, [*params, limit])]


_CHUNK = 1000  # rows read and indexed at a time
_MATCH = "SELECT rowid FROM win_fts WHERE win_fts MATCH ?"
_INDEXES: weakref.WeakKeyDictionary[Store, dict[str, WindowIndex]] = weakref.WeakKeyDictionary()
_INDEXES_LOCK = threading.Lock()


def for_store(store: Store, depth: str) -> WindowIndex:
    """This open store's window index of that ``depth`` (dropped with the store): a window of a
    few pages, built when needed, and a deep one built ahead in the background."""
    with _INDEXES_LOCK:
        indexes = _INDEXES.setdefault(store, {})
        if depth not in indexes:
            indexes[depth] = WindowIndex()
        return indexes[depth]
