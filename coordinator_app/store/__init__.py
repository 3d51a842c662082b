"""The local profile: one SQLite database per user. The only package that contains SQL."""

import sys


def _import_sqlite_utils_without_numpy() -> None:
    """Import sqlite-utils with numpy and pandas hidden from it.

    sqlite-utils imports numpy and pandas when they are installed, only to accept their values in
    inserts; the store never passes any. numpy alone cost 0.2–0.5 s and about 15 MB of every
    start of the window. Only sqlite-utils' own import sees them missing: the names are given back
    right after, so any other code can still import them.
    """
    if "sqlite_utils" in sys.modules:
        return
    hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # `import name` → ImportError
    try:
        import sqlite_utils.db  # noqa: F401
    finally:
        for name in hidden:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]


_import_sqlite_utils_without_numpy()

from coordinator_app.store.profile import Store, open_store  # noqa: E402

__all__ = ["Store", "open_store"]
