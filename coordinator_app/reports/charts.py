"""Charts drawn with reportlab.graphics: vector shapes and real text (searchable, sharp in print).

Every chart is followed in the reports by a table or a sentence holding the same figures, since a
chart alone says nothing to a screen reader.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.pdfbase.pdfmetrics import stringWidth

from coordinator_app.domain import fr_ca
from coordinator_app.reports.fonts import BOLD, REGULAR, register_fonts
from coordinator_app.reports.style import INK, MUTED, RULE, SERIES


def _drawing(width: float, height: float) -> Drawing:
    """A drawing whose initial font is the embedded one: reportlab.graphics otherwise starts each
    drawing with Helvetica, a font that is neither embedded nor able to show every glyph."""
    drawing = Drawing(width, height)
    drawing.initialFontName = REGULAR
    return drawing


def nice_axis(top: float) -> tuple[float, float]:
    """An axis maximum and a round step (1, 2, 5, 10, 20, 25, 50…) leaving room for bar labels."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000):
        if top / step <= 6:
            return step * (int(top / step) + 1), step
    return top * 1.2, top / 5


def bar_chart(
    categories: Sequence[str],
    series: Sequence[Sequence[float]],
    *,
    width: float,
    height: float = 170,
    title: str = "",
    legend: Sequence[str] = (),
) -> Drawing:
    """Vertical bars (one colour per series) with their values written above them."""
    register_fonts()
    drawing = _drawing(width, height)
    chart = VerticalBarChart()
    slot = (width - 42) / max(len(categories), 1)
    widest = max((stringWidth(c, REGULAR, 7.5) for c in categories), default=0)
    label_room = 34 if widest > slot - 4 else 16
    chart.x, chart.y = 34, label_room + (14 if legend else 0)
    chart.width = width - chart.x - 8
    chart.height = height - chart.y - (20 if title else 8) - 10
    chart.data = [list(s) for s in series] or [[0]]
    chart.categoryAxis.categoryNames = list(categories)
    _style_axes(chart, max((v for s in series for v in s), default=0))
    chart.categoryAxis.labels.fontSize = 7 if len(categories) > 8 else 7.5
    if label_room > 16:
        chart.categoryAxis.labels.angle = 30
        chart.categoryAxis.labels.boxAnchor = "ne"
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 6
    chart.barLabelFormat = lambda v: fr_ca.number(v) if v else ""
    chart.groupSpacing = 6 if len(categories) > 8 else 10
    for i in range(len(series)):
        chart.bars[i].fillColor = SERIES[i % len(SERIES)]
        chart.bars[i].strokeColor = None
    drawing.add(chart)
    _add_title_and_legend(drawing, title, legend, width, height)
    return drawing


def hbar_chart(
    categories: Sequence[str],
    values: Sequence[float],
    *,
    width: float,
    title: str = "",
    label_width: float = 150,
) -> Drawing:
    """Horizontal bars for long category names (regions, coordinators, stages), listed from the
    top in the given order (callers sort biggest first; stages keep their natural order)."""
    register_fonts()
    bar = 13
    height = max(len(categories), 1) * bar + 40 + (16 if title else 0)
    drawing = _drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, 22
    chart.width = width - label_width - 30
    chart.height = height - chart.y - (22 if title else 6)
    chart.data = [list(reversed(values)) or [0]]
    chart.categoryAxis.categoryNames = list(reversed(categories))
    _style_axes(chart, max(values, default=0))
    chart.categoryAxis.labels.fontSize = 7.5
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 9
    chart.barLabelFormat = lambda v: fr_ca.number(v)
    chart.bars[0].fillColor = SERIES[0]
    chart.bars[0].strokeColor = None
    drawing.add(chart)
    _add_title_and_legend(drawing, title, (), width, height)
    return drawing


def _style_axes(chart: VerticalBarChart | HorizontalBarChart, top: float) -> None:
    axis_max, step = nice_axis(max(top, 0))
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = axis_max
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labels.fillColor = MUTED
    chart.valueAxis.labelTextFormat = lambda v: fr_ca.number(v)
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = RULE
    chart.valueAxis.gridStrokeWidth = 0.25
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fillColor = INK
    chart.categoryAxis.strokeColor = RULE


def _add_title_and_legend(
    drawing: Drawing, title: str, legend: Sequence[str], width: float, height: float
) -> None:
    if title:
        drawing.add(String(0, height - 11, title, fontName=BOLD, fontSize=9, fillColor=INK))
    x = 34
    for i, name in enumerate(legend):
        drawing.add(Rect(x, 2, 8, 8, fillColor=SERIES[i % len(SERIES)], strokeColor=None))
        drawing.add(String(x + 11, 3, name, fontName=REGULAR, fontSize=7.5, fillColor=INK))
        x += 20 + 4.6 * len(name)
