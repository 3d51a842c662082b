"""Who a change id belongs to: the user whose device first sent it (issue 13, point 5).

Change ids are public to everyone who pulls the entry, so a user could re-use another's change id
once the server forgot it (a restore from an older backup) and the owner's re-sent change would
then be refused as a reused id forever. The log says who sent each id (``carnet_changes.username``)
and, for ids a restore took out of the log, ``carnet_change_owners`` does: ``backup.restore_sqlite``
copies them from the database being replaced into the restored one. Server-written entries
(conflicts, snapshots) are owned by nobody: no user may claim their ids.
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from coordinator_app.server import db

#: Owner of a change id written by the server itself (no user may claim it).
SERVER_OWNER = ""
_CHUNK = 500


def owners_of(conn: Connection, change_ids: Iterable[str]) -> dict[str, str]:
    """Owners recorded for change ids no longer in the log (after a restore)."""
    ids = sorted(set(change_ids))
    found: dict[str, str] = {}
    if not ids:
        return found
    table = db.change_owners
    for start in range(0, len(ids), _CHUNK):
        rows = conn.execute(
            sa.select(table.c.change_id, table.c.username).where(
                table.c.change_id.in_(ids[start : start + _CHUNK])
            )
        )
        found.update({row.change_id: row.username for row in rows})
    return found


def claimed_by_another(owner: str | None, username: str) -> bool:
    return owner is not None and owner != username


def refusal() -> str:
    return (
        "cet identifiant de modification appartient à un autre compte ; "
        "l'application crée ses propres identifiants (signalez ce problème)"
    )
