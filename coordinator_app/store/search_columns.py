"""The columns the full-text search reads and writes today: ``project_fts`` and ``visit_fts``.

This is the live definition, read by the store's writes (``store.search_index``) and by the
in-memory index of the newest visits (``store.window_index``). It must equal the columns of the
FTS tables a freshly migrated profile has: the migrations that built them (2, 11, 13) each keep
their own frozen copy and never read this one, so that editing it cannot change what an old
profile becomes when it is migrated. To search one more column, write a new migration that
rebuilds the kind's FTS table with it, then add it here (``tests/store/test_search_columns.py``
fails until both agree).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

#: Searched table → its searched columns, in the order of its ``<table>_fts``.
SEARCHED_COLUMNS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "project": ("name", "municipality", "notes"),
        "visit": ("place", "observations", "decisions"),
    }
)
