"""Migrations 2 and 11: the full-text search over projects and visits, then rebuilt with prefix
indexes (FTS5 options cannot be altered in place, so 11 drops and recreates what 2 made)."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from types import MappingProxyType

#: The columns migration 2 indexed. Frozen: never change it, even to search another column (the
#: live columns are ``store/search_columns.py``; a new column needs a new migration).
SEARCHABLE_AT_V2: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "project": ("name", "municipality", "notes"),
        "visit": ("place", "observations", "decisions"),
    }
)
#: The columns migration 11 rebuilt its indexes with. Frozen: never change it.
SEARCHABLE_AT_V11: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "project": ("name", "municipality", "notes"),
        "visit": ("place", "observations", "decisions"),
    }
)


def v2_full_text_search(conn: sqlite3.Connection) -> None:
    """FTS5 indexes over project names/municipalities/notes and visit text, accent-insensitive
    (« forestiere » finds « forestière »), kept current by triggers."""
    create_fts(conn, SEARCHABLE_AT_V2, prefix="")


#: Prefix indexes of FTS5 (2 to 4 first letters): a word being typed (« se », « ser ») is looked
#: up in its own small index instead of scanning every term of the vocabulary that starts so.
FTS_PREFIX = "2 3 4"
#: How the full-text tables cut and fold words (« Forestière » → « forestiere »).
TOKENIZE = "unicode61 remove_diacritics 2"


def v11_fts_prefix_indexes(conn: sqlite3.Connection) -> None:
    """The same FTS5 tables, triggers and content, rebuilt with prefix indexes (issue 17: the
    first keystrokes of a search were the slowest). FTS5 options cannot be altered in place."""
    for table in SEARCHABLE_AT_V11:
        for suffix in ("ai", "ad", "au"):
            conn.execute(f"DROP TRIGGER IF EXISTS {table}_fts_{suffix}")
        conn.execute(f"DROP TABLE IF EXISTS {table}_fts")
    create_fts(conn, SEARCHABLE_AT_V11, prefix=FTS_PREFIX)


def create_fts(
    conn: sqlite3.Connection, searchable: Mapping[str, tuple[str, ...]], *, prefix: str
) -> None:
    """The FTS5 table of each of ``searchable``'s tables over its columns, filled from it, and its
    triggers. The columns are the calling migration's frozen copy, never the live ones."""
    options = f", prefix='{prefix}'" if prefix else ""
    for table, columns in searchable.items():
        cols = ", ".join(columns)
        new = ", ".join(f"new.{c}" for c in columns)
        old = ", ".join(f"old.{c}" for c in columns)
        conn.execute(
            f"CREATE VIRTUAL TABLE {table}_fts USING fts5({cols}, content='{table}', "
            f"content_rowid='rowid', tokenize='{TOKENIZE}'{options})"
        )
        conn.execute(f"INSERT INTO {table}_fts(rowid, {cols}) SELECT rowid, {cols} FROM {table}")
        conn.execute(
            f"CREATE TRIGGER {table}_fts_ai AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {table}_fts(rowid, {cols}) VALUES (new.rowid, {new}); END"
        )
        conn.execute(
            f"CREATE TRIGGER {table}_fts_ad AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {table}_fts({table}_fts, rowid, {cols}) VALUES ('delete', old.rowid, {old}); END"
        )
        conn.execute(
            f"CREATE TRIGGER {table}_fts_au AFTER UPDATE ON {table} BEGIN "
            f"INSERT INTO {table}_fts({table}_fts, rowid, {cols}) VALUES ('delete', old.rowid, {old}); "
            f"INSERT INTO {table}_fts(rowid, {cols}) VALUES (new.rowid, {new}); END"
        )
