"""Column widths of a list's table: every column on screen, down to a 1024-pixel window.

The wide columns share the width in proportion (the narrow ones — dates, types — keep theirs);
the cells elide with their full text as tooltip. Until the user sizes a column by hand: from then
on their widths are kept.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QTableView

#: Columns up to this width (dates, types, counts) keep it when the window is narrow.
FIXED_COLUMN = 140
#: A shrunk column keeps at least this width (its header stays readable).
MIN_COLUMN = 95
#: Header text margins and the sort arrow.
HEADER_PADDING = 34


class ColumnFitter(QObject):
    """Fits the columns of ``view`` (whose model has ``columns`` with a ``width``) now and at
    each resize of the view."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view
        self.fitting = False
        self.user_sized = False
        view.horizontalHeader().sectionResized.connect(self._section_resized)
        self.fit()
        view.installEventFilter(self)  # its resize re-fits the columns

    def _section_resized(self, logical: int, *_sizes: Any) -> None:
        # Qt resizes the stretched last column itself whenever the view resizes: only another
        # column's resize outside a fit is the user's hand (keep their widths from then on).
        if not self.fitting and logical != self.view.horizontalHeader().count() - 1:
            self.user_sized = True

    def fit(self) -> None:
        if self.user_sized:
            return
        model = self.view.model()
        wanted = [c.width or 100 for c in model.columns]
        scrollbar = self.view.verticalScrollBar().sizeHint().width()
        available = self.view.width() - 2 * self.view.frameWidth() - scrollbar
        if available <= 0:
            available = sum(wanted)
        fixed = sum(w for w in wanted if w <= FIXED_COLUMN)
        flexible = sum(w for w in wanted if w > FIXED_COLUMN)
        # Below 1 the wide columns shrink to fit a small screen; above, they share the spare
        # width (the text columns, not only the last one, get it on a large screen).
        ratio = max(available - fixed, 0) / flexible if flexible else 1.0
        header = self.view.horizontalHeader()
        fm = header.fontMetrics()
        self.fitting = True
        try:
            for number, width in enumerate(wanted):
                if width > FIXED_COLUMN:
                    title = str(model.headerData(number, Qt.Orientation.Horizontal) or "")
                    readable = max(fm.horizontalAdvance(title) + HEADER_PADDING, MIN_COLUMN)
                    width = max(int(width * ratio), readable)
                self.view.setColumnWidth(number, width)
        finally:
            self.fitting = False

    def eventFilter(self, watched: Any, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Resize:
            self.fit()
        return False
