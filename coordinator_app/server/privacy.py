"""Personal data on the server: retention purge and an access request's export (Law 25)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from coordinator_app.domain.errors import NotFoundError
from coordinator_app.server import db, retention, sync
from coordinator_app.server.accounts import Device, User
from coordinator_app.server.clock import now, now_iso

#: The identity under which the server writes its own changes (retention).
SYSTEM_USER = User(0, "retention", "admin", ())
SYSTEM_DEVICE = Device("server", SYSTEM_USER, "serveur", False, False)


def purge(engine: Engine, today: dt.date, *, dry_run: bool) -> tuple[list[dict], int]:
    """Anonymise the participants that retention says are due; returns (due, changes applied)."""
    due = retention.due_participants(engine, today)
    if dry_run or not due:
        return due, 0
    changes = retention.purge_changes(due, now())
    applied = 0
    for start in range(0, len(changes), 200):
        results = sync.push(engine, SYSTEM_USER, SYSTEM_DEVICE, changes[start : start + 200], today)
        applied += sum(r.status in ("applied", "conflict") for r in results)
    return due, applied


def _entry(row: sa.Row) -> dict[str, Any]:
    return {
        "seq": row.seq,
        "op": row.op,
        "values": row.values,
        "fields_sent": row.fields,
        "at": row.at,
        "author": row.author,
        "author_id": row.author_id,
        "username": row.username,
        "device_id": row.device_id,
        "received_at": row.received_at,
        "status": row.status,
    }


def history(engine: Engine, kind: str, record_id: str) -> list[dict[str, Any]]:
    with db.reading(engine) as conn:
        rows = conn.execute(
            sa.select(db.changes)
            .where(db.changes.c.kind == kind, db.changes.c.record_id == record_id)
            .order_by(db.changes.c.seq)
        ).all()
    if not rows:
        raise NotFoundError(f"Aucun historique pour {kind} {record_id}.")
    return [_entry(r) for r in rows]


def export_participant(engine: Engine, participant_id: str) -> dict[str, Any]:
    """Everything the server holds about one participant: the record, its whole history (every
    value ever written, by whom, when, from which device), conflicts about it, and its project."""
    with db.reading(engine) as conn:
        record = conn.execute(
            sa.select(db.records).where(
                db.records.c.kind == "participant", db.records.c.record_id == participant_id
            )
        ).first()
        if record is None:
            raise NotFoundError(f"Participant introuvable sur le serveur : {participant_id}")
        rows = conn.execute(
            sa.select(db.changes)
            .where(db.changes.c.kind == "participant", db.changes.c.record_id == participant_id)
            .order_by(db.changes.c.seq)
        ).all()
        conflict_rows = conn.execute(
            sa.select(db.records).where(db.records.c.kind == "conflict")
        ).all()
        project = conn.execute(
            sa.select(db.records).where(
                db.records.c.kind == "project",
                db.records.c.record_id == (record.data or {}).get("project_id", ""),
            )
        ).first()
    conflicts = [
        {"conflict_id": c.record_id, **c.data}
        for c in conflict_rows
        if (c.data or {}).get("target_id") == participant_id
    ]
    return {
        "exported_at": now_iso(),
        "participant_id": participant_id,
        "record": {
            **record.data,
            "deleted": bool(record.deleted),
            "region_code": record.region_code,
            "created_at": record.created_at,
            "updated_at": record.updated_at,
        },
        "project": (
            {
                "id": project.record_id,
                "name": project.data.get("name"),
                "program": project.data.get("program"),
                "region_code": project.region_code,
                "season_year": project.data.get("season_year"),
            }
            if project
            else None
        ),
        "history": [_entry(r) for r in rows],
        "conflicts": conflicts,
    }
