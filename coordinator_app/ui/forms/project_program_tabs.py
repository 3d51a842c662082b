"""The tabs of one program: contracts (CIEC) and funding requests (farm co-ops).

The page shows a tab when the project's program uses it, or when records exist anyway. Strings
keep the « ProjectPage » translation context they had when the tabs were part of the page.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from coordinator_app.domain.entities import ENTITIES
from coordinator_app.store import Store
from coordinator_app.ui import i18n
from coordinator_app.ui.forms.display import format_value
from coordinator_app.ui.forms.project_tables import OVERDUE, cell, fill, record_table

CLOSED_FUNDING = ("fermee", "refusee")  # no report is due on these any more


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProjectPage", text)


class ContractsTab(QWidget):
    """The CIEC's contracts, with their totals against the revenue the project declared."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.table = record_table(
            self,
            [
                _tr("Date"),
                _tr("Type de client"),
                _tr("Service"),
                _tr("Heures"),
                _tr("Montant"),
            ],
            _tr("Contrats du projet"),
        )
        self.revenue = QLabel(self)
        self.revenue.setWordWrap(True)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.revenue)

    def load(self, store: Store, project_id: str, project: dict[str, Any]) -> int:
        """Show the contracts; returns how many the project has."""
        records = store.find(
            "contract", equals={"project_id": project_id}, order_by="contract_date"
        )
        spec = ENTITIES["contract"]
        fill(
            self.table,
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
            _tr(
                "Total des contrats : {0} · Heures : {1} · Chiffre d'affaires déclaré : {2}"
            ).format(
                i18n.money_cents(total),
                i18n.number(hours, 1),
                i18n.money_cents(project.get("revenue")) or "—",
            )
        )
        return len(records)


class FundingTab(QWidget):
    """A farm co-op's funding requests; a report date past due is shaded."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.table = record_table(
            self,
            [
                _tr("Bailleur de fonds"),
                _tr("Programme"),
                _tr("Demandé"),
                _tr("Accordé"),
                _tr("Versé"),
                _tr("Statut"),
                _tr("Prochaine reddition de comptes"),
            ],
            _tr("Demandes de financement du projet"),
        )
        layout.addWidget(self.table, 1)

    def load(self, store: Store, project_id: str, today: dt.date) -> tuple[int, int]:
        """Show the requests; returns how many there are and how many reports are overdue."""
        records = store.find("funding", equals={"project_id": project_id})
        self.table.setRowCount(0)
        late = 0
        for record in records:
            overdue = self._add(record, today.isoformat())
            late += overdue
        return len(records), late

    def _add(self, record: dict[str, Any], today: str) -> int:
        """One request's row; returns how many of its report dates are overdue."""
        spec = ENTITIES["funding"]
        dues = sorted(record.get("report_due_dates") or [])
        upcoming = next((d for d in dues if d >= today), None)
        overdue = (
            [d for d in dues if d < today] if record.get("status") not in CLOSED_FUNDING else []
        )
        due_text = upcoming or "—"
        if overdue:
            due_text = _tr("{0} (en retard : {1})").format(due_text, ", ".join(overdue))
        values = [
            record["funder"],
            record["program"],
            *(format_value(spec.field(n), record.get(n)) for n in ("requested", "granted", "paid")),
            format_value(spec.field("status"), record.get("status")),
            due_text,
        ]
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate(values):
            self.table.setItem(
                row,
                column,
                cell(text, record["id"] if column == 0 else None, align_right=column in (2, 3, 4)),
            )
        if overdue:
            self.table.item(row, 6).setBackground(QBrush(OVERDUE))
        return len(overdue)
