"""Conflict records and the local changes the server refused, as the Conflits screen and the
command line read and resolve them."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from coordinator_app.domain.conflicts import CONFLICT_JSON_FIELDS, CONFLICT_KIND

if TYPE_CHECKING:
    from coordinator_app.store.profile import Store


def conflicts(store: Store, *, status: str | None = "ouvert") -> list[dict[str, Any]]:
    """Conflict records (open ones by default), newest first, JSON values decoded."""
    sql = "SELECT * FROM conflict WHERE deleted = 0"
    params: list[Any] = []
    if status:
        sql += " AND status = ?"
        params.append(status)
    with store.reading() as conn:
        cursor_ = conn.execute(sql + " ORDER BY created_at DESC, id", params)
        names = [d[0] for d in cursor_.description]
        rows = [dict(zip(names, row, strict=True)) for row in cursor_]
    for row in rows:
        for name in CONFLICT_JSON_FIELDS:
            row[name] = json.loads(row[name]) if row[name] is not None else None
        row["deleted"] = bool(row["deleted"])
    return rows


def get_conflict(store: Store, conflict_id: str) -> dict[str, Any] | None:
    return next((c for c in conflicts(store, status=None) if c["id"] == conflict_id), None)


def mark_conflict_resolved(store: Store, conflict_id: str, resolution: Any) -> None:
    """Journal the resolution as an update of the conflict record; it syncs like any change."""
    with store.transaction():
        current = get_conflict(store, conflict_id)
        if current is None or current["status"] != "ouvert":
            return
        store.write_change(
            CONFLICT_KIND,
            conflict_id,
            {"status": "resolu", "resolution": json.dumps(resolution, ensure_ascii=False)},
            {"status": ["ouvert", "resolu"], "resolution": [current["resolution"], resolution]},
        )


def refused(store: Store) -> list[dict[str, Any]]:
    """Local changes the server refused, with its reason, newest first."""
    with store.reading() as conn:
        cursor_ = conn.execute(
            "SELECT r.change_id, r.kind, r.record_id, r.reason, r.refused_at, j.op, j.fields, j.at "
            "FROM sync_refused r JOIN journal j ON j.change_id = r.change_id "
            "ORDER BY r.refused_at DESC"
        )
        names = [d[0] for d in cursor_.description]
        rows = [dict(zip(names, row, strict=True)) for row in cursor_]
    for row in rows:
        row["fields"] = json.loads(row["fields"])
    return rows


def retry_refused(store: Store, change_id: str | None = None) -> int:
    """Send refused changes again at the next sync (all of them when ``change_id`` is None)."""
    with store.transaction() as conn:
        if change_id is None:
            return conn.execute("DELETE FROM sync_refused").rowcount
        return conn.execute("DELETE FROM sync_refused WHERE change_id = ?", (change_id,)).rowcount


def abandon_refused(store: Store, change_id: str) -> None:
    """Stop offering a refused change: it stays in the record's history, marked as not sent."""
    with store.transaction() as conn:
        conn.execute(
            "UPDATE journal SET sent_at = ? WHERE change_id = ? AND sent_at IS NULL",
            (f"abandonne:{store.now()}", change_id),
        )
        conn.execute("DELETE FROM sync_refused WHERE change_id = ?", (change_id,))
