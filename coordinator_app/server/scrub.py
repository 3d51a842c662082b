"""Scrubbing the server's log when a participant is anonymised (issue 13, point 6; Law 25).

A consent withdrawal (pushed by a laptop) or a retention purge (``coordinator-server privacy
purge``) anonymises the participant's record; the old names, birth date and consent giver would
still be in the log entries a new laptop pulls from 0, and in the history the privacy export
prints. Once a participant is anonymised, every log entry about them (``values`` and the
``fields`` as sent) and every conflict about one of their personal fields gets the anonymised
values instead, with ``domain.privacy.anonymised_value``: the very values the laptops write into
their own journals, so the log and the laptops agree.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from coordinator_app.domain.privacy import (
    PERSONAL_FIELDS,
    anonymised_value,
    folded_names,
    without_people,
)
from coordinator_app.protocol.kinds import CONFLICT_KIND
from coordinator_app.server import db

_PERSONAL = frozenset(PERSONAL_FIELDS)


def _values(values: dict[str, Any] | None) -> dict[str, Any] | None:
    if not values:
        return values
    return {k: anonymised_value(k, v) if k in _PERSONAL else v for k, v in values.items()}


def _fields(fields: dict[str, Any] | None) -> dict[str, Any] | None:
    if not fields:
        return fields
    return {
        k: [anonymised_value(k, item) for item in v]
        if k in _PERSONAL and isinstance(v, list)
        else v
        for k, v in fields.items()
    }


def _conflict_data(data: dict[str, Any]) -> dict[str, Any]:
    clean = dict(data)
    field = clean.get("field")
    if field in _PERSONAL:
        for key in ("kept_value", "other_value"):
            clean[key] = anonymised_value(field, clean.get(key))
    if isinstance(clean.get("details"), dict):
        clean["details"] = _values(clean["details"])
    return clean


def participant_log(conn: Connection, participant_id: str, project_id: str | None) -> int:
    """Replace the personal values of an anonymised participant in the log and in conflicts about
    them; returns how many log rows changed. Called inside the push that anonymised them, after
    its rows were written."""
    changed = 0
    table = db.changes
    rows = conn.execute(
        sa.select(table.c.seq, table.c["values"], table.c.fields).where(
            table.c.kind == "participant", table.c.record_id == participant_id
        )
    ).all()
    for row in rows:
        values, fields = _values(row.values), _fields(row.fields)
        if values != row.values or fields != row.fields:
            conn.execute(
                table.update()
                .where(table.c.seq == row.seq)
                .values(values=values, fields=fields, as_sent=None)
            )
            changed += 1
    conflicts = conn.execute(
        sa.select(db.records.c.record_id, db.records.c.data).where(
            db.records.c.kind == CONFLICT_KIND, db.records.c.project_id == project_id
        )
    ).all()
    for conflict in conflicts:
        data = conflict.data or {}
        if data.get("target_kind") != "participant" or data.get("target_id") != participant_id:
            continue
        clean = _conflict_data(data)
        if clean != data:
            conn.execute(
                db.records.update()
                .where(
                    db.records.c.kind == CONFLICT_KIND,
                    db.records.c.record_id == conflict.record_id,
                )
                .values(data=clean)
            )
        for entry in conn.execute(
            sa.select(table.c.seq, table.c["values"]).where(
                table.c.kind == CONFLICT_KIND, table.c.record_id == conflict.record_id
            )
        ).all():
            values = _conflict_data(entry.values or {})
            if values != (entry.values or {}):
                conn.execute(table.update().where(table.c.seq == entry.seq).values(values=values))
                changed += 1
    return changed


def visit_log(conn: Connection, project_id: str | None, participant: dict[str, Any]) -> int:
    """Replace an anonymised participant's name (from ``participant``, their values before) in the
    « Personnes présentes » of their project's visits, in every log entry; returns rows changed.
    The visit records themselves are left to the laptops' own anonymising changes, which merge on
    the values the record holds."""
    names = folded_names(participant)
    if names is None or not project_id:
        return 0

    def people(value: Any) -> Any:
        return without_people(value, [names]) if isinstance(value, list) else value

    changed = 0
    table = db.changes
    rows = conn.execute(
        sa.select(table.c.seq, table.c["values"], table.c.fields).where(
            table.c.kind == "visit", table.c.project_id == project_id
        )
    ).all()
    for row in rows:
        values, fields = dict(row.values or {}), dict(row.fields or {})
        if "people_present" in values:
            values["people_present"] = people(values["people_present"])
        if isinstance(fields.get("people_present"), list):
            fields["people_present"] = [people(v) for v in fields["people_present"]]
        if values != (row.values or {}) or fields != (row.fields or {}):
            conn.execute(
                table.update()
                .where(table.c.seq == row.seq)
                .values({"values": values, "fields": fields or row.fields, "as_sent": None})
            )
            changed += 1
    return changed


def scrubbed_fields(kind: str, fields: dict[str, Any] | None) -> dict[str, Any] | None:
    """A change's ``fields`` as the log keeps them once its participant is anonymised."""
    return _fields(fields) if kind == "participant" else fields


def anonymised_incoming(data: dict[str, Any], name: str, value: Any) -> Any:
    """The value a change may write into personal field ``name`` of a participant whose record
    ``data`` is anonymised: its anonymised form (a stale offline edit cannot bring a name back)."""
    if data.get("anonymised") and name in _PERSONAL:
        return anonymised_value(name, value)
    return value
