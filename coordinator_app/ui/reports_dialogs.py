"""Printing, the preview (QtPdf) and the parameter dialog of a report."""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QDate,
    QIODevice,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
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
from coordinator_app.operations.privacy import register_names_sheet
from coordinator_app.store import Store
from coordinator_app.ui import errors, i18n
from coordinator_app.ui.operations import run_operation
from coordinator_app.ui.reports_common import (
    BILAN_ANNUEL,
    BILAN_REGIONAL,
    FICHE_PROJET,
    PRINT_DPI,
    RECENT_VISITS,
    VISITE,
    ReportRequest,
    _service,
    _title,
)

if TYPE_CHECKING:
    from PySide6.QtPdf import QPdfDocument

    from coordinator_app.reports import ReportOptions


def _tr(text: str) -> str:
    return QCoreApplication.translate("Reports", text)


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
        self.pages_label = QLabel(i18n.plural("ReportPreview", "%n page(s)", pages), self)
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
            register = partial(
                register_names_sheet,
                project_id=self.request.params["project_id"],
                report_name=_title(self.request.kind),
            )
            run_operation(self, store, register)

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
