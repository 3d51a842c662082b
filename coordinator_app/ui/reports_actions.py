"""Reports in the window: the « Rapports » menu, a small parameter dialog per report, generation
off the GUI thread, a preview (QtPdf), « Imprimer… » and « Enregistrer en PDF… ».

All the work is in ``coordinator_app.reports`` (no Qt); this module only asks for parameters and
shows the result. The PDF stays in memory until the user saves it: no temporary file holds the
personal data of a project's participants.

``install(window)`` adds the feature as ``window.reports``; the project page and the visit editor
can call ``window.reports.project_sheet(project_id)`` / ``window.reports.visit_report(visit_id)``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
)
from PySide6.QtGui import QAction

from coordinator_app.domain.errors import UserError
from coordinator_app.store import Store
from coordinator_app.ui.feature_window import FeatureWindow
from coordinator_app.ui.reports_common import (
    BILAN_ANNUEL,
    BILAN_REGIONAL,
    FICHE_PROJET,
    PRINT_DPI,
    RECENT_VISITS,
    VISITE,
    ReportRequest,
    _service,
)

if TYPE_CHECKING:
    from coordinator_app.ui.reports_dialogs import ReportParamsDialog, ReportPreview

#: Imported from ``ui.reports_dialogs`` on first use (``__getattr__``): QtPrintSupport, the
#: preview and the dialogs' Qt types cost start-up ≈ 20 ms for a menu seldom used (issue 17).
_FROM_DIALOGS = ("ReportParamsDialog", "ReportPreview", "print_document")


def __getattr__(name: str) -> Any:
    if name in _FROM_DIALOGS:
        from coordinator_app.ui import reports_dialogs

        return getattr(reports_dialogs, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "BILAN_ANNUEL",
    "BILAN_REGIONAL",
    "FICHE_PROJET",
    "MENU_ENTRIES",
    "PRINT_DPI",
    "RECENT_VISITS",
    "VISITE",
    "ReportRequest",
    "ReportsFeature",
    "install",
]


def _tr(text: str) -> str:
    return QCoreApplication.translate("Reports", text)


# -- the feature ----------------------------------------------------------------------------------
MENU_ENTRIES: tuple[tuple[str, str], ...] = (
    (FICHE_PROJET, "&Fiche de projet…"),
    (VISITE, "&Compte rendu de visite…"),
    (BILAN_REGIONAL, "Bilan &régional…"),
    (BILAN_ANNUEL, "Bilan &annuel…"),
)


class ReportsFeature(QObject):
    """The reports' part of the window, kept on ``window.reports``."""

    def __init__(self, window: FeatureWindow) -> None:
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
        window.language_changed.connect(lambda _lang: self.retranslate())

    def retranslate(self) -> None:
        for kind, text in MENU_ENTRIES:
            self.actions[kind].setText(_tr(text))

    # -- entry points ---------------------------------------------------------------------------
    def ask(self, kind: str) -> ReportParamsDialog:
        """Open the parameter dialog of ``kind``, preselecting the window's current record."""
        from coordinator_app.ui.reports_dialogs import ReportParamsDialog

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
        from coordinator_app.ui.reports_dialogs import ReportPreview

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


def install(window: FeatureWindow) -> ReportsFeature:
    """Called by ``ui.features`` once the window is built."""
    window.reports = ReportsFeature(window)
    return window.reports
