"""The live searched columns agree with the FTS tables a new profile gets, and the migrations that
built those tables keep their own frozen columns: searching one more column takes a new migration,
and editing the live columns never changes what an old profile becomes when it is migrated."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import coordinator_app.store.migrations as migrations_package
from coordinator_app.store import open_store
from coordinator_app.store.migrations.full_text import SEARCHABLE_AT_V2, SEARCHABLE_AT_V11
from coordinator_app.store.migrations.search_letters import SEARCHABLE_AT_V13
from coordinator_app.store.migrations.search_maintained import SEARCHED_TABLES_AT_V15
from coordinator_app.store.search_columns import SEARCHED_COLUMNS

#: What the released migrations indexed (laptop profiles exist with exactly these tables).
RELEASED = {
    "project": ("name", "municipality", "notes"),
    "visit": ("place", "observations", "decisions"),
}
#: Modules holding or reading the live columns, which a migration must never import.
LIVE_MODULES = (
    "coordinator_app.store.search_columns",
    "coordinator_app.store.search_index",
    "coordinator_app.store.window_index",
)


def fts_columns(store) -> dict[str, tuple[str, ...]]:
    """Each FTS5 table of the profile (``<table>_fts``) → its columns, in order."""
    sql = "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%USING fts5%'"
    names = [row[0] for row in store.conn.execute(sql)]
    return {
        name.removesuffix("_fts"): tuple(
            r[1] for r in store.conn.execute(f"PRAGMA table_info({name})")
        )
        for name in names
    }


def test_the_live_columns_are_those_of_a_new_profiles_fts_tables(tmp_path):
    store = open_store(tmp_path)
    try:
        built = fts_columns(store)
    finally:
        store.close()
    assert dict(SEARCHED_COLUMNS) == built, (
        "store/search_columns.py::SEARCHED_COLUMNS differs from the FTS tables the migrations "
        f"build ({built}). To search another column, write a NEW migration that rebuilds the "
        "kind's <table>_fts with it (never edit migrations 2, 11, 13 or 15)."
    )


@pytest.mark.parametrize(
    "frozen", [SEARCHABLE_AT_V2, SEARCHABLE_AT_V11, SEARCHABLE_AT_V13], ids=["v2", "v11", "v13"]
)
def test_the_released_migrations_keep_the_columns_they_shipped_with(frozen):
    assert dict(frozen) == RELEASED, (
        "A released migration's columns changed: restore them, and write a new migration instead."
    )
    assert tuple(RELEASED) == SEARCHED_TABLES_AT_V15


def _imported_modules(path: Path) -> set[str]:
    """Every module a source file imports (``from x import y`` counts ``x`` and ``x.y``)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_no_migration_reads_the_live_columns():
    folder = Path(migrations_package.__file__).parent
    for path in sorted(folder.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        live = sorted(m for m in _imported_modules(path) if m.startswith(LIVE_MODULES))
        assert not live, f"{path.name} imports {live}: a migration uses its own frozen columns"
        assert "SEARCHED_COLUMNS" not in source, f"{path.name} names the live SEARCHED_COLUMNS"
