"""The export dialog: what to export, the format and where, run off the GUI thread."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.entities import ENTITIES
from coordinator_app.domain.errors import UserError
from coordinator_app.store import Store
from coordinator_app.ui import i18n
from coordinator_app.ui.import_export_common import (
    FORMAT_FILTERS,
    Runner,
    _kind_combo,
)

if TYPE_CHECKING:
    from coordinator_app.exchange.exporter import ExportResult


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportExport", text)


class ExportDialog(QDialog):
    """Kind, format, file and (for participants) whether to include names; then « Exporter »."""

    def __init__(self, store: Store, run_task: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.run_task = run_task
        self.task: Any = None
        self.result: ExportResult | None = None
        self.setObjectName("export-dialog")
        self.kind_combo = _kind_combo()
        self.format_combo = QComboBox()
        from coordinator_app.exchange.exporter import FORMATS

        for fmt in FORMATS:
            self.format_combo.addItem(FORMAT_FILTERS[fmt].split(" (")[0], fmt)
        self.path_edit = QLineEdit()
        self.browse_button = QPushButton()
        self.include_names = QCheckBox()
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        self.labels = [QLabel(), QLabel(), QLabel()]
        form = QFormLayout()
        for label, field in zip(
            self.labels, (self.kind_combo, self.format_combo, self.path_edit), strict=True
        ):
            label.setBuddy(field)
        form.addRow(self.labels[0], self.kind_combo)
        form.addRow(self.labels[1], self.format_combo)
        form.addRow(self.labels[2], file_row)
        form.addRow("", self.include_names)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("export-summary")
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("export-run")
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.format_combo.currentIndexChanged.connect(lambda _i: self._format_changed())
        self.browse_button.clicked.connect(self.browse)
        self.export_button.clicked.connect(self.run_export)
        self.close_button.clicked.connect(self.reject)
        self.retranslate_ui()
        self._kind_changed()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_tr("Exporter des données"))
        for label, text in zip(
            self.labels, (_tr("&Données :"), _tr("F&ormat :"), _tr("&Fichier :")), strict=True
        ):
            label.setText(text)
        self.browse_button.setText(_tr("&Parcourir…"))
        self.include_names.setText(
            _tr(
                "Inclure les noms et dates de naissance des participants (renseignements personnels)"
            )
        )
        self.export_button.setText(_tr("&Exporter"))
        self.close_button.setText(_tr("Fermer"))

    @property
    def kind(self) -> str:
        return self.kind_combo.currentData()

    @property
    def fmt(self) -> str:
        return self.format_combo.currentData()

    def _kind_changed(self) -> None:
        personal = any(f.personal for f in ENTITIES[self.kind].fields)
        self.include_names.setEnabled(personal)
        if not personal:
            self.include_names.setChecked(False)

    def _format_changed(self) -> None:
        text = self.path_edit.text().strip()
        if text:
            self.path_edit.setText(str(Path(text).with_suffix("." + self.fmt)))

    def browse(self) -> None:
        suggested = f"{self.kind_combo.currentText().lower()}.{self.fmt}"
        name, _filter = QFileDialog.getSaveFileName(
            self, _tr("Exporter vers"), suggested, FORMAT_FILTERS[self.fmt]
        )
        if name:
            self.path_edit.setText(name)

    def run_export(self) -> None:
        text = self.path_edit.text().strip()
        if not text:
            self.summary.setText(_tr("Choisissez d'abord le fichier à écrire."))
            return
        store, kind, fmt = self.store, self.kind, self.fmt
        path = Path(text)
        if path.suffix.lower() != "." + fmt:
            path = path.with_suffix("." + fmt)
        include = self.include_names.isChecked()
        if include and not self.confirm_names():
            self.summary.setText(_tr("Exportation annulée : rien n'a été écrit."))
            return

        def work(reporter: Any) -> ExportResult:
            from coordinator_app.exchange.exporter import export_records

            return export_records(
                store,
                kind,
                path,
                fmt,
                include_personal=include,
                progress=lambda done, total: reporter.report(done, total, ""),
            )

        self.export_button.setEnabled(False)
        self.summary.setText(_tr("Exportation en cours…"))
        self.task = self.run_task(
            work, on_success=self._finished, on_error=self._failed, label=_tr("Exportation")
        )

    def confirm_names(self) -> bool:
        """Law 25: names leave the app only on an explicit « oui »; the export is then inscribed
        in the register of communications (by the exporter)."""
        answer = QMessageBox.question(
            self,
            _tr("Exporter des renseignements personnels"),
            _tr(
                "Le fichier contiendra les noms et dates de naissance des participants. "
                "Cette exportation sera inscrite au registre des communications (qui, quand, "
                "quoi). Continuer ?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _finished(self, result: ExportResult) -> None:
        self.result = result
        self.export_button.setEnabled(True)
        self.summary.setText(
            i18n.plural(
                "ImportExport", "%n enregistrement(s) exporté(s) dans {path}.", result.count
            ).format(path=result.path)
        )

    def _failed(self, error: BaseException) -> None:
        self.export_button.setEnabled(True)
        if isinstance(error, UserError):
            self.summary.setText(str(error))
            return
        from coordinator_app.ui.errors import show_error

        show_error(self, error)
