"""The house style shared by every report: page size, fonts, colours, paragraph styles, and the
page frame (header with the report's name and the CQCM program, footer with the print date, the
« Données à jour au … » line and « Page x de y »).

Reports are printed offline, so the footer says how fresh the data is: the profile's last sync
(store meta ``last_sync``) or « jamais synchronisé ».
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from coordinator_app.domain import fr_ca
from coordinator_app.domain.errors import UserError
from coordinator_app.reports.fonts import BOLD, REGULAR, register_fonts

PAGE_SIZES: dict[str, tuple[float, float]] = {"letter": LETTER, "a4": A4}
DEFAULT_PAGE_SIZE = "letter"  # Québec uses Letter

INK = colors.HexColor("#1B2A38")
ACCENT = colors.HexColor("#1F4E79")  # white text on it: contrast 8.9:1 (WCAG AA)
ACCENT_2 = colors.HexColor("#2E7D4F")
MUTED = colors.HexColor("#4A5763")
RULE = colors.HexColor("#9AA7B3")
ZEBRA = colors.HexColor("#EEF2F6")
TILE = colors.HexColor("#E4ECF4")
SERIES = (ACCENT, ACCENT_2, colors.HexColor("#C0661C"), colors.HexColor("#7A4E9C"))

MARGIN_X = 1.8 * cm
MARGIN_TOP = 2.4 * cm
MARGIN_BOTTOM = 2.0 * cm


def page_size(name: str | None) -> tuple[float, float]:
    """The page size for « letter » (default) or « a4 »."""
    key = (name or DEFAULT_PAGE_SIZE).strip().lower()
    if key not in PAGE_SIZES:
        raise UserError(f"Format de page inconnu : {name} (choix : letter, a4).")
    return PAGE_SIZES[key]


def _style(name: str, **kwargs: Any) -> ParagraphStyle:
    base: dict[str, Any] = {
        "fontName": REGULAR,
        "fontSize": 9.5,
        "leading": 12.5,
        "textColor": INK,
    }
    base.update(kwargs)
    return ParagraphStyle(name, **base)


def make_styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles of every report (headings keep with what follows: no orphan header)."""
    register_fonts()
    return {
        "title": _style("title", fontName=BOLD, fontSize=18, leading=22, spaceAfter=4),
        "subtitle": _style("subtitle", fontSize=11, leading=14, textColor=MUTED, spaceAfter=10),
        "h1": _style(
            "h1",
            fontName=BOLD,
            fontSize=13,
            leading=16,
            textColor=ACCENT,
            spaceBefore=12,
            spaceAfter=5,
            keepWithNext=1,
        ),
        "h2": _style(
            "h2",
            fontName=BOLD,
            fontSize=10.5,
            leading=13,
            spaceBefore=8,
            spaceAfter=3,
            keepWithNext=1,
        ),
        "body": _style("body", spaceAfter=4),
        "muted": _style("muted", textColor=MUTED, spaceAfter=4),
        "caption": _style("caption", fontSize=8, leading=10, textColor=MUTED, spaceAfter=6),
        "cell": _style("cell", fontSize=8.5, leading=10.5),
        "cell_right": _style("cell_right", fontSize=8.5, leading=10.5, alignment=TA_RIGHT),
        "cell_head": _style(
            "cell_head", fontName=BOLD, fontSize=8.5, leading=10.5, textColor=colors.white
        ),
        "cell_head_right": _style(
            "cell_head_right",
            fontName=BOLD,
            fontSize=8.5,
            leading=10.5,
            textColor=colors.white,
            alignment=TA_RIGHT,
        ),
        "label": _style("label", fontName=BOLD, fontSize=8.5, leading=10.5, textColor=MUTED),
        "tile_value": _style(
            "tile_value",
            fontName=BOLD,
            fontSize=20,
            leading=24,
            textColor=ACCENT,
            alignment=TA_CENTER,
        ),
        "tile_label": _style("tile_label", fontSize=8.5, leading=10.5, alignment=TA_CENTER),
    }


def data_as_of(last_sync: str | None) -> str:
    """« Données à jour au 25 novembre 2026, 14 h 30 » from store meta ``last_sync``."""
    if not last_sync:
        return "Données : jamais synchronisé"
    try:
        moment = dt.datetime.fromisoformat(last_sync.replace("Z", "+00:00"))
    except ValueError:
        return f"Données à jour au {last_sync}"
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    day = fr_ca.long_date(moment.date()).removeprefix("le ")
    if len(last_sync) <= 10:
        return f"Données à jour au {day}"
    return f"Données à jour au {day}, {fr_ca.time_text(moment)}"


@dataclass(frozen=True)
class PageFrame:
    """What the header and footer of every page say."""

    report_name: str
    program: str
    printed_on: dt.date
    last_sync: str | None
    page_size: str = DEFAULT_PAGE_SIZE
    title: str = ""
    subject: str = ""
    keywords: tuple[str, ...] = field(default_factory=tuple)

    @property
    def footer_left(self) -> str:
        return f"Imprimé {fr_ca.long_date(self.printed_on)} · {data_as_of(self.last_sync)}"


class _NumberedCanvas(Canvas):
    """A canvas that holds its pages until the end to write « Page x de y » on each."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self.setFont(REGULAR, 7.5)
            self.setFillColor(MUTED)
            width = self._pagesize[0]
            self.drawRightString(
                width - MARGIN_X, MARGIN_BOTTOM - 0.95 * cm, f"Page {number} de {total}"
            )
            super().showPage()
        super().save()


def _draw_frame(info: PageFrame, canvas: Canvas, doc: BaseDocTemplate) -> None:
    width, height = doc.pagesize
    canvas.saveState()
    top = height - MARGIN_TOP + 0.55 * cm
    canvas.setFillColor(ACCENT)
    canvas.setFont(BOLD, 8.5)
    canvas.drawString(MARGIN_X, top + 0.35 * cm, "CQCM")
    canvas.setFont(REGULAR, 8.5)
    canvas.setFillColor(MUTED)
    gap = stringWidth("CQCM", BOLD, 8.5) + 6
    canvas.drawString(MARGIN_X + gap, top + 0.35 * cm, info.program)
    canvas.setFillColor(INK)
    canvas.setFont(BOLD, 8.5)
    canvas.drawRightString(width - MARGIN_X, top + 0.35 * cm, info.report_name)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN_X, top, width - MARGIN_X, top)
    bottom = MARGIN_BOTTOM - 0.55 * cm
    canvas.line(MARGIN_X, bottom, width - MARGIN_X, bottom)
    canvas.setFont(REGULAR, 7.5)
    canvas.setFillColor(MUTED)
    canvas.drawString(MARGIN_X, bottom - 0.4 * cm, info.footer_left)
    canvas.restoreState()


def build_pdf(target: Path | BinaryIO, info: PageFrame, story: list[Flowable]) -> None:
    """Lay out ``story`` in the house style into ``target``: a temporary path (see ``output``) or
    an in-memory buffer (the window's preview never writes personal data to a temporary file)."""
    register_fonts()
    size = page_size(info.page_size)
    doc = BaseDocTemplate(
        target if not isinstance(target, Path) else str(target),
        pagesize=size,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=info.title or info.report_name,
        author="CQCM — Carnet COOP",
        subject=info.subject or info.program,
        keywords=", ".join(info.keywords),
        creator="Carnet COOP",
        lang="fr-CA",
        displayDocTitle=1,
        initialFontName=REGULAR,
    )
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates(
        [PageTemplate(id="page", frames=[frame], onPage=lambda c, d: _draw_frame(info, c, d))]
    )
    doc.build(story, canvasmaker=_NumberedCanvas)


def content_width(page: str | None) -> float:
    """The width available to flowables on a page of this size."""
    return page_size(page)[0] - 2 * MARGIN_X
