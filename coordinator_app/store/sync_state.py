"""Store side of sync: applying pulled changes, the pull cursor, conflicts and refused changes.

The one rule that makes sync resumable: the rows of a pulled page, their journal entries and the
cursor that says "up to here" are written in ONE transaction. A crash before the commit leaves the
old cursor and none of the rows, so the page is simply pulled again; a crash after leaves both.

A pulled value never overwrites a field that has an unsent local change: the local change will be
pushed and the server merges the two (field-level, three-way), then the merged value comes back.

Conflict records are created by the server only (see ``coordinator_app.protocol.conflicts``; their
fields in ``coordinator_app.domain.conflicts``); this
profile keeps them in table ``conflict`` so the Conflits screen works offline.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from coordinator_app.domain.conflicts import CONFLICT_FIELDS, CONFLICT_JSON_FIELDS, CONFLICT_KIND
from coordinator_app.domain.entities import ENTITIES
from coordinator_app.store import journal, refused_incoming, writes
from coordinator_app.store.codec import to_db

if TYPE_CHECKING:
    from coordinator_app.store.profile import Store

META_CURSOR = "sync_cursor"
META_GENERATION = "server_generation"
META_LAST_SYNC = "last_sync"
META_SCOPE = "sync_scope"


@dataclass(frozen=True)
class RemoteChange:
    """One pulled change, already decoded from the wire (``values`` are canonical values)."""

    seq: int
    change_id: str
    kind: str
    record_id: str
    op: str
    values: Mapping[str, Any]
    deleted: bool | None
    at: str
    author: str | None
    device_id: str | None
    in_scope: bool = True
    author_id: str | None = None  # the author's account (``author`` is their name then)


@dataclass(frozen=True)
class UnreadableEntry:
    """A pulled entry that did not parse (``reason`` says why); its identity as far as known."""

    change_id: str
    seq: int | None
    kind: str
    record_id: str
    op: str
    reason: str
    at: str | None = None
    author: str | None = None


@dataclass
class ApplyResult:
    """What a page did to the profile (summed over a sync for the report)."""

    received: int = 0
    echoed: int = 0  # our own changes coming back: acknowledges a push whose reply was lost
    kept_local: int = 0  # changes whose fields were (partly) left alone for an unsent local edit
    removed: list[tuple[str, str]] = field(default_factory=list)  # left the scope
    kept_out_of_scope: list[tuple[str, str]] = field(default_factory=list)
    new_conflicts: int = 0
    records: set[tuple[str, str]] = field(default_factory=set)  # received (not echoed) records
    stale: bool = False  # the cursor moved under this page (another sync ran): nothing applied

    def add(self, other: ApplyResult) -> None:
        self.received += other.received
        self.echoed += other.echoed
        self.kept_local += other.kept_local
        self.removed += other.removed
        self.kept_out_of_scope += other.kept_out_of_scope
        self.new_conflicts += other.new_conflicts
        self.records |= other.records


# -- cursor and generation ---------------------------------------------------------------------
def cursor(store: Store) -> int:
    return int(store.get_meta(META_CURSOR) or 0)


def generation(store: Store) -> str | None:
    return store.get_meta(META_GENERATION)


def _set_meta(conn: sqlite3.Connection, key: str, value: str | None) -> None:
    if value is None:
        conn.execute("DELETE FROM meta WHERE key = ?", (key,))
    else:
        conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )


def reset_for_new_generation(store: Store, new_generation: str) -> int:
    """The server was restored from a backup: re-send every local change and re-pull from 0.

    The server deduplicates by change id, so re-sending what it still has costs a "duplicate" and
    nothing else; what it lost comes back. Returns how many entries will be re-sent.
    """
    with store.transaction() as conn:
        count = conn.execute(
            "UPDATE journal SET sent_at = NULL, server_seq = NULL WHERE origin = 'local' "
            "AND sent_at IS NOT NULL AND sent_at NOT LIKE 'abandonne:%'"
        ).rowcount
        # seqs of the old generation mean nothing to the restored server (``base_seq``); the
        # full pull that follows gives received entries their new seq
        conn.execute("UPDATE journal SET server_seq = NULL WHERE origin = 'remote'")
        _set_meta(conn, META_CURSOR, "0")
        _set_meta(conn, META_GENERATION, new_generation)
    return count


def pending_to_push(store: Store, limit: int) -> list[journal.JournalEntry]:
    """Unsent local entries, oldest first, without the ones the server refused (those wait for
    the coordinator to retry or abandon them: see ``retry_refused`` and ``abandon_refused``)."""
    with store.reading() as conn:
        return journal.select(
            conn,
            "origin = 'local' AND sent_at IS NULL "
            "AND change_id NOT IN (SELECT change_id FROM sync_refused) ORDER BY seq LIMIT ?",
            (limit,),
        )


def base_seq(store: Store, entry: journal.JournalEntry) -> int | None:
    """The highest server seq of the record this laptop had when it made ``entry``."""
    with store.reading() as conn:
        return conn.execute(
            "SELECT max(server_seq) FROM journal WHERE kind = ? AND record_id = ? AND seq < ?",
            (entry.kind, entry.record_id, entry.seq),
        ).fetchone()[0]


def acknowledge(
    store: Store, acknowledged: Mapping[str, int | None], refused: Mapping[str, str]
) -> int:
    """Mark entries sent on the server's acknowledgement; refused ones stay unsent, with the
    server's reason, until the coordinator retries or abandons them. Returns refusals recorded."""
    now = store.now()
    recorded = 0
    with store.transaction() as conn:
        journal.mark_sent(conn, dict(acknowledged), now)
        for change_id, reason in refused.items():
            row = conn.execute(
                "SELECT kind, record_id FROM journal WHERE change_id = ?", (change_id,)
            ).fetchone()
            if row is None:
                continue
            conn.execute(
                "INSERT OR REPLACE INTO sync_refused (change_id, kind, record_id, reason, "
                "refused_at) VALUES (?, ?, ?, ?, ?)",
                (change_id, row[0], row[1], reason, now),
            )
            recorded += 1
    return recorded


# -- applying a pulled page --------------------------------------------------------------------
def _has_local_hold(conn: sqlite3.Connection, kind: str, record_id: str) -> bool:
    """An unsent or refused local change keeps a record on this laptop even out of scope."""
    return bool(
        conn.execute(
            "SELECT 1 FROM journal WHERE origin = 'local' AND kind = ? AND record_id = ? AND "
            "(sent_at IS NULL OR change_id IN (SELECT change_id FROM sync_refused)) LIMIT 1",
            (kind, record_id),
        ).fetchone()
    )


def _columns(kind: str) -> dict[str, Any]:
    """Field name → encoder to the column value, for an entity kind or ``conflict``."""
    if kind == CONFLICT_KIND:
        return {
            name: (lambda v: json.dumps(v, ensure_ascii=False))
            if name in CONFLICT_JSON_FIELDS
            else None
            for name in CONFLICT_FIELDS
        }
    entity = ENTITIES[kind]
    return {spec.name: (lambda v, s=spec: to_db(s, v)) for spec in entity.fields}


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
    spec = ENTITIES[kind].field(name)
    from coordinator_app.store.codec import from_db

    return from_db(spec, value)


@dataclass
class _Page:
    """What a page needs from the journal, read once for the whole page, and the journal rows it
    writes, inserted with one ``executemany`` (per change these three statements cost more than
    the record's own write)."""

    echoes: dict[str, str]  # change_id → origin, for the page's change ids already journaled
    unsent: dict[tuple[str, str], set[str]]  # (kind, record_id) → fields with an unsent change
    journal_rows: list[tuple] = field(default_factory=list)
    #: a record left the scope in this page and its journal went with it: read echoes one by one
    echoes_stale: bool = False

    def echo(self, conn: sqlite3.Connection, change_id: str) -> str | None:
        if not self.echoes_stale:
            return self.echoes.get(change_id)
        row = conn.execute(
            "SELECT origin FROM journal WHERE change_id = ?", (change_id,)
        ).fetchone()
        return row[0] if row else None

    @classmethod
    def read(cls, conn: sqlite3.Connection, changes: list[RemoteChange]) -> _Page:
        echoes: dict[str, str] = {}
        ids = [c.change_id for c in changes]
        for start in range(0, len(ids), _IN_CHUNK):
            chunk = ids[start : start + _IN_CHUNK]
            marks = ", ".join("?" * len(chunk))
            echoes.update(
                conn.execute(
                    f"SELECT change_id, origin FROM journal WHERE change_id IN ({marks})", chunk
                ).fetchall()
            )
        unsent: dict[tuple[str, str], set[str]] = {}
        by_kind: dict[str, set[str]] = {}
        for change in changes:
            by_kind.setdefault(change.kind, set()).add(change.record_id)
        for kind, record_ids in by_kind.items():
            listed = sorted(record_ids)
            for start in range(0, len(listed), _IN_CHUNK):
                chunk = listed[start : start + _IN_CHUNK]
                marks = ", ".join("?" * len(chunk))
                for record_id, op, fields in conn.execute(
                    "SELECT record_id, op, fields FROM journal WHERE origin = 'local' "
                    f"AND sent_at IS NULL AND kind = ? AND record_id IN ({marks})",
                    [kind, *chunk],
                ):
                    names = unsent.setdefault((kind, record_id), set())
                    if op in ("delete", "restore"):
                        names.add("deleted")
                    names.update(json.loads(fields))
        return cls(echoes, unsent)

    def flush(self, conn: sqlite3.Connection) -> None:
        if self.journal_rows:
            writes.write_entries(conn, self.journal_rows)
            self.journal_rows = []


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
        return
    checked, problems = refused_incoming.check(kind, change.values)
    if problems:  # the entry's other fields apply; the refused ones are kept aside
        _refuse(conn, change, problems, whole=False, now=now)
    held = page.unsent.get((kind, record_id), set())
    values = {k: v for k, v in checked.items() if k not in held}
    if len(values) < len(checked):
        result.kept_local += 1
    deleted = change.deleted if "deleted" not in held else None
    existing = _current(conn, kind, record_id)
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
        writes.write(conn, row, None)
        journal.acknowledge_echo(conn, change.change_id, change.seq, now)
        return
    result.received += 1
    result.records.add((kind, record_id))
    op = change.op if change.op in ("create", "update", "delete", "restore") else "update"
    entry = journal.entry_params(
        change_id=change.change_id, kind=kind, record_id=record_id, op=op, fields=diff,
        at=change.at, author=change.author, device_id=change.device_id, origin="remote",
        sent_at=now, server_seq=change.seq, author_id=change.author_id,
    )  # fmt: skip
    writes.write(conn, row, entry, pending=page.journal_rows)


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
    marked = len(page.journal_rows)
    conn.execute("SAVEPOINT pulled_entry")
    try:
        _apply_one(conn, change, now, part, page)
    except _ENTRY_ERRORS as error:
        conn.execute("ROLLBACK TO pulled_entry")
        conn.execute("RELEASE pulled_entry")
        del page.journal_rows[marked:]
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
        conn.execute(f"DELETE FROM {target_kind} WHERE id = ?", (target_id,))
        conn.execute(
            "DELETE FROM journal WHERE kind = ? AND record_id = ? AND sent_at IS NOT NULL",
            (target_kind, target_id),
        )
        result.removed.append((target_kind, target_id))


def apply_page(
    store: Store,
    changes: Iterable[RemoteChange],
    *,
    since: int,
    next_cursor: int,
    server_generation: str,
    scope: str | None = None,
    unreadable: Iterable[UnreadableEntry] = (),
) -> ApplyResult:
    """Apply one pulled page and advance the cursor, atomically.

    An entry this laptop cannot apply (or only in part) never fails the page: it is kept aside in
    ``sync_refused_incoming`` (``store.refused_incoming``) in the same transaction, and the cursor
    moves past it. ``unreadable`` are the page's entries that did not even parse (the client
    could not read them); they are kept aside the same way.

    ``since`` is the cursor the page was fetched from. If another sync of this profile (the
    window's and the command line's at once) moved the cursor meanwhile, the page is stale:
    applying it would replay older values over newer ones, so nothing is applied
    (``result.stale``) and the caller pulls again from the current cursor.
    """
    listed, unreadable = list(changes), list(unreadable)
    arguments = (store, listed, since, next_cursor, server_generation, scope, unreadable)
    if store.conn.in_transaction:  # inside a caller's transaction: no whole-page retry
        return _apply_page(*arguments, guarded=True)
    try:
        # no savepoint per entry (they cost as much as the entries' own writes): the values were
        # checked before the writes, so an entry failing at its write is rare...
        return _apply_page(*arguments, guarded=False)
    except _ENTRY_ERRORS:
        # ...and then the page (rolled back whole) is applied again entry by entry
        return _apply_page(*arguments, guarded=True)


def _apply_page(
    store: Store,
    listed: list[RemoteChange],
    since: int,
    next_cursor: int,
    server_generation: str,
    scope: str | None,
    unreadable: list[UnreadableEntry],
    *,
    guarded: bool,
) -> ApplyResult:
    result = ApplyResult()
    now = store.now()
    with store.transaction() as conn:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (META_CURSOR,)).fetchone()
        if int(row[0] if row else 0) != since:
            result.stale = True
            return result
        page = _Page.read(conn, listed)
        for entry in unreadable:
            _refuse(conn, entry, [refused_incoming.Problem(None, entry.reason)], whole=True,
                    now=now)  # fmt: skip
        for change in listed:
            if guarded:
                _apply_guarded(conn, change, now, result, page)
            else:
                _apply_one(conn, change, now, result, page)
        page.flush(conn)
        _set_meta(conn, META_CURSOR, str(next_cursor))
        _set_meta(conn, META_GENERATION, server_generation)
        if scope is not None:
            _set_meta(conn, META_SCOPE, scope)
    return result


# -- conflicts and refusals --------------------------------------------------------------------
def conflicts(store: Store, *, status: str | None = "ouvert") -> list[dict[str, Any]]:
    """Conflict records (open ones by default), newest first, JSON values decoded."""
    sql = "SELECT * FROM conflict WHERE deleted = 0"
    params: list[Any] = []
    if status:
        sql += " AND status = ?"
        params.append(status)
    with store.reading() as conn:
        cursor_ = conn.execute(sql + " ORDER BY created_at DESC, id", params)
        names = [d[0] for d in cursor_.description]
        rows = [dict(zip(names, row, strict=True)) for row in cursor_]
    for row in rows:
        for name in CONFLICT_JSON_FIELDS:
            row[name] = json.loads(row[name]) if row[name] is not None else None
        row["deleted"] = bool(row["deleted"])
    return rows


def get_conflict(store: Store, conflict_id: str) -> dict[str, Any] | None:
    return next((c for c in conflicts(store, status=None) if c["id"] == conflict_id), None)


def mark_conflict_resolved(store: Store, conflict_id: str, resolution: Any) -> None:
    """Journal the resolution as an update of the conflict record; it syncs like any change."""
    with store.transaction():
        current = get_conflict(store, conflict_id)
        if current is None or current["status"] != "ouvert":
            return
        store.write_change(
            CONFLICT_KIND,
            conflict_id,
            {"status": "resolu", "resolution": json.dumps(resolution, ensure_ascii=False)},
            {"status": ["ouvert", "resolu"], "resolution": [current["resolution"], resolution]},
        )


def refused(store: Store) -> list[dict[str, Any]]:
    """Local changes the server refused, with its reason, newest first."""
    with store.reading() as conn:
        cursor_ = conn.execute(
            "SELECT r.change_id, r.kind, r.record_id, r.reason, r.refused_at, j.op, j.fields, j.at "
            "FROM sync_refused r JOIN journal j ON j.change_id = r.change_id "
            "ORDER BY r.refused_at DESC"
        )
        names = [d[0] for d in cursor_.description]
        rows = [dict(zip(names, row, strict=True)) for row in cursor_]
    for row in rows:
        row["fields"] = json.loads(row["fields"])
    return rows


def retry_refused(store: Store, change_id: str | None = None) -> int:
    """Send refused changes again at the next sync (all of them when ``change_id`` is None)."""
    with store.transaction() as conn:
        if change_id is None:
            return conn.execute("DELETE FROM sync_refused").rowcount
        return conn.execute("DELETE FROM sync_refused WHERE change_id = ?", (change_id,)).rowcount


def abandon_refused(store: Store, change_id: str) -> None:
    """Stop offering a refused change: it stays in the record's history, marked as not sent."""
    with store.transaction() as conn:
        conn.execute(
            "UPDATE journal SET sent_at = ? WHERE change_id = ? AND sent_at IS NULL",
            (f"abandonne:{store.now()}", change_id),
        )
        conn.execute("DELETE FROM sync_refused WHERE change_id = ?", (change_id,))


# -- attachment files --------------------------------------------------------------------------
def attachment_shas_to_upload(store: Store) -> list[str]:
    """SHA-256 of files referenced by unsent attachment changes, so files go up before records."""
    shas: list[str] = []
    for entry in pending_to_push(store, 100000):
        if entry.kind == "attachment" and "sha256" in entry.fields:
            sha = entry.fields["sha256"][1]
            if sha and sha not in shas:
                shas.append(sha)
    return shas


def refuse_attachment(store: Store, sha256: str, reason: str) -> int:
    """Keep the unsent changes that reference a file the server cannot take, with the reason."""
    reasons = {
        e.change_id: reason
        for e in pending_to_push(store, 100000)
        if e.kind == "attachment" and e.fields.get("sha256", [None, None])[1] == sha256
    }
    return acknowledge(store, {}, reasons)


def read_attachment(store: Store, sha256: str) -> bytes | None:
    """The clear content of a stored attachment file, or None when this laptop lacks it."""
    from coordinator_app.store.attachments import file_path, read_file

    if not file_path(store.data_dir, sha256).exists():
        return None
    return read_file(store, sha256)


def write_attachment(store: Store, sha256: str, data: bytes) -> None:
    """Keep a downloaded file, checked against its hash first (a bad download is never kept),
    encrypted like every attachment of the profile."""
    import hashlib

    from coordinator_app.store import filecrypt
    from coordinator_app.store.attachments import file_path

    if hashlib.sha256(data).hexdigest() != sha256:
        raise ValueError(f"downloaded attachment does not match {sha256}")
    filecrypt.write_encrypted(
        file_path(store.data_dir, sha256), data, filecrypt.file_key(store.conn)
    )


def missing_attachment_files(store: Store) -> list[str]:
    """SHA-256 of live attachment records whose file is not on this laptop yet."""
    from coordinator_app.store.attachments import file_path

    with store.reading() as conn:
        shas = [
            r[0] for r in conn.execute("SELECT DISTINCT sha256 FROM attachment WHERE deleted = 0")
        ]
    return [s for s in shas if s and not file_path(store.data_dir, s).exists()]


def leave_regions(store: Store, regions: Iterable[str]) -> ApplyResult:
    """The user lost some regions: remove what this laptop holds of them (same rule as scope exit:
    records with unsent or refused local changes stay). Reference data stays."""
    lost = list(regions)
    result = ApplyResult()
    if not lost:
        return result
    marks = ", ".join("?" * len(lost))
    with store.transaction() as conn:
        targets: list[tuple[str, str]] = []
        for kind, spec in ENTITIES.items():
            if spec.region_field and not spec.reference:
                targets += [
                    (kind, r[0])
                    for r in conn.execute(
                        f'SELECT id FROM {kind} WHERE "{spec.region_field}" IN ({marks})', lost
                    )
                ]
        targets += [
            (CONFLICT_KIND, r[0])
            for r in conn.execute(f"SELECT id FROM conflict WHERE region_code IN ({marks})", lost)
        ]
        for kind, record_id in targets:
            _leave_scope(conn, kind, record_id, result)
    return result
