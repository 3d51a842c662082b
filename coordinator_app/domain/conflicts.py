"""What a ``conflict`` record holds: the one list of its fields, for the server, the wire and the
laptop alike.

The server creates a conflict when two devices changed the same field concurrently (see
``coordinator_app.protocol.conflicts`` for the rule). It syncs like any record; the laptop keeps it in
its ``conflict`` table so the Conflits screen works offline. Each layer used to keep its own copy of
the field list; a field added to one copy only was silently dropped by the others, so the list lives
here and the protocol, the store and the server read it.
"""

from __future__ import annotations

from coordinator_app.domain.choices import CONFLICT_STATUSES as _STATUS_LABELS

CONFLICT_KIND = "conflict"

#: The fields of a conflict record besides the metadata every record has (``id``, ``created_at``,
#: ``updated_at``, ``author``, ``deleted``), in the order of the laptop's table.
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
)

#: Fields that hold any JSON value (a column of JSON text on the laptop).
CONFLICT_JSON_FIELDS: frozenset[str] = frozenset(
    {"kept_value", "other_value", "details", "resolution"}
)

#: Metadata the server sends with a conflict's values (the laptop stores it as the record's own).
CONFLICT_METADATA: frozenset[str] = frozenset({"created_at"})

#: The status codes, in order (labels in ``choices.CONFLICT_STATUSES``).
CONFLICT_STATUS_CODES: tuple[str, ...] = tuple(code for code, _label in _STATUS_LABELS)

#: The fields a client may change on a conflict record.
CONFLICT_CLIENT_FIELDS: frozenset[str] = frozenset({"status", "resolution"})
