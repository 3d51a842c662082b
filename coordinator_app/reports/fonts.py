"""The embedded TrueType font of every report.

Reports embed DejaVu Sans (shipped in ``resources/fonts``) so that accents, « », œ, dashes and the
no-break spaces of fr_CA numbers render in any PDF viewer, on machines that do not have the font.
When the resources folder is missing (a trimmed bundle), reportlab's own Vera fonts, from which
DejaVu derives, are the fallback: same metrics, fewer glyphs, still embedded.
"""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from coordinator_app.resource_paths import resource_path

REGULAR = "CarnetSans"
BOLD = "CarnetSans-Bold"

_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
_FALLBACK = {REGULAR: "Vera.ttf", BOLD: "VeraBd.ttf"}
_lock = threading.Lock()


def fonts_dir() -> Path:
    """``resources/fonts`` wherever this installation keeps its resources."""
    return resource_path("fonts")


def _font_path(name: str) -> Path:
    shipped = fonts_dir() / _FILES[name]
    if shipped.is_file():
        return shipped
    import reportlab

    return Path(reportlab.__file__).parent / "fonts" / _FALLBACK[name]


def register_fonts() -> None:
    """Register the report fonts once per process (reportlab's registry is global)."""
    with _lock:
        if REGULAR in pdfmetrics.getRegisteredFontNames():
            return
        for name in (REGULAR, BOLD):
            pdfmetrics.registerFont(TTFont(name, str(_font_path(name))))
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, REGULAR)
        addMapping(REGULAR, 1, 1, BOLD)
