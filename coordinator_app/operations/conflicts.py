"""The Conflits screen's writes: a conflict resolved, a refused change sent again or abandoned,
a change received from the server and refused here taken off the list.

Each calls the existing public function of ``sync.resolution`` or of the store, and says what
it changed: resolving a conflict writes the record (its kind) and closes the conflict
(``SYNC_STATE``); the others touch only what waits for or came from the server.
"""

from __future__ import annotations

from typing import Any, Literal

from coordinator_app.domain.errors import NotFoundError
from coordinator_app.operations.changes import SYNC_STATE, Changes, changed
from coordinator_app.store import Store, refused_incoming, sync_state

#: « Garder la mienne » / « Garder l'autre » name a side; « Modifier… » gives a value.
Choice = Literal["kept", "other", "value"]


def resolve_conflict(store: Store, conflict_id: str, choice: Choice, value: Any = None) -> Changes:
    """Apply the coordinator's choice (``sync.resolution.resolve``: one transaction); the
    record's kind changed, and the conflict is closed."""
    from coordinator_app.sync import resolution  # the sync client loads on first use only

    conflict = sync_state.get_conflict(store, conflict_id)
    if conflict is None:
        raise NotFoundError(f"Conflit introuvable : {conflict_id}")
    resolution.resolve(store, conflict_id, choice, value)
    return changed(conflict["target_kind"], SYNC_STATE)


def retry_refused(store: Store, change_id: str) -> Changes:
    """« Renvoyer »: a change the server refused goes again at the next sync."""
    sync_state.retry_refused(store, change_id)
    return changed(SYNC_STATE)


def abandon_refused(store: Store, change_id: str) -> Changes:
    """« Abandonner »: a refused change is no longer offered (it stays in the history)."""
    sync_state.abandon_refused(store, change_id)
    return changed(SYNC_STATE)


def dismiss_refused_incoming(store: Store, change_id: str) -> Changes:
    """« Retirer de la liste »: a change received and refused here is hidden; nothing is sent
    and no record changes."""
    refused_incoming.dismiss(store, change_id)
    return changed(SYNC_STATE)
