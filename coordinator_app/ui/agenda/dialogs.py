"""Dialogs of the agenda: plan a visit, export to a calendar file, the subscribed calendar."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain import agenda
from coordinator_app.domain.entities import ENTITIES
from coordinator_app.domain.errors import ValidationFailed
from coordinator_app.operations.agenda import plan_visit
from coordinator_app.store import Store, agenda_queries
from coordinator_app.ui.forms.panel import ERROR_STYLE
from coordinator_app.ui.forms.staff import StaffEditor
from coordinator_app.ui.operations import run_operation

EXPORT_WEEKS = 8


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class PlanVisitDialog(QDialog):
    """« Planifier une visite »: project, date and time, place, purpose, who goes."""

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, region: str | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.visit: dict | None = None
        self.setWindowTitle(self.tr("Planifier une visite"))
        self.setMinimumWidth(460)
        layout = QFormLayout(self)
        self.project = QComboBox(self)
        self.project.setEditable(True)
        self.project.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        equals = {"region_code": region} if region else None
        for project in store.find("project", equals=equals, order_by="name"):
            self.project.addItem(project["name"], project["id"])
        self.when = QDateTimeEdit(self)
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        tomorrow = store.today() + dt.timedelta(days=1)
        self.when.setDateTime(QDateTime(_qdate(tomorrow), QTime(9, 0)))
        self.place = QLineEdit(self)
        self.purpose = QLineEdit(self)
        # « Visite faite par »: the same staff picker as the visit's form (you by default)
        self.staff = StaffEditor(ENTITIES["visit"].field("made_by"), store, self)
        self.staff.set_raw([agenda_queries.me(store)] if agenda_queries.me(store) else [])
        for label, widget, name in (
            (self.tr("&Projet :"), self.project, self.tr("Projet")),
            (self.tr("&Date et heure :"), self.when, self.tr("Date et heure")),
            (self.tr("&Lieu :"), self.place, self.tr("Lieu")),
            (self.tr("&Objet de la visite :"), self.purpose, self.tr("Objet de la visite")),
            (self.tr("&Qui y va (CQCM) :"), self.staff, self.tr("Qui y va")),
        ):
            widget.setAccessibleName(name)
            layout.addRow(label, widget)
            buddy = layout.labelForField(widget)
            if buddy is not None and widget is self.staff:
                buddy.setBuddy(self.staff.focus_widget())
        self.problem = QLabel(self)
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        layout.addRow(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Planifier"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def save(self) -> dict | None:
        """Write the planned visit; on a problem, say it here and keep the dialog open."""
        project_id = self.project.currentData()
        if not project_id:
            self._show(self.tr("Choisissez un projet."))
            return None
        at = self.when.dateTime().toString("yyyy-MM-ddTHH:mm")
        place, purpose = self.place.text().strip(), self.purpose.text().strip()
        staff = list(self.staff.raw() or [])
        planned = run_operation(
            self,
            self.store,
            lambda store: plan_visit(
                store, project_id, at, place=place, purpose=purpose, staff=staff
            ),
            on_error=self._refused,
        )
        if planned is None:
            return None
        self.visit = planned.visit
        self.accept()
        return self.visit

    def _refused(self, error: BaseException) -> None:
        if not isinstance(error, ValidationFailed):
            raise error
        self._show("\n".join(str(p) for p in error.problems))

    def _show(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(True)


class ExportCalendarDialog(QDialog):
    """Fichier › « Exporter vers mon calendrier… »: the period and « mes visites seulement »."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Exporter vers mon calendrier"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Un fichier .ics (iCalendar) à ouvrir dans Outlook, Google Agenda ou Calendrier "
                "d'Apple : visites planifiées, suivis à faire et redditions de comptes. "
                "Importer un fichier plus récent met les événements à jour sans les doubler. "
                "Aucun nom de participant n'y figure."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        monday, _sunday = agenda.week_of(store.today())
        self.start = QDateEdit(_qdate(monday), self)
        self.end = QDateEdit(_qdate(monday + dt.timedelta(weeks=EXPORT_WEEKS, days=-1)), self)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        # the report dialog's words for a period (same translations)
        self.start.setAccessibleName(QCoreApplication.translate("Reports", "&Du :").strip(" :&"))
        self.end.setAccessibleName(QCoreApplication.translate("Reports", "&Au :").strip(" :&"))
        self.mine = QCheckBox(self.tr("&Mes visites seulement"), self)
        form.addRow(QCoreApplication.translate("Reports", "&Du :"), self.start)
        form.addRow(QCoreApplication.translate("Reports", "&Au :"), self.end)
        form.addRow(self.mine)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("ImportExport", "E&xporter…")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def period(self) -> tuple[dt.date, dt.date]:
        return _pydate(self.start.date()), _pydate(self.end.date())


class FeedDialog(QDialog):
    """« Calendrier abonné »: the private address of the account's calendar on the server."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Calendrier abonné (Outlook, Google, Apple)"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        self.explain = QLabel(
            self.tr(
                "Une adresse privée que votre calendrier consulte de lui-même : dans Outlook, "
                "Ajouter un calendrier › À partir d'Internet, puis collez l'adresse. Elle montre "
                "vos visites et les dates des projets de vos régions, à jour à chaque "
                "synchronisation. Ne la partagez pas : qui l'a voit votre agenda."
            ),
            self,
        )
        self.explain.setWordWrap(True)
        layout.addWidget(self.explain)
        self.address = QLineEdit(self)
        self.address.setReadOnly(True)
        self.address.setAccessibleName(self.tr("Adresse du calendrier abonné"))
        layout.addWidget(self.address)
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        self.buttons = QDialogButtonBox(self)
        self.create_button = self.buttons.addButton(
            self.tr("&Créer une nouvelle adresse"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button = self.buttons.addButton(
            self.tr("C&opier l'adresse"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.revoke_button = self.buttons.addButton(
            self.tr("&Révoquer"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.address.text())
        )
        layout.addWidget(self.buttons)
        self.busy = False
        self.show_state({"active": False, "url": None})

    def set_busy(self, busy: bool) -> None:
        """One call to the server at a time: a late answer never overwrites a newer one."""
        self.busy = busy
        for button in (self.create_button, self.copy_button, self.revoke_button):
            button.setEnabled(not busy)
        if busy:
            self.state.setText(self.tr("Connexion au serveur…"))

    def show_state(self, state: dict) -> None:
        self.busy = False
        self.create_button.setEnabled(True)
        url = state.get("url") or ""
        self.address.setText(url)
        self.copy_button.setEnabled(bool(url))
        self.revoke_button.setEnabled(bool(state.get("active")))
        if state.get("active") and url:
            self.state.setText(self.tr("Adresse active."))
        elif state.get("active"):
            self.state.setText(
                self.tr(
                    "Une adresse est active, créée depuis un autre ordinateur : créez-en une "
                    "nouvelle pour la voir ici (l'ancienne cessera de fonctionner)."
                )
            )
        else:
            self.state.setText(self.tr("Aucune adresse active."))


class MoveDialog(QDialog):
    """« Reporter la visite »: a new date and time for a planned visit."""

    def __init__(self, start: dt.datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reporter la visite"))
        layout = QFormLayout(self)
        self.when = QDateTimeEdit(self)
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setDateTime(
            QDateTime(QDate(start.year, start.month, start.day), QTime(start.hour, start.minute))
        )
        self.when.setAccessibleName(self.tr("Nouvelle date et heure"))
        layout.addRow(self.tr("&Nouvelle date et heure :"), self.when)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Reporter"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def moment(self) -> str:
        return self.when.dateTime().toString("yyyy-MM-ddTHH:mm")
