"""The import dialog: choose, preview, « Vérifier » (dry run), read the problems, « Importer »."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.errors import UserError
from coordinator_app.operations.imports import Imported, import_records
from coordinator_app.store import Store
from coordinator_app.ui.import_export_common import (
    PREVIEW_ROWS,
    ProblemModel,
    Runner,
    _kind_combo,
)
from coordinator_app.ui.operations import run_operation
from coordinator_app.ui.tasks import ProgressReporter

if TYPE_CHECKING:
    from coordinator_app.exchange.importer import Preview
    from coordinator_app.exchange.report import ImportReport


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportExport", text)


class ImportDialog(QDialog):
    """File, kind, preview, « Vérifier » (dry run), the problem table, then « Importer »."""

    def __init__(
        self,
        store: Store,
        run_task: Runner,
        parent: QWidget | None = None,
        *,
        on_imported: Callable[[ImportReport], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.run_task = run_task
        self.on_imported = on_imported
        self.task: Any = None
        self.preview_task: Any = None
        self.closed = False
        self.checking = False
        self.report: ImportReport | None = None
        self.checked_key: tuple[str, str] | None = None
        self.setObjectName("import-dialog")
        self.resize(980, 680)
        self._build_choices()
        self._build_results()
        self._build_buttons()
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.preview_title)
        layout.addWidget(self.preview, 2)
        layout.addWidget(self.notes)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems_title)
        layout.addWidget(self.problems, 3)
        layout.addWidget(self.buttons)
        self._connect()
        self.retranslate_ui()

    def _build_choices(self) -> None:
        """The file and what it holds."""
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("import-path")
        self.browse_button = QPushButton()
        self.kind_combo = _kind_combo()
        self.kind_combo.setObjectName("import-kind")
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        self.form = QFormLayout()
        self.file_label = QLabel()
        self.kind_label = QLabel()
        self.file_label.setBuddy(self.path_edit)
        self.kind_label.setBuddy(self.kind_combo)
        self.form.addRow(self.file_label, file_row)
        self.form.addRow(self.kind_label, self.kind_combo)

    def _build_results(self) -> None:
        """The preview of the first rows, the check's summary and its table of problems."""
        self.preview_title = QLabel()
        self.preview = QTableWidget()
        self.preview.setObjectName("import-preview")
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setObjectName("import-notes")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("import-summary")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems_title = QLabel()
        self.problem_model = ProblemModel(self)
        self.problems = QTableView()
        self.problems.setObjectName("import-problems")
        self.problems.setModel(self.problem_model)
        self.problems.setWordWrap(True)
        self.problems.horizontalHeader().setStretchLastSection(True)
        self.problems.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.problems.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

    def _build_buttons(self) -> None:
        """« Vérifier », then « Importer » (enabled once a check found no blocking problem)."""
        self.buttons = QDialogButtonBox()
        self.check_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.check_button.setObjectName("import-check")
        self.import_button.setObjectName("import-run")
        self.import_button.setEnabled(False)

    def _connect(self) -> None:
        self.browse_button.clicked.connect(self.browse)
        self.path_edit.editingFinished.connect(self.load_preview)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self.load_preview())
        self.check_button.clicked.connect(self.check)
        self.import_button.clicked.connect(self.run_import)
        self.close_button.clicked.connect(self.reject)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_tr("Importer des données"))
        self.file_label.setText(_tr("&Fichier (.xlsx, .ods, .csv, .json) :"))
        self.kind_label.setText(_tr("&Contenu du fichier :"))
        self.browse_button.setText(_tr("&Parcourir…"))
        self.preview_title.setText(_tr("Aperçu des premières lignes"))
        self.problems_title.setText(_tr("Problèmes à corriger dans le fichier"))
        self.check_button.setText(_tr("&Vérifier"))
        self.close_button.setText(_tr("Fermer"))
        self.import_button.setText(_tr("&Importer"))
        self.path_edit.setAccessibleName(_tr("Fichier à importer"))
        self.kind_combo.setAccessibleName(_tr("Type de données du fichier"))
        self.preview.setAccessibleName(_tr("Aperçu des premières lignes du fichier"))
        self.problems.setAccessibleName(_tr("Problèmes à corriger"))

    # -- choices ---------------------------------------------------------------------------------
    @property
    def path(self) -> Path:
        return Path(self.path_edit.text().strip())

    @property
    def kind(self) -> str:
        return self.kind_combo.currentData()

    def set_file(self, path: Path | str, kind: str | None = None) -> None:
        """Choose the file (and optionally its kind), then show its preview."""
        if kind is not None:
            self.kind_combo.blockSignals(True)
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))
            self.kind_combo.blockSignals(False)
        self.path_edit.setText(str(path))
        self.load_preview()

    def browse(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            _tr("Choisir le fichier à importer"),
            str(self.path.parent) if self.path_edit.text() else "",
            _tr(
                "Fichiers de données (*.xlsx *.xlsm *.xlsb *.xls *.ods *.csv *.txt *.json);;"
                "Tous les fichiers (*)"
            ),
        )
        if name:
            self.set_file(name)

    # -- preview ---------------------------------------------------------------------------------
    def load_preview(self) -> None:
        """Read the first rows off the GUI thread (the encoding check reads the whole file)."""
        self._reset_result()
        self.preview.clear()
        self.preview.setRowCount(0)
        self.preview.setColumnCount(0)
        if not self.path_edit.text().strip():
            return
        path, kind = self.path, self.kind

        def work(_reporter: Any) -> Preview:
            from coordinator_app.exchange.importer import guess_kind, preview_file

            preview = preview_file(path, kind, PREVIEW_ROWS)
            guessed = guess_kind(preview.header)
            if guessed and guessed != kind and len(preview.recognised) < len(preview.header):
                better = preview_file(path, guessed, PREVIEW_ROWS)
                if len(better.recognised) > len(preview.recognised):
                    return better
            return preview

        self.preview_task = self.run_task(
            work, on_success=self._previewed, on_error=self._failed, label=_tr("Lecture du fichier")
        )

    def _previewed(self, preview: Preview) -> None:
        if self.closed:
            return
        if preview.kind != self.kind:
            self.kind_combo.blockSignals(True)
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(preview.kind))
            self.kind_combo.blockSignals(False)
        self._fill_preview(preview)

    def _fill_preview(self, preview: Preview) -> None:
        self.preview.setColumnCount(len(preview.header) + 1)
        self.preview.setHorizontalHeaderLabels([_tr("Ligne"), *preview.header])
        self.preview.setRowCount(len(preview.rows))
        for row, (line, cells) in enumerate(preview.rows):
            self.preview.setItem(row, 0, QTableWidgetItem(str(line)))
            for column, text in enumerate(cells[: len(preview.header)], start=1):
                self.preview.setItem(row, column, QTableWidgetItem(text))
        self.preview.verticalHeader().setVisible(False)
        self.preview.resizeColumnsToContents()
        notes = list(preview.notes)
        notes.append(_tr("Colonnes reconnues : {0}.").format(", ".join(preview.recognised) or "—"))
        if preview.ignored:
            notes.append(_tr("Colonnes ignorées : {0}.").format(", ".join(preview.ignored)))
        self.notes.setText("\n".join(notes))

    # -- check and import ------------------------------------------------------------------------
    def _reset_result(self) -> None:
        self.report = None
        self.checked_key = None
        self.import_button.setEnabled(False)
        self.problem_model.set_problems([])
        self.summary.clear()
        self.notes.clear()

    def _show_message(self, text: str, *, problem: bool) -> None:
        self.summary.setText(text)
        self.summary.setProperty("problem", problem)
        self.summary.setStyleSheet("color: #a4262c;" if problem else "")

    def _start(self, *, dry_run: bool) -> None:
        if not self.path_edit.text().strip():
            self._show_message(_tr("Choisissez d'abord un fichier."), problem=True)
            return
        path, kind = self.path, self.kind
        progress_text = _tr("Ligne {0} sur environ {1}")

        def work(store: Store, reporter: ProgressReporter) -> Imported:
            return import_records(
                store,
                path,
                kind,
                dry_run=dry_run,
                progress=lambda done, total: reporter.report(
                    done, total, progress_text.format(done, total)
                ),
                cancelled=lambda: reporter.cancelled,
            )

        self.checking = dry_run
        self.check_button.setEnabled(False)
        self.import_button.setEnabled(False)
        self._show_message(
            _tr("Vérification en cours…") if dry_run else _tr("Importation en cours…"),
            problem=False,
        )
        # The window (not this dialog) runs it: an import goes on when the dialog is closed, and
        # ``run_operation`` then announces the imported kind, so the pages showing it reload.
        self.task = run_operation(
            self.parentWidget() or self,
            self.store,
            work,
            on_success=lambda done: self._finished(done.report, dry_run, (str(path), kind)),
            on_error=self._failed,
            progress=True,
            cancellable=True,
            label=_tr("Vérification du fichier") if dry_run else _tr("Importation du fichier"),
        )

    def check(self) -> None:
        """« Vérifier »: a dry run; « Importer » becomes available when the file has no problem."""
        self._start(dry_run=True)

    def run_import(self) -> None:
        self._start(dry_run=False)

    def done(self, result: int) -> None:
        """Closing stops a check in progress; an import already started finishes (all or nothing)."""
        self.closed = True
        if self.task is not None and not self.task.done and self.checking:
            self.task.cancel()
        super().done(result)

    def _finished(self, report: ImportReport, dry_run: bool, key: tuple[str, str]) -> None:
        if self.closed:
            if report.written and self.on_imported is not None:
                self.on_imported(report)
            return
        self.report = report
        self.check_button.setEnabled(True)
        self.problem_model.set_problems(report.problems, report.matches)
        self.problems_title.setText(
            _tr("Lignes qui correspondent à des éléments existants")
            if self.problem_model.matches
            else _tr("Problèmes à corriger dans le fichier")
        )
        self.problems.resizeRowsToContents()
        self.notes.setText("\n".join(report.notes))
        self._show_message(report.summary(), problem=not report.ok)
        if dry_run:
            self.checked_key = key if report.ok else None
            self.import_button.setEnabled(report.ok)
        elif report.written and self.on_imported is not None:
            self.on_imported(report)

    def _failed(self, error: BaseException) -> None:
        if self.closed:
            return
        self.check_button.setEnabled(True)
        if isinstance(error, UserError):
            self._show_message(str(error), problem=True)
            return
        from coordinator_app.ui.errors import show_error

        self._show_message(_tr("L'opération a échoué."), problem=True)
        show_error(self, error)
