"""Conflict records: created from the merge's ``Conflict``, resolved by clients' updates."""

from __future__ import annotations

import uuid
from typing import Any

from coordinator_app.protocol.conflicts import CONFLICT_CLIENT_FIELDS, CONFLICT_STATUSES
from coordinator_app.protocol.kinds import CONFLICT_KIND
from coordinator_app.protocol.models import Change, PushResult
from coordinator_app.server.sync import checks
from coordinator_app.server.sync.checks import EntryProblem, Refused
from coordinator_app.server.sync.merge import Conflict, Stamp, conflict_id_for, stamp_wins
from coordinator_app.server.sync.record import Record
from coordinator_app.server.sync.unit import UnitOfWork


def create(uow: UnitOfWork, target: Record, conflict: Conflict) -> str:
    """The conflict record of ``conflict`` on ``target`` (logged in full); its id."""
    winner, loser = conflict.winner, conflict.loser
    project_id = target.record_id if target.kind == "project" else target.project_id
    data = {
        "target_kind": target.kind,
        "target_id": target.record_id,
        "field": conflict.field,
        "project_id": project_id,
        "region_code": target.region_code,
        "kept_value": conflict.kept,
        "other_value": conflict.other,
        "kept_change_id": winner.change_id,
        "kept_author": winner.author,
        "kept_device_id": winner.device_id,
        "kept_at": winner.at,
        "other_change_id": loser.change_id,
        "other_author": loser.author,
        "other_device_id": loser.device_id,
        "other_at": loser.at,
        "details": conflict.details,
        "status": "ouvert",
        "resolution": None,
        "created_at": uow.received_at,
    }
    conflict_id = conflict_id_for(target, conflict.field, winner, loser)
    if uow.load(CONFLICT_KIND, conflict_id) is not None:
        return conflict_id  # the same conflict, re-created by changes sent again
    record = Record.new(
        CONFLICT_KIND, conflict_id, uow.received_at, data, target.region_code, project_id
    )
    uow.save(record)
    uow.log(
        record,
        change_id=str(uuid.uuid4()),
        op="create",
        values=dict(data),
        full=True,
        previous_region=None,
        at=uow.received_at,
        origin="server",
    )
    uow.created_keys.add((CONFLICT_KIND, record.record_id))
    return record.record_id


def join_open_delete_conflict(
    uow: UnitOfWork, record: Record, conflict: Conflict, stamp: Stamp
) -> bool:
    """A further edit of a record whose deletion still wins, from a device with an open
    delete conflict on it: the edited values join that conflict's details instead of a new
    conflict. True when they did."""
    edit_wins = not conflict.kept
    open_conflict = _open_delete_conflict(uow, record, uow.device.id)
    if open_conflict is None or edit_wins:
        return False
    details = conflict.details or {}
    open_conflict.data["details"] = {**(open_conflict.data.get("details") or {}), **details}
    uow.save(open_conflict)
    uow.log(
        open_conflict,
        change_id=str(uuid.uuid4()),
        op="update",
        values={"details": open_conflict.data["details"]},
        full=False,
        previous_region=open_conflict.region_code,
        at=stamp.at,
        origin="server",
    )
    return True


def _open_delete_conflict(uow: UnitOfWork, record: Record, device_id: str) -> Record | None:
    for conflict_id in uow.open_conflict_ids(record.project_id):
        conflict = uow.load(CONFLICT_KIND, conflict_id)
        if (
            conflict
            and conflict.data.get("target_id") == record.record_id
            and conflict.data.get("field") == "deleted"
            and conflict.data.get("status") == "ouvert"
            and conflict.data.get("other_device_id") == device_id
        ):
            return conflict
    return None


def apply_update(uow: UnitOfWork, change: Change, digest: str) -> PushResult:
    """A client settles (or re-opens) a conflict: only its client fields, last writer wins."""
    _check_update(change)
    record = uow.load(CONFLICT_KIND, change.record_id)
    if record is None:
        raise Refused("record_unknown", waits_for=(CONFLICT_KIND, change.record_id))
    checks.require_write(uow.user, CONFLICT_KIND, change.record_id, record.region_code, record.data)
    stamp = Stamp.of(change, uow.device.id, uow.received, rank=uow.seqs.peek())
    touched: dict[str, Any] = {}
    for name, (_old, new) in change.fields.items():
        existing = Stamp.from_list(record.stamps.get(name))
        if existing is None or stamp_wins(stamp, existing):  # last writer wins, no regress
            record.data[name] = new
            record.stamps[name] = stamp.as_list()
        touched[name] = record.data.get(name)
    uow.save(record)
    seq = uow.log(
        record,
        change_id=change.change_id,
        op="update",
        values=touched,
        full=False,
        previous_region=record.region_code,
        at=stamp.at,
        origin="client",
        content=digest,
        fields={k: list(v) for k, v in change.fields.items()},
    )
    return PushResult(change_id=change.change_id, status="applied", server_seq=seq)


def _check_update(change: Change) -> None:
    if change.op != "update":
        raise checks.invalid("un conflit ne peut qu'être résolu (op « update »)")
    problems: list[tuple[str | None, str]] = []
    for name, (_old, new) in change.fields.items():
        if name not in CONFLICT_CLIENT_FIELDS:
            problems.append((name, f"champ non modifiable d'un conflit : {name}"))
        elif name == "status" and new not in CONFLICT_STATUSES:
            problems.append((name, "statut attendu : « ouvert » ou « resolu »"))
    if problems:
        raise EntryProblem("invalid", problems)
