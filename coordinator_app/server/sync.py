"""Push and pull: the server side of sync.

A push batch is applied in order inside one write transaction that is serialised with every other
writer (SQLite ``BEGIN IMMEDIATE``; PostgreSQL ``pg_advisory_xact_lock``), and sequence numbers are
allocated inside it, so ``seq`` order is commit order and a pull cursor never skips a change. Any
invalid, forbidden or reused entry rolls the whole batch back. The merge itself is in ``merge``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import uuid
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from coordinator_app.domain.entities import APPEND_ONLY_KINDS, ENTITIES, append_only_message
from coordinator_app.domain.errors import ValidationFailed
from coordinator_app.domain.privacy import PERSONAL_FIELDS
from coordinator_app.domain.validation import clean_record, parse_field
from coordinator_app.domain.values import ValueProblem
from coordinator_app.protocol.conflicts import CONFLICT_CLIENT_FIELDS, CONFLICT_STATUSES
from coordinator_app.protocol.errors import ErrorCode
from coordinator_app.protocol.kinds import CONFLICT_KIND, REFERENCE_KINDS, WIRE_KINDS
from coordinator_app.protocol.models import Change, PushResult, utc_iso
from coordinator_app.server import access, accounts, db, device_seen, ownership, parking, scrub
from coordinator_app.server.accounts import Device, User
from coordinator_app.server.clock import now
from coordinator_app.server.errors import ApiError
from coordinator_app.server.merge import Stamp, stamp_wins

# Statements are built once: building and compiling Core constructs per change cost more than
# SQLite itself (py-spy, benchmarks/README.md). Reads go by batch with ``IN``, writes with
# ``executemany``.
_LOAD = sa.select(db.records).where(
    db.records.c.kind == sa.bindparam("b_kind"), db.records.c.record_id == sa.bindparam("b_id")
)
_LOAD_MANY = sa.select(db.records).where(
    db.records.c.kind == sa.bindparam("b_kind"),
    db.records.c.record_id.in_(sa.bindparam("b_ids", expanding=True)),
)
_KNOWN_MANY = sa.select(
    db.changes.c.change_id,
    db.changes.c.content_hash,
    db.changes.c.seq,
    db.changes.c.conflict_ids,
    db.changes.c.username,
    db.changes.c.origin,
    db.changes.c.kind,
    db.changes.c.record_id,
    db.changes.c.op,
    db.changes.c.fields,
).where(db.changes.c.change_id.in_(sa.bindparam("b_changes", expanding=True)))
_UPDATE = db.records.update().where(
    db.records.c.kind == sa.bindparam("b_kind"), db.records.c.record_id == sa.bindparam("b_id")
)
_INSERT_RECORD = db.records.insert()
_INSERT_CHANGE = db.changes.insert()
_MAX_SEQ = sa.select(sa.func.coalesce(sa.func.max(db.changes.c.seq), 0))
_LOCK_PG = sa.text("SELECT pg_advisory_xact_lock(:key)")
#: Ids per ``IN (...)`` query (well under SQLite's and PostgreSQL's parameter limits).
_IN_CHUNK = 500

log_ = logging.getLogger("coordinator_app.server")
#: Namespace of conflict ids: a conflict's id is derived from the changes it is about, so the same
#: conflict re-created (changes re-sent after a restore) keeps its id and laptops keep one copy.
CONFLICT_NAMESPACE = uuid.UUID("5b0c6c1e-3c1d-4d0e-9a57-43415241434f")
_PERSONAL = frozenset(PERSONAL_FIELDS)

#: Key of the PostgreSQL advisory lock that serialises pushes (any constant shared by all servers).
PUSH_LOCK_KEY = 0x43_41_52_4E_45_54  # "CARNET"


def content_hash(change: Change) -> str:
    """Hash of what a change says, to tell an exact replay from a reused change id.

    ``base_seq`` is left out: it is a hint about the client's view, which a client may recompute
    (or drop) when it re-sends after a server restore, and the change stays the same change."""
    payload = change.model_dump(mode="json", exclude={"change_id", "base_seq"})
    payload["at"] = utc_iso(change.at)
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class _EntryProblem(Exception):
    def __init__(self, kind: str, problems: list[tuple[str | None, str]]) -> None:
        super().__init__(problems)
        self.kind = kind  # "invalid" | "forbidden" | "reused"
        self.problems = problems


class _Refused(Exception):
    def __init__(self, reason: str, waits_for: tuple[str, str] | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.waits_for = waits_for  # the record whose arrival would let the change apply


@dataclass
class _Record:
    kind: str
    record_id: str
    data: dict[str, Any]
    stamps: dict[str, list]
    deleted: bool
    region_code: str | None
    project_id: str | None
    created_at: str
    exists: bool = True
    in_db: bool = True  # a row exists in the table (``exists`` may be true before the flush)

    def copy(self) -> _Record:
        """An independent copy: a change that fails half-way must not leak into the next one."""
        return _Record(
            self.kind,
            self.record_id,
            dict(self.data),
            dict(self.stamps),
            self.deleted,
            self.region_code,
            self.project_id,
            self.created_at,
            self.exists,
            self.in_db,
        )


@dataclass
class _Batch:
    conn: Connection
    user: User
    device: Device
    today: dt.date
    next_seq: int
    received: dt.datetime = field(default_factory=now)
    received_at: str = ""  # ``received`` as ISO text, formatted once (used by every row)

    def __post_init__(self) -> None:
        self.received_at = utc_iso(self.received)

    seen: dict[str, tuple[str, PushResult]] = field(default_factory=dict)
    #: records read or written by this batch, by (kind, record_id); None = not on the server
    cache: dict[tuple[str, str], _Record | None] = field(default_factory=dict)
    #: records saved but not yet written, and log rows not yet inserted (see ``flush``)
    dirty: dict[tuple[str, str], _Record] = field(default_factory=dict)
    pending_log: list[dict[str, Any]] = field(default_factory=list)
    #: (kind, record_id) → (values, clean_record's result) computed before the lock for creates
    precleaned: dict[tuple[str, str], tuple[dict[str, Any], Any]] = field(default_factory=dict)
    generation: str = ""
    #: change_id → username of whoever first sent it ("" = written by the server)
    owners: dict[str, str] = field(default_factory=dict)
    #: change_id → (kind, record_id, op, fields as logged) of known changes of participants
    logged: dict[str, tuple[str, str, str, Any]] = field(default_factory=dict)
    #: change_id → content hash of changes parked on the server (waiting for their record)
    parked: dict[str, str] = field(default_factory=dict)
    #: records this batch brought to the server (changes parked for them are applied after it)
    created_keys: set[tuple[str, str]] = field(default_factory=set)
    _seen_through: int | None = None

    # -- storage ------------------------------------------------------------------------------
    @staticmethod
    def _from_row(row: sa.Row) -> _Record:
        return _Record(
            row.kind,
            row.record_id,
            dict(row.data),
            dict(row.stamps),
            bool(row.deleted),
            row.region_code,
            row.project_id,
            row.created_at,
        )

    def prefetch(self, keys: set[tuple[str, str]]) -> None:
        """Read every record of ``keys`` not yet cached, one ``IN`` query per kind."""
        by_kind: dict[str, list[str]] = {}
        for kind, record_id in keys:
            if (kind, record_id) not in self.cache:
                by_kind.setdefault(kind, []).append(record_id)
        for kind, ids in by_kind.items():
            for start in range(0, len(ids), _IN_CHUNK):
                chunk = ids[start : start + _IN_CHUNK]
                for id_ in chunk:
                    self.cache[(kind, id_)] = None
                for row in self.conn.execute(_LOAD_MANY, {"b_kind": kind, "b_ids": chunk}):
                    self.cache[(kind, row.record_id)] = self._from_row(row)

    def prefetch_known(self, change_ids: list[str]) -> None:
        """Results of change ids the server already has, in one query per 500 ids."""
        unique = sorted(set(change_ids))
        for start in range(0, len(unique), _IN_CHUNK):
            rows = self.conn.execute(_KNOWN_MANY, {"b_changes": unique[start : start + _IN_CHUNK]})
            for row in rows:
                if row.kind == "participant":
                    self.logged[row.change_id] = (row.kind, row.record_id, row.op, row.fields)
                owner = row.username if row.origin == "client" else ownership.SERVER_OWNER
                self.owners[row.change_id] = owner or ownership.SERVER_OWNER
                self.seen[row.change_id] = (
                    row.content_hash or "",
                    PushResult(
                        change_id=row.change_id,
                        status="applied",
                        server_seq=row.seq,
                        conflict_ids=list(row.conflict_ids or []),
                    ),
                )
        unknown = [c for c in unique if c not in self.seen]
        for change_id, owner in ownership.owners_of(self.conn, unknown).items():
            self.owners[change_id] = owner
        for change_id, (digest, owner) in parking.known(self.conn, unknown).items():
            self.owners[change_id] = owner
            self.parked[change_id] = digest

    def seen_through(self) -> int:
        """The highest seq this device certainly holds (its latest pull's ``since``)."""
        if self._seen_through is None:
            self._seen_through = device_seen.seen_through(
                self.conn, self.device.id, self.generation
            )
        return self._seen_through

    def load(self, kind: str, record_id: str) -> _Record | None:
        key = (kind, record_id)
        if key not in self.cache:
            row = self.conn.execute(_LOAD, {"b_kind": kind, "b_id": record_id}).first()
            self.cache[key] = None if row is None else self._from_row(row)
        cached = self.cache[key]
        return None if cached is None else cached.copy()

    def save(self, record: _Record) -> None:
        """Keep the record's state as of now; it is written by the next ``flush``."""
        record.exists = True
        cached = self.cache.get((record.kind, record.record_id))
        if cached is not None and cached.in_db:
            record.in_db = True  # a flush since this copy was loaded wrote the row: update it
        snapshot = record.copy()
        self.cache[(record.kind, record.record_id)] = snapshot
        self.dirty[(record.kind, record.record_id)] = snapshot

    def flush(self) -> None:
        """Write the saved records and the log rows, each kind of statement in one executemany.

        Called before any query that reads the tables directly and at the end of the batch."""
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        for record in self.dirty.values():
            values = {
                "data": record.data,
                "stamps": record.stamps,
                "deleted": record.deleted,
                "region_code": record.region_code,
                "project_id": record.project_id,
                "sha256": record.data.get("sha256") if record.kind == "attachment" else None,
                "updated_at": self.received_at,
            }
            if record.in_db:
                updates.append({"b_kind": record.kind, "b_id": record.record_id, **values})
            else:
                inserts.append(
                    {
                        "kind": record.kind,
                        "record_id": record.record_id,
                        "created_at": record.created_at,
                        **values,
                    }
                )
                record.in_db = True
        self.dirty.clear()
        if inserts:
            self.conn.execute(_INSERT_RECORD, inserts)
        if updates:
            self.conn.execute(_UPDATE, updates)
        if self.pending_log:
            rows, self.pending_log = self.pending_log, []
            self.conn.execute(_INSERT_CHANGE, rows)

    def log(
        self,
        record: _Record,
        *,
        change_id: str,
        op: str,
        values: dict[str, Any],
        full: bool,
        previous_region: str | None,
        at: str,
        origin: str,
        status: str = "applied",
        content: str | None = None,
        fields: dict | None = None,
        conflict_ids: list[str] | None = None,
    ) -> int:
        seq = self.next_seq
        self.next_seq += 1
        self.pending_log.append(
            dict(
                seq=seq,
                change_id=change_id,
                kind=record.kind,
                record_id=record.record_id,
                op=op,
                values=values,
                full=full,
                deleted=record.deleted,
                region_code=record.region_code,
                previous_region_code=(
                    previous_region if previous_region != record.region_code else None
                ),
                project_id=record.project_id,
                at=at,
                # Every logged change is authored by the account that pushed it, with the
                # account's name at that time: never a name the client made up.
                author=self.user.display_name,
                author_id=self.user.username,
                device_id=self.device.id,
                username=self.user.username,
                received_at=self.received_at,
                origin=origin,
                content_hash=content,
                fields=fields,
                status=status,
                conflict_ids=conflict_ids or [],
            )
        )
        return seq

    # -- regions ------------------------------------------------------------------------------
    def project_region(self, project_id: str | None) -> str | None:
        if not project_id:
            return None
        project = self.load("project", project_id)
        return project.region_code if project else None

    def region_after(self, kind: str, data: dict[str, Any]) -> tuple[str | None, str | None]:
        """(region, project_id) of a record with ``data``, from the server's own records."""
        if access.is_child(kind):
            project_id = data.get("project_id")
            if self.load("project", project_id or "") is None:
                raise _Refused("parent_unknown", waits_for=("project", project_id or ""))
            return self.project_region(project_id), project_id
        if kind == "project":
            return data.get("region_code"), None
        if kind == CONFLICT_KIND:
            return data.get("region_code"), data.get("project_id")
        return access.direct_region(kind, data), None

    # -- one change ---------------------------------------------------------------------------
    def apply(
        self,
        change: Change,
        digest: str,
        parsed: dict[str, tuple[Any, Any]] | _EntryProblem | None,
    ) -> PushResult:
        """One change; ``digest`` and ``parsed`` were computed before the write lock was taken
        (``prefetch_known`` has loaded the ids the server already has)."""
        if ownership.claimed_by_another(self.owners.get(change.change_id), self.user.username):
            raise _EntryProblem("reused", [(None, ownership.refusal())])
        waiting = self.parked.get(change.change_id)
        if waiting is not None:
            if waiting != digest:
                raise _EntryProblem(
                    "reused",
                    [(None, "cet identifiant de modification a déjà servi pour un autre contenu")],
                )
            return PushResult(change_id=change.change_id, status="deferred")
        previous = self.seen.get(change.change_id)
        if previous is not None:
            if previous[0] != digest and not self._scrubbed_replay(change):
                raise _EntryProblem(
                    "reused",
                    [(None, "cet identifiant de modification a déjà servi pour un autre contenu")],
                )
            return previous[1].model_copy(update={"status": "duplicate"})
        try:
            result = self._apply_new(change, digest, parsed)
        except _Refused as refused:
            if refused.waits_for is None or not parking.may_park(self.conn, self.device.id):
                return PushResult(
                    change_id=change.change_id, status="refused", reason=refused.reason
                )
            parking.park(
                self.conn,
                change,
                refused.waits_for,
                digest=digest,
                device_id=self.device.id,
                username=self.user.username,
                received_at=self.received_at,
            )
            self.parked[change.change_id] = digest
            self.owners[change.change_id] = self.user.username
            return PushResult(change_id=change.change_id, status="deferred")
        self.seen[change.change_id] = (digest, result)
        self.owners[change.change_id] = self.user.username
        return result

    def _scrubbed_replay(self, change: Change) -> bool:
        """The change the log holds, as a laptop re-sends it once it scrubbed the personal values
        of an anonymised participant from its journal (after a restore): the same change."""
        logged = self.logged.get(change.change_id)
        if logged is None:
            return False
        kind, record_id, op, fields = logged
        sent = {k: list(v) for k, v in change.fields.items()}
        return (kind, record_id, op) == (change.kind, change.record_id, change.op) and (
            scrub.scrubbed_fields(kind, sent) == scrub.scrubbed_fields(kind, fields)
        )

    @staticmethod
    def parse_fields(change: Change) -> dict[str, tuple[Any, Any]]:
        """The change's ``[old, new]`` values parsed; needs no database, so it runs before the
        write lock is taken."""
        spec = ENTITIES[change.kind]
        problems: list[tuple[str | None, str]] = []
        parsed: dict[str, tuple[Any, Any]] = {}
        for name, (old, new) in change.fields.items():
            if not spec.has_field(name):
                problems.append((name, f"champ inconnu pour « {spec.label} » : {name}"))
                continue
            field_spec = spec.field(name)
            try:
                new_value = parse_field(field_spec, new)
            except ValueProblem as problem:
                problems.append((name, f"{field_spec.label} : {problem}"))
                continue
            try:
                old_value = parse_field(field_spec, old)
            except ValueProblem:
                old_value = old
            parsed[name] = (old_value, new_value)
        if problems:
            raise _EntryProblem("invalid", problems)
        return parsed

    def _apply_new(
        self,
        change: Change,
        digest: str,
        parsed_ahead: dict[str, tuple[Any, Any]] | _EntryProblem | None,
    ) -> PushResult:
        if change.kind not in WIRE_KINDS:
            raise _EntryProblem(
                "invalid", [(None, f"type d'enregistrement inconnu : « {change.kind} »")]
            )
        if change.kind == CONFLICT_KIND:
            return self._apply_conflict_update(change, digest)
        if change.op in ("delete", "restore") and change.fields:
            raise _EntryProblem(
                "invalid", [(None, "une suppression ou une restauration ne porte aucun champ")]
            )
        if change.kind in APPEND_ONLY_KINDS and change.op != "create":
            raise _EntryProblem("forbidden", [(None, append_only_message(change.kind))])
        if isinstance(parsed_ahead, _EntryProblem):
            raise parsed_ahead
        parsed = parsed_ahead if parsed_ahead is not None else self.parse_fields(change)
        record = self.load(change.kind, change.record_id)
        if record is None and change.op != "create":
            raise _Refused("record_unknown", waits_for=(change.kind, change.record_id))
        if record is not None and change.kind in APPEND_ONLY_KINDS:
            raise _EntryProblem("forbidden", [(None, append_only_message(change.kind))])
        if record is not None and not access.may_write(
            self.user, change.kind, record.region_code, record.data
        ):
            raise _EntryProblem(
                "forbidden",
                [
                    (
                        None,
                        access.refusal(
                            self.user, change.kind, change.record_id, record.region_code
                        ),
                    )
                ],
            )
        if record is None:
            record = _Record(
                change.kind,
                change.record_id,
                {},
                {},
                False,
                None,
                None,
                self.received_at,
                exists=False,
                in_db=False,
            )
        previous_region = record.region_code if record.exists else None
        before = dict(record.data)
        stamp = Stamp.of(change, self.device.id, self.received, rank=self.next_seq)
        conflicts: list[dict[str, Any]] = []
        anonymised = change.kind == "participant" and bool(record.data.get("anonymised"))
        if anonymised and parsed.get("anonymised", (None, True))[1] is not False:
            # a stale offline edit of an anonymised participant cannot bring a name back
            parsed = {
                name: (old, scrub.anonymised_incoming(record.data, name, new))
                for name, (old, new) in parsed.items()
            }

        if change.op in ("create", "update"):
            self._merge_fields(record, parsed, stamp, conflicts)
            if record.deleted:
                self._edit_on_deleted(record, parsed, stamp, conflicts)
        elif change.op == "delete" and not record.deleted:
            self._delete(record, change, stamp, conflicts)
        elif change.op == "restore" and record.deleted:
            record.deleted = False
            record.stamps["deleted"] = stamp.as_list()

        if change.op in ("create", "update"):
            self._validate(record)
        region, project_id = self.region_after(change.kind, record.data)
        if not access.may_write(self.user, change.kind, region, record.data):
            raise _EntryProblem(
                "forbidden",
                [(None, access.refusal(self.user, change.kind, change.record_id, region))],
            )
        record.region_code, record.project_id = region, project_id
        if change.kind == "project":
            record.project_id = record.record_id
        created = not record.exists
        self.save(record)
        if created:
            self.created_keys.add((record.kind, record.record_id))

        conflict_ids = [self._create_conflict(record, c) for c in conflicts]
        touched = {
            name: record.data.get(name)
            for name in record.data
            if name in parsed or before.get(name) != record.data.get(name)
        }
        moved = previous_region is not None and previous_region != region
        full = created or moved  # a user who gains a moved record needs all of it
        seq = self.log(
            record,
            change_id=change.change_id,
            op=change.op,
            values=dict(record.data) if full else touched,
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
            self._snapshot_children(record, previous_region, stamp)
        if (
            change.kind == "participant"
            and record.data.get("anonymised")
            and (_PERSONAL | {"anonymised"}) & set(parsed)
        ):
            self.flush()
            scrub.participant_log(self.conn, record.record_id, record.project_id)
            if not before.get("anonymised"):
                scrub.visit_log(self.conn, record.project_id, before)
        return PushResult(
            change_id=change.change_id,
            status="conflict" if conflict_ids else "applied",
            server_seq=seq,
            conflict_ids=conflict_ids,
        )

    # -- merge steps --------------------------------------------------------------------------
    def _merge_fields(
        self,
        record: _Record,
        parsed: dict[str, tuple[Any, Any]],
        stamp: Stamp,
        conflicts: list[dict[str, Any]],
    ) -> None:
        for name, (old, new) in parsed.items():
            current = record.data.get(name) if record.exists else None
            if current == new:
                continue
            if not record.exists or current == old or (_empty(current) and _empty(old)):
                record.data[name] = new
                record.stamps[name] = stamp.as_list()
                continue
            existing = Stamp.from_list(record.stamps.get(name))
            incoming_wins = stamp_wins(stamp, existing)
            winner, loser = (stamp, existing) if incoming_wins else (existing, stamp)
            kept, other = (new, current) if incoming_wins else (current, new)
            if incoming_wins:
                record.data[name] = new
                record.stamps[name] = stamp.as_list()
            conflicts.append(
                {"field": name, "kept": kept, "other": other, "winner": winner, "loser": loser}
            )

    def _edit_on_deleted(
        self,
        record: _Record,
        parsed: dict[str, tuple[Any, Any]],
        stamp: Stamp,
        conflicts: list[dict[str, Any]],
    ) -> None:
        """An edit of a record deleted meanwhile: later ``at`` decides; the conflict keeps both."""
        deletion = Stamp.from_list(record.stamps.get("deleted"))
        edit_wins = stamp_wins(stamp, deletion)
        details = {name: record.data.get(name) for name in parsed}
        if edit_wins:
            record.deleted = False
            record.stamps["deleted"] = stamp.as_list()
        open_conflict = self._open_delete_conflict(record, self.device.id)
        if open_conflict is not None and not edit_wins:
            open_conflict.data["details"] = {**(open_conflict.data.get("details") or {}), **details}
            self.save(open_conflict)
            self.log(
                open_conflict,
                change_id=str(uuid.uuid4()),
                op="update",
                values={"details": open_conflict.data["details"]},
                full=False,
                previous_region=open_conflict.region_code,
                at=stamp.at,
                origin="server",
            )
            return
        conflicts.append(
            {
                "field": "deleted",
                "kept": not edit_wins,
                "other": edit_wins,
                "winner": stamp if edit_wins else deletion,
                "loser": deletion if edit_wins else stamp,
                "details": details,
            }
        )

    def _open_delete_conflict(self, record: _Record, device_id: str) -> _Record | None:
        self.flush()  # the query below must see this batch's conflicts
        rows = self.conn.execute(
            sa.select(db.records.c.record_id).where(
                db.records.c.kind == CONFLICT_KIND, db.records.c.project_id == record.project_id
            )
        ).scalars()
        for conflict_id in rows:
            conflict = self.load(CONFLICT_KIND, conflict_id)
            if (
                conflict
                and conflict.data.get("target_id") == record.record_id
                and conflict.data.get("field") == "deleted"
                and conflict.data.get("status") == "ouvert"
                and conflict.data.get("other_device_id") == device_id
            ):
                return conflict
        return None

    def _delete(
        self, record: _Record, change: Change, stamp: Stamp, conflicts: list[dict[str, Any]]
    ) -> None:
        record.deleted = True
        record.stamps["deleted"] = stamp.as_list()
        # What the deleting laptop saw: its base_seq counts its own acknowledged changes, which
        # says nothing of edits logged before them that a cut pull never brought it; the seq it
        # last pulled from does (issue 13, point 7).
        seen = self.seen_through()
        threshold = seen if change.base_seq is None else min(change.base_seq, seen)
        self.flush()  # the query below must see this batch's log
        edits = self.conn.execute(
            sa.select(db.changes).where(
                db.changes.c.kind == record.kind,
                db.changes.c.record_id == record.record_id,
                db.changes.c.seq > threshold,
                db.changes.c.origin == "client",
                db.changes.c.op.in_(("create", "update", "restore")),
                db.changes.c.device_id != self.device.id,
            )
        ).all()
        if not edits:
            return
        latest = max(
            (Stamp(e.at, e.change_id, e.author, e.device_id) for e in edits), key=Stamp.key
        )
        details: dict[str, Any] = {}
        for edit in edits:
            details.update({k: record.data.get(k) for k in (edit.values or {})})
        delete_wins = stamp_wins(stamp, latest)
        if not delete_wins:
            record.deleted = False
            record.stamps["deleted"] = latest.as_list()
        conflicts.append(
            {
                "field": "deleted",
                "kept": delete_wins,
                "other": not delete_wins,
                "winner": stamp if delete_wins else latest,
                "loser": latest if delete_wins else stamp,
                "details": details,
            }
        )

    def _validate(self, record: _Record) -> None:
        ahead = self.precleaned.get((record.kind, record.record_id))
        if ahead is not None and ahead[0] == record.data:
            outcome = ahead[1]  # validated before the lock, from exactly these values
        else:
            try:
                outcome = clean_record(record.kind, record.data, today=self.today)
            except ValidationFailed as failed:
                outcome = failed
        if isinstance(outcome, ValidationFailed):
            raise _EntryProblem("invalid", [(p.field, str(p)) for p in outcome.problems])
        clean = outcome
        for name, value in clean.items():
            if record.data.get(name) != value and not (
                value in (None, []) and name not in record.data
            ):
                record.data[name] = value

    # -- conflicts ----------------------------------------------------------------------------
    def _create_conflict(self, target: _Record, conflict: dict[str, Any]) -> str:
        winner: Stamp = conflict["winner"]
        loser: Stamp = conflict["loser"]
        project_id = target.record_id if target.kind == "project" else target.project_id
        data = {
            "target_kind": target.kind,
            "target_id": target.record_id,
            "field": conflict["field"],
            "project_id": project_id,
            "region_code": target.region_code,
            "kept_value": conflict["kept"],
            "other_value": conflict["other"],
            "kept_change_id": winner.change_id,
            "kept_author": winner.author,
            "kept_device_id": winner.device_id,
            "kept_at": winner.at,
            "other_change_id": loser.change_id,
            "other_author": loser.author,
            "other_device_id": loser.device_id,
            "other_at": loser.at,
            "details": conflict.get("details"),
            "status": "ouvert",
            "resolution": None,
            "created_at": self.received_at,
        }
        conflict_id = conflict_id_for(target, conflict["field"], winner, loser)
        if self.load(CONFLICT_KIND, conflict_id) is not None:
            return conflict_id  # the same conflict, re-created by changes sent again
        record = _Record(
            CONFLICT_KIND,
            conflict_id,
            data,
            {},
            False,
            target.region_code,
            project_id,
            self.received_at,
            exists=False,
            in_db=False,
        )
        self.save(record)
        self.log(
            record,
            change_id=str(uuid.uuid4()),
            op="create",
            values=dict(data),
            full=True,
            previous_region=None,
            at=self.received_at,
            origin="server",
        )
        self.created_keys.add((CONFLICT_KIND, record.record_id))
        return record.record_id

    def _apply_conflict_update(self, change: Change, digest: str) -> PushResult:
        if change.op != "update":
            raise _EntryProblem(
                "invalid", [(None, "un conflit ne peut qu'être résolu (op « update »)")]
            )
        problems: list[tuple[str | None, str]] = []
        for name, (_old, new) in change.fields.items():
            if name not in CONFLICT_CLIENT_FIELDS:
                problems.append((name, f"champ non modifiable d'un conflit : {name}"))
            elif name == "status" and new not in CONFLICT_STATUSES:
                problems.append((name, "statut attendu : « ouvert » ou « resolu »"))
        if problems:
            raise _EntryProblem("invalid", problems)
        record = self.load(CONFLICT_KIND, change.record_id)
        if record is None:
            raise _Refused("record_unknown", waits_for=(CONFLICT_KIND, change.record_id))
        if not access.may_write(self.user, CONFLICT_KIND, record.region_code, record.data):
            raise _EntryProblem(
                "forbidden",
                [
                    (
                        None,
                        access.refusal(
                            self.user, CONFLICT_KIND, change.record_id, record.region_code
                        ),
                    )
                ],
            )
        stamp = Stamp.of(change, self.device.id, self.received, rank=self.next_seq)
        touched: dict[str, Any] = {}
        for name, (_old, new) in change.fields.items():
            existing = Stamp.from_list(record.stamps.get(name))
            if existing is None or stamp_wins(stamp, existing):  # last writer wins, no regress
                record.data[name] = new
                record.stamps[name] = stamp.as_list()
            touched[name] = record.data.get(name)
        self.save(record)
        seq = self.log(
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

    def _snapshot_children(self, project: _Record, previous_region: str, stamp: Stamp) -> None:
        """A project changed region: its children (and conflicts) follow, each with a full copy
        in the log so users who gain them get all of them and users who lose them drop them."""
        self.flush()  # the query below must see this batch's children
        rows = self.conn.execute(
            sa.select(db.records.c.kind, db.records.c.record_id)
            .where(db.records.c.project_id == project.record_id)
            .order_by(db.records.c.kind, db.records.c.record_id)
        ).all()
        for kind, record_id in rows:
            if kind == "project":
                continue
            child = self.load(kind, record_id)
            assert child is not None
            before = child.region_code
            child.region_code = project.region_code
            if kind == CONFLICT_KIND:
                child.data["region_code"] = project.region_code
            self.save(child)
            self.log(
                child,
                change_id=str(uuid.uuid4()),
                op="snapshot",
                values=dict(child.data),
                full=True,
                previous_region=before,
                at=stamp.at,
                origin="server",
            )


def conflict_id_for(target: _Record, field_name: str, winner: Stamp, loser: Stamp) -> str:
    """A conflict's id, derived from the two changes it is about (in either order) and the field:
    the conflict re-created by the same changes keeps its id (issue 13, point 5)."""
    first, second = sorted((winner.change_id, loser.change_id))
    name = f"{target.kind}/{target.record_id}/{field_name}/{first}/{second}"
    return str(uuid.uuid5(CONFLICT_NAMESPACE, name))


def _replay_parked(batch: _Batch) -> None:
    """Apply the changes parked for the records this batch brought, as their senders, each in its
    own savepoint: one that fails is dropped (and logged) without failing the push."""
    if not batch.created_keys or not parking.any_parked(batch.conn):
        return
    while batch.created_keys:
        keys, batch.created_keys = batch.created_keys, set()
        batch.flush()
        for row in parking.take(batch.conn, keys):
            _replay_one(batch, row)


def _replay_one(batch: _Batch, row: dict[str, Any]) -> None:
    change = Change.model_validate(row["change"])
    sender = _device(batch.conn, row["device_id"])
    if sender is None:
        log_.warning(
            "parked change %s dropped: device %s unknown", change.change_id, row["device_id"]
        )
        return
    batch.flush()
    state = (
        dict(batch.cache),
        dict(batch.seen),
        dict(batch.owners),
        batch.next_seq,
        batch.user,
        batch.device,
        set(batch.created_keys),
    )
    batch.user, batch.device = sender.user, sender
    savepoint = batch.conn.begin_nested()
    try:
        parsed: _Parsed = None
        if change.kind in ENTITIES and change.kind != CONFLICT_KIND:
            parsed = _Batch.parse_fields(change)
        result = batch._apply_new(change, row["content_hash"], parsed)
        batch.seen[change.change_id] = (row["content_hash"], result)
        batch.owners[change.change_id] = row["username"]
        batch.flush()
        savepoint.commit()
    except (_EntryProblem, _Refused) as problem:
        savepoint.rollback()
        (batch.cache, batch.seen, batch.owners, batch.next_seq, _u, _d, batch.created_keys) = state
        batch.dirty.clear()
        batch.pending_log.clear()
        log_.warning("parked change %s dropped: %s", change.change_id, problem)
    finally:
        batch.user, batch.device = state[4], state[5]


def _device(conn: Connection, device_id: str) -> Device | None:
    row = conn.execute(
        sa.select(db.devices, db.users)
        .join(db.users, db.devices.c.user_id == db.users.c.id)
        .where(db.devices.c.id == device_id)
    ).first()
    if row is None:
        return None
    user = accounts.user_from_row(row, row.user_id)
    return Device(row.id, user, row.name, row.revoked_at is not None, bool(row.wipe))


def _empty(value: Any) -> bool:
    return value is None or value == [] or value == ""


def _next_seq(conn: Connection) -> int:
    return int(conn.execute(_MAX_SEQ).scalar_one()) + 1


def _keys_to_prefetch(changes: list[Change]) -> set[tuple[str, str]]:
    """Records the batch will read: its own records and the projects its children name."""
    keys: set[tuple[str, str]] = set()
    for change in changes:
        if change.kind not in WIRE_KINDS:
            continue
        keys.add((change.kind, change.record_id))
        project = change.fields.get("project_id")
        if project and isinstance(project[1], str) and project[1]:
            keys.add(("project", project[1]))
    return keys


_Parsed = dict[str, tuple[Any, Any]] | _EntryProblem | None


def _prepare(
    changes: list[Change], today: dt.date
) -> tuple[list[tuple[str, _Parsed]], dict[tuple[str, str], tuple[dict[str, Any], Any]]]:
    """Hash, parse and (for creates) validate every change before the write lock: CPU work other
    pushes need not wait for. A parse problem is kept and raised when its change's turn comes, as
    before. A create's validation is reused under the lock only if the merged record holds
    exactly the values validated here (a new record: the usual case); ``clean_record`` is pure."""
    prepared: list[tuple[str, _Parsed]] = []
    precleaned: dict[tuple[str, str], tuple[dict[str, Any], Any]] = {}
    for change in changes:
        parsed: _Parsed = None
        if change.kind in ENTITIES and change.kind != CONFLICT_KIND:
            try:
                parsed = _Batch.parse_fields(change)
            except _EntryProblem as problem:
                parsed = problem
        if change.op == "create" and isinstance(parsed, dict):
            values = {name: new for name, (_old, new) in parsed.items() if new is not None}
            try:
                outcome: Any = clean_record(change.kind, dict(values), today=today)
            except ValidationFailed as failed:
                outcome = failed
            precleaned[(change.kind, change.record_id)] = (values, outcome)
        prepared.append((content_hash(change), parsed))
    return prepared, precleaned


def push(
    engine: Engine, user: User, device: Device, changes: list[Change], today: dt.date
) -> list[PushResult]:
    """Apply a batch in one serialised transaction; ApiError (nothing applied) on a bad entry.

    Work per batch, not per change: hashes and parsed values are computed before the lock; under
    it, the known change ids and every record the batch touches are read with a few ``IN``
    queries, merges run in Python, and records and log rows are written with ``executemany``.
    Seqs are still allocated under the lock, so seq order is commit order."""
    prepared, precleaned = _prepare(changes, today)
    keys = _keys_to_prefetch(changes)
    with db.writing(engine, serialised=True) as conn:
        if db.is_postgres(conn):
            conn.execute(_LOCK_PG, {"key": PUSH_LOCK_KEY})
        batch = _Batch(
            conn,
            user,
            device,
            today,
            _next_seq(conn),
            precleaned=precleaned,
            generation=db.generation(conn),
        )
        batch.prefetch_known([c.change_id for c in changes])
        batch.prefetch(keys)
        # children's parents as the server has them (a child's region is its project's)
        batch.prefetch(
            {
                ("project", r.project_id)
                for r in list(batch.cache.values())
                if r is not None and r.project_id
            }
        )
        results: list[PushResult] = []
        failures: dict[str, list[dict[str, Any]]] = {"invalid": [], "forbidden": [], "reused": []}
        for index, change in enumerate(changes):
            digest, parsed = prepared[index]
            try:
                results.append(batch.apply(change, digest, parsed))
            except _EntryProblem as problem:
                failures[problem.kind] += [
                    {"index": index, "change_id": change.change_id, "field": f, "message": m}
                    for f, m in problem.problems
                ]
        for kind, status, code, summary in (
            ("invalid", 422, ErrorCode.INVALID, "modification non valide"),
            ("forbidden", 403, ErrorCode.FORBIDDEN, "modification hors de vos régions"),
            ("reused", 409, ErrorCode.CHANGE_ID_REUSED, "identifiant de modification réutilisé"),
        ):
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
        _replay_parked(batch)
        batch.flush()
        return results


# -- pull -----------------------------------------------------------------------------------------
_CURRENT = db.records.alias("current")
#: A record's region now (a child's follows its project's); an entry without a record keeps its own.
_CURRENT_REGION = sa.func.coalesce(_CURRENT.c.region_code, db.changes.c.region_code)


def visible(user: User) -> sa.ColumnElement[bool] | None:
    """Which log entries ``user`` receives (None: all of them, for an administrator).

    An entry of a record of the user's regions, as long as the record is still in them: the history
    of a project since moved to another region is not served to a user pulling from 0 (issue 13,
    point 11). An entry moving a record out of the user's regions is served so their laptop drops
    its copy, with its values stripped (``_entry``)."""
    if user.is_admin:
        return None
    regions = list(user.regions)
    return sa.or_(
        db.changes.c.kind.in_(sorted(REFERENCE_KINDS)),
        sa.and_(db.changes.c.region_code.in_(regions), _CURRENT_REGION.in_(regions)),
        sa.and_(
            db.changes.c.previous_region_code.in_(regions),
            sa.or_(db.changes.c.region_code.is_(None), db.changes.c.region_code.not_in(regions)),
        ),
        # conflicts about records without a region (coordinators) are everyone's
        sa.and_(db.changes.c.kind == CONFLICT_KIND, db.changes.c.region_code.is_(None)),
    )


_PULL_COLUMNS = (
    "seq",
    "change_id",
    "kind",
    "record_id",
    "op",
    "values",
    "full",
    "deleted",
    "region_code",
    "previous_region_code",
    "project_id",
    "at",
    "author",
    "device_id",
    "received_at",
    "author_id",
)
_PULL_BASE = sa.select(*(db.changes.c[name] for name in _PULL_COLUMNS)).where(
    db.changes.c.seq > sa.bindparam("b_since"), db.changes.c.seq <= sa.bindparam("b_top")
)
_PULL_ALL = _PULL_BASE.order_by(db.changes.c.seq).limit(sa.bindparam("b_limit"))
_PULL_SCOPED = sa.select(*(db.changes.c[name] for name in _PULL_COLUMNS)).select_from(
    db.changes.outerjoin(
        _CURRENT,
        sa.and_(
            _CURRENT.c.kind == db.changes.c.kind, _CURRENT.c.record_id == db.changes.c.record_id
        ),
    )
)


def pull(
    engine: Engine, user: User, since: int, limit: int, device_id: str | None = None
) -> tuple[list[dict[str, Any]], int, bool]:
    """Entries after ``since`` the user may see; (entries, next_since, has_more).

    Entries are plain dicts with exactly the fields of ``PullEntry`` (the route serialises them
    in one go; building and re-validating a pydantic model per entry cost more than the query).

    The highest seq is read first and the page is taken below it: every seq up to it is committed
    (seqs are allocated in commit order), so ``next_since`` never passes an uncommitted change.
    A pull from ``since`` also tells the server the device holds every entry up to it
    (``device_seen``), which deletes are checked against.
    """
    with db.reading(engine) as conn:
        top = int(conn.execute(_MAX_SEQ).scalar_one())
        condition = visible(user)
        if condition is None:
            query = _PULL_ALL
        else:
            query = (
                _PULL_SCOPED.where(
                    db.changes.c.seq > sa.bindparam("b_since"),
                    db.changes.c.seq <= sa.bindparam("b_top"),
                    condition,
                )
                .order_by(db.changes.c.seq)
                .limit(sa.bindparam("b_limit"))
            )
        rows = conn.execute(query, {"b_since": since, "b_top": top, "b_limit": limit + 1}).all()
        generation = db.generation(conn)
        remember = device_id is not None and device_seen.pending_update(
            conn, device_id, since, generation
        )
    if remember:
        assert device_id is not None
        device_seen.record_pull(engine, device_id, since, generation)
    has_more = len(rows) > limit
    rows = rows[:limit]
    next_since = rows[-1].seq if has_more else top
    regions = None if user.is_admin else set(user.regions)
    return [_entry(row, regions) for row in rows], next_since, has_more


def _entry(row: sa.Row, regions: set[str] | None = None) -> dict[str, Any]:
    entry = dict(zip(_PULL_COLUMNS, row, strict=True))
    entry["values"] = dict(entry["values"] or {})
    entry["full"] = bool(entry["full"])
    entry["deleted"] = bool(entry["deleted"])
    if (
        regions is not None
        and entry["kind"] not in REFERENCE_KINDS
        and entry["region_code"] is not None
        and entry["region_code"] not in regions
    ):
        # the record left the user's regions: they only need to know, not its values
        entry["values"], entry["full"] = {}, False
    return entry
