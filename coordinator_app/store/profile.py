"""The ``Store``: records, journal and metadata of one coordinator's profile.

Every write validates through the domain, then writes the record and its journal entry in one
transaction, so a crash or a killed process leaves either both or neither. The connection and its
lock are in ``store.session``, the reads in ``store.record_reads``.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coordinator_app.domain.entities import APPEND_ONLY_KINDS, ENTITIES, append_only_message
from coordinator_app.domain.errors import NotFoundError, ProfileError, UserError, ValidationFailed
from coordinator_app.domain.rules import with_stage_history
from coordinator_app.domain.validation import clean_record
from coordinator_app.store import journal, paths, writes
from coordinator_app.store.codec import to_db
from coordinator_app.store.connection import open_connection
from coordinator_app.store.migrations import migrate
from coordinator_app.store.record_reads import StoreReads
from coordinator_app.store.session import META_PERSON, Clock, new_id, utc_now

# ``META_PERSON``, ``Clock``, ``new_id`` and ``utc_now`` live in ``store.session``; imported here
# too, where the store's callers have always found them.
__all__ = ["META_PERSON", "Clock", "Store", "new_id", "open_store", "utc_now"]

InvalidRow = Callable[[int, ValidationFailed], None]
BULK_CHUNK = 1000


class Store(StoreReads):
    """One open profile: its reads (``StoreReads``), connection (``StoreSession``) and the
    validated, journaled writes below. Create it with ``open_store``."""

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
