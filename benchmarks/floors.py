"""The sync floor: what moving these changes costs with no product code at all (issue 17).

The old sync baseline POSTs prepared bytes to the product's own push handler, so it includes the
server's validation, merge and commit: it is not a floor. The floor is

- the same push bodies sent over TLS on loopback to a bare ASGI app under the same uvicorn (it
  keeps the bytes in memory) and read back in pull-sized pages: the wire;
- a raw ``executemany`` of the same rows into a plain SQLite table on each side, one transaction
  each, with ``synchronous=FULL`` like the profile and the server: the disk.

The server runs in its own process (no shared interpreter lock), with the certificates of the
live test server, so the TLS work is the same as the product's.
"""

from __future__ import annotations

import json
import sqlite3
import ssl
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

from benchmarks.common import ROOT, qt_env

BYTES_SERVER = """
import sys, uvicorn
pages = []
joined = {}

async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    if scope["method"] == "POST":
        body, more = b"", True
        while more:
            message = await receive()
            body += message.get("body", b"")
            more = message.get("more_body", False)
        pages.append(body)
        answer = b'{"ok": true}'
    else:
        # « i-n »: the i-th of n equal slices of every byte pushed (a pull page)
        index, count = (int(x) for x in scope["query_string"].decode().split("-"))
        blob = joined.get(len(pages))
        if blob is None:
            blob = joined[len(pages)] = b"".join(pages)
        size = -(-len(blob) // count) if blob else 0
        answer = blob[index * size : (index + 1) * size] or b"[]"
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"application/json")]})
    await send({"type": "http.response.body", "body": answer})

config = uvicorn.Config(app, host="127.0.0.1", port=int(sys.argv[1]), ssl_certfile=sys.argv[2],
                        ssl_keyfile=sys.argv[3], log_level="warning")
server = uvicorn.Server(config)
import threading
threading.Thread(target=server.run, daemon=True).start()
import time
while not server.started:
    time.sleep(0.01)
print("READY", flush=True)
sys.stdin.read()
"""


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wire_seconds(ca_path: Path, bodies: list[bytes], pulls: int) -> float:
    """POST every body, then GET every byte back in ``pulls`` pages, over TLS
    on loopback to a bare uvicorn app in another process. The handshake is outside the timing
    (the product's client keeps one connection too)."""
    tls = ca_path.parent
    port = _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            BYTES_SERVER,
            str(port),
            str(tls / "server.pem"),
            str(tls / "server-key.pem"),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=qt_env(),
        cwd=ROOT,
    )
    try:
        assert process.stdout is not None
        if not process.stdout.readline().startswith("READY"):
            raise RuntimeError(f"bytes server did not start: {process.stderr.read()[-800:]}")
        context = ssl.create_default_context(cafile=str(ca_path))
        with httpx.Client(base_url=f"https://127.0.0.1:{port}", verify=context, timeout=60) as http:
            http.get("/?0-1")  # handshake
            started = time.perf_counter()
            for body in bodies:
                http.post(
                    "/", content=body, headers={"Content-Type": "application/json"}
                ).raise_for_status()
            received = 0
            for page in range(pulls):
                received += len(http.get(f"/?{page}-{pulls}").content)
            elapsed = time.perf_counter() - started
    finally:
        assert process.stdin is not None
        process.stdin.close()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
    if received < sum(len(b) for b in bodies):
        raise RuntimeError("the bytes server returned too little")
    return elapsed


def sqlite_seconds(path: Path, rows: list[tuple[Any, ...]]) -> float:
    """The rows into a plain table in one transaction with ``synchronous=FULL`` (WAL, like the
    profile and the SQLite server)."""
    path.unlink(missing_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute(
            "CREATE TABLE rows (change_id TEXT PRIMARY KEY, kind TEXT, record_id TEXT, fields TEXT)"
        )
        started = time.perf_counter()
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO rows VALUES (?, ?, ?, ?)", rows)
        conn.execute("COMMIT")
        return time.perf_counter() - started
    finally:
        conn.close()


def floor(
    ca_path: Path, work: Path, wire: list[dict[str, Any]], *, batch: int = 500, page: int = 1000
) -> dict:
    """The floor of syncing ``wire`` (the engine's push changes): wire + SQLite on each side."""
    bodies = [
        json.dumps({"device_id": "floor", "changes": wire[i : i + batch]}).encode()
        for i in range(0, len(wire), batch)
    ]
    pulls = max(1, -(-len(wire) // page))  # the pull's page size
    rows = [(c["change_id"], c["kind"], c["record_id"], json.dumps(c["fields"])) for c in wire]
    wire_s = wire_seconds(ca_path, bodies, pulls)
    sides = [sqlite_seconds(work / f"floor-{side}.sqlite3", rows) for side in ("a", "b")]
    return {
        "seconds": wire_s + sum(sides),
        "wire_s": wire_s,
        "sqlite_s": sides,
        "bytes": sum(len(b) for b in bodies),
    }
