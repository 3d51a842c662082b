"""The ``Store``: records, journal and metadata of one coordinator's profile.

Every write validates through the domain, then writes the record and its journal entry in one
transaction, so a crash or a killed process leaves either both or neither. The connection is shared
by threads (the window's database worker, the sync worker) behind one re-entrant lock: SQLite has
one writer anyway, and one lock keeps transactions from interleaving.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from coordinator_app.domain.entities import APPEND_ONLY_KINDS, ENTITIES, append_only_message
from coordinator_app.domain.errors import NotFoundError, ProfileError, UserError, ValidationFailed
from coordinator_app.domain.people import Person
from coordinator_app.domain.rules import with_stage_history
from coordinator_app.domain.validation import clean_record
from coordinator_app.store import journal, paths, writes
from coordinator_app.store.codec import decode_row, to_db
from coordinator_app.store.connection import open_connection, open_reader
from coordinator_app.store.journal import JournalEntry
from coordinator_app.store.migrations import migrate, schema_version

Clock = Callable[[], dt.datetime]
InvalidRow = Callable[[int, ValidationFailed], None]
BULK_CHUNK = 1000
BULK_CACHE_KIB = -65536  # SQLite page cache during bulk writes: 64 MiB (negative: KiB)
META_PERSON = "person"  # the profile's person, JSON of ``domain.people.Person``


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def new_id() -> str:
    return str(uuid.uuid4())


class Store:
    """One open profile. Create it with ``open_store``."""

    def __init__(self, conn: sqlite3.Connection, data_dir: Path, *, clock: Clock = utc_now) -> None:
        self.conn = conn
        # sqlite-utils serves the reads (rows as dicts, where/order/limit). Writes stay plain SQL in
        # our own BEGIN IMMEDIATE transactions: its write helpers commit inside ``with conn:``,
        # which would end a caller's transaction half-way.
        self.db = sqlite_utils.Database(conn, recursive_triggers=False, execute_plugins=False)
        self.data_dir = data_dir
        self.clock = clock
        self._lock = threading.RLock()
        self._depth = 0
        self._bulk = False
        self._reader: sqlite3.Connection | None = None
        self._reader_db: sqlite_utils.Database | None = None
        self._reader_lock = threading.Lock()
        self.device_id = self.get_meta("device_id") or self._init_device()
        # The person behind this profile (``store.people``): the name and account that author
        # every change. Never the operating system's login: a profile with no person yet writes
        # no author until « Votre nom » is answered or the profile signs in to a server.
        self.person: Person | None = Person.from_json(self.get_meta(META_PERSON))

    @property
    def author(self) -> str | None:
        """The name of the person writing now (kept in every journal entry as it is today)."""
        return self.person.name if self.person else None

    @property
    def author_id(self) -> str | None:
        """The account of the person writing now (None for a profile used without a server)."""
        return self.person.account if self.person else None

    # -- plumbing -------------------------------------------------------------------------------
    @property
    def path(self) -> Path:
        return paths.database_path(self.data_dir)

    @property
    def schema_version(self) -> int:
        return schema_version(self.conn)

    def now(self) -> str:
        return self.clock().astimezone(dt.UTC).isoformat(timespec="milliseconds")

    def today(self) -> dt.date:
        return self.clock().astimezone().date()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; nested calls join the outer one, so a bulk import is atomic."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self.conn
                finally:
                    self._depth -= 1
                return
            self.conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield self.conn
            except BaseException:
                self._depth = 0
                self.conn.execute("ROLLBACK")
                raise
            self._depth = 0
            self.conn.execute("COMMIT")

    @contextmanager
    def bulk_transaction(self) -> Iterator[sqlite3.Connection]:
        """``transaction()`` for many writes (imports): a larger page cache while it lasts.

        With SQLite's default 2 MB cache, a transaction writing tens of thousands of rows (random
        ids, several indexes, full-text index, journal) spills dirty pages to the WAL and writes
        them again and again, each time encrypted: half the cost of a bulk insert. The cache
        grows only as pages are used, and is set back when the outermost bulk transaction ends,
        so the window's memory is unchanged afterwards.
        """
        with self._lock:
            if self._bulk:
                with self.transaction() as conn:
                    yield conn
                return
            previous = self.conn.execute("PRAGMA cache_size").fetchone()[0]
            self.conn.execute(f"PRAGMA cache_size = {BULK_CACHE_KIB}")
            self._bulk = True
            try:
                with self.transaction() as conn:
                    yield conn
            finally:
                self._bulk = False
                self.conn.execute(f"PRAGMA cache_size = {int(previous)}")

    @contextmanager
    def exclusive(self) -> Iterator[sqlite3.Connection]:
        """The main connection with no transaction of another thread open (backups, restores)."""
        with self._lock:
            yield self.conn

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A connection to read from: never one with another thread's transaction half-done.

        The thread inside a write transaction reads its own uncommitted rows on the main
        connection. While another thread holds the main connection (an import, a sync), reads go
        to a second, read-only connection that sees the last committed state (WAL), so the window
        never waits for the writer.
        """
        with self._reading() as (conn, _db):
            yield conn

    @contextmanager
    def _reading(self) -> Iterator[tuple[sqlite3.Connection, sqlite_utils.Database]]:
        # RLock: a non-blocking acquire succeeds for a free lock and for the thread that owns it.
        if self._lock.acquire(blocking=False):
            try:
                yield self.conn, self.db
            finally:
                self._lock.release()
            return
        with self._reader_lock:
            if self._reader is None:
                self._reader = open_reader(self.conn, self.path)
                self._reader_db = sqlite_utils.Database(
                    self._reader, recursive_triggers=False, execute_plugins=False
                )
            yield self._reader, self._reader_db

    def close(self) -> None:
        with self._lock:
            self.conn.close()
            with self._reader_lock:
                if self._reader is not None:
                    self._reader.close()
                    self._reader = None

    def _init_device(self) -> str:
        device = new_id()
        self.set_meta("device_id", device)
        return device

    # -- metadata -------------------------------------------------------------------------------
    def get_meta(self, key: str, default: str | None = None) -> str | None:
        with self.reading() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str | None) -> None:
        with self.transaction():
            if value is None:
                self.conn.execute("DELETE FROM meta WHERE key = ?", (key,))
            else:
                self.conn.execute(
                    "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (key, value),
                )

    # -- reading --------------------------------------------------------------------------------
    def _select(self, sql: str, params: tuple | list = ()) -> list[dict[str, Any]]:
        with self._reading() as (_conn, db):
            return list(db.query(sql, params))

    def get(
        self, kind: str, record_id: str, *, include_deleted: bool = False
    ) -> dict[str, Any] | None:
        entity = ENTITIES[kind]
        with self._reading() as (_conn, db):
            rows = list(db[kind].rows_where("id = ?", [record_id]))
        if not rows or (rows[0]["deleted"] and not include_deleted):
            return None
        return decode_row(entity, rows[0])

    def require(self, kind: str, record_id: str) -> dict[str, Any]:
        """The record, or ``NotFoundError`` naming what was looked for (in French)."""
        record = self.get(kind, record_id)
        if record is None:
            raise NotFoundError(f"{ENTITIES[kind].label} introuvable : {record_id}")
        return record

    def find(
        self,
        kind: str,
        *,
        equals: Mapping[str, Any] | None = None,
        order_by: str | None = None,
        descending: bool = False,
        limit: int | None = None,
        offset: int = 0,
        include_deleted: bool = False,
    ) -> list[dict[str, Any]]:
        """Records of ``kind`` whose fields equal the given values, in a stable order."""
        entity = ENTITIES[kind]
        where, params = self._where(kind, equals, include_deleted)
        order = (
            f"{self._column(kind, order_by or 'created_at')} {'DESC' if descending else 'ASC'}, id"
        )
        with self._reading() as (_conn, db):
            rows = db[kind].rows_where(
                where, params, order_by=order, limit=limit, offset=offset if limit else None
            )
            return [decode_row(entity, row) for row in rows]

    def count(
        self, kind: str, *, equals: Mapping[str, Any] | None = None, include_deleted: bool = False
    ) -> int:
        where, params = self._where(kind, equals, include_deleted)
        with self._reading() as (_conn, db):
            return db[kind].count_where(where, params)

    def _column(self, kind: str, name: str) -> str:
        if name not in writes.METADATA and not ENTITIES[kind].has_field(name):
            raise KeyError(f"{kind} has no field {name!r}")
        return f'"{name}"'

    def _where(
        self, kind: str, equals: Mapping[str, Any] | None, include_deleted: bool
    ) -> tuple[str | None, list[Any]]:
        clauses, params = ([] if include_deleted else ["deleted = 0"]), []
        for name, value in (equals or {}).items():
            if value is None:
                clauses.append(f"{self._column(kind, name)} IS NULL")
            else:
                clauses.append(f"{self._column(kind, name)} = ?")
                params.append(value)
        return (" AND ".join(clauses) or None), params

    def history(self, kind: str, record_id: str) -> list[JournalEntry]:
        with self.reading() as conn:
            return journal.entries_for_record(conn, kind, record_id)

    def pending_changes(self, limit: int | None = None) -> list[JournalEntry]:
        with self.reading() as conn:
            return journal.pending(conn, limit)

    def pending_count(self) -> int:
        with self.reading() as conn:
            return journal.pending_count(conn)

    def mark_sent(self, acknowledged: Mapping[str, int | None]) -> None:
        with self.transaction():
            journal.mark_sent(self.conn, dict(acknowledged), self.now())

    # -- writing --------------------------------------------------------------------------------
    def create(
        self, kind: str, values: Mapping[str, Any], *, record_id: str | None = None
    ) -> dict[str, Any]:
        """Validate and insert a record; returns it with its id."""
        new = self._new_record(kind, values, record_id, self.today())
        with self.transaction():
            writes.write(self.conn, new.row, new.entry)
        return new.record

    def create_many(
        self,
        kind: str,
        rows: Iterable[tuple[str | None, Mapping[str, Any]]],
        *,
        chunk: int = BULK_CHUNK,
        on_invalid: InvalidRow | None = None,
        trusted: bool = False,
    ) -> list[str]:
        """Validate and insert many records of one kind, journaled: ``create`` for bulk imports.

        ``rows`` are ``(record_id or None, values)``, consumed lazily and written ``chunk`` at a
        time with ``executemany`` (one statement per table instead of two per row), inside the
        caller's transaction when there is one, else in one of its own: all or nothing either way
        when an error leaves the transaction. Each row is built exactly as ``create`` builds it.

        A row that fails validation raises ``ValidationFailed``, unless ``on_invalid`` is given:
        then ``on_invalid(index, failed)`` is called (``index`` counts rows from 0), the row is
        skipped and the others go on, so an import can report every bad row. ``trusted`` rows are
        already canonical (``clean_record``'s output, every field present) and are not parsed
        again. Returns the ids written, in order.
        """
        today = self.today()
        written: list[str] = []
        records: list[writes.Row] = []
        entries: list[tuple] = []
        with self.bulk_transaction():
            for index, (record_id, values) in enumerate(rows):
                try:
                    new = self._new_record(kind, values, record_id, today, trusted=trusted)
                except ValidationFailed as failed:
                    if on_invalid is None:
                        raise
                    on_invalid(index, failed)
                    continue
                records.append(new.row)
                entries.append(new.entry)
                written.append(new.record["id"])
                if len(records) >= chunk:
                    self._insert_batch(records, entries)
            self._insert_batch(records, entries)
        return written

    def _insert_batch(self, records: list[writes.Row], entries: list[tuple]) -> None:
        writes.write_many(self.conn, records, entries)
        records.clear()
        entries.clear()

    def _new_record(
        self,
        kind: str,
        values: Mapping[str, Any],
        record_id: str | None,
        today: dt.date,
        *,
        trusted: bool = False,
    ) -> _NewRecord:
        """The validated record, its table row and its journal entry: what every create writes."""
        clean = dict(values) if trusted else clean_record(kind, values, today=today)
        if kind == "project" and not trusted:
            clean = with_stage_history(None, clean, today)
        record_id = record_id or new_id()
        now = self.now()
        entity = ENTITIES[kind]
        metadata = [record_id, now, now, self.author, 0]
        values = [*metadata, *(to_db(spec, clean[spec.name]) for spec in entity.fields)]
        row = writes.insert_row(kind, _columns(kind), values)
        changed = {
            name: [None, value] for name, value in clean.items() if value not in (None, [], False)
        }
        record = {
            "id": record_id,
            "created_at": now,
            "updated_at": now,
            "author": self.author,
            "deleted": False,
            **clean,
        }
        return _NewRecord(record, row, self.journal_entry(kind, record_id, "create", changed, now))

    def update(self, kind: str, record_id: str, changes: Mapping[str, Any]) -> dict[str, Any]:
        """Validate the record with ``changes`` applied and write only the fields that differ."""
        _refuse_append_only(kind)
        with self.transaction():
            current = self.require(kind, record_id)
            change = self._change(kind, current, changes, self.today())
            if change is None:
                return current
            writes.write(self.conn, change.row, change.entry)
        return change.record

    def update_many(
        self,
        kind: str,
        rows: Iterable[tuple[str, Mapping[str, Any]]],
        *,
        chunk: int = BULK_CHUNK,
        on_invalid: InvalidRow | None = None,
    ) -> list[str]:
        """``update`` for many records of one kind: each validated, diffed and journaled the same
        way, the current records read with one query per ``chunk`` and written with
        ``executemany``. ``on_invalid`` as in ``create_many``; an unknown id raises
        ``NotFoundError``. Returns the ids of the records that changed (equal rows are left
        alone, with no journal entry)."""
        _refuse_append_only(kind)
        today = self.today()
        changed: list[str] = []
        with self.bulk_transaction():
            for start, batch in _chunks(rows, chunk):
                currents = self.get_many(kind, [record_id for record_id, _ in batch])
                rows: list[writes.Row] = []
                entries: list[tuple] = []
                for offset, (record_id, values) in enumerate(batch):
                    current = currents.get(record_id)
                    if current is None:
                        raise NotFoundError(f"{ENTITIES[kind].label} introuvable : {record_id}")
                    try:
                        change = self._change(kind, current, values, today)
                    except ValidationFailed as failed:
                        if on_invalid is None:
                            raise
                        on_invalid(start + offset, failed)
                        continue
                    if change is None:
                        continue
                    currents[record_id] = (
                        change.record
                    )  # a record twice in a chunk sees its first change
                    rows.append(change.row)
                    entries.append(change.entry)
                    changed.append(record_id)
                writes.write_many(self.conn, rows, entries)
        return changed

    def get_many(self, kind: str, ids: list[str]) -> dict[str, dict[str, Any]]:
        """Live records by id, read with one query (``id IN``): ``get`` for a chunk of rows
        (keep ``ids`` to a few thousand; SQLite caps the number of parameters)."""
        entity = ENTITIES[kind]
        marks = ", ".join("?" * len(ids))
        sql = f"SELECT * FROM {kind} WHERE id IN ({marks}) AND deleted = 0"
        return {row["id"]: decode_row(entity, row) for row in self._select(sql, ids)}

    def _change(
        self, kind: str, current: dict[str, Any], changes: Mapping[str, Any], today: dt.date
    ) -> _Change | None:
        """The validated update of ``current`` by ``changes`` (None when nothing differs)."""
        entity = ENTITIES[kind]
        merged = {
            **{n: current[n] for n in entity.field_names},
            **{k: v for k, v in changes.items() if entity.has_field(k)},
        }
        clean = clean_record(kind, merged, today=today)
        if kind == "project":
            clean = with_stage_history(current, clean, today)
        diff = {n: [current[n], clean[n]] for n in entity.field_names if clean[n] != current[n]}
        if not diff:
            return None
        now = self.now()
        record_id = current["id"]
        columns = {n: to_db(entity.field(n), clean[n]) for n in diff}
        return _Change(
            record={**current, **clean, "updated_at": now},
            row=writes.update_row(kind, record_id, columns, now),
            entry=self.journal_entry(kind, record_id, "update", diff, now),
        )

    def delete(self, kind: str, record_id: str) -> None:
        """Soft delete: the record becomes a tombstone that syncs and can be restored."""
        self._set_deleted(kind, record_id, deleted=True)

    def restore(self, kind: str, record_id: str) -> None:
        self._set_deleted(kind, record_id, deleted=False)

    def _set_deleted(self, kind: str, record_id: str, *, deleted: bool) -> None:
        _refuse_append_only(kind)
        with self.transaction():
            record = self.get(kind, record_id, include_deleted=True)
            if record is None or (not deleted and not record["deleted"]):
                raise NotFoundError(f"{ENTITIES[kind].label} introuvable : {record_id}")
            if record["deleted"] == deleted:
                return
            op = "delete" if deleted else "restore"
            self.write_change(kind, record_id, {"deleted": int(deleted)}, {}, op=op)

    def write_change(
        self,
        kind: str,
        record_id: str,
        columns: Mapping[str, Any],
        fields: dict[str, list[Any]],
        *,
        op: str = "update",
    ) -> str:
        """Update a record's ``columns`` (database values) and journal ``fields`` (``{name: [old,
        new]}``) as this device's change, in the caller's transaction; returns the time written.

        For writes that are not a validated ``update``: a delete or restore, an anonymisation that
        must not re-validate a record written under older rules, a conflict marked resolved."""
        now = self.now()
        row = writes.update_row(kind, record_id, columns, now)
        writes.write(self.conn, row, self.journal_entry(kind, record_id, op, fields, now))
        return now

    def journal_entry(
        self, kind: str, record_id: str, op: str, fields: dict[str, list[Any]], at: str
    ) -> tuple:
        """A journal entry of this device's change (``journal.entry_params``), for ``writes``."""
        return journal.entry_params(
            change_id=new_id(), kind=kind, record_id=record_id, op=op, fields=fields, at=at,
            author=self.author, device_id=self.device_id, author_id=self.author_id,
        )  # fmt: skip


@dataclass(frozen=True)
class _NewRecord:
    """A validated new record, the row of its table and its journal entry."""

    record: dict[str, Any]
    row: writes.Row
    entry: tuple


@dataclass(frozen=True)
class _Change:
    """A validated update: the record after it, its statement and its journal entry."""

    record: dict[str, Any]
    row: writes.Row
    entry: tuple


@functools.cache
def _refuse_append_only(kind: str) -> None:
    """The register of communications is written once: no update, delete or restore."""
    if kind in APPEND_ONLY_KINDS:
        raise UserError(append_only_message(kind))


@functools.cache
def _columns(kind: str) -> tuple[str, ...]:
    """The columns of a kind's table, in the order ``_new_record`` builds its rows."""
    return (*writes.METADATA, *ENTITIES[kind].field_names)


def _chunks(
    rows: Iterable[tuple[str, Mapping[str, Any]]], size: int
) -> Iterator[tuple[int, list[tuple[str, Mapping[str, Any]]]]]:
    """``(index of the first row, rows)`` of at most ``size`` rows, read lazily."""
    iterator = iter(rows)
    start = 0
    while batch := list(itertools.islice(iterator, size)):
        yield start, batch
        start += len(batch)


def _prepare_folder(data_dir: Path) -> None:
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        probe = data_dir / ".write-test"
        probe.write_text("ok")
        probe.unlink()
    except OSError as error:
        raise ProfileError(
            f"Impossible d'écrire dans le dossier du profil {data_dir} : {error.strerror or error}. "
            "Choisissez un dossier accessible en écriture (--data-dir)."
        ) from None


def open_store(
    data_dir: Path | str | None = None,
    *,
    clock: Clock = utc_now,
    passphrase: str | None = None,
    encrypted: bool | None = None,
) -> Store:
    """Open the profile in ``data_dir`` (see ``paths.resolve_data_dir``), migrating it if needed.

    The profile is encrypted (``connection.open_connection``): its key comes from the OS keyring,
    else from ``passphrase`` (the window asks for it) or ``COORDINATOR_APP_PASSPHRASE``.
    """
    folder = paths.resolve_data_dir(data_dir)
    _prepare_folder(folder)
    try:
        conn = open_connection(
            paths.database_path(folder), passphrase=passphrase, encrypted=encrypted
        )
        migrate(conn, paths.backups_dir(folder))
    except sqlite3.DatabaseError as error:
        raise ProfileError(
            f"Le profil {paths.database_path(folder)} ne peut pas être ouvert : {error}."
        ) from None
    return Store(conn, folder, clock=clock)
