"""The « Conflits » page of the main window, filled by the sync feature."""

from __future__ import annotations

from collections.abc import Callable
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
        self._builders: list[Callable[[], Any]] = []
        self.retranslate_ui()

    def build_on_show(self, build: Callable[[], Any]) -> None:
        """Call ``build()`` (which puts its widget here) when the page is first shown: the sync
        feature's screen is not built at start-up for a page seldom opened (issue 17)."""
        self._builders.append(build)

    def set_widget(self, widget: QWidget) -> None:
        self.layout().addWidget(widget)
        if self.isVisible():  # added while the page shows (``build_on_show``): Qt would show it
            widget.show()  # only after the event loop's next turn
        self._update_placeholder()

    def _update_placeholder(self) -> None:
        """Shown while no other widget is on the page (the child is already one at ChildAdded,
        before the layout counts it)."""
        others = (child for child in self.children() if child is not self.placeholder)
        self.placeholder.setVisible(not any(child.isWidgetType() for child in others))

    def childEvent(self, event: Any) -> None:
        super().childEvent(event)
        if event.type() in (QEvent.Type.ChildAdded, QEvent.Type.ChildRemoved) and hasattr(
            self, "placeholder"
        ):
            self._update_placeholder()

    def showEvent(self, event: Any) -> None:
        builders, self._builders = self._builders, []
        for build in builders:
            build()
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
