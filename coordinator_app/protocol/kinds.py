"""Which kinds travel over the wire and how each one gets its region.

The server decides who may see and change a record from its *own* idea of the record's region:

- ``project``, ``workshop`` and the regional reference kinds (``municipality``, ``organisation``,
  ``school``) carry ``region_code``;
- the children of a project (``participant``, ``contract``, ``funding``, ``visit``, ``action_item``,
  ``attachment``) take the region of their project (``project_id``) as the server knows it;
- ``coordinator`` records carry a list ``regions``: writable by a user who shares one of them (or by
  anyone when the list is empty), readable by everyone;
- ``conflict`` records (created by the server only, see ``conflicts.py``) carry the region of the
  record they are about.

Reference kinds are delivered to every user whatever their regions (a coordinator picks a school of
another region), but written only within the user's regions.
"""

from __future__ import annotations

from coordinator_app.domain.conflicts import CONFLICT_KIND as CONFLICT_KIND  # re-exported
from coordinator_app.domain.entities import ENTITIES

#: Reference data every user receives on pull, whatever their regions.
REFERENCE_KINDS: frozenset[str] = frozenset(k for k, spec in ENTITIES.items() if spec.reference)

#: Kinds whose region is the region of their project.
CHILD_KINDS: frozenset[str] = frozenset(
    k for k, spec in ENTITIES.items() if spec.parent_field == "project_id"
)

#: Every kind a client may push (``conflict`` only as an update of its ``status``).
WIRE_KINDS: frozenset[str] = frozenset({*ENTITIES, CONFLICT_KIND})

OPS = ("create", "update", "delete", "restore")
#: Pull entries may also carry ``snapshot``: a full copy of a record written by the server when the
#: record's region changed (a project moved, and with it every child), so that users who gain the
#: record get all of it and users who lose it see it leave their scope.
PULL_OPS = (*OPS, "snapshot")

ROLES = ("coordinator", "admin")
