"""What every field editor shares: the base class, and the names forms show for records.

``tr_domain`` and ``record_title`` live here because the display helpers, the history and the
forms all need them without needing any editor.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from coordinator_app.domain.entities import ENTITIES
from coordinator_app.domain.schema import FieldSpec, FieldType

T = FieldType


def tr_domain(text: str) -> str:
    """Translate a French label that comes from the domain's specs (context « domain »)."""
    return QCoreApplication.translate("domain", text)


def record_title(kind: str, record: dict[str, Any]) -> str:
    """A short human name for a record: its title field, with the family name for people."""
    spec = ENTITIES[kind]
    title = str(record.get(spec.title_field) or "")
    if kind == "participant":
        title = f"{record.get('first_name') or ''} {record.get('last_name') or ''}".strip()
    if kind == "visit":
        title = f"{(record.get('visited_at') or '').replace('T', ' ')} {title}".strip()
    return title or record.get("id", "")


class FieldEditor(QWidget):
    """Base class: ``changed`` on every edit, ``raw()`` / ``set_raw()`` / ``set_value()``."""

    changed = Signal()

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def focus_widget(self) -> QWidget:
        """The widget that takes the keyboard focus and carries the accessible name."""
        return self

    def raw(self) -> Any:
        raise NotImplementedError

    def set_raw(self, raw: Any) -> None:
        """Show raw input as a draft kept it."""
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        """Show a canonical value from the store (defaults to the raw form)."""
        self.set_raw(value)

    def set_accessible(self, name: str, description: str = "") -> None:
        self.focus_widget().setAccessibleName(name)
        self.focus_widget().setAccessibleDescription(description)
