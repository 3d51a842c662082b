"""« Importer »: a spreadsheet's rows as records of one kind (and « Vérifier », its dry run).

A long operation: the window runs it on a worker through ``run_operation(..., progress=True)``,
which hands it the progress callbacks. The import itself is ``exchange.importer`` (all or
nothing); this says what changed: the imported kind when rows were written, nothing otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from coordinator_app.operations.changes import Changes, changed
from coordinator_app.store import Store

if TYPE_CHECKING:
    from coordinator_app.exchange.report import ImportReport


@dataclass(frozen=True)
class Imported:
    """What the importer found and did, and the kinds it wrote."""

    report: ImportReport
    changes: Changes


def import_records(
    store: Store,
    path: Path | str,
    kind: str,
    *,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Imported:
    """Import (or, with ``dry_run``, only check) ``path`` as records of ``kind``."""
    from coordinator_app.exchange.importer import import_file  # loads on first import only

    report = import_file(store, path, kind, dry_run=dry_run, progress=progress, cancelled=cancelled)
    return Imported(report, changed(report.kind) if report.written else Changes())
