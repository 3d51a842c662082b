"""Start the window: ``coordinator-app`` with no command calls ``run_app``."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit

from coordinator_app import APP_NAME, __version__
from coordinator_app.domain.errors import ProfileError
from coordinator_app.store import keys
from coordinator_app.store.paths import database_path, resolve_data_dir
from coordinator_app.ui import errors, i18n, tasks
from coordinator_app.ui.main_window import MainWindow, create_main_window
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


def ask_passphrase(folder: Path, attempt: int) -> str | None:
    """Ask for the profile's passphrase (masked); None when the user cancels."""
    if database_path(folder).exists():
        prompt = QCoreApplication.translate("App", "Phrase de passe du profil chiffré :\n{folder}")
    else:
        prompt = QCoreApplication.translate(
            "App", "Choisissez la phrase de passe qui protégera ce nouveau profil :\n{folder}"
        )
    prompt = prompt.format(folder=folder)
    if attempt:
        prompt = QCoreApplication.translate("App", "Phrase de passe incorrecte.") + "\n" + prompt
    text, accepted = QInputDialog.getText(
        None,
        QCoreApplication.translate("App", "Déverrouiller le profil"),
        prompt,
        QLineEdit.EchoMode.Password,
    )
    return text if accepted and text else None


def open_window(data_dir: str | None) -> MainWindow | None:
    """Build the window, asking for the passphrase where the profile needs one (3 tries)."""
    folder = resolve_data_dir(data_dir)
    passphrase: str | None = None
    for attempt in range(4):
        if passphrase is None and keys.passphrase_needed(folder):
            passphrase = ask_passphrase(folder, attempt)
            if passphrase is None:
                return None
        try:
            return create_main_window(folder, passphrase=passphrase)
        except ProfileError:
            if passphrase is None or attempt == 3:
                raise
            passphrase = None
    return None


def run_app(data_dir: str | None) -> int:
    """Open the profile in ``data_dir`` and run the window until it closes; the exit code."""
    app = make_application()
    errors.install_excepthook(None)
    try:
        window = open_window(data_dir)
    except Exception as error:  # an unusable profile: say why, in a dialog, then stop
        box = errors.show_error(None, error)
        box.finished.connect(app.quit)
        app.exec()
        return 2
    if window is None:
        return 2
    errors.install_excepthook(window.data_dir)
    window.show()
    code = app.exec()
    tasks.pool().waitForDone(15000)  # let running work finish before its profile closes
    window.store.close()
    return code
