"""The generic form that creates or edits one record of any kind, derived from its ``EntitySpec``.

The form holds no business rule: it shows one editor per field, hands the typed values to the
``operations.records.save_record`` operation (through ``ui.operations.run_operation``; the store
validates through the domain) and puts each French message under its field. Project fields that belong to another program are hidden as soon as the
program is chosen, and the stage list offers only that program's stages.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.entities import ENTITIES
from coordinator_app.domain.errors import FieldProblem, UserError, ValidationFailed
from coordinator_app.domain.stages import ALL_STAGE_CHOICES, STAGES
from coordinator_app.operations.records import SavedRecord, record_problems, save_record
from coordinator_app.store import Store
from coordinator_app.ui.forms.draft_keeper import (
    DraftedForm,
    DraftedFormDialog,
    DraftKeeper,
    add_form_banners,
)
from coordinator_app.ui.forms.fields import ChoiceEditor, record_title, tr_domain
from coordinator_app.ui.forms.history import HistoryView
from coordinator_app.ui.forms.panel import FieldsPanel
from coordinator_app.ui.operations import run_operation


def report_unexpected(parent: QWidget, error: BaseException) -> None:
    """Show an error through the window's one error dialog (``ui.errors``)."""
    from coordinator_app.ui.errors import show_error

    show_error(parent, error)


def add_button_row(form: QWidget, save: QPushButton, cancel: QPushButton) -> QHBoxLayout:
    """Enregistrer / Annuler at the bottom right, with Ctrl+S and Échap scoped to the form."""
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(save)
    row.addWidget(cancel)
    save.setDefault(False)
    save.setAutoDefault(False)
    cancel.setAutoDefault(False)
    for sequence, button in ((QKeySequence.StandardKey.Save, save), (Qt.Key.Key_Escape, cancel)):
        shortcut = QShortcut(QKeySequence(sequence), form)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(button.click)
    return row


class EntityForm(DraftedForm, QWidget):
    """Create (``record_id`` None) or edit one record; ``saved`` carries the stored record."""

    saved = Signal(dict)
    cancelled = Signal()
    changed = Signal()  # stored without closing the form (a value restored from history)

    def __init__(
        self,
        store: Store,
        kind: str,
        record_id: str | None = None,
        *,
        defaults: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.kind = kind
        self.spec = ENTITIES[kind]
        self.record_id = record_id
        self.record = store.require(kind, record_id) if record_id else None
        defaults = dict(defaults or {})
        parent_field = self.spec.parent_field
        self.fixed = {parent_field: defaults.pop(parent_field)} if parent_field in defaults else {}
        if self.record and parent_field:
            self.fixed = {parent_field: self.record.get(parent_field)}
        self.setObjectName(f"form_{kind}")
        self.setAccessibleName(self.window_title())

        self._build(defaults)
        self._start_drafts(defaults)

    def _build(self, defaults: dict[str, Any]) -> None:
        layout = QVBoxLayout(self)
        self._build_heading(layout)
        specs = [f for f in self.spec.fields if f.name not in self.fixed]
        self.panel = FieldsPanel(self.store, specs, self, scope=self.fixed)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.panel)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll = scroll
        self.history_view: HistoryView | None = None
        if self.record:
            # An existing record: its change history beside the fields, one tab away.
            self.tabs = QTabWidget(self)
            self.tabs.addTab(scroll, self.tr("Fiche"))
            self.history_view = HistoryView(self.store, self.kind, self.record_id, self)
            self.history_view.restored.connect(self._value_restored)
            self.tabs.addTab(self.history_view, self.tr("Historique des modifications"))
            layout.addWidget(self.tabs, 1)
        else:
            layout.addWidget(scroll, 1)
        self.save_button = QPushButton(self.tr("Enregistrer (Ctrl+S)"), self)
        self.save_button.setAccessibleName(self.tr("Enregistrer"))
        self.cancel_button = QPushButton(self.tr("Annuler (Échap)"), self)
        self.cancel_button.setAccessibleName(self.tr("Annuler"))
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.cancel)
        layout.addLayout(add_button_row(self, self.save_button, self.cancel_button))

    def _build_heading(self, layout: QVBoxLayout) -> None:
        """Title, the parent record it belongs to, the draft banners and the problems' summary."""
        self.heading = QLabel(self.window_title(), self)
        self.heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        context = self._context_text()
        if context:
            self.context_label = QLabel(context, self)
            self.context_label.setWordWrap(True)
            layout.addWidget(self.context_label)
        self.banner, self.discard_banner, self.summary = add_form_banners(self, layout)

    def _start_drafts(self, defaults: dict[str, Any]) -> None:
        """Fill the fields, then keep every edit as a draft and offer one kept from before."""
        parent_field = self.spec.parent_field
        scope = str(self.fixed.get(parent_field) or "") if not self.record_id else ""
        self.keeper = DraftKeeper(
            self.store, self.kind, self.record_id, self.draft_values, scope=scope, parent=self
        )
        self.keeper.enabled = False
        if self.record:
            self.panel.set_values(self.record)
        else:
            self.panel.set_raw_values(defaults)
        if self.kind == "project":
            self.panel.editor("program").changed.connect(self._apply_program)
            self._apply_program()
        self.keeper.enabled = True
        self.panel.changed.connect(self.keeper.touch)
        self.banner.accepted.connect(self._resume_draft)
        self.banner.declined.connect(self.keeper.discard)
        self._draft = None
        self._initial = self.draft_values()
        self.discard_banner.accepted.connect(self.cancel)
        self.offer_draft()

    # -- presentation -------------------------------------------------------------------------
    def window_title(self) -> str:
        label = tr_domain(self.spec.label)
        if self.record:
            return self.tr("{0} : {1}").format(label, record_title(self.kind, self.record))
        # « fiche » agrees with every kind (« Organisation (nouveau) » did not).
        return self.tr("{0} — nouvelle fiche").format(label)

    def _context_text(self) -> str:
        parent_id = self.fixed.get(self.spec.parent_field)
        if not parent_id or not self.spec.parent_kind:
            return ""
        parent = self.store.get(self.spec.parent_kind, parent_id)
        title = record_title(self.spec.parent_kind, parent) if parent else parent_id
        return self.tr("{0} : {1}").format(tr_domain(ENTITIES[self.spec.parent_kind].label), title)

    def _apply_program(self) -> None:
        """Show only the chosen program's fields, mark its required ones, offer its stages."""
        program = self.panel.editor("program").raw()
        for field in self.spec.fields:
            if field.programs:
                self.panel.set_field_visible(field.name, program in field.programs)
            if field.name in self.panel.rows:
                self.panel.set_required(field.name, field.required or program in field.required_for)
        stage = self.panel.editor("stage")
        assert isinstance(stage, ChoiceEditor)
        choices = STAGES.get(program, ALL_STAGE_CHOICES)
        stage.set_choices([(value, tr_domain(label)) for value, label in choices])

    # -- values -------------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """What is sent to the store: the visible fields as typed, plus the fixed parent."""
        return {**self.panel.raw_values(), **self.fixed}

    def draft_values(self) -> dict[str, Any]:
        return {**self.panel.raw_values(visible_only=False), **self.fixed}

    def offer_draft(self) -> None:
        """If a draft of this form was kept and differs from what is shown, ask to resume it."""
        draft = self.keeper.existing()
        if draft is None:
            return
        if draft.values == self.draft_values():
            return
        self._draft = draft
        self.banner.offer(draft)

    def _resume_draft(self) -> None:
        if self._draft is None:
            return
        self.keeper.enabled = False
        values = self._draft.values
        if "program" in values and "program" in self.panel.rows:
            self.panel.editor("program").set_raw(values["program"])
        self.panel.set_raw_values(values)
        self.keeper.enabled = True
        self._draft = None

    # -- actions ------------------------------------------------------------------------------
    def save(self) -> dict[str, Any] | None:
        """Validate and store; on problems, mark the fields and keep everything as typed."""
        values = self.values()
        problems = self.panel.reference_problems()
        if problems:  # names the form could not resolve: every field's problem, nothing written
            self.show_problems(record_problems(self.store, self.kind, values, problems))
            return None
        kind, record_id = self.kind, self.record_id
        saved = run_operation(
            self,
            self.store,
            lambda store: save_record(store, kind, record_id, values),
            on_success=self._saved,
            on_error=self._refused,
        )
        return saved.record if saved is not None else None

    def _saved(self, saved: SavedRecord) -> None:
        record = saved.record
        self.keeper.discard()
        self.summary.setVisible(False)
        self.panel.clear_problems()
        self.record_id, self.record = record["id"], record
        self.keeper.retarget(record["id"])
        self.saved.emit(record)

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, ValidationFailed):
            self.show_problems(error.problems)
        elif isinstance(error, UserError):
            report_unexpected(self, error)
        else:
            raise error

    def show_problems(self, problems: list[FieldProblem]) -> None:
        elsewhere = self.panel.show_problems(problems)
        count = len(problems)
        text = self.tr("Rien n'a été enregistré : %n problème(s) à corriger (en rouge).", "", count)
        # Every problem listed here too: the second one may be below the visible part of the form.
        shown = [p for p in problems if p not in elsewhere]
        lines = [f"• {tr_domain(p.label)} : {p.message}" for p in shown]
        lines += [f"• {p}" for p in elsewhere]
        if count > 1 or elsewhere:
            text += "\n" + "\n".join(lines)
        self.summary.setText(text)
        self.summary.setVisible(True)
        first = self.panel.first_error_row()
        if first is not None:
            self.scroll.ensureWidgetVisible(first.container)

    def _value_restored(self, name: str) -> None:
        """Show the restored value; what is being typed in the other fields stays as it is."""
        self.record = self.store.require(self.kind, self.record_id)
        self.keeper.enabled = False
        if name in self.panel.rows:
            self.panel.editor(name).set_value(self.record[name])
        self.keeper.enabled = True
        self._initial = {**self._initial, name: self.draft_values().get(name)}
        self.changed.emit()


class EntityFormDialog(DraftedFormDialog):
    """An ``EntityForm`` in its own window; closing the window keeps the draft."""

    def __init__(
        self,
        store: Store,
        kind: str,
        record_id: str | None = None,
        *,
        defaults: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.form = EntityForm(store, kind, record_id, defaults=defaults, parent=self)
        self._hold(self.form, 720, 640)
