"""Conversion between canonical domain values and SQLite column values."""

from __future__ import annotations

import json
from typing import Any

from coordinator_app.domain.schema import EntitySpec, FieldSpec, FieldType


def to_db(spec: FieldSpec, value: Any) -> Any:
    if spec.is_list:
        return json.dumps(value or [], ensure_ascii=False)
    if spec.type == FieldType.BOOL:
        return 1 if value else 0
    return value


def from_db(spec: FieldSpec, value: Any) -> Any:
    if spec.is_list:
        return json.loads(value) if value else []
    if spec.type == FieldType.BOOL:
        return bool(value)
    return value


def decode_row(entity: EntitySpec, row: dict[str, Any]) -> dict[str, Any]:
    """A record dict from a table row: canonical values plus id and metadata."""
    record = {key: row[key] for key in ("id", "created_at", "updated_at", "author") if key in row}
    record["deleted"] = bool(row.get("deleted"))
    for spec in entity.fields:
        record[spec.name] = from_db(spec, row.get(spec.name))
    return record
