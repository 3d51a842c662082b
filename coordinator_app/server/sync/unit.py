"""The unit of work of a push batch: the records it loaded, saved and logged.

Records are read by batch (``lookups``), kept in memory while the batch's changes are merged, and
written with ``executemany`` by ``flush``, which also inserts the log rows; the queries that read
the tables directly flush first. With ``lookups`` (its batched reads), the only SQL of the push.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from coordinator_app.protocol.kinds import CONFLICT_KIND
from coordinator_app.protocol.models import PushResult, utc_iso
from coordinator_app.server import accounts, db, device_seen, ownership
from coordinator_app.server.accounts import Device, User
from coordinator_app.server.clock import now
from coordinator_app.server.seqs import SeqSource
from coordinator_app.server.sync import echo, lookups, rows
from coordinator_app.server.sync.record import Record

# Statements are built once: building and compiling Core constructs per change cost more than
# SQLite itself (py-spy, benchmarks/README.md). Reads go by batch (``lookups``), writes by batch
# in hand-written SQL (``rows``).
# On PostgreSQL pushes run concurrently: a record is read with a row lock (``FOR UPDATE``; a
# parent read for its region ``FOR SHARE``) held until commit, so two pushes of one record merge one
# after the other; rows are locked in (kind, id) order to keep deadlocks rare. SQLite ignores it.
_LOAD = (
    sa.select(db.records)
    .where(
        db.records.c.kind == sa.bindparam("b_kind"),
        db.records.c.record_id == sa.bindparam("b_id"),
    )
    .with_for_update()
)


@dataclass
class UnitOfWork:
    conn: Connection
    user: User
    device: Device
    today: dt.date
    #: where this batch's seqs come from (``seqs``: commit order on SQLite, a registered
    #: PostgreSQL sequence otherwise)
    seqs: SeqSource
    received: dt.datetime = field(default_factory=now)
    received_at: str = ""  # ``received`` as ISO text, formatted once (used by every row)

    def __post_init__(self) -> None:
        self.received_at = utc_iso(self.received)

    seen: dict[str, tuple[str, PushResult]] = field(default_factory=dict)
    #: records read or written by this batch, by (kind, record_id); None = not on the server
    cache: dict[tuple[str, str], Record | None] = field(default_factory=dict)
    #: records saved but not yet written, and log rows not yet inserted (see ``flush``)
    dirty: dict[tuple[str, str], Record] = field(default_factory=dict)
    pending_log: list[dict[str, Any]] = field(default_factory=list)
    #: (kind, record_id) → (values, ``prepare.cleaned(values)``) computed before the lock for creates
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

    # -- reading ------------------------------------------------------------------------------
    def prefetch(self, keys: set[tuple[str, str]], lock: str = "update") -> None:
        """Read (and lock, see ``_LOAD``) every record of ``keys`` not yet cached, kinds and ids
        in order (``lookups.records``: one query on PostgreSQL)."""
        wanted = sorted(key for key in keys if key not in self.cache)
        if not wanted:
            return
        for key in wanted:
            self.cache[key] = None
        for row in lookups.records(self.conn, wanted, lock):
            self.cache[(row.kind, row.record_id)] = _from_row(row)
        self.seqs.after_lock()

    def prefetch_known(self, change_ids: list[str]) -> None:
        """Results of change ids the server already has (``lookups.known``: one query on
        PostgreSQL), owners of those it had before a restore, hashes of those parked."""
        logged, owners, parked = lookups.known(self.conn, sorted(set(change_ids)))
        for row in logged:
            self._remember_known(row)
        self.owners.update(owners)
        for change_id, (digest, owner) in parked.items():
            self.owners[change_id] = owner
            self.parked[change_id] = digest

    def _remember_known(self, row: sa.Row) -> None:
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

    def seen_through(self) -> int:
        """The highest seq this device certainly holds (its latest pull's ``since``)."""
        if self._seen_through is None:
            self._seen_through = device_seen.seen_through(
                self.conn, self.device.id, self.generation
            )
        return self._seen_through

    def load(self, kind: str, record_id: str) -> Record | None:
        """The record as saved so far, a copy the caller may change (and ``save``)."""
        cached = self.peek(kind, record_id)
        return None if cached is None else cached.copy()

    def peek(self, kind: str, record_id: str) -> Record | None:
        """The record as saved so far, to read only (no copy: a project is read for every child
        placed in it)."""
        key = (kind, record_id)
        if key not in self.cache:
            row = self.conn.execute(_LOAD, {"b_kind": kind, "b_id": record_id}).first()
            self.cache[key] = None if row is None else _from_row(row)
            self.seqs.after_lock()
        return self.cache[key]

    def open_conflict_ids(self, project_id: str | None) -> list[str]:
        """Ids of the conflict records of a project (this batch's included)."""
        self.flush()
        return list(
            self.conn.execute(
                sa.select(db.records.c.record_id).where(
                    db.records.c.kind == CONFLICT_KIND, db.records.c.project_id == project_id
                )
            ).scalars()
        )

    def edits_since(self, record: Record, threshold: int) -> list[sa.Row]:
        """Other devices' client edits of ``record`` logged after ``threshold`` (this batch's
        included)."""
        self.flush()
        return self.conn.execute(
            sa.select(db.changes).where(
                db.changes.c.kind == record.kind,
                db.changes.c.record_id == record.record_id,
                db.changes.c.seq > threshold,
                db.changes.c.origin == "client",
                db.changes.c.op.in_(("create", "update", "restore")),
                db.changes.c.device_id != self.device.id,
            )
        ).all()

    def children_of(self, project_id: str) -> list[tuple[str, str]]:
        """(kind, record_id) of the records of a project, itself excepted (this batch's
        included)."""
        self.flush()
        rows = self.conn.execute(
            sa.select(db.records.c.kind, db.records.c.record_id)
            .where(db.records.c.project_id == project_id)
            .order_by(db.records.c.kind, db.records.c.record_id)
        ).all()
        return [(kind, record_id) for kind, record_id in rows if kind != "project"]

    # -- writing ------------------------------------------------------------------------------
    def save(self, record: Record) -> None:
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
                updates.append({"kind": record.kind, "record_id": record.record_id, **values})
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
        rows.insert_records(self.conn, inserts)
        rows.update_records(self.conn, updates)
        if self.pending_log:
            logged, self.pending_log = self.pending_log, []
            for row in logged:  # checked on the very values written now
                row["as_sent"] = echo.flag(row)
            rows.write_log(self.conn, logged)

    def log(
        self,
        record: Record,
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
        """Queue the log row of a change of ``record`` (as saved); its seq, allocated here."""
        seq = self.seqs.take()
        row = dict(
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
        self.pending_log.append(row)
        return seq

    # -- acting for another sender (parked changes) ---------------------------------------------
    def checkpoint(self) -> tuple:
        """What ``restore`` needs to undo a change applied in a savepoint (after a flush)."""
        return (
            dict(self.cache),
            dict(self.seen),
            dict(self.owners),
            self.seqs.state(),
            set(self.created_keys),
        )

    def restore(self, state: tuple) -> None:
        self.cache, self.seen, self.owners, seqs, self.created_keys = state
        self.seqs.restore(seqs)
        self.dirty.clear()
        self.pending_log.clear()


def device(conn: Connection, device_id: str) -> Device | None:
    """A device and its account as they are now (the sender of a parked change)."""
    row = conn.execute(
        sa.select(db.devices, db.users)
        .join(db.users, db.devices.c.user_id == db.users.c.id)
        .where(db.devices.c.id == device_id)
    ).first()
    if row is None:
        return None
    user = accounts.user_from_row(row, row.user_id)
    return Device(row.id, user, row.name, row.revoked_at is not None, bool(row.wipe))


def _from_row(row: sa.Row) -> Record:
    return Record(
        row.kind,
        row.record_id,
        dict(row.data),
        dict(row.stamps),
        bool(row.deleted),
        row.region_code,
        row.project_id,
        row.created_at,
    )
