"""A push batch: applied in order in one write transaction, all or nothing.

Work per batch, not per change: hashes and parsed values are computed before the transaction
(``prepare``); in it, the known change ids and every record the batch touches are read (and, on
PostgreSQL, row-locked) with a few ``IN`` queries (``unit``), each change is applied (``apply``),
and records and log rows are written by batch (``rows``: one statement each). Seqs come from
``seqs.SeqSource``: commit order on SQLite (one writer), a registered sequence on PostgreSQL,
where pushes of different records run at the same time and pulls stop at the visibility
watermark.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import time
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from coordinator_app.protocol.errors import ErrorCode
from coordinator_app.protocol.kinds import WIRE_KINDS
from coordinator_app.protocol.models import Change, PushResult
from coordinator_app.server import db, parking, seqs
from coordinator_app.server.accounts import Device, User
from coordinator_app.server.api_error import ApiError
from coordinator_app.server.seqs import SeqSource
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
#: deadlock_detected, serialization_failure, unique_violation
_RETRY_STATES = frozenset({"40P01", "40001", "23505"})
_ATTEMPTS = 8
#: (problem kind, HTTP status, error code, summary), in the order a refused batch lists them
_FAILURES = (
    ("invalid", 422, ErrorCode.INVALID, "modification non valide"),
    ("forbidden", 403, ErrorCode.FORBIDDEN, "modification hors de vos régions"),
    ("reused", 409, ErrorCode.CHANGE_ID_REUSED, "identifiant de modification réutilisé"),
)


def push(
    engine: Engine, user: User, device: Device, changes: list[Change], today: dt.date
) -> list[PushResult]:
    """Apply a batch in one transaction; ApiError (nothing applied) on a bad entry.

    On PostgreSQL pushes run concurrently and a transaction that loses a race (a deadlock between
    row locks, two pushes creating one record or sending one change id) is rolled back by the
    database and run again from the start: all or nothing, so a retry is the same push."""
    prepared, precleaned = prepare(changes, today)
    keys = keys_to_prefetch(changes)
    for attempt in range(_ATTEMPTS):
        try:
            with db.writing(engine) as conn:
                uow = UnitOfWork(
                    conn,
                    user,
                    device,
                    today,
                    SeqSource(conn, block=len(changes) + 8),
                    precleaned=precleaned,
                    generation=db.generation(conn),
                )
                return _run(uow, changes, prepared, keys)
        except sa.exc.DBAPIError as error:
            if not _retryable(engine, error) or attempt == _ATTEMPTS - 1:
                raise
            log_.info("push retried after %s", getattr(error.orig, "sqlstate", error))
            time.sleep(random.uniform(0.001, 0.02) * (attempt + 1))
    raise AssertionError("unreachable")


def _run(
    uow: UnitOfWork,
    changes: list[Change],
    prepared: list[tuple[str, Parsed]],
    keys: set[tuple[str, str]],
) -> list[PushResult]:
    uow.prefetch_known([c.change_id for c in changes])
    # the records the batch changes are locked for update; the projects its children name (and
    # the parents of the records as the server has them: a child's region is its project's) only
    # for share, so laptops adding visits to one project do not wait for each other
    own = {(c.kind, c.record_id) for c in changes if c.kind in WIRE_KINDS}
    uow.prefetch(keys & own)
    parents = {("project", r.project_id) for r in list(uow.cache.values()) if r and r.project_id}
    uow.prefetch((keys - own) | parents, lock="share")
    results = _apply_all(uow, changes, prepared)
    _replay_parked(uow)
    uow.flush()
    return results


def _retryable(engine: Engine, error: sa.exc.DBAPIError) -> bool:
    """A PostgreSQL race the next attempt resolves: deadlock, serialization failure, or a unique
    key another push took first (its commit is then visible: a change id comes back
    ``duplicate`` or 409, a record is merged). A seq taken by a row written outside the sequence
    moves the sequence past it first."""
    if not db.is_postgres(engine):
        return False
    state = getattr(error.orig, "sqlstate", None)
    if state == "23505" and "carnet_changes_pkey" in str(error.orig):
        with db.writing(engine) as conn:
            seqs.resync(conn)
    return state in _RETRY_STATES


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
