"""Every screen and dialog, in French and English, on a 1024×600 netbook and a 1366×768 laptop.

Walks the navigation pages, the welcome page, the project page's tabs, the visit editor, each
« Nouveau … » form and each dialog of each menu, and fails on any cut text, string in the wrong
language, input without an accessible name, shared shortcut, window taller than the screen,
invisible Tab stop or table that keeps Tab (see ``tests/ui/guard.py``). Each screen's picture is
saved under ``docs/screenshots/screens/`` (``SCREENSHOTS`` may point elsewhere) so that people can
look at what the checks measured.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from coordinator_app.domain.text import fold
from tests.ui import guard
from tests.ui.conftest import wait_loaded

pytestmark = pytest.mark.gui

SIZES = ((1024, 600), (1366, 768))
SHOTS = Path(
    os.environ.get(
        "SCREENSHOTS", Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "screens"
    )
)
#: Menu actions that are not dialogs to look at (they act, or switch the language).
NOT_DIALOGS = {"Quitter", "Quit", "Français", "English", "Synchroniser", "Sync", "Rechercher",
               "Search", "Actualiser", "Refresh"}  # fmt: skip


class Walk:
    """Collects the defects of every screen of one window in one language at one size."""

    def __init__(self, qtbot, window, lang: str, size: tuple[int, int]) -> None:
        self.qtbot, self.window, self.lang, self.size = qtbot, window, lang, size
        self.defects: list[str] = []
        self.screens: list[str] = []

    def look(self, name: str, widget: QWidget, *, tab_order: bool = True) -> None:
        QApplication.processEvents()
        self.screens.append(name)
        where = f"[{self.lang} {self.size[0]}×{self.size[1]} {name}]"
        problems = guard.cut_texts(widget)
        problems += guard.wrong_language(guard.visible_strings(widget), self.lang)
        problems += guard.unnamed_inputs(widget)
        problems += guard.typography(guard.visible_strings(widget), self.lang)
        if widget.isWindow() and widget is not self.window:
            hint = widget.minimumSizeHint()
            if hint.width() > self.size[0] or hint.height() > self.size[1] - 30:
                problems.append(f"needs at least {hint.width()}×{hint.height()} px")
        if tab_order:
            problems += guard.tab_defects(widget)
        self.defects += [f"{where} {p}" for p in problems]
        SHOTS.mkdir(parents=True, exist_ok=True)
        slug = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")
        widget.grab().save(str(SHOTS / f"{self.lang}-{self.size[0]}x{self.size[1]}-{slug}.png"))

    def fit(self, dialog: QWidget) -> None:
        """A dialog as a window manager shows it on this screen: never larger than the screen."""
        width = min(dialog.width(), self.size[0])
        height = min(dialog.height(), self.size[1] - 30)
        dialog.resize(width, height)
        QApplication.processEvents()


def new_top_levels(before: set[int]) -> list[QWidget]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if w.isVisible() and id(w) not in before and isinstance(w, QDialog)
    ]


def close(dialog: QWidget) -> None:
    if isinstance(dialog, QDialog):
        dialog.reject()
    dialog.close()
    QApplication.processEvents()


def trigger_and_look(walk: Walk, action, name: str) -> None:
    """Trigger a menu action and look at the dialog(s) it opens, modal (``exec``) or not."""
    before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
    seen: list[int] = []

    def inspect_modal() -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None and id(modal) not in before and id(modal) not in seen:
            seen.append(id(modal))
            walk.fit(modal)
            walk.look(name, modal)
            close(modal)

    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(inspect_modal)
    timer.start()
    action.trigger()
    walk.qtbot.wait(100)
    timer.stop()
    for dialog in new_top_levels(before):
        if id(dialog) in seen:
            continue
        walk.fit(dialog)
        walk.look(name, dialog)
        close(dialog)


def menu_actions(window) -> list[tuple[str, object]]:
    found = []

    def walk(actions, path):
        for action in actions:
            if action.isSeparator() or not action.isVisible() or not action.isEnabled():
                continue
            text = guard.plain(action.text()).rstrip("…")
            if action.menu() is not None:
                walk(action.menu().actions(), [*path, text])
            elif text not in NOT_DIALOGS:
                found.append((" › ".join([*path, text]), action))

    walk(window.menuBar().actions(), [])
    return found


@pytest.fixture
def app_style(qapp):
    """The look the app starts with (Fusion and its style sheet: 20-point figures, 11-point
    navigation), so that the widths measured are the user's."""
    from coordinator_app.ui.app import apply_style

    before = qapp.styleSheet()
    apply_style(qapp)
    yield
    qapp.setStyleSheet(before)


@pytest.mark.usefixtures("app_style")
@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_screen_fits_speaks_one_language_and_tabs_through(
    qtbot, demo_dir, open_window, lang, size
):
    window = open_window(demo_dir)
    if lang == "en":
        window.language_actions["en"].trigger()
    window.resize(*size)
    qtbot.waitUntil(lambda: window.dashboard.indicators is not None, timeout=20000)
    walk = Walk(qtbot, window, lang, size)

    # The window itself, status bar included, on the screen.
    QApplication.processEvents()
    assert (window.width(), window.height()) == size
    bar = window.statusBar()
    assert bar.isVisible() and bar.geometry().bottom() < size[1]
    walk.defects += [f"[{lang}] shortcut {c}" for c in guard.shortcut_clashes(window)]
    walk.defects += [
        f"[{lang}] {w}" for w in guard.wrong_language(guard.menu_strings(window), lang)
    ]
    walk.defects += [f"[{lang}] {w}" for w in guard.typography(guard.menu_strings(window), lang)]

    for key, _title in window_navigation():
        window.show_page(key)
        page = window.current_page()
        if hasattr(page, "model"):
            wait_loaded(qtbot, page)
        else:
            wait_loaded(qtbot, window.dashboard.overdue_model)
        walk.look(f"page {key}", window)

    # The project page, each tab; the visit editor.
    window.show_page("ciec")
    page = window.current_page()
    wait_loaded(qtbot, page)
    project_id = page.model.record_id(0)
    page.view.selectRow(0)
    dialog = window.record_openers["project"](window, project_id)
    walk.fit(dialog)
    tabs = dialog.page.tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        walk.look(f"project tab {index}", dialog)
    close(dialog)
    visit = window.store.find("visit")[0]
    editor = window.record_openers["visit"](window, visit["id"])
    walk.fit(editor)
    walk.look("visit editor", editor)
    close(editor)

    # Every menu's dialogs (« Nouveau … » forms included, with a project chosen in a list).
    for name, action in menu_actions(window):
        window.show_page("ciec")
        page.view.selectRow(0)
        trigger_and_look(walk, action, name)

    # The welcome page.
    window.stack.setCurrentWidget(window.welcome)
    walk.look("welcome", window)

    assert len(walk.screens) > 25, walk.screens
    assert not walk.defects, "\n".join(walk.defects)


def window_navigation():
    from coordinator_app.ui.main_window import NAVIGATION

    return NAVIGATION
