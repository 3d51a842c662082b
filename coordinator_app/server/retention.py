"""Retention settings (set by an administrator) and the server's purge of participants' personal
data, written as ordinary changes so every laptop receives the anonymisation at its next sync."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from coordinator_app.domain.errors import UserError
from coordinator_app.protocol.models import Change
from coordinator_app.protocol.retention import (
    RETENTION_DEFAULTS,
    anonymised_participant,
    participant_due,
)
from coordinator_app.server import db

_PREFIX = "retention."
#: What ``set-retention KIND MONTHS`` accepts as KIND, and the setting it sets.
RETENTION_KINDS = {"participant": "participant_personal_months"}


def get_all(engine: Engine) -> dict[str, int]:
    with db.reading(engine) as conn:
        return read(conn)


def read(conn: Connection) -> dict[str, int]:
    """The settings, inside a transaction the caller holds (a pull reads them with its page)."""
    rows = conn.execute(
        sa.select(db.meta.c.key, db.meta.c.value).where(db.meta.c.key.like(f"{_PREFIX}%"))
    ).all()
    return {**RETENTION_DEFAULTS, **{k.removeprefix(_PREFIX): int(v) for k, v in rows}}


def set_retention(engine: Engine, kind: str, months: int) -> str:
    key = RETENTION_KINDS.get(kind, kind if kind in RETENTION_DEFAULTS else None)
    if key is None:
        raise UserError(
            f"Type de données inconnu : « {kind} » (attendu : {', '.join(RETENTION_KINDS)})."
        )
    if not 1 <= months <= 1200:
        raise UserError("La durée de conservation doit être de 1 à 1200 mois.")
    with db.writing(engine) as conn:
        db.set_meta(conn, _PREFIX + key, str(months))
    return key


def due_participants(engine: Engine, today: dt.date) -> list[dict[str, Any]]:
    """Participants whose personal data must be anonymised on ``today``, with the changes."""
    months = get_all(engine)["participant_personal_months"]
    due = []
    with db.reading(engine) as conn:
        projects = {
            r.record_id: dict(r.data)
            for r in conn.execute(
                sa.select(db.records.c.record_id, db.records.c.data).where(
                    db.records.c.kind == "project"
                )
            )
        }
        rows = conn.execute(sa.select(db.records).where(db.records.c.kind == "participant")).all()
    for row in rows:
        data = dict(row.data)
        project = projects.get(data.get("project_id") or "")
        if project is None or not participant_due(project, months, today):
            continue
        changes = anonymised_participant(data)
        if changes:
            due.append(
                {
                    "record_id": row.record_id,
                    "project_id": data.get("project_id"),
                    "region_code": row.region_code,
                    "fields": {k: [data.get(k), v] for k, v in changes.items()},
                }
            )
    return due


def purge_changes(due: list[dict[str, Any]], at: dt.datetime) -> list[Change]:
    return [
        Change(
            change_id=str(uuid.uuid4()),
            kind="participant",
            record_id=item["record_id"],
            op="update",
            fields=item["fields"],
            at=at,
            author="retention",
        )
        for item in due
    ]
