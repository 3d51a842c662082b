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
import uuid
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from coordinator_app.domain.entities import ENTITIES
from coordinator_app.domain.errors import ValidationFailed
from coordinator_app.domain.validation import clean_record, parse_field
from coordinator_app.domain.values import ValueProblem
from coordinator_app.protocol.conflicts import CONFLICT_CLIENT_FIELDS, CONFLICT_STATUSES
from coordinator_app.protocol.errors import ErrorCode
from coordinator_app.protocol.kinds import CONFLICT_KIND, REFERENCE_KINDS, WIRE_KINDS
from coordinator_app.protocol.models import Change, PushResult, utc_iso
from coordinator_app.server import access, db
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
    db.changes.c.change_id, db.changes.c.content_hash, db.changes.c.seq, db.changes.c.conflict_ids
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
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


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
                self.seen[row.change_id] = (
                    row.content_hash or "",
                    PushResult(
                        change_id=row.change_id,
                        status="applied",
                        server_seq=row.seq,
                        conflict_ids=list(row.conflict_ids or []),
                    ),
                )

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
                raise _Refused("parent_unknown")
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
        previous = self.seen.get(change.change_id)
        if previous is not None:
            if previous[0] != digest:
                raise _EntryProblem(
                    "reused",
                    [(None, "cet identifiant de modification a déjà servi pour un autre contenu")],
                )
            return previous[1].model_copy(update={"status": "duplicate"})
        try:
            result = self._apply_new(change, digest, parsed)
        except _Refused as refused:
            return PushResult(change_id=change.change_id, status="refused", reason=refused.reason)
        self.seen[change.change_id] = (digest, result)
        return result

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
        if isinstance(parsed_ahead, _EntryProblem):
            raise parsed_ahead
        parsed = parsed_ahead if parsed_ahead is not None else self.parse_fields(change)
        record = self.load(change.kind, change.record_id)
        if record is None and change.op != "create":
            raise _Refused("record_unknown")
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
        stamp = Stamp.of(change, self.device.id, self.received)
        conflicts: list[dict[str, Any]] = []

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
        if change.base_seq is None:
            return
        self.flush()  # the query below must see this batch's log
        edits = self.conn.execute(
            sa.select(db.changes).where(
                db.changes.c.kind == record.kind,
                db.changes.c.record_id == record.record_id,
                db.changes.c.seq > change.base_seq,
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
        record = _Record(
            CONFLICT_KIND,
            str(uuid.uuid4()),
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
            raise _Refused("record_unknown")
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
        stamp = Stamp.of(change, self.device.id, self.received)
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
        batch = _Batch(conn, user, device, today, _next_seq(conn), precleaned=precleaned)
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
        batch.flush()
        return results


# -- pull -----------------------------------------------------------------------------------------
def visible(user: User) -> sa.ColumnElement[bool] | None:
    if user.is_admin:
        return None
    regions = list(user.regions)
    return sa.or_(
        db.changes.c.kind.in_(sorted(REFERENCE_KINDS)),
        db.changes.c.region_code.in_(regions),
        db.changes.c.previous_region_code.in_(regions),
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


def pull(
    engine: Engine, user: User, since: int, limit: int
) -> tuple[list[dict[str, Any]], int, bool]:
    """Entries after ``since`` the user may see; (entries, next_since, has_more).

    Entries are plain dicts with exactly the fields of ``PullEntry`` (the route serialises them
    in one go; building and re-validating a pydantic model per entry cost more than the query).

    The highest seq is read first and the page is taken below it: every seq up to it is committed
    (seqs are allocated in commit order), so ``next_since`` never passes an uncommitted change.
    """
    with db.reading(engine) as conn:
        top = int(conn.execute(_MAX_SEQ).scalar_one())
        condition = visible(user)
        if condition is None:
            query = _PULL_ALL
        else:
            query = (
                _PULL_BASE.where(condition)
                .order_by(db.changes.c.seq)
                .limit(sa.bindparam("b_limit"))
            )
        rows = conn.execute(query, {"b_since": since, "b_top": top, "b_limit": limit + 1}).all()
    has_more = len(rows) > limit
    rows = rows[:limit]
    next_since = rows[-1].seq if has_more else max(top, since if top >= since else top)
    return [_entry(row) for row in rows], next_since, has_more


def _entry(row: sa.Row) -> dict[str, Any]:
    entry = dict(zip(_PULL_COLUMNS, row, strict=True))
    entry["values"] = dict(entry["values"] or {})
    entry["full"] = bool(entry["full"])
    entry["deleted"] = bool(entry["deleted"])
    return entry
