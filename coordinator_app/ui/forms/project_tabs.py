"""The tabs every project has: overview (identity and stages), participants, visits.

Each tab builds its widgets and reloads them from the store; the page arranges the tabs, sets
their titles and opens the forms. Strings keep the « ProjectPage » translation context they had
when the tabs were part of the page, so existing translations still apply.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.entities import ENTITIES
from coordinator_app.domain.validation import age_on, consent_missing
from coordinator_app.store import Store, project_queries
from coordinator_app.ui import i18n
from coordinator_app.ui.forms.display import format_value, stage_text
from coordinator_app.ui.forms.fields import tr_domain
from coordinator_app.ui.forms.project_tables import WARNING, add_row, fill, record_table

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


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProjectPage", text)


class OverviewTab(QWidget):
    """The project's fields on the left, its stage history on the right."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        left = QWidget(self)
        self.identity = QFormLayout(left)
        self.identity.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        # A long comité local or partner list scrolls on a 600-pixel screen instead of being cut.
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(left)
        layout.addWidget(scroll, 3)
        right = QVBoxLayout()
        right.addWidget(QLabel("<b>" + _tr("Historique des étapes") + "</b>", self))
        self.stages = record_table(self, [_tr("Étape"), _tr("Date")], _tr("Historique des étapes"))
        right.addWidget(self.stages, 1)
        layout.addLayout(right, 2)

    def load(self, project: dict[str, Any], store: Store) -> None:
        while self.identity.rowCount():
            self.identity.removeRow(0)
        spec = ENTITIES["project"]
        names = list(IDENTITY_FIELDS) + [
            f.name
            for f in spec.fields_for_program(project["program"])
            if f.programs  # committee and board included: shown as « name, role ; … »
        ]
        for name in names:
            field = spec.field(name)
            text = (
                stage_text(project["program"], project.get("stage"))
                if name == "stage"
                else format_value(field, project.get(name), store)
            )
            value = QLabel(text)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(tr_domain(field.label))
            self.identity.addRow(i18n.label(tr_domain(field.label)), value)
        if project.get("notes"):
            notes = QLabel(project["notes"])
            notes.setWordWrap(True)
            self.identity.addRow(_tr("Notes :"), notes)
        history = project.get("stage_history") or []
        fill(
            self.stages,
            [
                (
                    None,
                    [
                        stage_text(project["program"], h.get("stage")),
                        h.get("date") or "",  # tables: ISO dates, as every other table
                    ],
                )
                for h in history
            ],
        )


class ParticipantsTab(QWidget):
    """The project's participants, with the Loi 25 consent of those under 14 flagged."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.consent_warning = QLabel(self)
        self.consent_warning.setStyleSheet("color: #b00020; font-weight: 600;")
        self.consent_warning.setWordWrap(True)
        layout.addWidget(self.consent_warning)
        self.table = record_table(
            self,
            [
                _tr("Nom"),
                _tr("Date de naissance"),
                _tr("Âge"),
                _tr("Niveau"),
                _tr("Consentement (moins de 14 ans)"),
            ],
            _tr("Participants du projet"),
        )
        layout.addWidget(self.table, 1)

    def load(self, store: Store, project_id: str, today: dt.date) -> int:
        """Show the participants; returns how many the project has."""
        records = store.find("participant", equals={"project_id": project_id}, order_by="last_name")
        missing = 0
        self.table.setRowCount(0)
        for record in records:
            birth = record.get("birth_date")
            status, flagged = _consent_status(record, today)
            missing += flagged
            row = add_row(
                self.table,
                record["id"],
                [
                    f"{record['first_name']} {record['last_name']}",
                    birth or "—",
                    str(age_on(birth, today)) if birth else "—",
                    format_value(
                        ENTITIES["participant"].field("school_level"), record.get("school_level")
                    ),
                    status,
                ],
            )
            if flagged:
                cell = self.table.item(row, 4)
                cell.setForeground(QBrush(WARNING))
                font = cell.font()
                font.setBold(True)
                cell.setFont(font)
        self.consent_warning.setText(
            i18n.plural(
                "ProjectPage",
                "⚠ %n participant(s) de moins de 14 ans sans consentement d'un parent ou tuteur "
                "(Loi 25).",
                missing,
            )
            if missing
            else ""
        )
        self.consent_warning.setVisible(bool(missing))
        return len(records)


def _consent_status(record: dict[str, Any], today: dt.date) -> tuple[str, bool]:
    """The consent column's text, and whether a consent is missing."""
    if consent_missing(record, today):
        return _tr("⚠ Consentement manquant"), True
    if record.get("consent_by"):
        return _tr("Donné par {0} ({1})").format(
            record["consent_by"], record.get("consent_date") or "—"
        ), False
    if record.get("anonymised"):
        return _tr("Anonymisé"), False
    return _tr("Non requis (14 ans ou plus)"), False


class VisitsTab(QWidget):
    """The most recent visits, newest first, with their open follow-ups and attachments."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.table = record_table(
            self,
            [
                _tr("Date"),
                _tr("Type"),
                _tr("Lieu"),
                _tr("Suivis ouverts"),
                _tr("Pièces jointes"),
                _tr("Observations"),
            ],
            _tr("Visites du projet, la plus récente en premier"),
        )
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setVisible(False)
        row = QHBoxLayout()
        self.open_button = QPushButton(_tr("Ouvrir la visite (Entrée)"), self)
        self.open_button.setAccessibleName(_tr("Ouvrir la visite"))
        row.addWidget(self.open_button)
        row.addStretch(1)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addLayout(row)

    def load(self, store: Store, project_id: str) -> int:
        """Show the latest visits; returns how many the project has in all."""
        records, total = project_queries.latest_visits(store, project_id, VISITS_SHOWN)
        open_items = project_queries.open_action_items_by_visit(store, project_id)
        files = project_queries.attachments_by_visit(store, project_id)
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
        fill(self.table, rows)
        for row, record in enumerate(records):
            self.table.item(row, 5).setToolTip(record.get("observations") or "")
        if rows:
            self.table.selectRow(0)
        self.open_button.setEnabled(bool(rows))
        self.note.setText(
            _tr(
                "Les {0} visites les plus récentes sur {1} sont affichées ; la page Visites de la "
                "fenêtre principale les montre toutes."
            ).format(i18n.number(len(records)), i18n.number(total))
            if total > len(records)
            else ""
        )
        self.note.setVisible(total > len(records))
        return total
