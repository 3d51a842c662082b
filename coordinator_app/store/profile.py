"""The ``Store``: records, journal and metadata of one coordinator's profile.

Every write validates through the domain, then writes the record and its journal entry in one
transaction, so a crash or a killed process leaves either both or neither. The connection is shared
by threads (the window's database worker, the sync worker) behind one re-entrant lock: SQLite has
one writer anyway, and one lock keeps transactions from interleaving.
"""

from __future__ import annotations

import datetime as dt
import getpass
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlite_utils

from coordinator_app.domain.entities import ENTITIES
from coordinator_app.domain.errors import NotFoundError, ProfileError
from coordinator_app.domain.rules import with_stage_history
from coordinator_app.domain.validation import clean_record
from coordinator_app.store import journal, paths
from coordinator_app.store.codec import decode_row, to_db
from coordinator_app.store.connection import open_connection, open_reader
from coordinator_app.store.journal import JournalEntry
from coordinator_app.store.migrations import migrate, schema_version

Clock = Callable[[], dt.datetime]
_METADATA = ("id", "created_at", "updated_at", "author", "deleted")


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
        self._reader: sqlite3.Connection | None = None
        self._reader_db: sqlite_utils.Database | None = None
        self._reader_lock = threading.Lock()
        self.device_id = self.get_meta("device_id") or self._init_device()
        self.author = self.get_meta("author") or getpass.getuser()

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
        if name not in _METADATA and not ENTITIES[kind].has_field(name):
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
        today = self.today()
        clean = clean_record(kind, values, today=today)
        if kind == "project":
            clean = with_stage_history(None, clean, today)
        record_id = record_id or new_id()
        now = self.now()
        entity = ENTITIES[kind]
        columns = [*_METADATA, *entity.field_names]
        row = [
            record_id,
            now,
            now,
            self.author,
            0,
            *(to_db(entity.field(n), clean[n]) for n in entity.field_names),
        ]
        changed = {
            name: [None, value] for name, value in clean.items() if value not in (None, [], False)
        }
        quoted = ", ".join(f'"{c}"' for c in columns)
        with self.transaction():
            self.conn.execute(
                f"INSERT INTO {kind} ({quoted}) VALUES ({', '.join('?' * len(columns))})", row
            )
            self._journal(kind, record_id, "create", changed, now)
        return {
            "id": record_id,
            "created_at": now,
            "updated_at": now,
            "author": self.author,
            "deleted": False,
            **clean,
        }

    def update(self, kind: str, record_id: str, changes: Mapping[str, Any]) -> dict[str, Any]:
        """Validate the record with ``changes`` applied and write only the fields that differ."""
        entity = ENTITIES[kind]
        with self.transaction():
            current = self.require(kind, record_id)
            today = self.today()
            merged = {
                **{n: current[n] for n in entity.field_names},
                **{k: v for k, v in changes.items() if entity.has_field(k)},
            }
            clean = clean_record(kind, merged, today=today)
            if kind == "project":
                clean = with_stage_history(current, clean, today)
            diff = {n: [current[n], clean[n]] for n in entity.field_names if clean[n] != current[n]}
            if not diff:
                return current
            now = self.now()
            assignments = ", ".join(f'"{n}" = ?' for n in diff)
            self.conn.execute(
                f"UPDATE {kind} SET {assignments}, updated_at = ? WHERE id = ?",
                [*(to_db(entity.field(n), clean[n]) for n in diff), now, record_id],
            )
            self._journal(kind, record_id, "update", diff, now)
        return {**current, **clean, "updated_at": now}

    def delete(self, kind: str, record_id: str) -> None:
        """Soft delete: the record becomes a tombstone that syncs and can be restored."""
        self._set_deleted(kind, record_id, deleted=True)

    def restore(self, kind: str, record_id: str) -> None:
        self._set_deleted(kind, record_id, deleted=False)

    def _set_deleted(self, kind: str, record_id: str, *, deleted: bool) -> None:
        with self.transaction():
            record = self.get(kind, record_id, include_deleted=True)
            if record is None or (not deleted and not record["deleted"]):
                raise NotFoundError(f"{ENTITIES[kind].label} introuvable : {record_id}")
            if record["deleted"] == deleted:
                return
            now = self.now()
            self.conn.execute(
                f"UPDATE {kind} SET deleted = ?, updated_at = ? WHERE id = ?",
                (int(deleted), now, record_id),
            )
            self._journal(kind, record_id, "delete" if deleted else "restore", {}, now)

    def _journal(
        self, kind: str, record_id: str, op: str, fields: dict[str, list[Any]], at: str
    ) -> None:
        journal.append(
            self.conn, change_id=new_id(), kind=kind, record_id=record_id, op=op, fields=fields,
            at=at, author=self.author, device_id=self.device_id,
        )  # fmt: skip


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
