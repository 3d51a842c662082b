"""Issue 13, point 1: on the SQLite server, acknowledged means durable.

The real ``coordinator-server serve`` runs under ``strace -f`` (Debian package strace, installed by
.ci/run); a laptop pushes a change over HTTPS; the trace must show the write-ahead log frames that
hold the change, then an fsync/fdatasync of the write-ahead log, then the response leaving on the
socket (not the event loop's wake-up pipe). With ``synchronous=NORMAL`` the log is synced only at checkpoints and the response goes out
before the change is on disk: this test fails then.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import signal
import ssl
import subprocess
import sys
import time
from pathlib import Path

import httpx

from coordinator_app.protocol.versions import version_headers
from coordinator_app.server.security import FAST_HASH_ENV
from tests.server.conftest import change, new_id, project_fields
from tests.support.live_server import PASSWORD, free_port

_LINE = re.compile(r"^(\d+)\s+(.*)$")
_RESUMED = re.compile(r"^<\.\.\. (\w+) resumed>")
_CALL = re.compile(r"^(\w+)\(")


def _cli(env: dict[str, str], *args: str, stdin: str | None = None) -> None:
    subprocess.run(
        [sys.executable, "-m", "coordinator_app.server.cli", *args],
        env=env,
        input=stdin,
        text=True,
        check=True,
        capture_output=True,
    )


def _events(trace: str) -> list[tuple[str, str]]:
    """The completed system calls in completion order: (name, whole call text)."""
    pending: dict[str, str] = {}
    events = []
    for line in trace.splitlines():
        match = _LINE.match(line)
        if not match:
            continue
        pid, rest = match.groups()
        if rest.endswith("<unfinished ...>"):
            pending[pid] = rest.removesuffix("<unfinished ...>")
            continue
        resumed = _RESUMED.match(rest)
        if resumed:
            events.append((resumed.group(1), pending.pop(pid, "") + rest))
            continue
        call = _CALL.match(rest)
        if call:
            events.append((call.group(1), rest))
    return events


def test_the_write_ahead_log_is_synced_before_a_push_is_acknowledged(tmp_path: Path) -> None:
    strace = shutil.which("strace")
    assert strace, "strace is needed (apt-get install strace; .ci/run installs it)"
    db_url = f"sqlite:///{tmp_path / 'serveur.sqlite3'}"
    env = {**os.environ, FAST_HASH_ENV: "1"}
    _cli(env, "--db", db_url, "init")
    _cli(env, "--db", db_url, "add-user", "alice", "--role", "coordinator", "--region", "03",
         "--password-stdin", stdin=PASSWORD + "\n")  # fmt: skip
    _cli(env, "dev-cert", str(tmp_path / "tls"))
    port = free_port()
    trace_file = tmp_path / "trace.txt"
    tracer = subprocess.Popen(
        [
            strace, "-f", "-qq", "-yy", "-s", "8192", "-o", str(trace_file),
            "-e", "trace=fsync,fdatasync,pwrite64,write,sendto,sendmsg",
            sys.executable, "-m", "coordinator_app.server.cli", "--db", db_url, "serve",
            "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning",
            "--cert", str(tmp_path / "tls" / "server.pem"),
            "--key", str(tmp_path / "tls" / "server-key.pem"),
        ],
        env=env,
    )  # fmt: skip
    marker = f"Durabilite {secrets.token_hex(8)}"
    try:
        context = ssl.create_default_context(cafile=str(tmp_path / "tls" / "ca.pem"))
        with httpx.Client(
            base_url=f"https://127.0.0.1:{port}",
            verify=context,
            headers=version_headers(),
            timeout=60,
        ) as http:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if http.get("/api/v1/health").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                assert time.monotonic() < deadline, "the traced server did not start"
                assert tracer.poll() is None, "the traced server stopped"
                time.sleep(0.2)
            login = http.post(
                "/api/v1/login",
                json={"username": "alice", "password": PASSWORD, "device_name": "portable"},
            ).json()
            response = http.post(
                "/api/v1/push",
                headers={"Authorization": f"Bearer {login['token']}"},
                json={
                    "device_id": login["device_id"],
                    "changes": [
                        change("project", new_id(), "create", project_fields("03", marker))
                    ],
                },
            )
            assert response.status_code == 200, response.text
            assert response.json()["results"][0]["status"] == "applied"
    finally:
        children = Path(f"/proc/{tracer.pid}/task/{tracer.pid}/children")
        pids = children.read_text().split() if children.exists() else []
        for pid in pids:
            os.kill(int(pid), signal.SIGTERM)
        try:
            tracer.wait(30)
        except subprocess.TimeoutExpired:
            tracer.kill()
            tracer.wait()

    events = _events(trace_file.read_text(errors="replace"))
    client_socket = f"TCP:[127.0.0.1:{port}->"  # -yy: the connection from the laptop
    wal_writes = [
        i for i, (name, text) in enumerate(events)
        if name in ("pwrite64", "write") and "-wal>" in text and marker in text
    ]  # fmt: skip
    assert wal_writes, "the pushed change never reached the write-ahead log"
    last_write = wal_writes[-1]
    answer = next(
        i for i, (name, text) in enumerate(events)
        if i > last_write and name in ("sendto", "sendmsg", "write") and client_socket in text
    )  # fmt: skip
    syncs = [
        name for name, text in events[last_write + 1 : answer]
        if name in ("fsync", "fdatasync") and "-wal>" in text
    ]  # fmt: skip
    assert syncs, "the response left before the write-ahead log was synced: " + "; ".join(
        f"{n} {t[:80]}" for n, t in events[last_write : answer + 1]
    )
