"""Per-region access, decided from the server's own data (never from what a client claims).

A record's region: ``region_code`` for projects, workshops and regional reference kinds; the region
of its project (as stored on the server) for a project's children; the target's region for conflicts.
``coordinator`` records carry a list of regions instead.
"""

from __future__ import annotations

from typing import Any

from coordinator_app.domain.entities import ENTITIES
from coordinator_app.domain.regions import region_name
from coordinator_app.protocol.kinds import CHILD_KINDS, CONFLICT_KIND
from coordinator_app.server.accounts import User


def direct_region(kind: str, data: dict[str, Any]) -> str | None:
    """The region a record carries itself (None for children, coordinators and unknown kinds)."""
    if kind == CONFLICT_KIND:
        return data.get("region_code")
    spec = ENTITIES.get(kind)
    if spec is not None and spec.region_field:
        return data.get(spec.region_field)
    return None


def is_child(kind: str) -> bool:
    return kind in CHILD_KINDS


def may_write(user: User, kind: str, region: str | None, data: dict[str, Any]) -> bool:
    """Whether ``user`` may change a record of ``kind`` whose server-side region is ``region``."""
    if user.is_admin:
        return True
    if kind == "coordinator":
        regions = data.get("regions") or []
        return not regions or any(r in user.regions for r in regions)
    if kind == CONFLICT_KIND and region is None:
        return True  # about a record without a region (a coordinator): everyone sees it
    return region is not None and region in user.regions


def describe_region(region: str | None) -> str:
    return f"{region} ({region_name(region)})" if region else "sans région"


def refusal(user: User, kind: str, record_id: str, region: str | None) -> str:
    """French reason shown to a coordinator whose change was refused. It names neither the
    record's region nor whether the server has it, so a refusal never confirms that another
    region's record exists (``region`` is kept in the signature for the callers)."""
    label = ENTITIES[kind].label if kind in ENTITIES else "Conflit"
    mine = ", ".join(user.regions) or "aucune"
    return f"{label} {record_id} : hors de vos régions ({mine}). Demandez à un administrateur."
