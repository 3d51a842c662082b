"""Reports in the window: the « Rapports » menu, a small parameter dialog per report, generation
off the GUI thread, a preview (QtPdf), « Imprimer… » and « Enregistrer en PDF… ».

All the work is in ``coordinator_app.reports`` (no Qt); this module only asks for parameters and
shows the result. The PDF stays in memory until the user saves it: no temporary file holds the
personal data of a project's participants.

``install(window)`` adds the feature as ``window.reports``; the project page and the visit editor
can call ``window.reports.project_sheet(project_id)`` / ``window.reports.visit_report(visit_id)``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QDate,
    QIODevice,
    QObject,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QAction, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.errors import UserError
from coordinator_app.domain.indicators import current_season
from coordinator_app.domain.regions import REGIONS
from coordinator_app.domain.stages import PROGRAM_SHORT_LABELS
from coordinator_app.store import Store, privacy
from coordinator_app.ui import errors

if TYPE_CHECKING:
    from PySide6.QtPdf import QPdfDocument

    from coordinator_app.reports import ReportOptions

# ``coordinator_app.reports`` (reportlab) and QtPdf are imported when a report is asked for or
# previewed, not to build the window: reportlab alone costs about 0.25 s and 10 MB at start-up.
#: The report kinds (``reports.service``'s names), known without importing reportlab.
FICHE_PROJET, VISITE, BILAN_REGIONAL, BILAN_ANNUEL = (
    "fiche-projet",
    "visite",
    "bilan-regional",
    "bilan-annuel",
)

#: Printing renders each page to an image at this resolution (enough for text, bounded memory).
PRINT_DPI = 300
RECENT_VISITS = 300


def _tr(text: str) -> str:
    return QCoreApplication.translate("Reports", text)


def _service() -> ModuleType:
    from coordinator_app.reports import service

    return service


def _title(kind: str) -> str:
    from coordinator_app.reports import REPORT_TITLES

    return REPORT_TITLES[kind]


def _default_options() -> ReportOptions:
    from coordinator_app.reports import ReportOptions

    return ReportOptions()


@dataclass(frozen=True)
class ReportRequest:
    """What to produce: the report, its parameters, and the common options."""

    kind: str
    params: dict[str, Any] = field(default_factory=dict)
    options: ReportOptions = field(default_factory=_default_options)

    def suggested_name(self) -> str:
        """« visite-2026-11-26.pdf »-like default file name for « Enregistrer en PDF… »."""
        extra = self.params.get("year") or self.params.get("region") or ""
        stamp = dt.date.today().isoformat()
        return re.sub(r"[^\w.-]+", "-", f"{self.kind}-{extra}-{stamp}".replace("--", "-")) + ".pdf"


# -- printing -------------------------------------------------------------------------------------
def print_document(document: QPdfDocument, printer: QPrinter, dpi: int = PRINT_DPI) -> int:
    """Paint every page of ``document`` onto ``printer``; returns the number of pages printed.

    Pages are rendered by QtPdf at ``dpi`` and scaled into the printable area, keeping the aspect.
    """
    pages = document.pageCount()
    if pages <= 0:
        raise UserError(_tr("Le rapport à imprimer est vide."))
    painter = QPainter()
    if not painter.begin(printer):
        raise UserError(
            _tr("L'imprimante n'a pas pu être ouverte : vérifiez son état et réessayez.")
        )
    try:
        for index in range(pages):
            if index and not printer.newPage():
                raise UserError(_tr("L'impression a été interrompue par l'imprimante."))
            points = document.pagePointSize(index)
            image = document.render(
                index, QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            )
            area = painter.viewport()
            scale = min(area.width() / image.width(), area.height() / image.height())
            width, height = round(image.width() * scale), round(image.height() * scale)
            target = QRect(area.x() + (area.width() - width) // 2, area.y(), width, height)
            painter.drawImage(target, image)
    finally:
        painter.end()
    return pages


def _page_size(options: ReportOptions) -> QPageSize:
    return QPageSize(
        QPageSize.PageSizeId.A4 if options.page_size == "a4" else QPageSize.PageSizeId.Letter
    )


# -- preview --------------------------------------------------------------------------------------
class ReportPreview(QDialog):
    """The generated report shown in the window, with « Imprimer… » and « Enregistrer en PDF… »."""

    def __init__(self, data: bytes, request: ReportRequest, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = data
        self.request = request
        self.setObjectName("report-preview")
        self.setWindowTitle(_tr("Aperçu — {title}").format(title=_tr(_title(request.kind))))
        self.resize(900, 760)
        self._bytes = QByteArray(data)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setAccessibleName(_tr("Aperçu du rapport"))
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        pages = self.document.pageCount()
        self.pages_label = QLabel(
            QCoreApplication.translate("ReportPreview", "%n page(s)", "", pages), self
        )
        self.print_button = QPushButton(_tr("&Imprimer…"), self)
        self.save_button = QPushButton(_tr("&Enregistrer en PDF…"), self)
        self.close_button = QPushButton(_tr("&Fermer"), self)
        for button in (self.print_button, self.save_button, self.close_button):
            button.setAutoDefault(False)
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
        self.print_button.clicked.connect(self.print_dialog)
        self.save_button.clicked.connect(self.save_dialog)
        self.close_button.clicked.connect(self.close)

        row = QHBoxLayout()
        row.addWidget(self.pages_label)
        row.addStretch(1)
        row.addWidget(self.print_button)
        row.addWidget(self.save_button)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)

    def printer(self) -> QPrinter:
        """A printer set up for this report's page size (Letter or A4), in portrait."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(_page_size(self.request.options))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        printer.setDocName(self.windowTitle())
        return printer

    def print_dialog(self) -> None:
        """« Imprimer… »: the system's print dialog, then the pages onto the chosen printer."""
        printer = self.printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(_tr("Imprimer le rapport"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            print_document(self.document, printer)
            self._register_names()
        except Exception as error:
            errors.show_error(self, error)

    def save_to(self, path: str | Path) -> Path:
        """Write the report where the user chose (atomically)."""
        written = _service().save(path, self.data)
        self._register_names()
        return written

    def _register_names(self) -> None:
        """Law 25: a project sheet printed or saved with participants' names goes to the register
        of communications (the preview on screen does not)."""
        store = getattr(self.parent(), "store", None)
        if (
            store is not None
            and self.request.kind == FICHE_PROJET
            and self.request.options.with_names
        ):
            privacy.log_report_with_names(
                store, self.request.params["project_id"], _title(self.request.kind)
            )

    def save_dialog(self) -> None:
        """« Enregistrer en PDF… »: choose a file, then write it."""
        path, _filter = QFileDialog.getSaveFileName(
            self,
            _tr("Enregistrer le rapport en PDF"),
            str(Path.home() / self.request.suggested_name()),
            _tr("Documents PDF (*.pdf)"),
        )
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            written = self.save_to(path)
        except Exception as error:
            errors.show_error(self, error)
            return
        self.pages_label.setText(_tr("Enregistré : {path}").format(path=written))


# -- parameters -----------------------------------------------------------------------------------
class ReportParamsDialog(QDialog):
    """The few choices a report needs: project or visit, region and period, year; page size."""

    def __init__(
        self,
        kind: str,
        store: Store,
        parent: QWidget | None = None,
        *,
        project_id: str | None = None,
        visit_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.store = store
        self.setObjectName(f"report-params-{kind}")
        self.setWindowTitle(_tr(_title(kind)))
        form = QFormLayout()
        self.project: QComboBox | None = None
        self.visit: QComboBox | None = None
        self.with_names: QCheckBox | None = None
        self.region: QComboBox | None = None
        self.start: QDateEdit | None = None
        self.end: QDateEdit | None = None
        self.year: QSpinBox | None = None
        if kind == FICHE_PROJET:
            self.project = self._projects(project_id)
            form.addRow(_tr("&Projet :"), self.project)
            self.with_names = QCheckBox(_tr("Inclure les &noms des participants"), self)
            form.addRow("", self.with_names)
        elif kind == VISITE:
            self.visit = self._visits(visit_id)
            form.addRow(_tr("&Visite :"), self.visit)
        elif kind == BILAN_REGIONAL:
            self.region = QComboBox(self)
            self.region.addItem(_tr("Toutes les régions"), None)
            for code, name in REGIONS.items():
                self.region.addItem(f"{code} {name}", code)
            year = dt.date.today().year
            self.start = self._date(QDate(year, 1, 1))
            self.end = self._date(QDate(year, 12, 31))
            form.addRow(_tr("&Région :"), self.region)
            form.addRow(_tr("&Du :"), self.start)
            form.addRow(_tr("&Au :"), self.end)
        elif kind == BILAN_ANNUEL:
            self.year = QSpinBox(self)
            self.year.setRange(1990, 2100)
            self.year.setValue(current_season(store.find("project"), store.today().year))
            form.addRow(_tr("&Année :"), self.year)
        self.page_size = QComboBox(self)
        self.page_size.addItem(_tr("Lettre (8 ½ × 11 po)"), "letter")
        self.page_size.addItem(_tr("A4"), "a4")
        form.addRow(_tr("&Format de page :"), self.page_size)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_tr("Annuler"))
        self.ok_button = buttons.addButton(
            _tr("&Produire le rapport"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _date(self, value: QDate) -> QDateEdit:
        edit = QDateEdit(value, self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _projects(self, current: str | None) -> QComboBox:
        combo = QComboBox(self)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        projects = sorted(self.store.find("project"), key=lambda p: p["name"].casefold())
        for project in projects:
            program = PROGRAM_SHORT_LABELS.get(project["program"], project["program"])
            year = f" {project['season_year']}" if project.get("season_year") else ""
            combo.addItem(f"{project['name']} — {program}{year}", project["id"])
        combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        index = combo.findData(current) if current else -1
        combo.setCurrentIndex(max(index, 0))
        return combo

    def _visits(self, current: str | None) -> QComboBox:
        combo = QComboBox(self)
        visits = self.store.find(
            "visit", order_by="visited_at", descending=True, limit=RECENT_VISITS
        )
        if current and all(v["id"] != current for v in visits):
            chosen = self.store.get("visit", current)
            if chosen:
                visits.insert(0, chosen)
        names = {p["id"]: p["name"] for p in self.store.find("project")}
        for visit in visits:
            moment = visit["visited_at"].replace("T", " ")
            place = f" — {visit['place']}" if visit.get("place") else ""
            combo.addItem(f"{moment} — {names.get(visit['project_id'], '')}{place}", visit["id"])
        index = combo.findData(current) if current else -1
        combo.setCurrentIndex(max(index, 0))
        return combo

    def request(self) -> ReportRequest:
        """The report asked for (UserError in French when a choice is missing)."""
        params: dict[str, Any] = {}
        if self.project is not None:
            if self.project.currentData() is None:
                raise UserError(_tr("Choisissez un projet."))
            params["project_id"] = self.project.currentData()
        if self.visit is not None:
            if self.visit.currentData() is None:
                raise UserError(_tr("Aucune visite à imprimer : enregistrez d'abord une visite."))
            params["visit_id"] = self.visit.currentData()
        if self.region is not None and self.start is not None and self.end is not None:
            params["region"] = self.region.currentData()
            params["start"] = self.start.date().toString("yyyy-MM-dd")
            params["end"] = self.end.date().toString("yyyy-MM-dd")
        if self.year is not None:
            params["year"] = self.year.value()
        from coordinator_app.reports import ReportOptions

        options = ReportOptions(
            page_size=self.page_size.currentData(),
            with_names=bool(self.with_names and self.with_names.isChecked()),
        )
        return ReportRequest(self.kind, params, options)


# -- the feature ----------------------------------------------------------------------------------
MENU_ENTRIES: tuple[tuple[str, str], ...] = (
    (FICHE_PROJET, "&Fiche de projet…"),
    (VISITE, "&Compte rendu de visite…"),
    (BILAN_REGIONAL, "Bilan &régional…"),
    (BILAN_ANNUEL, "Bilan &annuel…"),
)


class ReportsFeature(QObject):
    """The reports' part of the window, kept on ``window.reports``."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.store: Store = window.store
        self.previews: list[ReportPreview] = []
        self.dialogs: list[ReportParamsDialog] = []
        self.actions: dict[str, QAction] = {}
        for kind, text in MENU_ENTRIES:
            action = QAction(_tr(text), window)
            action.setObjectName(f"action-report-{kind}")
            action.triggered.connect(lambda _checked=False, k=kind: self.ask(k))
            window.menu_reports.addAction(action)
            self.actions[kind] = action
        if hasattr(window, "language_changed"):
            window.language_changed.connect(lambda _lang: self.retranslate())

    def retranslate(self) -> None:
        for kind, text in MENU_ENTRIES:
            self.actions[kind].setText(_tr(text))

    # -- entry points ---------------------------------------------------------------------------
    def ask(self, kind: str) -> ReportParamsDialog:
        """Open the parameter dialog of ``kind``, preselecting the window's current record."""
        dialog = ReportParamsDialog(
            kind,
            self.store,
            self.window,
            project_id=self.window.current_project_id(),
            visit_id=self.window.current_visit_id(),
        )
        self.dialogs.append(dialog)
        dialog.accepted.connect(lambda: self._requested(dialog))
        dialog.finished.connect(lambda _result: self.dialogs.remove(dialog))
        dialog.open()
        return dialog

    def _requested(self, dialog: ReportParamsDialog) -> None:
        try:
            request = dialog.request()
        except UserError as error:
            self.window.show_error(error)
            return
        self.generate(request)

    def project_sheet(self, project_id: str) -> Any:
        """For the project page's button: the sheet of this project, straight to the preview."""
        return self.generate(ReportRequest(FICHE_PROJET, {"project_id": project_id}))

    def visit_report(self, visit_id: str) -> Any:
        """For the visit editor's button: the report of this visit, straight to the preview."""
        return self.generate(ReportRequest(VISITE, {"visit_id": visit_id}))

    def generate(self, request: ReportRequest) -> Any:
        """Produce the report off the GUI thread, then preview it (errors shown by the window)."""
        store = self.store

        def work(_reporter: Any) -> bytes:
            return _service().render(store, request.kind, request.options, request.params)

        return self.window.run_task(
            work,
            on_success=lambda data: self.preview(data, request),
            on_error=self.window.show_error,
            label=_tr("Production du rapport"),
        )

    def preview(self, data: bytes, request: ReportRequest) -> ReportPreview:
        dialog = ReportPreview(data, request, self.window)
        self.previews.append(dialog)
        dialog.finished.connect(lambda _result: self._forget(dialog))
        dialog.show()
        dialog.raise_()
        return dialog

    def _forget(self, dialog: ReportPreview) -> None:
        if dialog in self.previews:
            self.previews.remove(dialog)
        dialog.deleteLater()


def install(window: Any) -> ReportsFeature:
    """Called by ``ui.features`` once the window is built."""
    window.reports = ReportsFeature(window)
    return window.reports
