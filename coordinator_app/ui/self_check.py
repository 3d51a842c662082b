"""The Qt half of ``coordinator-app self-test``: the checks that need Qt, for the command line.

Only ``ui`` imports Qt (an import-linter contract, which covers ``cli`` too), so the command asks
this module to find Qt's translations, to open and close the window, and to run the start-up probe.
Each function imports Qt when called, so ``self-test --no-window`` and the other commands start
without it.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from coordinator_app import APP_NAME


class WindowNotShown(RuntimeError):
    """The main window was built but did not become visible within the delay."""


def qt_translation_file(name: str) -> Path | None:
    """The path of Qt's own translation file ``name`` (e.g. ``qtbase_fr.qm``), if installed."""
    from PySide6.QtCore import QLibraryInfo

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    candidate = folder / name
    return candidate if candidate.is_file() else None


def open_and_close_window(data_dir: Path, *, delay: float = 5.0) -> tuple[str, str]:
    """Show the main window on ``data_dir``, let it settle, close it.

    Returns the window's title and Qt's platform name; raises ``WindowNotShown`` when it never
    became visible (an ``ImportError`` when the window's modules cannot be imported).
    """
    _offscreen_without_display()
    from PySide6.QtWidgets import QApplication

    from coordinator_app.ui import create_main_window

    app = _application()
    window = create_main_window(data_dir)
    try:
        window.show()
        deadline = time.monotonic() + delay
        while not window.isVisible() and time.monotonic() < deadline:
            app.processEvents()
        app.processEvents()
        if not window.isVisible():
            raise WindowNotShown
        title = window.windowTitle()
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()
    return title, QApplication.platformName()


def startup_probe(data_dir: Path, ready_line: Callable[[], str]) -> int:
    """Show the main window on ``data_dir``; print ``ready_line()`` once no background task runs."""
    _offscreen_without_display()
    from PySide6.QtCore import QTimer

    from coordinator_app.ui import create_main_window
    from coordinator_app.ui.tasks import running_tasks

    app = _application()
    window = create_main_window(data_dir)
    window.show()

    def poll() -> None:
        if running_tasks():
            QTimer.singleShot(1, poll)
            return
        print(ready_line(), flush=True)
        window.close()
        app.quit()

    QTimer.singleShot(0, poll)
    app.exec()
    return 0


def _application():  # -> QApplication (imported lazily)
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([sys.argv[0] if sys.argv else APP_NAME])


def _offscreen_without_display() -> None:
    """A Linux machine without a display (a server, CI) runs the window offscreen."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
