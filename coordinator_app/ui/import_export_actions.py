"""Import and export in the window: Fichier → « Importer… » and « Exporter… ».

The import dialog walks a coordinator through: choose the file and what it holds, look at its first
rows as the importer reads them, « Vérifier » (a dry run off the GUI thread, with progress on large
files), read every problem in a table (ligne, colonne, valeur, problème), fix the file, check again,
then « Importer ». All the work is ``coordinator_app.exchange`` (no Qt); this module only asks and
shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog

from coordinator_app.ui.export_dialog import ExportDialog
from coordinator_app.ui.feature_window import FeatureWindow
from coordinator_app.ui.import_dialog import ImportDialog
from coordinator_app.ui.import_export_common import (
    FORMAT_FILTERS,
    PREVIEW_ROWS,
    ProblemModel,
    Runner,
)

if TYPE_CHECKING:
    from coordinator_app.exchange.report import ImportReport

__all__ = [
    "FORMAT_FILTERS",
    "PREVIEW_ROWS",
    "ExportDialog",
    "ImportDialog",
    "ImportExportFeature",
    "ProblemModel",
    "Runner",
    "install",
]


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportExport", text)


class ImportExportFeature(QObject):
    """The import/export part of the window, kept on ``window.import_export``."""

    def __init__(self, window: FeatureWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: ImportDialog | ExportDialog | None = None
        self.action_import = QAction(window)
        self.action_import.setObjectName("action-import")
        self.action_export = QAction(window)
        self.action_export.setObjectName("action-export")
        self.action_import.triggered.connect(self.open_import)
        self.action_export.triggered.connect(self.open_export)
        menu = window.menu_file
        for action in (self.action_import, self.action_export):
            menu.insertAction(window.action_quit, action)
        menu.insertSeparator(window.action_quit)
        window.language_changed.connect(lambda _lang: self.retranslate())
        self.retranslate()

    def retranslate(self) -> None:
        self.action_import.setText(_tr("&Importer…"))
        self.action_export.setText(_tr("E&xporter…"))
        self.action_import.setStatusTip(
            _tr("Importer une liste Excel, LibreOffice (.ods), CSV ou JSON")
        )
        self.action_export.setStatusTip(_tr("Exporter des données en Excel, CSV ou JSON"))
        if self.dialog is not None:
            self.dialog.retranslate_ui()

    def open_import(self) -> ImportDialog:
        dialog = ImportDialog(
            self.window.store, self.window.run_task, self.window, on_imported=self._imported
        )
        self._show(dialog)
        return dialog

    def open_export(self) -> ExportDialog:
        dialog = ExportDialog(self.window.store, self.window.run_task, self.window)
        self._show(dialog)
        return dialog

    def _show(self, dialog: ImportDialog | ExportDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._forget(dialog))
        dialog.open()

    def _forget(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _imported(self, report: ImportReport) -> None:
        """Say what was imported; the pages showing its kind reload on their own (the import
        is an operation: ``run_operation`` announces the kind it wrote)."""
        self.window.statusBar().showMessage(report.summary(), 10000)


def install(window: FeatureWindow) -> ImportExportFeature:
    """Called by ``ui.features`` once the window is built."""
    window.import_export = ImportExportFeature(window)
    return window.import_export
