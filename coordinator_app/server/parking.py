"""Changes that wait for their record (issue 13, point 5).

After a restore from an older backup, laptops re-send their changes in no particular order across
laptops: an edit of a record created after the backup can arrive before its creator re-sends the
creation, and a child before its project. Refusing it (``record_unknown``, ``parent_unknown``)
refused it for good: the laptop keeps a refused change until someone retries it by hand. Once the
server has been restored, such a change is parked instead (status ``deferred``: the laptop counts
it as received) and applied, as its sender, in the push that brings the record it waits for. It
then reaches every laptop, its sender's included, like any change.

A parked change that fails when its turn comes (the sender lost access to the region, the merged
record is not valid) is dropped and logged on the server, as a refused change would have been.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from coordinator_app.protocol.models import Change
from coordinator_app.server import db

#: Parked changes one device may have at once (more are refused as before).
MAX_PER_DEVICE = 10_000


def may_park(conn: Connection, device_id: str) -> bool:
    if db.get_meta(conn, db.RESTORED_KEY) is None:
        return False
    count = conn.execute(
        sa.select(sa.func.count()).select_from(db.parked).where(db.parked.c.device_id == device_id)
    ).scalar_one()
    return int(count) < MAX_PER_DEVICE


def park(
    conn: Connection,
    change: Change,
    waits_for: tuple[str, str],
    *,
    digest: str,
    device_id: str,
    username: str,
    received_at: str,
) -> None:
    conn.execute(
        db.parked.insert().values(
            change_id=change.change_id,
            kind=waits_for[0],
            record_id=waits_for[1],
            device_id=device_id,
            username=username,
            content_hash=digest,
            change=change.model_dump(mode="json"),
            received_at=received_at,
        )
    )


def known(conn: Connection, change_ids: list[str]) -> dict[str, tuple[str, str]]:
    """change_id → (content hash, username) of parked changes among ``change_ids``."""
    found: dict[str, tuple[str, str]] = {}
    for start in range(0, len(change_ids), 500):
        rows = conn.execute(
            sa.select(db.parked.c.change_id, db.parked.c.content_hash, db.parked.c.username).where(
                db.parked.c.change_id.in_(change_ids[start : start + 500])
            )
        )
        found.update({r.change_id: (r.content_hash, r.username) for r in rows})
    return found


def any_parked(conn: Connection) -> bool:
    """Whether any change waits (almost never: only after a restore), so pushes skip the rest."""
    return conn.execute(sa.select(db.parked.c.id).limit(1)).first() is not None


def take(conn: Connection, keys: set[tuple[str, str]]) -> list[dict[str, Any]]:
    """Remove and return the changes parked for the records ``keys``, oldest first."""
    by_kind: dict[str, list[str]] = {}
    for kind, record_id in keys:
        by_kind.setdefault(kind, []).append(record_id)
    taken: list[dict[str, Any]] = []
    for kind, ids in sorted(by_kind.items()):
        ids.sort()
        for start in range(0, len(ids), 500):
            rows = conn.execute(
                sa.select(db.parked).where(
                    db.parked.c.kind == kind, db.parked.c.record_id.in_(ids[start : start + 500])
                )
            ).all()
            taken += [row._asdict() for row in rows]
    if taken:
        conn.execute(db.parked.delete().where(db.parked.c.id.in_([row["id"] for row in taken])))
    taken.sort(key=lambda row: row["id"])
    return taken
