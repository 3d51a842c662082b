"""The pull cursor, the server generation and the push queue's acknowledgements (the ``meta``
keys and journal marks that say how far this profile is in sync)."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import TYPE_CHECKING

from coordinator_app.store import journal
from coordinator_app.store.sync_types import META_CURSOR, META_GENERATION, META_OWN_FROM

if TYPE_CHECKING:
    from coordinator_app.store.profile import Store


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
        # the rows may hold values of the old generation the restored server lost: name no own
        # change in pulls until the next sync starts, after this one's full pull (``own_held``)
        _set_meta(conn, META_OWN_FROM, None)
    return count


def start_own_echo(store: Store) -> None:
    """Note, once, the highest seq this profile's own changes were acknowledged at so far.

    Only changes acknowledged after it are named in pulls (``own_held``). A version before
    this one let a page overwrite an acknowledged change with an older entry until the change
    came back on a later page; a pull cut between the two left that older value in the row, so
    what was acknowledged then is not trusted to be held. A profile restored from a copy made
    before this version has no mark either, and gets one the same way; so does a profile whose
    server was restored (``reset_for_new_generation`` removes the mark: its rows may hold values
    the restored server lost, until a full pull has replayed the server's log over them)."""
    if store.get_meta(META_OWN_FROM) is not None:
        return
    with store.transaction() as conn:
        row = conn.execute("SELECT max(server_seq) FROM journal WHERE origin = 'local'").fetchone()
        _set_meta(conn, META_OWN_FROM, str(row[0] or 0))


def own_held(store: Store, since: int) -> list[int]:
    """Seqs after ``since`` at which the server acknowledged this profile's own changes, as its
    journal holds them (applied to its rows when made): a pull may name them (protocol
    ``own_echo``). After the profile is restored from a copy, what the copy lacks is not named,
    so it comes back."""
    mark = store.get_meta(META_OWN_FROM)
    if mark is None:
        return []
    floor = max(since, int(mark))
    with store.reading() as conn:
        return [
            seq
            for (seq,) in conn.execute(
                "SELECT server_seq FROM journal WHERE origin = 'local' AND server_seq > ? "
                "ORDER BY server_seq",
                (floor,),
            )
        ]


def pending_to_push(
    store: Store, limit: int, *, kind: str | None = None
) -> list[journal.JournalEntry]:
    """Unsent local entries, oldest first, without the ones the server refused (those wait for
    the coordinator to retry or abandon them: see ``retry_refused`` and ``abandon_refused``).
    With ``kind``, only that kind's (the attachment files' scan reads no other entry)."""
    where = "origin = 'local' AND sent_at IS NULL " + ("AND kind = ? " if kind else "")
    params = (kind, limit) if kind else (limit,)
    with store.reading() as conn:
        return journal.select(
            conn,
            where
            + "AND change_id NOT IN (SELECT change_id FROM sync_refused) ORDER BY seq LIMIT ?",
            params,
        )


def base_seq(store: Store, entry: journal.JournalEntry) -> int | None:
    """The highest server seq of the record this laptop had when it made ``entry``."""
    with store.reading() as conn:
        return conn.execute(
            "SELECT max(server_seq) FROM journal WHERE kind = ? AND record_id = ? AND seq < ?",
            (entry.kind, entry.record_id, entry.seq),
        ).fetchone()[0]


def base_seqs(store: Store, entries: list[journal.JournalEntry]) -> dict[str, int | None]:
    """``base_seq`` of every entry of a push batch, from one query per 500 records instead of one
    per entry (issue 17: 10 000 queries were a fifth of the client's push)."""
    by_kind: dict[str, set[str]] = {}
    for entry in entries:
        by_kind.setdefault(entry.kind, set()).add(entry.record_id)
    known: dict[tuple[str, str], list[tuple[int, int]]] = {}
    with store.reading() as conn:
        for kind, record_ids in by_kind.items():
            listed = sorted(record_ids)
            for start in range(0, len(listed), 500):
                chunk = listed[start : start + 500]
                marks = ", ".join("?" * len(chunk))
                for record_id, seq, server_seq in conn.execute(
                    "SELECT record_id, seq, server_seq FROM journal WHERE kind = ? AND "
                    f"record_id IN ({marks}) AND server_seq IS NOT NULL",
                    [kind, *chunk],
                ):
                    known.setdefault((kind, record_id), []).append((seq, server_seq))
    return {
        entry.change_id: max(
            (
                server
                for seq, server in known.get((entry.kind, entry.record_id), ())
                if seq < entry.seq
            ),
            default=None,
        )
        for entry in entries
    }


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
