"""Law 25 writes of the window: the register of communications (``access_log`` records)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from coordinator_app.operations.changes import Changes, changed
from coordinator_app.store import Store, disclosures


@dataclass(frozen=True)
class Registered:
    """The register entries written (none when the project has no participant)."""

    entries: list[dict[str, Any]]
    changes: Changes


def register_names_sheet(store: Store, project_id: str, report_name: str) -> Registered:
    """A project sheet printed or saved with its participants' names goes to the register."""
    entries = disclosures.log_report_with_names(store, project_id, report_name)
    return Registered(entries, changed("access_log") if entries else Changes())
