"""The ``conflict`` record: both values of a field that two devices changed concurrently.

The server creates one when a change's base value (``old``) is neither the server's current value
nor the change's own new value. The record keeps the winner's value (later ``at``; tie: greater
``change_id``) in the target record, and stores here both values with who, when and from which device,
so nothing is lost. It syncs like any record (kind ``conflict``, region of its target record).

A client resolves a conflict by pushing an ``update`` of the conflict record setting ``status`` from
``"ouvert"`` to ``"resolu"`` (optionally ``resolution`` with the chosen value, for the history), and,
if the coordinator chose the other value or edited it, an ordinary ``update`` of the target field.
``status`` and ``resolution`` are the only fields a client may change; conflicts are never created or
deleted by clients.

Delete against edit is a conflict on the pseudo-field ``deleted`` (``kept_value``/``other_value`` are
booleans); ``details`` then holds the edited values ``{field: value}`` of the other side.
"""

from __future__ import annotations

CONFLICT_STATUSES = ("ouvert", "resolu")

#: Every field of a conflict record, in the order a client's table may use.
CONFLICT_FIELDS: tuple[str, ...] = (
    "target_kind",
    "target_id",
    "field",  # a field name of the target kind, or "deleted"
    "project_id",  # the target's project (children and projects), else None
    "region_code",  # the target's region when the conflict was recorded
    "kept_value",  # any JSON value: the value the target record holds after the merge
    "other_value",  # any JSON value: the value that lost
    "kept_change_id",
    "kept_author",
    "kept_device_id",
    "kept_at",
    "other_change_id",
    "other_author",
    "other_device_id",
    "other_at",
    "details",  # None, or {field: value} for a delete/edit conflict
    "status",  # "ouvert" | "resolu"
    "resolution",  # any JSON value chosen by the coordinator, or None
    "created_at",
)

#: The fields a client may change on a conflict record.
CONFLICT_CLIENT_FIELDS: frozenset[str] = frozenset({"status", "resolution"})
