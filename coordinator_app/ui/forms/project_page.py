"""The page of one project: identity, stages, participants, contracts, funding, visits, history.

Everything here is read from the store when the page (re)loads; every change goes through the
same forms as elsewhere (``EntityFormDialog``, ``VisitDialog``), after which the page reloads and
emits ``changed`` so the window can refresh its lists. Each tab builds and loads itself
(``project_tabs``, ``project_program_tabs``); the page arranges them and opens the forms.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.entities import ENTITIES
from coordinator_app.domain.stages import CIEC, FERME_COOP, PROGRAM_SHORT_LABELS
from coordinator_app.store import Store
from coordinator_app.ui import i18n
from coordinator_app.ui.forms.display import format_value, stage_text
from coordinator_app.ui.forms.entity_form import EntityFormDialog
from coordinator_app.ui.forms.fields import tr_domain
from coordinator_app.ui.forms.history import HistoryView
from coordinator_app.ui.forms.project_program_tabs import ContractsTab, FundingTab
from coordinator_app.ui.forms.project_tables import selected_id
from coordinator_app.ui.forms.project_tabs import OverviewTab, ParticipantsTab, VisitsTab
from coordinator_app.ui.forms.visit_editor import FileChooser, VisitDialog, choose_files_dialog

CONTRACTS_TAB, FUNDING_TAB = 2, 3


class ProjectPage(QWidget):
    """One project; ``changed`` after any change made from the page."""

    changed = Signal()

    def __init__(
        self,
        store: Store,
        project_id: str,
        parent: QWidget | None = None,
        *,
        choose_files: FileChooser = choose_files_dialog,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.project_id = project_id
        self.choose_files = choose_files
        self.dialogs: list[QDialog] = []
        self.setObjectName("projectPage")
        self._build()
        self.reload()

    # -- layout -------------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self._build_header(layout)
        self._build_buttons(layout)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Sections du projet"))
        layout.addWidget(self.tabs, 1)
        self._build_tabs()

    def _build_header(self, layout: QVBoxLayout) -> None:
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.title.setWordWrap(True)
        self.subtitle = QLabel(self)
        self.subtitle.setWordWrap(True)
        self.alerts = QLabel(self)
        self.alerts.setObjectName("projectAlerts")
        self.alerts.setStyleSheet("color: #b00020; font-weight: 600;")
        self.alerts.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.alerts)

    def _build_buttons(self, layout: QVBoxLayout) -> None:
        buttons = QHBoxLayout()
        self.edit_button = self._button(
            self.tr("Modifier le projet (Ctrl+E)"), "Ctrl+E", self.edit_project
        )
        self.visit_button = self._button(
            self.tr("Nouvelle visite (Ctrl+N)"), "Ctrl+N", self.new_visit
        )
        self.participant_button = self._button(
            self.tr("Ajouter un participant"), None, self.add_participant
        )
        self.contract_button = self._button(self.tr("Ajouter un contrat"), None, self.add_contract)
        self.funding_button = self._button(
            self.tr("Ajouter une demande de financement"), None, self.add_funding
        )
        for button in (
            self.edit_button,
            self.visit_button,
            self.participant_button,
            self.contract_button,
            self.funding_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.button_row = buttons
        layout.addLayout(buttons)

    def _build_tabs(self) -> None:
        """The tabs, in their fixed order (``CONTRACTS_TAB``, ``FUNDING_TAB`` are indexes).

        The tables and labels are also kept on the page, where the forms and tests reach them.
        """
        self.overview_tab = OverviewTab(self)
        self.identity, self.stages = self.overview_tab.identity, self.overview_tab.stages
        self.participants_tab = ParticipantsTab(self)
        self.participants = self.participants_tab.table
        self.consent_warning = self.participants_tab.consent_warning
        self.participants.itemActivated.connect(
            lambda _item: self._edit_selected("participant", self.participants)
        )
        self.contracts_tab = ContractsTab(self)
        self.contracts, self.revenue = self.contracts_tab.table, self.contracts_tab.revenue
        self.contracts.itemActivated.connect(
            lambda _item: self._edit_selected("contract", self.contracts)
        )
        self.funding_tab = FundingTab(self)
        self.funding = self.funding_tab.table
        self.funding.itemActivated.connect(
            lambda _item: self._edit_selected("funding", self.funding)
        )
        self.visits_tab = VisitsTab(self)
        self.visits, self.visits_note = self.visits_tab.table, self.visits_tab.note
        self.open_visit_button = self.visits_tab.open_button
        self.visits.itemActivated.connect(lambda _item: self.open_selected_visit())
        self.open_visit_button.clicked.connect(self.open_selected_visit)
        self.tabs.addTab(self.overview_tab, self.tr("Aperçu"))
        self.tabs.addTab(self.participants_tab, self.tr("Participants"))
        self.tabs.addTab(self.contracts_tab, self.tr("Contrats"))
        self.tabs.addTab(self.funding_tab, self.tr("Financement"))
        self.tabs.addTab(self.visits_tab, self.tr("Visites"))
        self.tabs.addTab(self._history_tab(), self.tr("Historique des modifications"))

    def add_button(self, text: str, slot: Any) -> QPushButton:
        """A button another feature adds to the page's row (the reports' « Imprimer… »)."""
        button = self._button(text, None, slot)
        self.button_row.insertWidget(self.button_row.count() - 1, button)
        return button

    def _button(self, text: str, sequence: str | None, slot: Any) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(text.split(" (")[0])
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        if sequence:
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(button.click)
        return button

    def _history_tab(self) -> QWidget:
        self.history_view = HistoryView(self.store, "project", self.project_id, self)
        self.history_view.restored.connect(lambda _name: self._after_change())
        self.history = self.history_view.tree
        self.restore_button = self.history_view.restore_button
        return self.history_view

    # -- loading ------------------------------------------------------------------------------
    def reload(self) -> None:
        self.project = self.store.require("project", self.project_id)
        program = self.project.get("program")
        self.today = self.store.today()
        self._load_header(program)
        self.overview_tab.load(self.project, self.store)
        self._load_tabs()
        self.history_view.reload()
        self.contract_button.setVisible(program == CIEC)
        self.funding_button.setVisible(program == FERME_COOP)
        self.tabs.setTabVisible(CONTRACTS_TAB, program == CIEC or self.contracts.rowCount() > 0)
        self.tabs.setTabVisible(FUNDING_TAB, program == FERME_COOP or self.funding.rowCount() > 0)
        alerts = [text for text in (self.consent_warning.text(), self._overdue_text) if text]
        self.alerts.setText("\n".join(alerts))
        self.alerts.setVisible(bool(alerts))

    def _load_header(self, program: str | None) -> None:
        project = self.project
        self.title.setText(project["name"])
        parts = [tr_domain(PROGRAM_SHORT_LABELS.get(program or "", program or ""))]
        parts.append(format_value(ENTITIES["project"].field("region_code"), project["region_code"]))
        if project.get("municipality"):
            parts.append(project["municipality"])
        if project.get("season_year"):
            parts.append(self.tr("Année {0}").format(project["season_year"]))
        parts.append(self.tr("Étape : {0}").format(stage_text(program, project.get("stage"))))
        self.subtitle.setText(" · ".join(parts))
        self.setAccessibleName(self.tr("Projet {0}").format(project["name"]))
        self.setWindowTitle(self.tr("Projet : {0}").format(project["name"]))

    def _load_tabs(self) -> None:
        """Each tab reads its records; the page titles the tabs with their counts."""
        participants = self.participants_tab.load(self.store, self.project_id, self.today)
        self.tabs.setTabText(1, self.tr("Participants ({0})").format(participants))
        contracts = self.contracts_tab.load(self.store, self.project_id, self.project)
        self.tabs.setTabText(CONTRACTS_TAB, self.tr("Contrats ({0})").format(contracts))
        funding, late = self.funding_tab.load(self.store, self.project_id, self.today)
        self._overdue_text = (
            self.tr("⚠ %n reddition(s) de comptes en retard (onglet Financement).", "", late)
            if late
            else ""
        )
        self.tabs.setTabText(FUNDING_TAB, self.tr("Financement ({0})").format(funding))
        visits = self.visits_tab.load(self.store, self.project_id)
        self.tabs.setTabText(4, self.tr("Visites ({0})").format(i18n.number(visits)))

    # -- actions ------------------------------------------------------------------------------
    def restore_selected(self) -> None:
        """« Rétablir cette valeur » on the selected change of the history tab."""
        self.history_view.restore_selected()

    def _after_change(self) -> None:
        self.reload()
        self.changed.emit()

    def _open(self, dialog: QDialog) -> QDialog:
        self.dialogs.append(dialog)
        dialog.accepted.connect(self._after_change)
        dialog.finished.connect(
            lambda _r: self.dialogs.remove(dialog) if dialog in self.dialogs else None
        )
        dialog.open()
        return dialog

    def open_form(self, kind: str, record_id: str | None = None) -> EntityFormDialog:
        defaults = {"project_id": self.project_id} if kind != "project" else None
        dialog = EntityFormDialog(self.store, kind, record_id, defaults=defaults, parent=self)
        dialog.form.changed.connect(self._after_change)
        self._open(dialog)
        return dialog

    def edit_project(self) -> EntityFormDialog:
        return self.open_form("project", self.project_id)

    def add_participant(self) -> EntityFormDialog:
        return self.open_form("participant")

    def add_contract(self) -> EntityFormDialog:
        return self.open_form("contract")

    def add_funding(self) -> EntityFormDialog:
        return self.open_form("funding")

    def _edit_selected(self, kind: str, table: QTableWidget) -> None:
        record_id = selected_id(table)
        if record_id:
            self.open_form(kind, record_id)

    def new_visit(self) -> VisitDialog:
        dialog = VisitDialog(
            self.store, self.project_id, parent=self, choose_files=self.choose_files
        )
        self._open(dialog)
        return dialog

    def open_visit(self, visit_id: str) -> VisitDialog:
        dialog = VisitDialog(
            self.store, visit_id=visit_id, parent=self, choose_files=self.choose_files
        )
        self._open(dialog)
        return dialog

    def open_selected_visit(self) -> VisitDialog | None:
        visit_id = selected_id(self.visits)
        return self.open_visit(visit_id) if visit_id else None


class ProjectDialog(QDialog):
    """A project page in its own window."""

    def __init__(self, store: Store, project_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = ProjectPage(store, project_id, self)
        self.setWindowTitle(self.page.windowTitle())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.page)
        self.resize(1200, 700)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Forms opened from the page close with it (each keeps its input as a draft)."""
        for dialog in list(self.page.dialogs):
            dialog.close()
        super().closeEvent(event)
