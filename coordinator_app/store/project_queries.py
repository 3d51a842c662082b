"""Read queries of the project page: per-visit counts and the newest visits of one project.

Grouped counts in SQL rather than loading every follow-up and attachment of a project, and the
newest visits straight from the ``(project_id, visited_at)`` index: a project followed for years
can have thousands of visits, and its page must open at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from coordinator_app.domain.entities import ENTITIES
from coordinator_app.store.codec import decode_row

if TYPE_CHECKING:
    from coordinator_app.store.profile import Store


def _counts(store: Store, sql: str, project_id: str) -> dict[str, int]:
    with store.reading() as conn:
        return {visit_id or "": count for visit_id, count in conn.execute(sql, (project_id,))}


def open_action_items_by_visit(store: Store, project_id: str) -> dict[str, int]:
    """Follow-ups not done, per visit id ("" for those attached to no visit)."""
    return _counts(
        store,
        "SELECT visit_id, count(*) FROM action_item "
        "WHERE project_id = ? AND deleted = 0 AND done = 0 GROUP BY visit_id",
        project_id,
    )


def attachments_by_visit(store: Store, project_id: str) -> dict[str, int]:
    """Attachments per visit id ("" for those attached to the project only)."""
    return _counts(
        store,
        "SELECT visit_id, count(*) FROM attachment "
        "WHERE project_id = ? AND deleted = 0 GROUP BY visit_id",
        project_id,
    )


def latest_visits(store: Store, project_id: str, limit: int) -> tuple[list[dict[str, Any]], int]:
    """The ``limit`` most recent visits of a project, and how many it has in all.

    Ordered by ``visited_at`` alone (not ``visited_at, id`` as ``Store.find`` does) so SQLite walks
    the index backwards and stops after ``limit`` rows instead of sorting every visit.
    """
    with store.reading() as conn:
        total = conn.execute(
            "SELECT count(*) FROM visit WHERE project_id = ? AND deleted = 0", (project_id,)
        ).fetchone()[0]
        cursor = conn.execute(
            "SELECT * FROM visit WHERE project_id = ? AND deleted = 0 "
            "ORDER BY visited_at DESC LIMIT ?",
            (project_id, limit),
        )
        names = [d[0] for d in cursor.description]
        rows = [dict(zip(names, row, strict=True)) for row in cursor]
    return [decode_row(ENTITIES["visit"], row) for row in rows], total
