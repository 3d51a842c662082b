"""The main window's menus and toolbar (titles are set by ``MainWindow.retranslate_ui``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QToolBar

from coordinator_app.ui import i18n

if TYPE_CHECKING:
    from coordinator_app.ui.main_window import MainWindow


def build_menus(window: MainWindow, page_keys: Sequence[str]) -> None:
    """The menu bar and the toolbar, their actions stored on ``window`` (titles: retranslate_ui)."""
    bar = window.menuBar()
    window.menu_file = bar.addMenu("")
    window.menu_view = bar.addMenu("")
    window.menu_reports = bar.addMenu("")
    window.menu_tools = bar.addMenu("")
    window.menu_preferences = bar.addMenu("")
    window.menu_help = bar.addMenu("")

    window.action_quit = QAction(window)
    window.action_quit.setShortcut(QKeySequence("Ctrl+Q"))
    window.action_quit.setMenuRole(QAction.MenuRole.QuitRole)
    window.action_quit.triggered.connect(window.close)
    window.menu_file.addAction(window.action_quit)

    window.page_actions: list[QAction] = []
    for number, key in enumerate(page_keys, start=1):
        action = QAction(window)
        action.setShortcut(QKeySequence(f"Ctrl+{number}"))
        action.triggered.connect(lambda _checked=False, k=key: window.show_page(k))
        window.menu_view.addAction(action)
        window.page_actions.append(action)
    window.menu_view.addSeparator()
    window.action_find = QAction(window)
    window.action_find.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
    window.action_find.triggered.connect(window.focus_search)
    window.action_refresh = QAction(window)
    window.action_refresh.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
    window.action_refresh.triggered.connect(window.refresh)
    window.menu_view.addAction(window.action_find)
    window.menu_view.addAction(window.action_refresh)

    window.menu_language = window.menu_preferences.addMenu("")
    window.language_group = QActionGroup(window)
    window.language_actions: dict[str, QAction] = {}
    for code, name in i18n.LANGUAGES:
        action = QAction(name, window, checkable=True)
        action.triggered.connect(lambda _checked=False, c=code: window.set_language(c))
        window.language_group.addAction(action)
        window.menu_language.addAction(action)
        window.language_actions[code] = action
    window.language_actions[i18n.current_language()].setChecked(True)
    window.action_server_preferences = QAction(window)
    window.action_server_preferences.triggered.connect(window.request_preferences_server)
    window.menu_preferences.addAction(window.action_server_preferences)

    window.action_about = QAction(window)
    window.action_about.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    window.action_about.setMenuRole(QAction.MenuRole.AboutRole)
    window.action_about.triggered.connect(window.show_about)
    window.menu_help.addAction(window.action_about)

    window.toolbar = QToolBar()
    window.toolbar.setObjectName("main-toolbar")
    window.toolbar.setMovable(False)
    window.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, window.toolbar)
