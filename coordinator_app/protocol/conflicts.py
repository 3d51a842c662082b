"""The ``conflict`` record: both values of a field that two devices changed concurrently.

The server creates one when a change's base value (``old``) is neither the server's current value
nor the change's own new value. The record keeps the winner's value (later ``at``; tie: greater
``change_id``) in the target record, and stores here both values with who, when and from which device,
so nothing is lost. It syncs like any record (kind ``conflict``, region of its target record); its
fields are listed once, in ``coordinator_app.domain.conflicts``, with ``created_at`` as metadata.

A client resolves a conflict by pushing an ``update`` of the conflict record setting ``status`` from
``"ouvert"`` to ``"resolu"`` (optionally ``resolution`` with the chosen value, for the history), and,
if the coordinator chose the other value or edited it, an ordinary ``update`` of the target field.
``status`` and ``resolution`` are the only fields a client may change; conflicts are never created or
deleted by clients.

Delete against edit is a conflict on the pseudo-field ``deleted`` (``kept_value``/``other_value`` are
booleans); ``details`` then holds the edited values ``{field: value}`` of the other side.
"""

from __future__ import annotations

from coordinator_app.domain.conflicts import (
    CONFLICT_CLIENT_FIELDS,
    CONFLICT_FIELDS,
    CONFLICT_JSON_FIELDS,
    CONFLICT_METADATA,
)
from coordinator_app.domain.conflicts import CONFLICT_STATUS_CODES as CONFLICT_STATUSES

__all__ = [
    "CONFLICT_CLIENT_FIELDS",
    "CONFLICT_FIELDS",
    "CONFLICT_JSON_FIELDS",
    "CONFLICT_METADATA",
    "CONFLICT_STATUSES",
]
