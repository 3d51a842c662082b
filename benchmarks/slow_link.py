"""Sync over a slow link (issue 17, « hotel Wi-Fi »), with and without gzip.

Run as root (it needs a network namespace): ``python benchmarks/slow_link.py [changes] [rate]``.
It re-runs itself inside a new network namespace whose own loopback is shaped with ``tc tbf``
(``rate`` kbit/s shared by both directions, MTU 1500; no added delay: this machine's kernel has
no ``netem``), so nothing outside the namespace is slowed. In there, laptop A pushes ``changes`` changes and laptop B pulls them, against
the live server with gzip (this version) and without (the server built as before issue 17: the
laptop then sends and gets plain JSON, as with an old server).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAMESPACE = "carnet-slow-link"


def _shaped(argv: list[str]) -> int:
    """Run this script again inside a fresh namespace with a shaped loopback."""
    rate = argv[1] if len(argv) > 1 else "2000"
    run = ["ip", "netns", "exec", NAMESPACE]
    subprocess.run(["ip", "netns", "del", NAMESPACE], stderr=subprocess.DEVNULL)
    subprocess.run(["ip", "netns", "add", NAMESPACE], check=True)
    try:
        subprocess.run([*run, "ip", "link", "set", "lo", "mtu", "1500", "up"], check=True)
        subprocess.run(
            [*run, "tc", "qdisc", "add", "dev", "lo", "root", "tbf", "rate", f"{rate}kbit",
             "burst", "16kb", "latency", "500ms"],
            check=True,
        )  # fmt: skip
        env = {**os.environ, "CARNET_SLOW_LINK": rate}
        return subprocess.run([*run, sys.executable, __file__, *argv], env=env).returncode
    finally:
        subprocess.run(["ip", "netns", "del", NAMESPACE])


def _measure(changes: int) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("COORDINATOR_APP_PASSPHRASE", "benchmarks-passphrase")
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    from benchmarks.fig_sync import fill, laptop, server, sync_once

    rate = os.environ["CARNET_SLOW_LINK"]
    print(f"{changes} changes over {rate} kbit/s (shared by both directions)")
    print("| server | push | pull | total | requests |")
    print("|---|---|---|---|---|")
    for compression in (False, True):
        work = Path(tempfile.mkdtemp(prefix="carnet-slow-"))
        try:
            with server(work / "server", [{"username": "alice", "regions": ["03"]}],
                        compression=compression) as srv:  # fmt: skip
                a, b = laptop(work / "a", srv, "alice"), laptop(work / "b", srv, "alice")
                fill(a, changes, "03")
                started = time.perf_counter()
                push_s, pushed = sync_once(a)
                pull_s, pulled = sync_once(b)
                total = time.perf_counter() - started
                a.close()
                b.close()
        finally:
            shutil.rmtree(work, ignore_errors=True)
        name = "gzip (this version)" if compression else "plain JSON (before issue 17)"
        print(
            f"| {name} | {push_s:.1f} s | {pull_s:.1f} s | {total:.1f} s | "
            f"{pushed.requests} + {pulled.requests} |"
        )


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    if "CARNET_SLOW_LINK" not in os.environ:
        sys.exit(_shaped([str(count), *sys.argv[2:]]))
    _measure(count)
