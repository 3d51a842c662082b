"""The report kinds and the request the reports' dialogs pass around; ``coordinator_app.reports``
(reportlab) is imported only when a report is asked for.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from types import ModuleType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from coordinator_app.reports import ReportOptions


# ``coordinator_app.reports`` (reportlab) and QtPdf are imported when a report is asked for or
# previewed, not to build the window: reportlab alone costs about 0.25 s and 10 MB at start-up.
#: The report kinds (``reports.service``'s names), known without importing reportlab.
FICHE_PROJET, VISITE, BILAN_REGIONAL, BILAN_ANNUEL = (
    "fiche-projet",
    "visite",
    "bilan-regional",
    "bilan-annuel",
)

#: Printing renders each page to an image at this resolution (enough for text, bounded memory).
PRINT_DPI = 300
RECENT_VISITS = 300


def _tr(text: str) -> str:
    return QCoreApplication.translate("Reports", text)


def _service() -> ModuleType:
    from coordinator_app.reports import service

    return service


def _title(kind: str) -> str:
    from coordinator_app.reports import REPORT_TITLES

    return REPORT_TITLES[kind]


def _default_options() -> ReportOptions:
    from coordinator_app.reports import ReportOptions

    return ReportOptions()


@dataclass(frozen=True)
class ReportRequest:
    """What to produce: the report, its parameters, and the common options."""

    kind: str
    params: dict[str, Any] = field(default_factory=dict)
    options: ReportOptions = field(default_factory=_default_options)

    def suggested_name(self) -> str:
        """« visite-2026-11-26.pdf »-like default file name for « Enregistrer en PDF… »."""
        extra = self.params.get("year") or self.params.get("region") or ""
        stamp = dt.date.today().isoformat()
        return re.sub(r"[^\w.-]+", "-", f"{self.kind}-{extra}-{stamp}".replace("--", "-")) + ".pdf"
