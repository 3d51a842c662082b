"""Printable reports (reportlab, no Qt): project sheet, visit report, regional and annual summaries.

The command line (``cli.report``) and the window (``ui.reports_actions``) call the same
``generate`` functions, which gather data through ``store.report_queries``, lay it out in the house
style (``style``) and write the PDF atomically (``output``).
"""

from __future__ import annotations

from coordinator_app.reports.common import ReportOptions

#: The reports by command name, with their French title.
REPORT_TITLES: dict[str, str] = {
    "fiche-projet": "Fiche de projet",
    "visite": "Compte rendu de visite",
    "bilan-regional": "Bilan régional",
    "bilan-annuel": "Bilan annuel",
    "agenda-semaine": "Agenda de la semaine",
}

__all__ = ["REPORT_TITLES", "ReportOptions"]
