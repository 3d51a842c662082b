"""A pull names the laptop's own acknowledged changes after its cursor (the echo left out): that
lookup must cost the same on a profile with a long history as on a new one. Before migration 14
it read every local journal entry, so a sync of one change on the 126 000-entry benchmark profile
took 138 ms against 13 ms on a small one."""

from __future__ import annotations

from coordinator_app.store import open_store, sync_cursor
from coordinator_app.store.journal import select


def _acknowledge_all(store, first_seq: int) -> int:
    """Acknowledge every unsent local change at consecutive server seqs; returns the last one."""
    with store.reading() as conn:
        pending = select(conn, "origin = 'local' AND sent_at IS NULL ORDER BY seq", ())
    seqs = {entry.change_id: first_seq + n for n, entry in enumerate(pending)}
    sync_cursor.acknowledge(store, seqs, {})
    return first_seq + len(pending) - 1


def _steps_of_own_held(store, since: int) -> tuple[list[int], int]:
    steps = 0

    def count() -> int:
        nonlocal steps
        steps += 1
        return 0

    store.conn.set_progress_handler(count, 1)
    try:
        held = sync_cursor.own_held(store, since)
    finally:
        store.conn.set_progress_handler(None, 1)
    return held, steps


def _projects(store, count: int, start: int) -> None:
    with store.transaction():
        for n in range(start, start + count):
            store.create(
                "project",
                {"name": f"Coop {n}", "program": "FERME_COOP", "region_code": "03"},
            )


def test_naming_own_changes_after_the_cursor_does_not_read_the_whole_history(tmp_path):
    store = open_store(tmp_path)
    sync_cursor.start_own_echo(store)  # a new profile: every acknowledged change is named
    _projects(store, 20, 0)
    top = _acknowledge_all(store, 1)
    held, small = _steps_of_own_held(store, top)
    assert held == []
    _projects(store, 2000, 20)
    top = _acknowledge_all(store, top + 1)
    _projects(store, 3, 2020)
    newest = _acknowledge_all(store, top + 1)
    held, large = _steps_of_own_held(store, top)
    assert held == [top + 1, top + 2, newest]
    assert large < small * 3, f"{large} VM steps after 2 000 changes, {small} after 20"
