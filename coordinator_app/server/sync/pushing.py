"""A push batch: applied in order in one serialised write transaction, all or nothing.

Work per batch, not per change: hashes and parsed values are computed before the lock
(``prepare``); under it, the known change ids and every record the batch touches are read with a
few ``IN`` queries (``unit``), each change is applied (``apply``), and records and log rows are
written with ``executemany``. Seqs are allocated under the lock, so seq order is commit order.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from coordinator_app.protocol.errors import ErrorCode
from coordinator_app.protocol.models import Change, PushResult
from coordinator_app.server import db, parking
from coordinator_app.server.accounts import Device, User
from coordinator_app.server.api_error import ApiError
from coordinator_app.server.sync import unit
from coordinator_app.server.sync.apply import apply, apply_new
from coordinator_app.server.sync.checks import EntryProblem, Refused
from coordinator_app.server.sync.prepare import (
    Parsed,
    keys_to_prefetch,
    parse_fields,
    parses,
    prepare,
)
from coordinator_app.server.sync.unit import UnitOfWork

log_ = logging.getLogger("coordinator_app.server")
_LOCK_PG = sa.text("SELECT pg_advisory_xact_lock(:key)")
#: Key of the PostgreSQL advisory lock that serialises pushes (any constant shared by all servers).
PUSH_LOCK_KEY = 0x43_41_52_4E_45_54  # "CARNET"
#: (problem kind, HTTP status, error code, summary), in the order a refused batch lists them
_FAILURES = (
    ("invalid", 422, ErrorCode.INVALID, "modification non valide"),
    ("forbidden", 403, ErrorCode.FORBIDDEN, "modification hors de vos régions"),
    ("reused", 409, ErrorCode.CHANGE_ID_REUSED, "identifiant de modification réutilisé"),
)


def push(
    engine: Engine, user: User, device: Device, changes: list[Change], today: dt.date
) -> list[PushResult]:
    """Apply a batch in one serialised transaction; ApiError (nothing applied) on a bad entry."""
    prepared, precleaned = prepare(changes, today)
    keys = keys_to_prefetch(changes)
    with db.writing(engine, serialised=True) as conn:
        if db.is_postgres(conn):
            conn.execute(_LOCK_PG, {"key": PUSH_LOCK_KEY})
        uow = UnitOfWork(
            conn,
            user,
            device,
            today,
            unit.next_seq(conn),
            precleaned=precleaned,
            generation=db.generation(conn),
        )
        uow.prefetch_known([c.change_id for c in changes])
        uow.prefetch(keys)
        # children's parents as the server has them (a child's region is its project's)
        uow.prefetch(
            {("project", r.project_id) for r in list(uow.cache.values()) if r and r.project_id}
        )
        results = _apply_all(uow, changes, prepared)
        _replay_parked(uow)
        uow.flush()
        return results


def _apply_all(
    uow: UnitOfWork, changes: list[Change], prepared: list[tuple[str, Parsed]]
) -> list[PushResult]:
    """Every change in order; any problem refuses the batch, naming every bad entry."""
    results: list[PushResult] = []
    failures: dict[str, list[dict[str, Any]]] = {kind: [] for kind, *_rest in _FAILURES}
    for index, change in enumerate(changes):
        digest, parsed = prepared[index]
        try:
            results.append(apply(uow, change, digest, parsed))
        except EntryProblem as problem:
            failures[problem.kind] += [
                {"index": index, "change_id": change.change_id, "field": f, "message": m}
                for f, m in problem.problems
            ]
    for kind, status, code, summary in _FAILURES:
        if failures[kind]:
            entries = failures["invalid"] + failures["forbidden"] + failures["reused"]
            first = entries[0]
            raise ApiError(
                status,
                code,
                f"Lot refusé, rien n'a été enregistré ({summary}) : modification "
                f"n° {first['index'] + 1} : {first['message']}",
                entries=entries,
            )
    return results


def _replay_parked(uow: UnitOfWork) -> None:
    """Apply the changes parked for the records this batch brought, as their senders, each in its
    own savepoint: one that fails is dropped (and logged) without failing the push."""
    if not uow.created_keys or not parking.any_parked(uow.conn):
        return
    while uow.created_keys:
        keys, uow.created_keys = uow.created_keys, set()
        uow.flush()
        for row in parking.take(uow.conn, keys):
            _replay_one(uow, row)


def _replay_one(uow: UnitOfWork, row: dict[str, Any]) -> None:
    change = Change.model_validate(row["change"])
    sender = unit.device(uow.conn, row["device_id"])
    if sender is None:
        log_.warning(
            "parked change %s dropped: device %s unknown", change.change_id, row["device_id"]
        )
        return
    uow.flush()
    state = uow.checkpoint()
    user, device = uow.user, uow.device
    uow.user, uow.device = sender.user, sender
    savepoint = uow.conn.begin_nested()
    try:
        parsed = parse_fields(change) if parses(change) else None
        result = apply_new(uow, change, row["content_hash"], parsed)
        uow.seen[change.change_id] = (row["content_hash"], result)
        uow.owners[change.change_id] = row["username"]
        uow.flush()
        savepoint.commit()
    except (EntryProblem, Refused) as problem:
        savepoint.rollback()
        uow.restore(state)
        log_.warning("parked change %s dropped: %s", change.change_id, problem)
    finally:
        uow.user, uow.device = user, device
