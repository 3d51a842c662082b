"""What durable acknowledgements cost the SQLite server: pushes with ``synchronous=NORMAL`` against
``synchronous=FULL`` (what the server runs since issue 13).

    python benchmarks/server_durability.py            # 1 000 single-change pushes, 10 000 in batches
    python benchmarks/server_durability.py --quick    # a tenth of that

Each push goes through ``server.sync.push`` (validation, merge, log, one transaction) on a fresh
SQLite file per setting, the two settings interleaved round by round on the same disk, so the
difference is the fsync of the write-ahead log at each commit. No HTTP: the network would only add
the same constant to both. Results are in benchmarks/README.md (« Server durability »).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("COORDINATOR_SERVER_TEST_FAST_HASH", "1")

from coordinator_app.protocol import models as m
from coordinator_app.server import accounts, db, sync
from coordinator_app.server.settings import Settings

SETTINGS = ("NORMAL", "FULL")


def _changes(count: int, start: int) -> list[m.Change]:
    wire = [
        {
            "change_id": str(uuid.uuid4()),
            "kind": "project",
            "record_id": str(uuid.uuid4()),
            "op": "create",
            "fields": {
                "name": [None, f"CIEC {start + i}"],
                "program": [None, "CIEC"],
                "region_code": [None, "03"],
                "season_year": [None, 2026],
            },
            "at": "2026-06-01T12:00:00+00:00",
            "author": "banc",
        }
        for i in range(count)
    ]
    return m.PushRequest.model_validate({"device_id": "x", "changes": wire}).changes


class _Server:
    def __init__(self, folder: Path, synchronous: str) -> None:
        url = f"sqlite:///{folder / f'{synchronous}.sqlite3'}"
        self.engine = db.make_engine(url, synchronous=synchronous)
        db.migrate(self.engine)
        accounts.add_user(self.engine, "banc", "mot-de-passe-banc", "coordinator", ["03"])
        _, _, token = accounts.login(
            self.engine, Settings(db_url=url), "banc", "mot-de-passe-banc", "banc", "127.0.0.1"
        )
        device = accounts.device_for_token(self.engine, token)
        assert device is not None
        self.device = device
        self.pushed = 0

    def push(self, batch: int, count: int) -> float:
        """Seconds to push ``count`` changes in batches of ``batch``."""
        batches = [_changes(batch, self.pushed + i) for i in range(0, count, batch)]
        self.pushed += count
        started = time.perf_counter()
        for changes in batches:
            sync.push(self.engine, self.device.user, self.device, changes, dt.date(2026, 6, 1))
        return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    scale = 10 if args.quick else 1
    cases = [("1 change per push", 1, 1000 // scale), ("200 changes per push", 200, 10000 // scale)]
    with tempfile.TemporaryDirectory(prefix="durabilite-") as folder:
        servers = {s: _Server(Path(folder), s) for s in SETTINGS}
        print(f"{'case':<22} {'changes':>8} {'NORMAL':>10} {'FULL':>10} {'FULL per commit':>16}")
        for label, batch, count in cases:
            times: dict[str, list[float]] = {s: [] for s in SETTINGS}
            for _ in range(args.rounds):
                for setting in SETTINGS:
                    times[setting].append(servers[setting].push(batch, count))
            normal, full = (statistics.median(times[s]) for s in SETTINGS)
            commits = count // batch
            extra = (full - normal) / commits * 1000
            print(
                f"{label:<22} {count:>8} {normal:>9.3f}s {full:>9.3f}s {extra:>+13.3f} ms"
                f"   ({full / normal:.2f}×)"
            )
        for server in servers.values():
            server.engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
