"""« Synchroniser »: push the journal, pull what changed on the server.

A long operation with progress, run on a worker through ``run_operation(..., progress=True)``.
The engine is ``sync.engine.SyncEngine`` (imported on first use: the window starts without the
sync client); pulled changes may be of any kind, so a sync changes ``ALL``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from coordinator_app.operations.changes import ALL, Changes
from coordinator_app.store import Store

if TYPE_CHECKING:
    from coordinator_app.sync.engine import SyncReport


@dataclass(frozen=True)
class Synced:
    """The engine's report, and what may have changed (everything)."""

    report: SyncReport
    changes: Changes


def synchronise(
    store: Store, progress: Callable[[str, float | None], None] | None = None
) -> Synced:
    """One sync of ``store`` with its server (``SyncError`` says why it could not)."""
    from coordinator_app.sync.engine import SyncEngine

    return Synced(SyncEngine(store, progress=progress).run(), Changes(ALL))
