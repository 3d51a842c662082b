"""Editors typed as text: one line (text, numbers, money…), several lines, and lists."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from coordinator_app.domain import fr_ca
from coordinator_app.domain.schema import FieldSpec, FieldType
from coordinator_app.ui.forms.fields.base import FieldEditor, T


class LineEditor(FieldEditor):
    """Text, email, phone, postal code, numbers and money: typed, then parsed by the domain."""

    PLACEHOLDERS: ClassVar[dict[FieldType, str]] = {
        T.EMAIL: "nom@exemple.qc.ca",
        T.PHONE: "418 555-1234",
        T.POSTAL_CODE: "G1R 4S9",
        T.MONEY: "1 234,56 $",
        T.INT: "12",
        T.DECIMAL: "12,5",
    }

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.edit = QLineEdit(self)
        placeholder = self.PLACEHOLDERS.get(spec.type)
        if spec.type == T.INT and spec.name.endswith("year"):
            placeholder = str(dt.date.today().year)  # « Année » : ex. 2026, not « ex. 12 »
        if placeholder:
            self.edit.setPlaceholderText(
                QCoreApplication.translate("forms", "ex. {0}").format(placeholder)
            )
        if spec.type in (T.INT, T.DECIMAL, T.MONEY):
            self.edit.setMaximumWidth(220)
        self.edit.textEdited.connect(lambda _text: self.changed.emit())
        self._layout.addWidget(self.edit)
        if spec.type in (T.INT, T.DECIMAL, T.MONEY):
            self._layout.addStretch(1)

    def focus_widget(self) -> QWidget:
        return self.edit

    def raw(self) -> Any:
        return self.edit.text()

    def set_raw(self, raw: Any) -> None:
        self.edit.setText("" if raw is None else str(raw))

    def set_value(self, value: Any) -> None:
        if value is None:
            text = ""
        elif self.spec.type == T.MONEY:
            text = fr_ca.money_cents(value)
        elif self.spec.type == T.DECIMAL:
            text = fr_ca.number(value, 2).rstrip("0").rstrip(",")
        else:
            text = str(value)
        self.edit.setText(text)


class LongTextEditor(FieldEditor):
    """Several lines (observations, notes); lists are one item per line."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None, *, lines: int = 5) -> None:
        super().__init__(spec, parent)
        self.edit = QPlainTextEdit(self)
        self.edit.setTabChangesFocus(True)
        height = self.edit.fontMetrics().lineSpacing() * lines + 14
        self.edit.setFixedHeight(height)
        self.edit.textChanged.connect(self.changed.emit)
        self._layout.addWidget(self.edit)

    def focus_widget(self) -> QWidget:
        return self.edit

    def raw(self) -> Any:
        return self.edit.toPlainText()

    def set_raw(self, raw: Any) -> None:
        if isinstance(raw, list):
            raw = "\n".join(str(item) for item in raw)
        self.edit.setPlainText("" if raw is None else str(raw))


class ListEditor(LongTextEditor):
    """A list of short texts or dates, one per line (the domain splits lines and semicolons)."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent, lines=3)
        hint = (
            QCoreApplication.translate("forms", "Une date par ligne (AAAA-MM-JJ)")
            if spec.type == T.DATES
            else QCoreApplication.translate("forms", "Un élément par ligne")
        )
        self.edit.setPlaceholderText(hint)
