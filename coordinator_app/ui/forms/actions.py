"""Plugs the forms into the main window: record openers, « Nouveau … » actions, kept drafts.

``install(window)`` is called by ``ui.features`` once the window is built. It registers an opener
for every kind of record (a project opens its page, a visit its editor, anything else the generic
form) and adds the creation actions to Fichier → Nouveau and the toolbar. Each save runs as an
operation (``ui.operations``) that tells the window which kinds changed, so only the pages showing
them reload. At start-up, drafts
of new records that were never saved (a crash, a dead battery) are offered back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMessageBox

from coordinator_app.domain import fr_ca
from coordinator_app.domain.entities import ENTITIES
from coordinator_app.store import drafts
from coordinator_app.store.drafts import Draft
from coordinator_app.ui.feature_window import FeatureWindow
from coordinator_app.ui.forms.fields import tr_domain

if TYPE_CHECKING:
    from coordinator_app.ui.forms.entity_form import EntityFormDialog
    from coordinator_app.ui.forms.project_page import ProjectDialog
    from coordinator_app.ui.forms.visit_editor import FileChooser, VisitDialog

# The dialogs (and the attachments' encryption they import) are imported when one first opens,
# not to build the window: installing the forms is then menus and openers only.

# (kind, French text of the action, shortcut); shortcuts avoid the window's own (Ctrl+1…7, Ctrl+F,
# Ctrl+Q, F1, F5, Ctrl+Shift+S, Ctrl+Z) and the forms' (Ctrl+S, Échap, Ctrl+J, Ctrl+E).
NEW_ACTIONS: tuple[tuple[str, str, str], ...] = (
    ("visit", QT_TRANSLATE_NOOP("FormsFeature", "Nouvelle &visite"), "Ctrl+N"),
    ("project", QT_TRANSLATE_NOOP("FormsFeature", "Nouveau &projet…"), "Ctrl+Shift+P"),
    ("participant", QT_TRANSLATE_NOOP("FormsFeature", "Nouveau p&articipant…"), ""),
    ("contract", QT_TRANSLATE_NOOP("FormsFeature", "Nouveau &contrat…"), ""),
    ("funding", QT_TRANSLATE_NOOP("FormsFeature", "Nouvelle demande de &financement…"), ""),
    ("action_item", QT_TRANSLATE_NOOP("FormsFeature", "Nouveau &suivi…"), ""),
    (
        "workshop",
        QT_TRANSLATE_NOOP("FormsFeature", "Nouvel a&telier ou webinaire…"),
        "Ctrl+Shift+W",
    ),
    ("organisation", QT_TRANSLATE_NOOP("FormsFeature", "Nouvelle &organisation…"), ""),
    ("school", QT_TRANSLATE_NOOP("FormsFeature", "Nouvelle é&cole…"), ""),
    ("municipality", QT_TRANSLATE_NOOP("FormsFeature", "Nouvelle &municipalité…"), ""),
    (
        "coordinator",
        QT_TRANSLATE_NOOP("FormsFeature", "Nouveau coordonnateur ou coordonnatrice…"),
        "",
    ),
)
NEEDS_PROJECT = frozenset({"visit", "participant", "contract", "funding", "action_item"})
DRAFTS_OFFERED_AT_START = 3


def choose_files_dialog(parent: Any) -> Any:
    """The visit editor's file chooser, imported when files are first chosen."""
    from coordinator_app.ui.forms.visit_editor import choose_files_dialog as choose

    return choose(parent)


class FormsFeature(QObject):
    """The forms' part of the window; kept on ``window.forms`` (it owns the open dialogs)."""

    def __init__(self, window: FeatureWindow) -> None:
        super().__init__(window)
        self.window = window
        self.store = window.store
        self.dialogs: list[QDialog] = []
        self.actions: dict[str, QAction] = {}
        self.startup_box: QMessageBox | None = None
        self._offered: set[tuple[str, str]] = set()
        #: The new-record drafts read at install, for the first offer (``install``).
        self.kept_at_start: list[Draft] | None = None
        self.choose_files: FileChooser = choose_files_dialog  # tests hand files in here
        for kind in ENTITIES:
            window.record_openers[kind] = self._opener(kind)
        self._add_actions()
        window.installEventFilter(self)

    # -- openers --------------------------------------------------------------------------------
    def _opener(self, kind: str) -> Callable[[Any, str], QDialog]:
        if kind == "project":
            return lambda _window, record_id: self.open_project(record_id)
        if kind == "visit":
            return lambda _window, record_id: self.open_visit(visit_id=record_id)
        if kind == "attachment":
            return lambda _window, record_id: self.open_attachment(record_id)
        return lambda _window, record_id: self.open_form(kind, record_id)

    def _keep(self, dialog: QDialog, *, modal: bool = False) -> QDialog:
        """Keep the dialog alive while open (its saves announce themselves, ``ui.operations``)."""
        self.dialogs.append(dialog)
        # Ctrl+Z undoes a restored value from the form's own window too
        dialog.addAction(self.window.undo.action)
        dialog.finished.connect(lambda _result: self._forget(dialog))
        if modal:
            dialog.open()
        else:
            dialog.show()
            dialog.raise_()
            dialog.activateWindow()
        return dialog

    def _forget(self, dialog: QDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)
        dialog.deleteLater()

    def open_project(self, project_id: str) -> ProjectDialog:
        """The project's page in its own window (one window per project)."""
        from coordinator_app.ui.forms.project_page import ProjectDialog

        for dialog in self.dialogs:
            if isinstance(dialog, ProjectDialog) and dialog.page.project_id == project_id:
                dialog.page.reload()
                dialog.raise_()
                dialog.activateWindow()
                return dialog
        dialog = ProjectDialog(self.store, project_id, self.window)
        dialog.page.choose_files = lambda parent: self.choose_files(parent)
        reports = getattr(self.window, "reports", None)
        if reports is not None:
            dialog.page.add_button(
                self.tr("Imprimer la fiche du projet…"),
                lambda: reports.project_sheet(project_id),
            )
        self._keep(dialog)
        return dialog

    def open_visit(
        self, *, project_id: str | None = None, visit_id: str | None = None
    ) -> VisitDialog:
        from coordinator_app.ui.forms.visit_editor import VisitDialog

        dialog = VisitDialog(
            self.store,
            project_id,
            visit_id,
            parent=self.window,
            choose_files=lambda parent: self.choose_files(parent),
        )
        dialog.editor.saved.connect(self._say_visit_saved)
        reports = getattr(self.window, "reports", None)
        if reports is not None and visit_id is not None:
            dialog.editor.add_button(
                self.tr("Imprimer le compte rendu…"), lambda: reports.visit_report(visit_id)
            )
        return self._keep(dialog, modal=False)

    def open_attachment(self, attachment_id: str) -> QDialog:
        """An attachment is seen where it belongs: in its visit, else on its project's page."""
        record = self.store.require("attachment", attachment_id)
        if record.get("visit_id") and self.store.get("visit", record["visit_id"]):
            return self.open_visit(visit_id=record["visit_id"])
        return self.open_project(record["project_id"])

    def open_form(
        self, kind: str, record_id: str | None = None, defaults: dict[str, Any] | None = None
    ) -> EntityFormDialog:
        from coordinator_app.ui.forms.entity_form import EntityFormDialog

        dialog = EntityFormDialog(
            self.store, kind, record_id, defaults=defaults, parent=self.window
        )
        return self._keep(dialog)

    # -- actions --------------------------------------------------------------------------------
    def _add_actions(self) -> None:
        window = self.window
        self.menu_new = window.menu_file.addMenu("")
        first = window.menu_file.actions()[0] if window.menu_file.actions() else None
        if first is not None and first is not self.menu_new.menuAction():
            window.menu_file.insertMenu(first, self.menu_new)
            window.menu_file.insertSeparator(first)
        for kind, _text, shortcut in NEW_ACTIONS:
            action = QAction(window)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda _checked=False, k=kind: self.new_record(k))
            self.menu_new.addAction(action)
            self.actions[kind] = action
        window.toolbar.addAction(self.actions["visit"])
        window.toolbar.addAction(self.actions["project"])
        window.toolbar.setVisible(True)
        self.retranslate()

    def retranslate(self) -> None:
        self.menu_new.setTitle(self.tr("&Nouveau"))
        for kind, text, shortcut in NEW_ACTIONS:
            action = self.actions[kind]
            action.setText(self.tr(text))
            label = self.tr(text).replace("&", "").rstrip("…")
            native = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{label} ({native})" if shortcut else label)
            action.setStatusTip(label)
        self.actions["visit"].setIconText(self.tr("Nouvelle visite (Ctrl+N)"))
        self.actions["project"].setIconText(self.tr("Nouveau projet (Ctrl+Maj+P)"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.close_all()
        return False

    def close_all(self) -> None:
        """The window closes: so do the forms (each keeps its unsaved input as a draft)."""
        for dialog in list(self.dialogs):
            dialog.close()

    def new_record(self, kind: str) -> QDialog | None:
        """« Nouveau … »: children of a project need the project selected in a list."""
        if kind == "project":
            page = self.window.current_list()
            program = page.program if page is not None else None
            return self.open_form("project", defaults={"program": program} if program else None)
        if kind in NEEDS_PROJECT:
            project_id = self.window.current_project_id()
            if not project_id and self._no_project_yet():
                self.window.statusBar().showMessage(
                    self.tr(
                        "Aucun projet pour l'instant : créez d'abord un projet (Nouveau projet) "
                        "ou chargez les données de démonstration."
                    ),
                    8000,
                )
                return None
            if not project_id:
                self.window.statusBar().showMessage(
                    self.tr(
                        "Choisissez d'abord un projet dans une liste (Projets CIEC, Jeune COOP, "
                        "Coopératives agricoles, Visites ou Suivis)."
                    ),
                    8000,
                )
                return None
            if kind == "visit":
                return self.open_visit(project_id=project_id)
            return self.open_form(kind, defaults={"project_id": project_id})
        return self.open_form(kind)

    def _say_visit_saved(self, record: dict[str, Any]) -> None:
        """Feedback after « Enregistrer la visite »: the window closes, the status bar says it."""
        project = self.store.get("project", record.get("project_id") or "") or {}
        when = str(record.get("visited_at") or "").replace("T", " ")
        self.window.statusBar().showMessage(
            self.tr("Visite du {when} enregistrée ({project}).").format(
                when=when, project=project.get("name", "")
            ),
            8000,
        )

    def _no_project_yet(self) -> bool:
        """On the welcome page or in an empty profile no list holds a project to choose."""
        window = self.window
        on_welcome = window.stack.currentWidget() is window.welcome
        return on_welcome or not self.store.find("project", limit=1)

    # -- drafts kept from a previous session ----------------------------------------------------
    def offer_kept_drafts(self) -> QMessageBox | None:
        """Ask « Reprendre le brouillon ? » for the most recent unsaved new record, if any."""
        if not self.window.isVisible():
            return None  # closed before the question came up: its profile may be closed too
        listed, self.kept_at_start = self.kept_at_start, None
        if listed is None:
            listed = drafts.list_drafts(self.store, new_only=True)
        kept = []
        for draft in listed:
            if (draft.kind, draft.scope) in self._offered:
                continue
            if draft.kind not in ENTITIES or (
                draft.scope and self.store.get("project", draft.scope) is None
            ):
                # Its project was deleted meanwhile (here or through sync): nothing to resume.
                drafts.delete_draft(self.store, draft.kind, None, scope=draft.scope)
                continue
            kept.append(draft)
        if not kept or len(self._offered) >= DRAFTS_OFFERED_AT_START:
            return None
        draft = kept[0]
        self._offered.add((draft.kind, draft.scope))
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Brouillon non enregistré"),
            self.tr(
                "Un brouillon non enregistré a été conservé : {0}.\n\nReprendre le brouillon ?"
            ).format(self._describe(draft)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self.window,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("&Oui"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("&Non"))
        box.setAccessibleName(self.tr("Reprendre le brouillon ?"))
        box.finished.connect(lambda result: self._answer(draft, result))
        self.startup_box = box
        box.open()
        return box

    def _describe(self, draft: Draft) -> str:
        label = tr_domain(ENTITIES[draft.kind].label) if draft.kind in ENTITIES else draft.kind
        title = ""
        if draft.scope:
            project = self.store.get("project", draft.scope)
            title = f" — {project['name']}" if project else ""
        when = fr_ca.long_date(draft.updated_at[:10])
        return f"« {label}{title} » ({when})"

    def _answer(self, draft: Draft, result: int) -> None:
        self.startup_box = None
        if result == QMessageBox.StandardButton.Yes:
            dialog: QDialog | None
            if draft.kind == "visit" and draft.scope:
                dialog = self.open_visit(project_id=draft.scope)
                banner = dialog.editor.banner
            else:
                defaults = {"project_id": draft.scope} if draft.scope else None
                dialog = self.open_form(draft.kind, defaults=defaults)
                banner = dialog.form.banner
            if banner.isVisible():
                banner.yes.click()
        else:
            drafts.delete_draft(self.store, draft.kind, None, scope=draft.scope)
        QTimer.singleShot(0, self.offer_kept_drafts)


def install(window: FeatureWindow) -> FormsFeature:
    """Register the forms in ``window`` (see the module docstring)."""
    feature = FormsFeature(window)
    window.forms = feature
    # Read while the window is built, before any background read holds the profile's two
    # connections (the agenda's reminder and the window's first counts start after this): at the
    # first event-loop turn the GUI thread waited 13–26 ms for one behind them.
    feature.kept_at_start = drafts.list_drafts(feature.store, new_only=True)
    QTimer.singleShot(0, feature.offer_kept_drafts)
    return feature
