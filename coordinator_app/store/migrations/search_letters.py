"""Migration 13: the full-text tables also index each word's first letter (issue 17).

A search's first keystroke is one letter, which migration 11's prefix indexes (2 to 4 letters) do
not cover: FTS5 then merged the lists of every word of the vocabulary starting with that letter
(« s »: salle, serre, semis, subvention… about 290 000 entries at 100 000 visits) at each
keystroke. Measured on the benchmark's 100 000-visit profile: the first page of « s » 22 → 13 ms,
« f » 15 → 11 ms, « V » 15 → 13 ms; the rebuild took 2 s and the profile grew 9 MB (4.6 %).
Same tables, columns, tokenizer, content and triggers; FTS5 options cannot be altered in place.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from types import MappingProxyType

from coordinator_app.store.migrations.full_text import create_fts

#: Prefix indexes of 1 to 4 first letters.
FTS_LETTERS_PREFIX = "1 2 3 4"
#: The columns migration 13 rebuilt the indexes with. Frozen: never change it, even to search
#: another column (the live columns are ``store/search_columns.py``; that needs a new migration).
SEARCHABLE_AT_V13: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "project": ("name", "municipality", "notes"),
        "visit": ("place", "observations", "decisions"),
    }
)


def v13_fts_first_letter_index(conn: sqlite3.Connection) -> None:
    """Drop and recreate the FTS tables and their triggers with a one-letter prefix index too."""
    for table in SEARCHABLE_AT_V13:
        for suffix in ("ai", "ad", "au"):
            conn.execute(f"DROP TRIGGER IF EXISTS {table}_fts_{suffix}")
        conn.execute(f"DROP TABLE IF EXISTS {table}_fts")
    create_fts(conn, SEARCHABLE_AT_V13, prefix=FTS_LETTERS_PREFIX)
