"""Notes on journal entries, kept on this laptop: a value put back with « Rétablir cette valeur ».

Restoring a value is an ordinary update (validated, journaled, synced like any other), so the
journal's op says « update »; ``restore_value`` writes the update and, in the same transaction,
notes its change as ``RESTORED`` so that the history can say « Valeur rétablie ». The notes are
local (migration 10) and never synced.
"""

from __future__ import annotations

from typing import Any

from coordinator_app.store.profile import Store

RESTORED = "restored_value"


def restore_value(store: Store, kind: str, record_id: str, field: str, old: Any) -> dict[str, Any]:
    """Write back one old value and note the change as a restoration (one transaction)."""
    with store.transaction() as conn:
        last = conn.execute("SELECT coalesce(max(seq), 0) FROM journal").fetchone()[0]
        record = store.update(kind, record_id, {field: old})
        conn.execute(
            "INSERT OR REPLACE INTO journal_notes (change_id, note)"
            " SELECT change_id, ? FROM journal WHERE seq > ? AND kind = ? AND record_id = ?",
            (RESTORED, last, kind, record_id),
        )
    return record


def notes_for(store: Store, kind: str, record_id: str) -> dict[str, str]:
    """change id → note, for the journal entries of one record."""
    with store.reading() as conn:
        rows = conn.execute(
            "SELECT n.change_id, n.note FROM journal_notes n JOIN journal j"
            " ON j.change_id = n.change_id WHERE j.kind = ? AND j.record_id = ?",
            (kind, record_id),
        )
        return dict(rows.fetchall())
