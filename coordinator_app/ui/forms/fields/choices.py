"""Editors that pick among fixed values: a check box, and a combo box of labels."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget

from coordinator_app.domain.regions import REGIONS
from coordinator_app.domain.schema import FieldSpec
from coordinator_app.ui.forms.fields.base import FieldEditor, T, tr_domain


class BoolEditor(FieldEditor):
    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.box = QCheckBox(self)  # the form's label names it (buddy, accessible name)
        self.box.toggled.connect(lambda _on: self.changed.emit())
        self._layout.addWidget(self.box)

    def focus_widget(self) -> QWidget:
        return self.box

    def raw(self) -> Any:
        return self.box.isChecked()

    def set_raw(self, raw: Any) -> None:
        self.box.setChecked(bool(raw) and str(raw).lower() not in ("non", "false", "0"))


class ChoiceEditor(FieldEditor):
    """Enumerations and regions: a combo box of French labels; the first item means « none »."""

    def __init__(
        self,
        spec: FieldSpec,
        parent: QWidget | None = None,
        choices: list[tuple[str, str]] | None = None,
    ) -> None:
        super().__init__(spec, parent)
        self.combo = QComboBox(self)
        self.combo.setMinimumContentsLength(18)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
        self._layout.addWidget(self.combo, 1)
        self.set_choices(choices if choices is not None else self.default_choices())

    def default_choices(self) -> list[tuple[str, str]]:
        if self.spec.type == T.REGION:
            return [(code, f"{code} — {name}") for code, name in REGIONS.items()]
        return [(value, tr_domain(label)) for value, label in self.spec.choices]

    def set_choices(self, choices: list[tuple[str, str]]) -> None:
        """Replace the offered choices, keeping the current one when it is still offered."""
        current = self.raw()
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(QCoreApplication.translate("forms", "— choisir —"), None)
        for value, label in choices:
            self.combo.addItem(label, value)
        self.combo.blockSignals(False)
        self.set_raw(current)

    def focus_widget(self) -> QWidget:
        return self.combo

    def raw(self) -> Any:
        return self.combo.currentData()

    def set_raw(self, raw: Any) -> None:
        index = self.combo.findData(raw) if raw is not None else 0
        if index < 0 and raw:
            # A value the current choices do not offer (e.g. a stage of another program): keep it
            # visible so the domain's message about it makes sense.
            self.combo.addItem(str(raw), raw)
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(max(index, 0))
