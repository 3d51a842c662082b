"""Applying one pulled entry: the field-level hold of unsent local changes, the row and journal
writes, entries kept aside (``refused_incoming``) and records leaving the scope.

``sync_state.apply_page`` runs these for a whole page in one transaction with the cursor.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from coordinator_app.domain.conflicts import CONFLICT_FIELDS, CONFLICT_JSON_FIELDS, CONFLICT_KIND
from coordinator_app.domain.entities import ENTITIES
from coordinator_app.domain.schema import FieldType
from coordinator_app.store import journal, refused_incoming, search_index, writes
from coordinator_app.store.codec import from_db, to_db
from coordinator_app.store.sync_types import ApplyResult, RemoteChange, UnreadableEntry


def _has_local_hold(conn: sqlite3.Connection, kind: str, record_id: str) -> bool:
    """An unsent or refused local change keeps a record on this laptop even out of scope."""
    return bool(
        conn.execute(
            "SELECT 1 FROM journal WHERE origin = 'local' AND kind = ? AND record_id = ? AND "
            "(sent_at IS NULL OR change_id IN (SELECT change_id FROM sync_refused)) LIMIT 1",
            (kind, record_id),
        ).fetchone()
    )


@functools.cache
def _columns(kind: str) -> dict[str, Any]:
    """Field name → encoder to the column value (None: the value is the column's), for an entity
    kind or ``conflict``; built once per kind (a page encodes every value of every entry)."""
    if kind == CONFLICT_KIND:
        dumps = functools.partial(json.dumps, ensure_ascii=False)
        return {name: dumps if name in CONFLICT_JSON_FIELDS else None for name in CONFLICT_FIELDS}
    encoded = [s for s in ENTITIES[kind].fields if s.is_list or s.type == FieldType.BOOL]
    return {
        **dict.fromkeys(ENTITIES[kind].field_names),
        **{s.name: functools.partial(to_db, s) for s in encoded},
    }


def _encode(encoders: dict[str, Any], name: str, value: Any) -> Any:
    encoder = encoders[name]
    return encoder(value) if encoder else value


def _current(conn: sqlite3.Connection, kind: str, record_id: str) -> dict[str, Any] | None:
    cursor_ = conn.execute(f"SELECT * FROM {kind} WHERE id = ?", (record_id,))
    row = cursor_.fetchone()
    if row is None:
        return None
    return dict(zip([d[0] for d in cursor_.description], row, strict=True))


def _decode_column(kind: str, name: str, value: Any) -> Any:
    if kind == CONFLICT_KIND:
        return json.loads(value) if name in CONFLICT_JSON_FIELDS and value is not None else value
    return from_db(ENTITIES[kind].field(name), value)


@dataclass
class _Page:
    """What a page needs from the profile, read once for the whole page, and what it writes,
    kept aside and written with one ``executemany`` per run of equal statements (per change, a
    statement each cost more than the record's own write: benchmarks/README.md, issue 17).

    Reads that must see the page's own writes (a record changed twice in one page, a record
    leaving the scope) first ``flush`` what is kept aside, so the order of the writes is the
    order of the changes. With ``buffered`` false (the guarded, entry-by-entry retry) every row
    is written at once, inside its entry's savepoint."""

    echoes: dict[str, str]  # change_id → origin, for the page's change ids already journaled
    unsent: dict[tuple[str, str], set[str]]  # (kind, record_id) → fields with an unsent change
    #: (kind, record_id) → [(server seq, fields)] of this laptop's acknowledged changes logged
    #: after the page's first entry (``newer_own``)
    acked: dict[tuple[str, str], list[tuple[int, set[str]]]] = field(default_factory=dict)
    #: (kind, record_id) → the record's row (None: not in the profile) as read before the page
    rows: dict[tuple[str, str], dict[str, Any] | None] = field(default_factory=dict)
    buffered: bool = True
    journal_rows: list[tuple] = field(default_factory=list)
    row_writes: list[writes.Row] = field(default_factory=list)
    echo_acks: list[tuple] = field(default_factory=list)
    #: a record left the scope in this page and its journal went with it: read echoes one by one
    echoes_stale: bool = False

    def echo(self, conn: sqlite3.Connection, change_id: str) -> str | None:
        if not self.echoes_stale:
            return self.echoes.get(change_id)
        row = conn.execute(
            "SELECT origin FROM journal WHERE change_id = ?", (change_id,)
        ).fetchone()
        return row[0] if row else None

    def newer_own(self, key: tuple[str, str], seq: int) -> set[str]:
        """Fields this laptop changed itself in a change the server logged after ``seq``.

        An older entry never overwrites them: the server merged our change after it, so its value
        is what the log holds once the pull reaches our change's seq (when the merge altered it,
        our change comes back then and is applied). Without this, a page bringing another
        laptop's older edit of the field would leave it there when the server leaves our own
        change out of the pull (``protocol.own_echo``)."""
        return {name for at, names in self.acked.get(key, ()) if at > seq for name in names}

    def current(self, conn: sqlite3.Connection, kind: str, record_id: str) -> dict[str, Any] | None:
        """The record's row as the page's earlier changes left it."""
        key = (kind, record_id)
        if key in self.rows:
            return self.rows[key]
        self.flush(conn)
        return _current(conn, kind, record_id)

    def write(
        self,
        conn: sqlite3.Connection,
        key: tuple[str, str],
        row: writes.Row | None,
        entry: tuple | None,
    ) -> None:
        """A record's row and journal entry; the row read before the page is now out of date."""
        if row is not None:
            self.rows.pop(key, None)
            if self.buffered:
                self.row_writes.append(row)
                row = None
        writes.write(conn, row, entry, pending=self.journal_rows)

    def acknowledge_echo(
        self, conn: sqlite3.Connection, change_id: str, seq: int, now: str
    ) -> None:
        self.echo_acks.append((now, seq, change_id))
        if not self.buffered:
            self.flush(conn)

    @classmethod
    def read(cls, conn: sqlite3.Connection, changes: list[RemoteChange]) -> _Page:
        echoes: dict[str, str] = {}
        for chunk in _chunks([c.change_id for c in changes]):
            marks = ", ".join("?" * len(chunk))
            echoes.update(
                conn.execute(
                    f"SELECT change_id, origin FROM journal WHERE change_id IN ({marks})", chunk
                ).fetchall()
            )
        by_kind: dict[str, set[str]] = {}
        for change in changes:
            by_kind.setdefault(change.kind, set()).add(change.record_id)
        unsent: dict[tuple[str, str], set[str]] = {}
        acked: dict[tuple[str, str], list[tuple[int, set[str]]]] = {}
        rows: dict[tuple[str, str], dict[str, Any] | None] = {}
        first = min((c.seq for c in changes), default=0)
        for kind, record_ids in by_kind.items():
            for chunk in _chunks(sorted(record_ids)):
                _read_local(conn, kind, chunk, first, unsent, acked)
                if kind == CONFLICT_KIND or kind in ENTITIES:
                    _read_rows(conn, kind, chunk, rows)
        return cls(echoes, unsent, acked, rows)

    def flush(self, conn: sqlite3.Connection) -> None:
        """Write what is kept aside, in order: rows, then journal entries, then echo marks."""
        if self.row_writes:
            writes.write_many(conn, self.row_writes, ())
            self.row_writes = []
        if self.journal_rows:
            writes.write_entries(conn, self.journal_rows)
            self.journal_rows = []
        if self.echo_acks:
            journal.acknowledge_echoes(conn, self.echo_acks)
            self.echo_acks = []


def _chunks(values: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(values), _IN_CHUNK):
        yield values[start : start + _IN_CHUNK]


def _read_local(
    conn: sqlite3.Connection,
    kind: str,
    record_ids: list[str],
    first: int,
    unsent: dict[tuple[str, str], set[str]],
    acked: dict[tuple[str, str], list[tuple[int, set[str]]]],
) -> None:
    """The fields with an unsent local change, for these records, and those of local changes
    the server acknowledged at a seq after ``first`` (``_Page.newer_own``)."""
    marks = ", ".join("?" * len(record_ids))
    for record_id, op, fields, sent_at, server_seq in conn.execute(
        "SELECT record_id, op, fields, sent_at, server_seq FROM journal WHERE origin = 'local' "
        f"AND (sent_at IS NULL OR server_seq > ?) AND kind = ? AND record_id IN ({marks})",
        [first, kind, *record_ids],
    ):
        names = {"deleted"} if op in ("delete", "restore") else set()
        names.update(json.loads(fields))
        if sent_at is None:
            unsent.setdefault((kind, record_id), set()).update(names)
        else:
            acked.setdefault((kind, record_id), []).append((server_seq, names))


def _read_rows(
    conn: sqlite3.Connection,
    kind: str,
    record_ids: list[str],
    rows: dict[tuple[str, str], dict[str, Any] | None],
) -> None:
    """These records' rows (None for those the profile does not hold), in one query."""
    marks = ", ".join("?" * len(record_ids))
    cursor_ = conn.execute(f"SELECT * FROM {kind} WHERE id IN ({marks})", record_ids)
    names = [d[0] for d in cursor_.description]
    rows.update(dict.fromkeys(((kind, r) for r in record_ids), None))
    for values in cursor_:
        row = dict(zip(names, values, strict=True))
        rows[(kind, row["id"])] = row


_IN_CHUNK = 500


def _apply_one(
    conn: sqlite3.Connection, change: RemoteChange, now: str, result: ApplyResult, page: _Page
) -> None:
    kind, record_id = change.kind, change.record_id
    if kind != CONFLICT_KIND and kind not in ENTITIES:
        if change.in_scope:  # a kind this version does not know: kept aside, nothing applied
            _refuse(conn, change, [refused_incoming.Problem(None, refused_incoming.UNKNOWN_KIND)],
                    whole=True, now=now)  # fmt: skip
        return
    origin = page.echo(conn, change.change_id)
    if not change.in_scope:
        page.flush(conn)  # the journal rows of this page are deleted with the record's too
        _leave_scope(conn, kind, record_id, result)
        page.echoes_stale = True
        page.rows.clear()  # rows read before the page may be gone: read them again
        return
    checked, problems = refused_incoming.check(kind, change.values)
    if problems:  # the entry's other fields apply; the refused ones are kept aside
        _refuse(conn, change, problems, whole=False, now=now)
    held = page.unsent.get((kind, record_id), set())
    values = {k: v for k, v in checked.items() if k not in held}
    if len(values) < len(checked):
        result.kept_local += 1
    newer = page.newer_own((kind, record_id), change.seq)
    if newer:
        values = {k: v for k, v in values.items() if k not in newer}
    deleted = change.deleted if "deleted" not in held and "deleted" not in newer else None
    existing = page.current(conn, kind, record_id)
    if existing is None:
        if held:
            result.kept_local += 1
        if kind == CONFLICT_KIND and values.get("status", "ouvert") == "ouvert":
            result.new_conflicts += 1
        row, diff = _insert(kind, change, values, deleted)
    else:
        row, diff = _update(kind, change, existing, values, deleted)
    if origin is not None:
        # our own change coming back (it acknowledges a push whose reply was lost), or, after a
        # server restore, a change already received: either way it takes the server's new seq
        result.echoed += origin == "local"
        page.write(conn, (kind, record_id), row, None)
        page.acknowledge_echo(conn, change.change_id, change.seq, now)
        return
    result.received += 1
    result.records.add((kind, record_id))
    op = change.op if change.op in ("create", "update", "delete", "restore") else "update"
    entry = journal.entry_params(
        change_id=change.change_id, kind=kind, record_id=record_id, op=op, fields=diff,
        at=change.at, author=change.author, device_id=change.device_id, origin="remote",
        sent_at=now, server_seq=change.seq, author_id=change.author_id,
    )  # fmt: skip
    page.write(conn, (kind, record_id), row, entry)


def _insert(
    kind: str, change: RemoteChange, values: dict[str, Any], deleted: bool | None
) -> tuple[writes.Row, dict[str, list[Any]]]:
    """The row of a record this laptop did not have, and its journal diff."""
    encoders = _columns(kind)
    columns = [*writes.METADATA, *values]
    row = [change.record_id, change.at, change.at, change.author, int(bool(deleted))]
    row += [_encode(encoders, k, v) for k, v in values.items()]
    return writes.insert_row(kind, columns, row), {k: [None, v] for k, v in values.items()}


def _update(
    kind: str,
    change: RemoteChange,
    existing: dict[str, Any],
    values: dict[str, Any],
    deleted: bool | None,
) -> tuple[writes.Row | None, dict[str, list[Any]]]:
    """The update of the fields that differ (None when none does), and its journal diff."""
    encoders = _columns(kind)
    diff: dict[str, list[Any]] = {}
    for name, value in values.items():
        old = _decode_column(kind, name, existing.get(name))
        if old != value:
            diff[name] = [old, value]
    columns = {n: _encode(encoders, n, v[1]) for n, v in diff.items()}
    if deleted is not None and bool(existing["deleted"]) != deleted:
        columns["deleted"] = int(deleted)
    if not columns:
        return None, diff
    return writes.update_row(kind, change.record_id, columns, change.at), diff


#: Errors a pulled entry's content can cause at its write. Not ``OperationalError``: a full disk,
#: a locked or damaged database is this laptop's problem, not the entry's; it fails the page (and
#: the sync) with nothing applied, so no entry is wrongly kept aside and the cursor stays put.
_ENTRY_ERRORS = (
    OverflowError,
    TypeError,
    ValueError,
    KeyError,
    sqlite3.IntegrityError,
    sqlite3.InterfaceError,
    sqlite3.ProgrammingError,
    sqlite3.DataError,
)


def _apply_guarded(
    conn: sqlite3.Connection, change: RemoteChange, now: str, result: ApplyResult, page: _Page
) -> None:
    """``_apply_one`` in a savepoint: an entry whose write fails is undone alone and kept aside
    whole, and the rest of the page applies (one bad entry never blocks the cursor)."""
    if not change.in_scope:
        page.flush(conn)  # flushed rows must not be undone with this entry
    part = ApplyResult()
    page.buffered = False  # rows and echo marks written inside the savepoint, undone with it
    marked = len(page.journal_rows)
    conn.execute("SAVEPOINT pulled_entry")
    try:
        _apply_one(conn, change, now, part, page)
    except _ENTRY_ERRORS as error:
        conn.execute("ROLLBACK TO pulled_entry")
        conn.execute("RELEASE pulled_entry")
        del page.journal_rows[marked:]
        page.rows.pop((change.kind, change.record_id), None)  # read it again after the undo
        reason = f"{refused_incoming.UNSTORABLE} ({error.__class__.__name__} : {error})"
        _refuse(conn, change, [refused_incoming.Problem(None, reason)], whole=True, now=now)
        return
    conn.execute("RELEASE pulled_entry")
    result.add(part)


def _refuse(
    conn: sqlite3.Connection,
    change: RemoteChange | UnreadableEntry,
    problems: list[refused_incoming.Problem],
    *,
    whole: bool,
    now: str,
) -> None:
    refused_incoming.record(
        conn, change_id=change.change_id, seq=change.seq, kind=change.kind,
        record_id=change.record_id, op=change.op, at=change.at, author=change.author,
        problems=problems, whole=whole, now=now,
    )  # fmt: skip


def _children(conn: sqlite3.Connection, project_id: str) -> Iterable[tuple[str, str]]:
    for kind, spec in ENTITIES.items():
        if spec.parent_field == "project_id":
            for (child_id,) in conn.execute(
                f"SELECT id FROM {kind} WHERE project_id = ?", (project_id,)
            ).fetchall():
                yield kind, child_id
    for (conflict_id,) in conn.execute(
        "SELECT id FROM conflict WHERE project_id = ?", (project_id,)
    ).fetchall():
        yield CONFLICT_KIND, conflict_id


def _leave_scope(conn: sqlite3.Connection, kind: str, record_id: str, result: ApplyResult) -> None:
    """Remove a record (and a project's children) that left the user's regions — except what an
    unsent or refused local change still holds, which stays visible until resolved."""
    targets = [(kind, record_id)]
    if kind == "project":
        targets += list(_children(conn, record_id))
    for target_kind, target_id in targets:
        if _has_local_hold(conn, target_kind, target_id):
            result.kept_out_of_scope.append((target_kind, target_id))
            continue
        refused_incoming.forget(conn, target_kind, target_id)
        if _current(conn, target_kind, target_id) is None:
            continue
        search_index.unindex(conn, target_kind, [target_id])  # the text it was indexed with
        conn.execute(f"DELETE FROM {target_kind} WHERE id = ?", (target_id,))
        conn.execute(
            "DELETE FROM journal WHERE kind = ? AND record_id = ? AND sent_at IS NOT NULL",
            (target_kind, target_id),
        )
        result.removed.append((target_kind, target_id))
