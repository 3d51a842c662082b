"""The « Conflits » page of the main window, filled by the sync feature."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class ConflictsPage(QWidget):
    """The « Conflits » page: the sync feature puts its widget in ``layout()`` (or ``set_widget``).

    Until then it shows a placeholder, hidden as soon as another widget joins the layout.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        self.placeholder = QLabel()
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        layout.addWidget(self.placeholder)
        self.retranslate_ui()

    def set_widget(self, widget: QWidget) -> None:
        self.layout().addWidget(widget)
        self._update_placeholder()

    def _update_placeholder(self) -> None:
        self.placeholder.setVisible(self.layout().count() <= 1)

    def childEvent(self, event: Any) -> None:
        super().childEvent(event)
        if event.type() in (QEvent.Type.ChildAdded, QEvent.Type.ChildRemoved) and hasattr(
            self, "placeholder"
        ):
            self._update_placeholder()

    def showEvent(self, event: Any) -> None:
        self._update_placeholder()
        super().showEvent(event)

    def retranslate_ui(self) -> None:
        self.placeholder.setText(
            self.tr(
                "Aucun conflit de synchronisation. Les conflits apparaîtront ici après une "
                "synchronisation avec le serveur."
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
