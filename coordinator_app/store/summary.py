"""Profile-wide figures for ``status`` and the dashboard."""

from __future__ import annotations

from typing import Any

from coordinator_app.store.profile import Store


def counts_by_program(store: Store) -> dict[str, int]:
    with store.reading() as conn:
        rows = conn.execute(
            "SELECT program, count(*) FROM project WHERE deleted = 0 GROUP BY program ORDER BY program"
        )
        return dict(rows.fetchall())


def live_projects(store: Store) -> list[dict[str, Any]]:
    """Every live project record (a few thousand at most), for the indicators."""
    return store.find("project")
