"""Start the window: ``coordinator-app`` with no command calls ``run_app``."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from coordinator_app import APP_NAME, __version__
from coordinator_app.ui import errors, i18n
from coordinator_app.ui.style import STYLESHEET


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, configured once (HiDPI rounding, names, style, French by default)."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    QCoreApplication.setOrganizationName("CQCM")
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    apply_style(app)
    i18n.apply_language(i18n.FRENCH)
    return app


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    app.setStyleSheet(STYLESHEET)


def run_app(data_dir: str | None) -> int:
    """Open the profile in ``data_dir`` and run the window until it closes; the exit code."""
    app = make_application()
    errors.install_excepthook(None)
    from coordinator_app.ui.main_window import create_main_window

    try:
        window = create_main_window(data_dir)
    except Exception as error:  # an unusable profile: say why, in a dialog, then stop
        box = errors.show_error(None, error)
        box.finished.connect(app.quit)
        app.exec()
        return 2
    errors.install_excepthook(window.data_dir)
    window.show()
    code = app.exec()
    window.store.close()
    return code
