"""One entry point for every report, for callers that choose the report at run time (the window).

``render`` returns the PDF as bytes, so the preview never leaves personal data in a temporary
file; ``save`` writes such bytes atomically where the user chose.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from coordinator_app.domain.errors import UserError
from coordinator_app.reports import (
    agenda_semaine,
    bilan_annuel,
    bilan_regional,
    fiche_projet,
    visite,
)
from coordinator_app.reports.common import ReportOptions
from coordinator_app.reports.output import write_atomically
from coordinator_app.reports.style import build_pdf
from coordinator_app.store.profile import Store

FICHE_PROJET, VISITE, BILAN_REGIONAL, BILAN_ANNUEL = (
    "fiche-projet",
    "visite",
    "bilan-regional",
    "bilan-annuel",
)
AGENDA_SEMAINE = "agenda-semaine"

_COMPOSERS: dict[str, Callable[..., Any]] = {
    FICHE_PROJET: lambda store, o, p: fiche_projet.compose(store, p["project_id"], o),
    VISITE: lambda store, o, p: visite.compose(store, p["visit_id"], o),
    BILAN_REGIONAL: lambda store, o, p: bilan_regional.compose(
        store, p.get("region"), p["start"], p["end"], o
    ),
    BILAN_ANNUEL: lambda store, o, p: bilan_annuel.compose(store, p["year"], o),
    AGENDA_SEMAINE: lambda store, o, p: agenda_semaine.compose(
        store, p["day"], o, region=p.get("region"), mine=p.get("mine", False)
    ),
}


def render(store: Store, kind: str, options: ReportOptions, params: dict[str, Any]) -> bytes:
    """The PDF of report ``kind`` (« fiche-projet », « visite », « bilan-regional »,
    « bilan-annuel ») with its parameters: project_id, visit_id, region/start/end, year."""
    if kind not in _COMPOSERS:
        raise UserError(f"Rapport inconnu : {kind}.")
    frame, story = _COMPOSERS[kind](store, options, params)
    buffer = io.BytesIO()
    build_pdf(buffer, frame, story)
    return buffer.getvalue()


def save(path: Path | str, data: bytes) -> Path:
    """Write rendered PDF bytes to ``path`` atomically (French UserError when it cannot)."""
    return write_atomically(Path(path), lambda temp: temp.write_bytes(data))
