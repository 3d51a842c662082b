"""Keyboard rules applied to every widget of the application, so no screen can forget them.

- Tab leaves a table: in a QTableView/QTreeView/QListView the arrow keys move between cells, and
  Tab goes on to the next field or button (Qt's default keeps Tab inside the table: a keyboard
  user is then trapped in it).
- A scroll area around a form is not a Tab stop of its own: its focus frame shows nothing, so the
  user would press Tab once « for nothing ».

``install(app)`` adds one event filter that applies these rules when a widget is polished.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QScrollArea


class KeyboardRules(QObject):
    """Applies the rules above to each widget as Qt polishes it (once, before it is shown)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Polish:
            if isinstance(watched, QAbstractItemView):
                watched.setTabKeyNavigation(False)
            elif isinstance(watched, QScrollArea):
                watched.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return False


_rules: KeyboardRules | None = None


def install(app: QApplication | None = None) -> None:
    """Install the rules once per application (the window calls it; so may tests)."""
    global _rules
    app = app or QApplication.instance()
    if app is None or (_rules is not None and _rules.parent() is app):
        return
    _rules = KeyboardRules(app)
    app.installEventFilter(_rules)
