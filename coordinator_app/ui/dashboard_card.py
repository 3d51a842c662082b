"""A card of the dashboard: one figure, its caption and an optional note."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget


class Card(QFrame):
    """One figure with its caption (« 2 576 » / « jeunes »)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(7, 6, 7, 6)
        layout.setSpacing(0)
        self.value = QLabel("—")
        self.value.setObjectName("card-value")
        self.caption = QLabel()
        self.caption.setObjectName("card-caption")
        self.caption.setWordWrap(True)
        self.note = QLabel()
        self.note.setObjectName("card-note")
        self.note.setWordWrap(True)
        for label in (self.value, self.caption, self.note):
            layout.addWidget(label)
        layout.addStretch(1)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set(self, value: str, caption: str, note: str = "") -> None:
        self.value.setText(value)
        self.caption.setText(caption)
        # As wide as the caption's longest word and the figure: a word is never cut.
        words = caption.split() or [""]
        fm = self.caption.fontMetrics()
        self.caption.setMinimumWidth(max(fm.horizontalAdvance(w) for w in words) + 2)
        self.value.setMinimumWidth(self.value.fontMetrics().horizontalAdvance(value) + 2)
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.setAccessibleName(f"{caption} : {value}")
        self.setAccessibleDescription(note)
