"""The benchmark suite runs to completion and writes its table as JSON (timings never fail)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.common import shown
from benchmarks.run import FIGURES

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_benchmarks_run_to_completion(tmp_path: Path) -> None:
    # CI runs `benchmarks/run.py --quick` itself; here the same code at a hundredth of the size.
    out = tmp_path / "bench.json"
    result = subprocess.run(
        [sys.executable, "benchmarks/run.py", "--quick", "--scale", "0.01", "--json", str(out),
         "--compare", "benchmarks/last-full-run.json"],
        cwd=ROOT, capture_output=True, text=True, timeout=280,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    data = json.loads(out.read_text(encoding="utf-8"))
    rows = data["rows"]
    assert len(rows) == len(FIGURES)  # every registered figure ran
    assert data["machine"]["nproc"] >= 1
    for row in rows:
        assert not row["note"].startswith("error"), row
        assert row["ours"] is not None or row["note"].startswith("n/a — "), row
    table = result.stdout
    assert "| figure" in table and "| met? |" in table
    assert all(row["figure"] in table for row in rows)
    # --compare: the previous run's figures beside this run's (its start-up, as it printed it)
    previous = json.loads((ROOT / "benchmarks" / "last-full-run.json").read_text(encoding="utf-8"))
    startup = next(row for row in previous["rows"] if row["figure"].startswith("start-up: process"))
    compared = table.split("Compared with benchmarks/last-full-run.json:", 1)[1]
    assert "| now / before |" in compared
    assert shown(startup["ours"], startup["unit"]) in compared


def test_sync_on_postgresql_is_absent_not_a_crash_without_postgresql(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Nothing listens on port 9: the row says PostgreSQL is not reachable, the run goes on.
    from benchmarks import fig_sync
    from benchmarks.common import Context
    from tests.support import live_server

    monkeypatch.setattr(live_server, "POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:9/x")
    row = fig_sync.push_pull_postgres(Context(scale=0.01, work=tmp_path, quick=True))
    assert row.figure == "sync: push then pull over TLS loopback (PostgreSQL)"
    assert row.ours is None and row.met is None
    assert row.note.startswith("n/a — ") and "PostgreSQL not reachable" in row.note
