"""One input widget per domain field type, all with the same small interface.

Editors hand back what the person typed (``raw()``), not a parsed value: parsing and its French
messages belong to the domain (``clean_record``), so a form shows exactly the message an import or
the server would give. ``raw()`` is JSON-friendly, which is what a draft keeps.

Editors are grouped by widget family: ``base`` (the shared interface), ``text``, ``dates``,
``choices`` and ``refs``; ``make_editor`` picks one for a field.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from coordinator_app.domain.entities import ENTITIES
from coordinator_app.domain.people import STAFF_FIELDS
from coordinator_app.domain.schema import FieldSpec
from coordinator_app.store import Store
from coordinator_app.ui.forms.fields.base import FieldEditor, T, record_title, tr_domain
from coordinator_app.ui.forms.fields.choices import BoolEditor, ChoiceEditor
from coordinator_app.ui.forms.fields.dates import DateEditor, DateTimeEditor, NoneableDateEdit
from coordinator_app.ui.forms.fields.refs import RefEditor, RefsEditor
from coordinator_app.ui.forms.fields.text import LineEditor, ListEditor, LongTextEditor

__all__ = [
    "BoolEditor",
    "ChoiceEditor",
    "DateEditor",
    "DateTimeEditor",
    "FieldEditor",
    "LineEditor",
    "ListEditor",
    "LongTextEditor",
    "NoneableDateEdit",
    "RefEditor",
    "RefsEditor",
    "make_editor",
    "record_title",
    "tr_domain",
]


def make_editor(
    spec: FieldSpec,
    store: Store,
    parent: QWidget | None = None,
    scope: dict[str, Any] | None = None,
) -> FieldEditor | None:
    """The editor of one field; None for structured JSON fields, which have their own pages.

    ``scope`` (e.g. the project being edited) narrows a reference to records of that project.
    """
    if spec.type in (T.TEXT, T.EMAIL, T.PHONE, T.POSTAL_CODE, T.INT, T.DECIMAL, T.MONEY):
        return LineEditor(spec, parent)
    if spec.type == T.LONGTEXT:
        return LongTextEditor(spec, parent)
    if spec.name in STAFF_FIELDS:
        from coordinator_app.ui.forms.staff import StaffEditor

        return StaffEditor(spec, store, parent)
    if spec.type in (T.LIST, T.DATES):
        return ListEditor(spec, parent)
    if spec.type == T.DATE:
        return DateEditor(spec, parent)
    if spec.type == T.DATETIME:
        return DateTimeEditor(spec, parent)
    if spec.type == T.BOOL:
        return BoolEditor(spec, parent)
    if spec.type in (T.ENUM, T.REGION):
        return ChoiceEditor(spec, parent)
    if spec.type == T.REF:
        parent_field = ENTITIES[spec.ref].parent_field
        equals = {parent_field: scope[parent_field]} if scope and scope.get(parent_field) else None
        return RefEditor(spec, store, parent, equals=equals)
    if spec.type == T.REFS:
        return RefsEditor(spec, store, parent)
    return None
