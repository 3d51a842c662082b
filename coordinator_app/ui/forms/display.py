"""Canonical values shown as a person reads them (fr_CA money and dates, labels, names).

Used by the project page and the change history, where an old value must be recognisable:
« 1 234,56 $ » rather than 123456, « Saguenay–Lac-Saint-Jean » rather than "02", a coordinator's
name rather than an id.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from coordinator_app.domain.entities import ENTITIES
from coordinator_app.domain.people import STAFF_FIELDS
from coordinator_app.domain.regions import region_name
from coordinator_app.domain.schema import FieldSpec, FieldType
from coordinator_app.domain.stages import stage_label
from coordinator_app.store import Store, people
from coordinator_app.ui import i18n
from coordinator_app.ui.forms.fields import record_title, tr_domain

T = FieldType


def format_value(
    spec: FieldSpec, value: Any, store: Store | None = None, *, program: str | None = None
) -> str:
    """One canonical value as text for a person (``program`` names a project's stages)."""
    if value is None or value == [] or value == "":
        return "—"
    kind = spec.type
    if kind == T.MONEY:  # « 994,00 $ » in French, « $994.00 » in English
        return i18n.money_cents(value)
    if kind == T.DECIMAL:
        text = i18n.number(value, 2)
        return text.rstrip("0").rstrip(",.") if ("," in text or "." in text) else text
    if kind == T.INT:
        return str(value)
    if kind == T.BOOL:
        return QCoreApplication.translate("forms", "Oui" if value else "Non")
    if kind == T.ENUM:
        return tr_domain(spec.choice_label(value))
    if kind == T.REGION:
        return f"{value} — {region_name(value)}"
    if kind == T.DATETIME:
        return str(value).replace("T", " ")
    if kind in (T.REF, T.REFS):
        ids = value if isinstance(value, list) else [value]
        return ", ".join(_ref_title(spec.ref, i, store) for i in ids)
    if spec.name in STAFF_FIELDS and store is not None:
        return people.names_text(store, value)  # staff accounts by name
    if kind in (T.LIST, T.DATES):
        return " ; ".join(str(v) for v in value)
    if kind == T.JSON:
        return _json_text(spec, value, program, store)
    return str(value)


def _ref_title(kind: str, record_id: str, store: Store | None) -> str:
    record = store.get(kind, record_id, include_deleted=True) if store else None
    return record_title(kind, record) if record else str(record_id)


def _json_text(spec: FieldSpec, value: Any, program: str | None, store: Store | None) -> str:
    if spec.name == "stage_history" and isinstance(value, list):
        return " → ".join(
            f"{stage_text(program, item.get('stage'))} ({item.get('date', '')})"
            for item in value
            if isinstance(item, dict)
        )
    if isinstance(value, list):
        # Members of a committee or board: names and roles, and the organisation by its name.
        return " ; ".join(
            ", ".join(_member_part(k, v, store) for k, v in item.items() if v)
            if isinstance(item, dict)
            else str(item)
            for item in value
        )
    return str(value)


def _member_part(key: str, value: Any, store: Store | None) -> str:
    kind = key.removesuffix("_id")
    if key.endswith("_id") and kind in ENTITIES:
        return _ref_title(kind, str(value), store)
    return str(value)


def stage_text(program: str | None, stage: str | None) -> str:
    if not stage:
        return "—"
    return tr_domain(stage_label(program or "", stage))
