"""« Charger les données de démonstration »: the demo set written into an empty profile.

A long operation with progress (``run_operation(..., progress=True)`` from the welcome page).
The demo touches every kind of record, so it changes ``ALL``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from coordinator_app.operations.changes import ALL, Changes
from coordinator_app.store import Store
from coordinator_app.store.demo import load_demo


@dataclass(frozen=True)
class DemoLoaded:
    """How many records the demo wrote, and what changed (everything)."""

    count: int
    changes: Changes


def load_demo_data(
    store: Store, seed: int = 1, progress: Callable[[int, int], None] | None = None
) -> DemoLoaded:
    """Write the demo set (seed 1, the figures of the annual report) into ``store``."""
    return DemoLoaded(load_demo(store, seed=seed, progress=progress), Changes(ALL))
