"""The page of one project: identity, stages, participants, contracts, funding, visits, history.

Everything here is read from the store when the page (re)loads; every change goes through the
same forms as elsewhere (``EntityFormDialog``, ``VisitDialog``), after which the page reloads and
emits ``changed`` so the window can refresh its lists.
"""

from __future__ import annotations

import textwrap
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QCloseEvent, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.entities import ENTITIES
from coordinator_app.domain.stages import CIEC, FERME_COOP, PROGRAM_SHORT_LABELS
from coordinator_app.domain.validation import age_on, consent_missing
from coordinator_app.store import Store, project_queries
from coordinator_app.ui import i18n
from coordinator_app.ui.forms.display import format_value, stage_text
from coordinator_app.ui.forms.entity_form import EntityFormDialog
from coordinator_app.ui.forms.fields import tr_domain
from coordinator_app.ui.forms.history import HistoryView
from coordinator_app.ui.forms.visit_editor import FileChooser, VisitDialog, choose_files_dialog

WARNING = QColor("#b00020")
OVERDUE = QColor("#fde2e1")
VISITS_SHOWN = 200  # the page is a summary; the Visites list pages through all of them
IDENTITY_FIELDS = (
    "program",
    "region_code",
    "municipality",
    "stage",
    "coordinator_ids",
    "partner_ids",
    "start_date",
    "end_date",
)


def _table(parent: QWidget, headers: list[str], accessible: str) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.setAccessibleName(accessible)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def _cell(
    text: str, record_id: str | None = None, *, align_right: bool = False
) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if record_id is not None:
        item.setData(Qt.ItemDataRole.UserRole, record_id)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _fill(table: QTableWidget, rows: list[tuple[str | None, list[str]]]) -> None:
    table.setRowCount(0)
    for record_id, values in rows:
        row = table.rowCount()
        table.insertRow(row)
        for column, text in enumerate(values):
            table.setItem(row, column, _cell(text, record_id if column == 0 else None))


def _selected_id(table: QTableWidget) -> str | None:
    row = table.currentRow()
    if row < 0 or table.item(row, 0) is None:
        return None
    return table.item(row, 0).data(Qt.ItemDataRole.UserRole)


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

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Sections du projet"))
        layout.addWidget(self.tabs, 1)
        self.tabs.addTab(self._overview_tab(), self.tr("Aperçu"))
        self.tabs.addTab(self._participants_tab(), self.tr("Participants"))
        self.tabs.addTab(self._contracts_tab(), self.tr("Contrats"))
        self.tabs.addTab(self._funding_tab(), self.tr("Financement"))
        self.tabs.addTab(self._visits_tab(), self.tr("Visites"))
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

    def _overview_tab(self) -> QWidget:
        page = QWidget(self)
        layout = QHBoxLayout(page)
        left = QWidget(page)
        self.identity = QFormLayout(left)
        self.identity.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        # A long comité local or partner list scrolls on a 600-pixel screen instead of being cut.
        scroll = QScrollArea(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(left)
        layout.addWidget(scroll, 3)
        right = QVBoxLayout()
        right.addWidget(QLabel("<b>" + self.tr("Historique des étapes") + "</b>", page))
        self.stages = _table(
            page, [self.tr("Étape"), self.tr("Date")], self.tr("Historique des étapes")
        )
        right.addWidget(self.stages, 1)
        layout.addLayout(right, 2)
        return page

    def _participants_tab(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.consent_warning = QLabel(page)
        self.consent_warning.setStyleSheet("color: #b00020; font-weight: 600;")
        self.consent_warning.setWordWrap(True)
        layout.addWidget(self.consent_warning)
        self.participants = _table(
            page,
            [
                self.tr("Nom"),
                self.tr("Date de naissance"),
                self.tr("Âge"),
                self.tr("Niveau"),
                self.tr("Consentement (moins de 14 ans)"),
            ],
            self.tr("Participants du projet"),
        )
        self.participants.itemActivated.connect(
            lambda _item: self._edit_selected("participant", self.participants)
        )
        layout.addWidget(self.participants, 1)
        return page

    def _contracts_tab(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.contracts = _table(
            page,
            [
                self.tr("Date"),
                self.tr("Type de client"),
                self.tr("Service"),
                self.tr("Heures"),
                self.tr("Montant"),
            ],
            self.tr("Contrats du projet"),
        )
        self.contracts.itemActivated.connect(
            lambda _item: self._edit_selected("contract", self.contracts)
        )
        self.revenue = QLabel(page)
        self.revenue.setWordWrap(True)
        layout.addWidget(self.contracts, 1)
        layout.addWidget(self.revenue)
        return page

    def _funding_tab(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.funding = _table(
            page,
            [
                self.tr("Bailleur de fonds"),
                self.tr("Programme"),
                self.tr("Demandé"),
                self.tr("Accordé"),
                self.tr("Versé"),
                self.tr("Statut"),
                self.tr("Prochaine reddition de comptes"),
            ],
            self.tr("Demandes de financement du projet"),
        )
        self.funding.itemActivated.connect(
            lambda _item: self._edit_selected("funding", self.funding)
        )
        layout.addWidget(self.funding, 1)
        return page

    def _visits_tab(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.visits = _table(
            page,
            [
                self.tr("Date"),
                self.tr("Type"),
                self.tr("Lieu"),
                self.tr("Suivis ouverts"),
                self.tr("Pièces jointes"),
                self.tr("Observations"),
            ],
            self.tr("Visites du projet, la plus récente en premier"),
        )
        self.visits.itemActivated.connect(lambda _item: self.open_selected_visit())
        self.visits_note = QLabel(page)
        self.visits_note.setWordWrap(True)
        self.visits_note.setVisible(False)
        row = QHBoxLayout()
        self.open_visit_button = QPushButton(self.tr("Ouvrir la visite (Entrée)"), page)
        self.open_visit_button.setAccessibleName(self.tr("Ouvrir la visite"))
        self.open_visit_button.clicked.connect(self.open_selected_visit)
        row.addWidget(self.open_visit_button)
        row.addStretch(1)
        layout.addWidget(self.visits, 1)
        layout.addWidget(self.visits_note)
        layout.addLayout(row)
        return page

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
        self._load_identity()
        self._load_participants()
        self._load_contracts()
        self._load_funding()
        self._load_visits()
        self._load_history()
        self.contract_button.setVisible(program == CIEC)
        self.funding_button.setVisible(program == FERME_COOP)
        self.tabs.setTabVisible(2, program == CIEC or self.contracts.rowCount() > 0)
        self.tabs.setTabVisible(3, program == FERME_COOP or self.funding.rowCount() > 0)
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

    def _load_identity(self) -> None:
        while self.identity.rowCount():
            self.identity.removeRow(0)
        spec = ENTITIES["project"]
        names = list(IDENTITY_FIELDS) + [
            f.name
            for f in spec.fields_for_program(self.project["program"])
            if f.programs  # committee and board included: shown as « name, role ; … »
        ]
        for name in names:
            field = spec.field(name)
            text = (
                stage_text(self.project["program"], self.project.get("stage"))
                if name == "stage"
                else format_value(field, self.project.get(name), self.store)
            )
            value = QLabel(text)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(tr_domain(field.label))
            self.identity.addRow(i18n.label(tr_domain(field.label)), value)
        if self.project.get("notes"):
            notes = QLabel(self.project["notes"])
            notes.setWordWrap(True)
            self.identity.addRow(self.tr("Notes :"), notes)
        history = self.project.get("stage_history") or []
        _fill(
            self.stages,
            [
                (
                    None,
                    [
                        stage_text(self.project["program"], h.get("stage")),
                        h.get("date") or "",  # tables: ISO dates, as every other table
                    ],
                )
                for h in history
            ],
        )

    def _load_participants(self) -> None:
        records = self.store.find(
            "participant", equals={"project_id": self.project_id}, order_by="last_name"
        )
        missing = 0
        self.participants.setRowCount(0)
        for record in records:
            row = self.participants.rowCount()
            self.participants.insertRow(row)
            birth = record.get("birth_date")
            age = str(age_on(birth, self.today)) if birth else "—"
            status, flagged = self._consent_status(record)
            missing += flagged
            values = [
                f"{record['first_name']} {record['last_name']}",
                birth or "—",
                age,
                format_value(
                    ENTITIES["participant"].field("school_level"), record.get("school_level")
                ),
                status,
            ]
            for column, text in enumerate(values):
                self.participants.setItem(
                    row, column, _cell(text, record["id"] if column == 0 else None)
                )
            if flagged:
                cell = self.participants.item(row, 4)
                cell.setForeground(QBrush(WARNING))
                font = cell.font()
                font.setBold(True)
                cell.setFont(font)
        self.consent_warning.setText(
            self.tr(
                "⚠ %n participant(s) de moins de 14 ans sans consentement d'un parent ou tuteur "
                "(Loi 25).",
                "",
                missing,
            )
            if missing
            else ""
        )
        self.consent_warning.setVisible(bool(missing))
        self.tabs.setTabText(1, self.tr("Participants ({0})").format(len(records)))

    def _consent_status(self, record: dict[str, Any]) -> tuple[str, bool]:
        if consent_missing(record, self.today):
            return self.tr("⚠ Consentement manquant"), True
        if record.get("consent_by"):
            return self.tr("Donné par {0} ({1})").format(
                record["consent_by"], record.get("consent_date") or "—"
            ), False
        if record.get("anonymised"):
            return self.tr("Anonymisé"), False
        return self.tr("Non requis (14 ans ou plus)"), False

    def _load_contracts(self) -> None:
        records = self.store.find(
            "contract", equals={"project_id": self.project_id}, order_by="contract_date"
        )
        spec = ENTITIES["contract"]
        _fill(
            self.contracts,
            [
                (
                    r["id"],
                    [
                        r.get("contract_date") or "—",
                        format_value(spec.field("client_type"), r["client_type"]),
                        r["service"],
                        format_value(spec.field("hours"), r.get("hours")),
                        format_value(spec.field("amount"), r.get("amount")),
                    ],
                )
                for r in records
            ],
        )
        total = sum(r.get("amount") or 0 for r in records)
        hours = sum(r.get("hours") or 0 for r in records)
        self.revenue.setText(
            self.tr(
                "Total des contrats : {0} · Heures : {1} · Chiffre d'affaires déclaré : {2}"
            ).format(
                i18n.money_cents(total),
                i18n.number(hours, 1),
                i18n.money_cents(self.project.get("revenue")) or "—",
            )
        )
        self.tabs.setTabText(2, self.tr("Contrats ({0})").format(len(records)))

    def _load_funding(self) -> None:
        records = self.store.find("funding", equals={"project_id": self.project_id})
        spec = ENTITIES["funding"]
        today = self.today.isoformat()
        self.funding.setRowCount(0)
        late = 0
        for record in records:
            dues = sorted(record.get("report_due_dates") or [])
            upcoming = next((d for d in dues if d >= today), None)
            overdue = (
                [d for d in dues if d < today]
                if record.get("status") not in ("fermee", "refusee")
                else []
            )
            due_text = upcoming or "—"
            if overdue:
                due_text = self.tr("{0} (en retard : {1})").format(due_text, ", ".join(overdue))
            values = [
                record["funder"],
                record["program"],
                *(
                    format_value(spec.field(n), record.get(n))
                    for n in ("requested", "granted", "paid")
                ),
                format_value(spec.field("status"), record.get("status")),
                due_text,
            ]
            row = self.funding.rowCount()
            self.funding.insertRow(row)
            for column, text in enumerate(values):
                self.funding.setItem(
                    row,
                    column,
                    _cell(
                        text, record["id"] if column == 0 else None, align_right=column in (2, 3, 4)
                    ),
                )
            if overdue:
                late += len(overdue)
                self.funding.item(row, 6).setBackground(QBrush(OVERDUE))
        self._overdue_text = (
            self.tr("⚠ %n reddition(s) de comptes en retard (onglet Financement).", "", late)
            if late
            else ""
        )
        self.tabs.setTabText(3, self.tr("Financement ({0})").format(len(records)))

    def _load_visits(self) -> None:
        records, total = project_queries.latest_visits(self.store, self.project_id, VISITS_SHOWN)
        open_items = project_queries.open_action_items_by_visit(self.store, self.project_id)
        files = project_queries.attachments_by_visit(self.store, self.project_id)
        spec = ENTITIES["visit"]
        rows = []
        for r in records:
            # One date style per page, the tables' (2026-07-03 14:30), in French and English.
            when = str(r["visited_at"] or "").replace("T", " ")
            first_line = (r.get("observations") or "").strip().splitlines()
            rows.append(
                (
                    r["id"],
                    [
                        when,
                        format_value(spec.field("mode"), r.get("mode")),
                        r.get("place") or "—",
                        str(open_items.get(r["id"], 0)),
                        str(files.get(r["id"], 0)),
                        textwrap.shorten(first_line[0], 140, placeholder=" …")
                        if first_line
                        else "",
                    ],
                )
            )
        _fill(self.visits, rows)
        for row, record in enumerate(records):
            self.visits.item(row, 5).setToolTip(record.get("observations") or "")
        if rows:
            self.visits.selectRow(0)
        self.open_visit_button.setEnabled(bool(rows))
        self.visits_note.setText(
            self.tr(
                "Les {0} visites les plus récentes sur {1} sont affichées ; la page Visites de la "
                "fenêtre principale les montre toutes."
            ).format(i18n.number(len(records)), i18n.number(total))
            if total > len(records)
            else ""
        )
        self.visits_note.setVisible(total > len(records))
        self.tabs.setTabText(4, self.tr("Visites ({0})").format(i18n.number(total)))

    def _load_history(self) -> None:
        self.history_view.reload()

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
        record_id = _selected_id(table)
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
        visit_id = _selected_id(self.visits)
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
