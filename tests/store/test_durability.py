"""A visit saved a second before the battery dies survives: every commit of the profile reaches the
disk before the save (or the pulled page) returns.

With WAL and ``synchronous=NORMAL`` SQLite syncs the write-ahead log only at checkpoints, so the
last commits before a power loss could vanish. The profile runs ``synchronous=FULL``. The proof is
on the system calls of a real process (strace): the save of a visit with three action items, and
a pulled page applied with its cursor, are each followed by an fsync/fdatasync of the profile's
``-wal`` file before the process says it is done.
"""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

from coordinator_app.store import open_store
from coordinator_app.store.connection import open_reader

FULL = 2  # PRAGMA synchronous: 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA

CHILD = textwrap.dedent(
    """
    import sys
    from coordinator_app.store import open_store, sync_state

    store = open_store(sys.argv[1])
    project = store.create("project", {"name": "Coop des Chutes", "program": "FERME_COOP",
                                       "region_code": "03"})
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # what follows is only in the WAL
    store.create("project", {"name": "Coop du Rang", "program": "FERME_COOP",
                             "region_code": "03"})  # the WAL has restarted (its header is synced)
    print("READY", flush=True)
    with store.transaction():  # what the visit editor's « Enregistrer » does
        visit = store.create("visit", {"project_id": project["id"], "mode": "sur_place",
                                       "visited_at": "2026-05-04T14:30"})
        for text in ("Envoyer le budget", "Appeler la caisse", "Réserver la salle"):
            store.create("action_item", {"project_id": project["id"], "visit_id": visit["id"],
                                         "text": text, "owner": "Coordination",
                                         "due_date": "2026-06-01"})
    print("SAVED", flush=True)
    change = sync_state.RemoteChange(
        seq=1, change_id="5b0c7a0e-0c1f-4c57-9a53-6a1d1f2b9c01", kind="workshop",
        record_id="atelier-1", op="create",
        values={"theme": "Gouvernance", "held_on": "2026-05-01", "format": "atelier",
                "region_code": "03"},
        deleted=False, at="2026-05-01T10:00:00+00:00", author="bruno", device_id="d2")
    sync_state.apply_page(store, [change], since=0, next_cursor=1, server_generation="g1")
    print("PULLED", flush=True)
    store.close()
    """
)


def test_every_connection_of_the_profile_syncs_each_commit(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    try:
        assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == FULL
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        reader = open_reader(store.conn, store.path)
        assert reader.execute("PRAGMA synchronous").fetchone()[0] == FULL
        reader.close()
    finally:
        store.close()


def _events(trace: str) -> list[str]:
    """``sync`` for an fsync/fdatasync of a ``-wal`` file, ``write:X`` for a marker on stdout."""
    events = []
    for line in trace.splitlines():
        if re.search(r"\b(fsync|fdatasync)\(\d+<[^>]*-wal>\)\s*=\s*0", line):
            events.append("sync")
        elif marker := re.search(r"\bwrite\(1(?:<[^>]*>)?, \"(READY|SAVED|PULLED)", line):
            events.append(f"write:{marker.group(1)}")
    return events


def test_a_saved_visit_and_a_pulled_page_are_on_disk_before_they_return(tmp_path: Path) -> None:
    trace = tmp_path / "strace.txt"
    result = subprocess.run(
        [
            "strace", "-f", "-y", "-s", "64", "-o", str(trace),
            "-e", "trace=fsync,fdatasync,write",
            sys.executable, "-c", CHILD, str(tmp_path / "profil"),
        ],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["READY", "SAVED", "PULLED"]
    events = _events(trace.read_text(encoding="utf-8", errors="replace"))
    ready, saved, pulled = (events.index(f"write:{m}") for m in ("READY", "SAVED", "PULLED"))
    assert "sync" in events[ready:saved], events  # the visit and its action items
    assert "sync" in events[saved:pulled], events  # the pulled page and its cursor
