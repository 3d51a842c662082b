"""A writer process killed in the middle of a transaction loses nothing that was committed."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from coordinator_app.store import open_store

WRITER = textwrap.dedent(
    """
    import os, signal, sys
    from coordinator_app.store import open_store
    store = open_store(sys.argv[1])
    for i in range(50):
        store.create("workshop", {"theme": f"Atelier {i}", "held_on": "2026-05-01", "format": "atelier", "region_code": "03"})
    with store.transaction():
        for i in range(50, 80):
            store.create("workshop", {"theme": f"Atelier {i}", "held_on": "2026-05-01", "format": "atelier", "region_code": "03"})
            if i == 70:
                print("killing", flush=True)
                os.kill(os.getpid(), signal.SIGKILL)
    """
)


def test_killed_writer_leaves_committed_data_and_an_openable_profile(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", WRITER, str(tmp_path)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == -9, result.stderr
    assert "killing" in result.stdout
    store = open_store(tmp_path)
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    themes = {w["theme"] for w in store.find("workshop")}
    assert themes == {f"Atelier {i}" for i in range(50)}
    assert store.pending_count() == 50
    store.close()
