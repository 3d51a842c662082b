"""A column of labelled field editors with the domain's message under each wrong field.

Shared by the generic entity form and the visit editor, so every form marks problems the same way:
a red message under the field, the same text as the field's accessible description (screen readers
announce it), and the keyboard focus on the first wrong field.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from coordinator_app.domain.errors import FieldProblem
from coordinator_app.domain.schema import FieldSpec
from coordinator_app.store import Store
from coordinator_app.ui.forms.fields import FieldEditor, RefEditor, make_editor, tr_domain

ERROR_STYLE = "color: #b00020; font-weight: 600;"


class FieldRow:
    """One field's label, editor and error message."""

    def __init__(self, spec: FieldSpec, editor: FieldEditor, label: QLabel, error: QLabel) -> None:
        self.spec = spec
        self.editor = editor
        self.label = label
        self.error = error
        self.container: QWidget | None = None

    @property
    def name(self) -> str:
        return self.spec.name

    def base_accessible_name(self) -> str:
        return tr_domain(self.spec.label)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(True)
        self.editor.set_accessible(self.base_accessible_name(), message)

    def clear_error(self) -> None:
        self.error.clear()
        self.error.setVisible(False)
        self.editor.set_accessible(self.base_accessible_name(), "")


class FieldsPanel(QWidget):
    """Editors for ``specs`` in a form layout; ``changed`` on any edit."""

    changed = Signal()

    def __init__(
        self,
        store: Store,
        specs: Iterable[FieldSpec],
        parent: QWidget | None = None,
        *,
        scope: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.scope = dict(scope or {})  # e.g. {"project_id": …}: references stay in the project
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.layout_ = QFormLayout()
        outer.addLayout(self.layout_)
        outer.addStretch(1)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout_.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.rows: dict[str, FieldRow] = {}
        self._required: set[str] = set()
        for spec in specs:
            self.add_field(spec)

    def add_field(self, spec: FieldSpec) -> FieldRow | None:
        editor = make_editor(spec, self.store, self, self.scope)
        if editor is None:
            return None
        label = QLabel(self)
        error = QLabel(self)
        error.setObjectName(f"error_{spec.name}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.setVisible(False)
        error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        container = QWidget(self)
        box = QVBoxLayout(container)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(editor)
        box.addWidget(error)
        label.setBuddy(editor.focus_widget())
        row = FieldRow(spec, editor, label, error)
        row.container = container
        self.rows[spec.name] = row
        self.set_required(spec.name, spec.required)
        row.clear_error()
        editor.changed.connect(self.changed.emit)
        self.layout_.addRow(label, container)
        return row

    def set_required(self, name: str, required: bool) -> None:
        row = self.rows[name]
        text = tr_domain(row.spec.label)
        row.label.setText(f"{text} *" if required else text)
        (self._required.add if required else self._required.discard)(name)

    def set_field_visible(self, name: str, visible: bool) -> None:
        if name in self.rows:
            self.layout_.setRowVisible(self.rows[name].container, visible)

    def is_field_visible(self, name: str) -> bool:
        return name in self.rows and not self.rows[name].container.isHidden()

    def editor(self, name: str) -> FieldEditor:
        return self.rows[name].editor

    def raw_values(self, *, visible_only: bool = True) -> dict[str, Any]:
        return {
            name: row.editor.raw()
            for name, row in self.rows.items()
            if not visible_only or self.is_field_visible(name)
        }

    def set_raw_values(self, values: dict[str, Any]) -> None:
        for name, value in values.items():
            if name in self.rows:
                self.rows[name].editor.set_raw(value)

    def set_values(self, record: dict[str, Any]) -> None:
        for name, row in self.rows.items():
            if name in record:
                row.editor.set_value(record[name])

    def reference_problems(self) -> list[FieldProblem]:
        """Typed names that match no record: caught here, the domain only sees ids."""
        problems = []
        for name, row in self.rows.items():
            if isinstance(row.editor, RefEditor) and self.is_field_visible(name):
                text = row.editor.unmatched_text()
                if text:
                    problems.append(
                        FieldProblem(
                            name,
                            row.spec.label,
                            self.tr(
                                "aucun choix ne correspond à « {0} » : choisissez dans la liste"
                            ).format(text),
                            text,
                        )
                    )
        return problems

    def clear_problems(self) -> None:
        for row in self.rows.values():
            row.clear_error()

    def show_problems(self, problems: Iterable[FieldProblem]) -> list[FieldProblem]:
        """Mark each problem under its field; returns those with no visible field here."""
        self.clear_problems()
        messages: dict[str, list[str]] = {}
        elsewhere: list[FieldProblem] = []
        for problem in problems:
            if problem.field in self.rows and self.is_field_visible(problem.field):
                messages.setdefault(problem.field, []).append(problem.message)
            else:
                elsewhere.append(problem)
        first = None
        for name, row in self.rows.items():
            if name in messages:
                row.show_error(" ; ".join(_capitalised(m) for m in messages[name]))
                first = first or row
        if first is not None:
            first.editor.focus_widget().setFocus(Qt.FocusReason.OtherFocusReason)
        return elsewhere

    def first_error_row(self) -> FieldRow | None:
        return next((row for row in self.rows.values() if row.error.isVisibleTo(self)), None)


def _capitalised(message: str) -> str:
    return message[:1].upper() + message[1:]
