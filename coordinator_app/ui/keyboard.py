"""Keyboard rules applied to every widget of the application, so no screen can forget them.

- Tab leaves a table: in a QTableView/QTreeView/QListView the arrow keys move between cells, and
  Tab goes on to the next field or button (Qt's default keeps Tab inside the table: a keyboard
  user is then trapped in it).
- A scroll area around a form is not a Tab stop of its own: its focus frame shows nothing, so the
  user would press Tab once « for nothing ».

``install(app)`` puts the rules in the application's stylesheet (``style.KEYBOARD_RULES``,
``qproperty-…``): Qt applies them when it polishes a widget (once, before it is shown), the same
moment as the application-wide event filter that did it before. That filter sent every event of
every object through Python, and wrapping Qt's private objects (``QGestureManager``) made PySide6
create the types and enums of every loaded module: ≈ 130 enum classes, ≈ 15 ms at start-up.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from coordinator_app.ui.style import KEYBOARD_RULES


def install(app: QApplication | None = None) -> None:
    """Add the rules to the application's stylesheet unless it has them (the window calls it)."""
    app = app or QApplication.instance()
    if not isinstance(app, QApplication):
        return
    sheet = app.styleSheet()
    if KEYBOARD_RULES not in sheet:
        app.setStyleSheet(sheet + KEYBOARD_RULES)
