"""Reusable building blocks of the reports: data tables, label/value tables, figure tiles.

Tables repeat their header row on every page they span (``repeatRows``) and are only ever split
between rows, never inside one; cell text is wrapped in paragraphs so long names never overflow.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from coordinator_app.reports.fonts import REGULAR
from coordinator_app.reports.style import ACCENT, RULE, TILE, ZEBRA, make_styles

STYLES = make_styles()
SHORT_TABLE_ROWS = 8


def styled(commands: Sequence[tuple]) -> TableStyle:
    """A table style in the report font: even empty cells would otherwise pull in Helvetica,
    a font that is not embedded."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), *commands])


def text(value: object, style: str = "body") -> Paragraph:
    """A paragraph of plain text (escaped: user data never becomes markup); newlines kept."""
    shown = escape("" if value is None else str(value)).replace("\n", "<br/>")
    return Paragraph(shown, STYLES[style])


def markup(value: str, style: str = "body") -> Paragraph:
    """A paragraph of trusted markup written by the report code itself."""
    return Paragraph(value, STYLES[style])


def heading(title: str, level: int = 1) -> Paragraph:
    return text(title, "h1" if level == 1 else "h2")


class _WholeTable(Table):
    """A short table that moves to the next page whole rather than split: a lone total row on
    the next page reads badly. (Not a KeepTogether: reportlab cannot nest those.)"""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return []


def data_table(
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    *,
    numeric: Sequence[int] = (),
    total_row: bool = False,
) -> Table:
    """A table with a repeated header row; columns in ``numeric`` are right-aligned."""
    head = [
        text(title, "cell_head_right" if i in numeric else "cell_head")
        for i, title in enumerate(header)
    ]
    body = [
        [text(cell, "cell_right" if i in numeric else "cell") for i, cell in enumerate(row)]
        for row in rows
    ]
    kind = _WholeTable if len(rows) <= SHORT_TABLE_ROWS else Table
    table = kind([head, *body], colWidths=list(widths), repeatRows=1, splitByRow=1)
    commands: list[tuple] = [
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
    ]
    commands += [("BACKGROUND", (0, r), (-1, r), ZEBRA) for r in range(2, len(rows) + 1, 2)]
    if total_row and rows:
        commands += [
            ("LINEABOVE", (0, -1), (-1, -1), 0.9, ACCENT),
            ("BACKGROUND", (0, -1), (-1, -1), colors.white),
        ]
    table.setStyle(styled(commands))
    return table


def fields_table(pairs: Sequence[tuple[str, object]], width: float) -> Table:
    """Label / value pairs on two columns (identity blocks); empty values are left out."""
    shown = [(label, value) for label, value in pairs if value not in (None, "", [])]
    rows = [[text(label, "label"), text(value, "cell")] for label, value in shown]
    table = Table(rows or [[text("—", "cell"), ""]], colWidths=[0.3 * width, 0.7 * width])
    table.setStyle(
        styled(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
            ]
        )
    )
    return table


def tiles(items: Sequence[tuple[str, str]], width: float) -> Table:
    """Big figures with their label, like the organisation's presentation (« 2 576 / jeunes »).

    Each tile is a small table (figure above label) inside one cell of a row, so that text
    extraction reads « 2 576 jeunes » together and every tile of a row has the same height.
    """
    gap_width = 6
    count = max(len(items), 1)
    tile_width = (width - gap_width * (count - 1)) / count
    row: list[object] = []
    widths: list[float] = []
    for i, (value, label) in enumerate(items):
        inner = Table(
            [[text(value, "tile_value")], [text(label, "tile_label")]], colWidths=[tile_width - 8]
        )
        inner.setStyle(
            styled([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
        )
        row.append(inner)
        widths.append(tile_width)
        if i < count - 1:
            row.append("")
            widths.append(gap_width)
    table = Table([row], colWidths=widths)
    commands: list[tuple] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    commands += [("BACKGROUND", (2 * i, 0), (2 * i, 0), TILE) for i in range(count)]
    table.setStyle(styled(commands))
    return table


def section(title: str, *content: Flowable, keep: bool = False) -> list[Flowable]:
    """A heading followed by its content, never alone at the bottom of a page: the heading stays
    with the first block of content; ``keep`` keeps the whole (short) section on one page.

    A KeepTogether given as content is flattened into the section's own: reportlab's
    KeepTogether cannot be nested (the inner one reports an endless height and forces page breaks).
    """
    if keep or not content:
        flat = [f for c in content for f in (c._content if isinstance(c, KeepTogether) else [c])]
        return [KeepTogether([heading(title), *flat])]
    first = content[0]
    head = list(first._content) if isinstance(first, KeepTogether) else [first]
    return [KeepTogether([heading(title), *head]), *content[1:]]


def gap(height: float = 6) -> Spacer:
    return Spacer(1, height)


def none_line(message: str) -> Paragraph:
    """What a section shows when it has nothing (« Aucune visite. »), rather than vanishing."""
    return text(message, "muted")
