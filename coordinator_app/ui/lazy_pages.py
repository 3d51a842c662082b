"""The window's page stack, where a page is built the first time it is needed.

Start-up shows the first page only (issue 17: « show the window first and fill the pages
after »): the list pages behind the navigation cost their widgets, PySide6's first use of their
enum types and their models, for a page the user may not open in this session. Until then an empty
placeholder holds its place in the stack, so navigation rows and stack indexes keep matching;
``page(key)`` (the window's ``visits_page``, ``project_pages``… go through it) builds on demand.
A page built late starts stale and loads its rows when shown, like a hidden page after a change.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QStackedWidget, QWidget

Builder = Callable[[], QWidget]


class LazyPages:
    """``stack``'s pages by key, in navigation order; those with a builder come on first use."""

    def __init__(self, stack: QStackedWidget, keys: list[str]) -> None:
        self.stack = stack
        self.keys = keys
        self.built: dict[str, QWidget] = {}
        self._builders: dict[str, Builder] = {}
        self._placeholders: dict[str, QWidget] = {}
        self._on_built: list[Callable[[str, QWidget], None]] = []

    def add(self, key: str, page: QWidget | None = None, builder: Builder | None = None) -> None:
        """The next page: ``page`` now, or ``builder()`` the first time it is asked for."""
        if page is not None:
            self.built[key] = page
            self.stack.addWidget(page)
            return
        assert builder is not None
        placeholder = QWidget()
        self._builders[key] = builder
        self._placeholders[key] = placeholder
        self.stack.addWidget(placeholder)

    def on_built(self, callback: Callable[[str, QWidget], None]) -> None:
        """Call ``callback(key, page)`` for each page built late (to connect its signals)."""
        self._on_built.append(callback)

    def is_built(self, key: str) -> bool:
        return key in self.built

    def page(self, key: str) -> QWidget:
        """The page for ``key``, built (and put in its placeholder's place) if not yet."""
        page = self.built.get(key)
        if page is not None:
            return page
        page = self._builders.pop(key)()
        self.built[key] = page
        placeholder = self._placeholders.pop(key)
        current = self.stack.currentWidget() is placeholder
        index = self.stack.indexOf(placeholder)
        self.stack.insertWidget(index, page)
        if current:
            self.stack.setCurrentIndex(index)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        for callback in self._on_built:
            callback(key, page)
        return page

    def show(self, row: int) -> None:
        """Show the page of navigation row ``row`` (building it first if needed)."""
        if 0 <= row < len(self.keys):
            self.page(self.keys[row])
        self.stack.setCurrentIndex(row)

    def refresh_if_built(self, key: str, refresh: Callable[[QWidget], None]) -> Callable[[], None]:
        """A refresher for ``key`` that does nothing until the page exists (a page built later
        loads its rows when first shown)."""

        def apply() -> None:
            page = self.built.get(key)
            if page is not None:
                refresh(page)

        return apply
