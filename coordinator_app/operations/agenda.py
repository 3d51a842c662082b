"""Planned visits: plan one, move one (the agenda's writes)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from coordinator_app.operations.changes import Changes, changed
from coordinator_app.store import Store, agenda_queries


@dataclass(frozen=True)
class PlannedVisit:
    """The visit as stored, and what changed."""

    visit: dict[str, Any]
    changes: Changes


def plan_visit(
    store: Store,
    project_id: str,
    at: str,
    *,
    place: str = "",
    purpose: str = "",
    staff: Sequence[str] = (),
) -> PlannedVisit:
    """A new visit « planifiée » (validated like any visit)."""
    visit = agenda_queries.plan_visit(
        store, project_id, at, place=place, purpose=purpose, staff=staff
    )
    return PlannedVisit(visit, changed("visit"))


def move_visit(store: Store, visit_id: str, to: str) -> PlannedVisit:
    """A planned visit moved to another day or moment."""
    return PlannedVisit(agenda_queries.move_visit(store, visit_id, to), changed("visit"))
