"""One change of a push, applied to the unit of work: replay checks, merge, region, log.

``apply`` answers a change the server already has (duplicate, deferred) or parks one whose record
has not arrived; ``apply_new`` runs a new change through the access checks (``checks``), the merge
(``merge``, pure), the conflicts it finds (``conflicts``) and the log (``unit``).
"""

from __future__ import annotations

from typing import Any

from coordinator_app.domain.errors import ValidationFailed
from coordinator_app.domain.privacy import PERSONAL_FIELDS
from coordinator_app.protocol.kinds import CONFLICT_KIND, WIRE_KINDS
from coordinator_app.protocol.models import Change, PushResult
from coordinator_app.server import ownership, parking, scrub
from coordinator_app.server.sync import checks, conflicts, merge, regions
from coordinator_app.server.sync.checks import EntryProblem, Refused
from coordinator_app.server.sync.merge import Conflict, Stamp
from coordinator_app.server.sync.prepare import Parsed, cleaned, parse_fields
from coordinator_app.server.sync.record import Record
from coordinator_app.server.sync.unit import UnitOfWork

_PERSONAL = frozenset(PERSONAL_FIELDS)


def apply(uow: UnitOfWork, change: Change, digest: str, parsed: Parsed) -> PushResult:
    """One change; ``digest`` and ``parsed`` were computed before the write lock was taken
    (``prefetch_known`` has loaded the ids the server already has)."""
    if ownership.claimed_by_another(uow.owners.get(change.change_id), uow.user.username):
        raise checks.reused(ownership.refusal())
    waiting = uow.parked.get(change.change_id)
    if waiting is not None:
        if waiting != digest:
            raise checks.reused()
        return PushResult(change_id=change.change_id, status="deferred")
    previous = uow.seen.get(change.change_id)
    if previous is not None:
        if previous[0] != digest and not _scrubbed_replay(uow, change):
            raise checks.reused()
        return previous[1].model_copy(update={"status": "duplicate"})
    try:
        result = apply_new(uow, change, digest, parsed)
    except Refused as refused:
        return _refused(uow, change, digest, refused)
    uow.seen[change.change_id] = (digest, result)
    uow.owners[change.change_id] = uow.user.username
    return result


def _refused(uow: UnitOfWork, change: Change, digest: str, refused: Refused) -> PushResult:
    """« refused », or « deferred » when the record it waits for may still come (parked)."""
    if refused.waits_for is None or not parking.may_park(uow.conn, uow.device.id):
        return PushResult(change_id=change.change_id, status="refused", reason=refused.reason)
    parking.park(
        uow.conn,
        change,
        refused.waits_for,
        digest=digest,
        device_id=uow.device.id,
        username=uow.user.username,
        received_at=uow.received_at,
    )
    uow.parked[change.change_id] = digest
    uow.owners[change.change_id] = uow.user.username
    return PushResult(change_id=change.change_id, status="deferred")


def _scrubbed_replay(uow: UnitOfWork, change: Change) -> bool:
    """The change the log holds, as a laptop re-sends it once it scrubbed the personal values
    of an anonymised participant from its journal (after a restore): the same change."""
    logged = uow.logged.get(change.change_id)
    if logged is None:
        return False
    kind, record_id, op, fields = logged
    sent = {k: list(v) for k, v in change.fields.items()}
    return (kind, record_id, op) == (change.kind, change.record_id, change.op) and (
        scrub.scrubbed_fields(kind, sent) == scrub.scrubbed_fields(kind, fields)
    )


def apply_new(uow: UnitOfWork, change: Change, digest: str, parsed_ahead: Parsed) -> PushResult:
    """A change the server has not seen: checked, merged, placed in its region and logged."""
    if change.kind not in WIRE_KINDS:
        raise checks.invalid(f"type d'enregistrement inconnu : « {change.kind} »")
    if change.kind == CONFLICT_KIND:
        return conflicts.apply_update(uow, change, digest)
    parsed = _parsed(change, parsed_ahead)
    record = _target(uow, change)
    previous_region = record.region_code if record.exists else None
    before = dict(record.data)
    stamp = Stamp.of(change, uow.device.id, uow.received, rank=uow.seqs.peek())
    parsed = _unanonymised(change, record, parsed)
    found = _merge(uow, change, record, parsed, stamp)
    region, created = _place(uow, change, record)
    conflict_ids = [conflicts.create(uow, record, c) for c in found]
    moved = previous_region is not None and previous_region != region
    full = created or moved  # a user who gains a moved record needs all of it
    seq = uow.log(
        record,
        change_id=change.change_id,
        op=change.op,
        values=dict(record.data) if full else _touched(record, parsed, before),
        full=full,
        previous_region=previous_region,
        at=stamp.at,
        origin="client",
        status="conflict" if conflict_ids else "applied",
        content=digest,
        fields={k: list(v) for k, v in change.fields.items()},
        conflict_ids=conflict_ids,
    )
    if change.kind == "project" and moved:
        regions.snapshot_children(uow, record, stamp)
    _scrub_if_anonymised(uow, change, record, parsed, before)
    return PushResult(
        change_id=change.change_id,
        status="conflict" if conflict_ids else "applied",
        server_seq=seq,
        conflict_ids=conflict_ids,
    )


def _touched(
    record: Record, parsed: dict[str, tuple[Any, Any]], before: dict[str, Any]
) -> dict[str, Any]:
    """The values of the fields the change sent or the merge changed (a create logs them all)."""
    return {
        name: record.data.get(name)
        for name in record.data
        if name in parsed or before.get(name) != record.data.get(name)
    }


def _parsed(change: Change, parsed_ahead: Parsed) -> dict[str, tuple[Any, Any]]:
    """The change's parsed values, once its shape is checked (problems found before the lock are
    raised here, in the change's turn)."""
    if change.op in ("delete", "restore") and change.fields:
        raise checks.invalid("une suppression ou une restauration ne porte aucun champ")
    checks.require_appendable(change.kind, exists=False, op=change.op)
    if isinstance(parsed_ahead, EntryProblem):
        raise parsed_ahead
    return parsed_ahead if parsed_ahead is not None else parse_fields(change)


def _target(uow: UnitOfWork, change: Change) -> Record:
    """The record the change is about, as the server holds it (a new one for a create), once the
    sender may write it where it is."""
    record = uow.load(change.kind, change.record_id)
    if record is None:
        if change.op != "create":
            raise Refused("record_unknown", waits_for=(change.kind, change.record_id))
        return Record.new(change.kind, change.record_id, uow.received_at)
    checks.require_appendable(change.kind, exists=True, op=change.op)
    checks.require_write(uow.user, change.kind, change.record_id, record.region_code, record.data)
    return record


def _unanonymised(
    change: Change, record: Record, parsed: dict[str, tuple[Any, Any]]
) -> dict[str, tuple[Any, Any]]:
    """A stale offline edit of an anonymised participant cannot bring a name back."""
    anonymised = change.kind == "participant" and bool(record.data.get("anonymised"))
    if not anonymised or parsed.get("anonymised", (None, True))[1] is False:
        return parsed
    return {
        name: (old, scrub.anonymised_incoming(record.data, name, new))
        for name, (old, new) in parsed.items()
    }


def _merge(
    uow: UnitOfWork,
    change: Change,
    record: Record,
    parsed: dict[str, tuple[Any, Any]],
    stamp: Stamp,
) -> list[Conflict]:
    """The merge of the change's operation into ``record``; the conflicts to create."""
    found: list[Conflict] = []
    if change.op in ("create", "update"):
        found += merge.merge_fields(record, parsed, stamp)
        if record.deleted:
            conflict = merge.edit_on_deleted(record, parsed, stamp)
            if not conflicts.join_open_delete_conflict(uow, record, conflict, stamp):
                found.append(conflict)
    elif change.op == "delete" and not record.deleted:
        # What the deleting laptop saw: its base_seq counts its own acknowledged changes, which
        # says nothing of edits logged before them that a cut pull never brought it; the seq it
        # last pulled from does (issue 13, point 7).
        seen = uow.seen_through()
        threshold = seen if change.base_seq is None else min(change.base_seq, seen)
        edits = [
            (Stamp(e.at, e.change_id, e.author, e.device_id), list(e.values or {}))
            for e in uow.edits_since(record, threshold)
        ]
        conflict = merge.delete_against_edits(record, stamp, edits)
        if conflict is not None:
            found.append(conflict)
    elif change.op == "restore" and record.deleted:
        record.deleted = False
        record.stamps["deleted"] = stamp.as_list()
    return found


def _place(uow: UnitOfWork, change: Change, record: Record) -> tuple[str | None, bool]:
    """Validate the merged record, check the sender may write it in its region after the
    change, and save it; (its region, whether the change created it)."""
    if change.op in ("create", "update"):
        _validate(uow, record)
    region, project_id = regions.region_after(uow, change.kind, record.data)
    checks.require_write(uow.user, change.kind, change.record_id, region, record.data)
    record.region_code, record.project_id = region, project_id
    if change.kind == "project":
        record.project_id = record.record_id
    created = not record.exists
    uow.save(record)
    if created:
        uow.created_keys.add((record.kind, record.record_id))
    return region, created


def _validate(uow: UnitOfWork, record: Record) -> None:
    ahead = uow.precleaned.get((record.kind, record.record_id))
    if ahead is not None and ahead[0] == record.data:
        outcome = ahead[1]  # validated before the lock, from exactly these values
    else:
        outcome = cleaned(record.kind, record.data, uow.today)
    if isinstance(outcome, ValidationFailed):
        raise EntryProblem("invalid", [(p.field, str(p)) for p in outcome.problems])
    for name, value in outcome:
        record.data[name] = value


def _scrub_if_anonymised(
    uow: UnitOfWork,
    change: Change,
    record: Record,
    parsed: dict[str, tuple[Any, Any]],
    before: dict[str, Any],
) -> None:
    """A participant anonymised (or an anonymised one edited): the log keeps no name of them."""
    if (
        change.kind == "participant"
        and record.data.get("anonymised")
        and (_PERSONAL | {"anonymised"}) & set(parsed)
    ):
        uow.flush()
        scrub.participant_log(uow.conn, record.record_id, record.project_id)
        if not before.get("anonymised"):
            scrub.visit_log(uow.conn, record.project_id, before)
