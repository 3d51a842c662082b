"""« À propos de Carnet COOP » and the application's icon (out of the main window's module)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMessageBox, QWidget

from coordinator_app import APP_NAME, __version__


def app_icon() -> QIcon:
    from coordinator_app.resource_paths import resource_path

    icon = QIcon()
    for name in ("carnet-coop.svg", "carnet-coop.png"):
        path = resource_path("icons", name)
        if path.is_file():
            icon.addFile(str(path))
    return icon


def show_about(window: QWidget, data_dir: Path) -> QMessageBox:
    """The about box: version, what the app is for, and where this profile lives."""
    translate = QCoreApplication.translate
    box = QMessageBox(window)
    box.setWindowTitle(translate("MainWindow", "À propos de Carnet COOP"))
    box.setIconPixmap(app_icon().pixmap(64, 64))
    box.setText(
        translate(
            "MainWindow",
            "<b>{name}</b> {version}<br>Carnet de terrain du personnel du CQCM : "
            "projets CIEC, Jeune COOP et coopératives agricoles.",
        ).format(name=APP_NAME, version=__version__)
    )
    # A zero-width space after each separator lets a long profile path wrap in the box.
    path = str(data_dir).replace("/", "/\u200b").replace("\\", "\\\u200b")
    box.setInformativeText(translate("MainWindow", "Profil : {path}").format(path=path))
    box.open()
    return box
