"""Store side of sync: applying pulled changes, the pull cursor, conflicts and refused changes.

The one rule that makes sync resumable: the rows of a pulled page, their journal entries and the
cursor that says "up to here" are written in ONE transaction. A crash before the commit leaves the
old cursor and none of the rows, so the page is simply pulled again; a crash after leaves both.

A pulled value never overwrites a field that has an unsent local change: the local change will be
pushed and the server merges the two (field-level, three-way), then the merged value comes back.

Conflict records are created by the server only (see ``coordinator_app.protocol.conflicts``; their
fields in ``coordinator_app.domain.conflicts``); this
profile keeps them in table ``conflict`` so the Conflits screen works offline.

Split along its seams: ``sync_types`` (values), ``sync_cursor`` (cursor, generation, push
acknowledgements), ``sync_apply`` (one pulled entry), ``sync_conflicts`` (conflicts and refused
changes), ``sync_files`` (attachment files); this module applies a whole page and re-exports the
rest, so ``sync_state.<name>`` works as before.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from coordinator_app.domain.conflicts import CONFLICT_KIND
from coordinator_app.domain.entities import ENTITIES
from coordinator_app.store import refused_incoming
from coordinator_app.store.sync_apply import (
    _ENTRY_ERRORS,
    _apply_guarded,
    _apply_one,
    _leave_scope,
    _Page,
    _refuse,
)
from coordinator_app.store.sync_conflicts import (
    abandon_refused,
    conflicts,
    get_conflict,
    mark_conflict_resolved,
    refused,
    retry_refused,
)
from coordinator_app.store.sync_cursor import (
    _set_meta,
    acknowledge,
    base_seq,
    base_seqs,
    cursor,
    generation,
    own_held,
    pending_to_push,
    reset_for_new_generation,
    start_own_echo,
)
from coordinator_app.store.sync_files import (
    attachment_shas_to_upload,
    missing_attachment_files,
    read_attachment,
    refuse_attachment,
    write_attachment,
)
from coordinator_app.store.sync_types import (
    META_CURSOR,
    META_GENERATION,
    META_LAST_SYNC,
    META_SCOPE,
    ApplyResult,
    RemoteChange,
    UnreadableEntry,
)

if TYPE_CHECKING:
    from coordinator_app.store.profile import Store

__all__ = [
    "META_CURSOR",
    "META_GENERATION",
    "META_LAST_SYNC",
    "META_SCOPE",
    "ApplyResult",
    "RemoteChange",
    "UnreadableEntry",
    "abandon_refused",
    "acknowledge",
    "apply_page",
    "attachment_shas_to_upload",
    "base_seq",
    "base_seqs",
    "conflicts",
    "cursor",
    "generation",
    "get_conflict",
    "leave_regions",
    "mark_conflict_resolved",
    "missing_attachment_files",
    "own_held",
    "pending_to_push",
    "read_attachment",
    "refuse_attachment",
    "refused",
    "reset_for_new_generation",
    "retry_refused",
    "start_own_echo",
    "write_attachment",
]


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
        page.buffered = not guarded
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
