"""Several server PROCESSES on one PostgreSQL database: pushes run concurrently, and the pull
cursor still never skips a change (issue 17).

Three ``coordinator-server serve`` processes (real uvicorn over TLS, each with its own connection
pool) share one fresh PostgreSQL schema, as behind a load balancer. Eight laptops push batches
through them at once: new projects of their own, and now and then an edit of one project every
laptop edits (row locks, conflicts and retried transactions on the way). One more laptop pulls all along with
a small page. At the end the puller must have received every entry of the server's log exactly
once, in increasing seq order, including each acknowledged change and each conflict record.
"""

from __future__ import annotations

import contextlib
import copy
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa

from coordinator_app.server import db
from coordinator_app.server.security import FAST_HASH_ENV
from coordinator_app.server.settings import Settings
from tests.server.conftest import Api, change, new_id, project_fields
from tests.support.live_server import (
    LiveServer,
    free_port,
    postgres_reachable,
    postgres_schema_url,
)

pytestmark = pytest.mark.postgres

PROCESSES = 3
PUSHERS = 8
BATCHES = 16
NEW_PER_BATCH = 4
#: one batch in SHARED_EVERY also edits the project every laptop edits (the others do not wait
#: for its row lock, so their transactions overlap)
SHARED_EVERY = 4
PAGE = 50


@contextlib.contextmanager
def _serving(server: LiveServer, count: int) -> Iterator[list[LiveServer]]:
    """``count`` server processes on ``server``'s database and certificate; one handle each."""
    env = {**os.environ, FAST_HASH_ENV: "1"}
    handles, processes = [], []
    try:
        for _ in range(count):
            handle = copy.copy(server)
            handle.port = free_port()
            command = [
                sys.executable, "-m", "coordinator_app.server.cli", "--db", server.db_url,
                "serve", "--host", "127.0.0.1", "--port", str(handle.port),
                "--cert", str(server.cert_path), "--key", str(server.key_path),
                "--log-level", "warning",
            ]  # fmt: skip
            processes.append(subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL))
            handles.append(handle)
        for handle, process in zip(handles, processes, strict=True):
            _wait_until_up(handle, process)
        yield handles
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                process.kill()


def _wait_until_up(handle: LiveServer, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while True:
        assert process.poll() is None, "a server process stopped"
        assert time.monotonic() < deadline, "a server process did not start"
        try:
            with handle.client() as http:
                if http.get("/api/v1/health").status_code == 200:
                    return
        except httpx.HTTPError:
            pass  # not listening yet
        time.sleep(0.2)


def test_pushes_through_several_processes_never_make_the_cursor_skip(tmp_path: Path) -> None:
    reason = postgres_reachable()
    if reason:
        pytest.skip(reason)
    with postgres_schema_url() as url:
        server = LiveServer(tmp_path, url, Settings(db_url=url))  # migrated; not started
        try:
            for i in range(PUSHERS + 2):
                server.add_user(f"p{i}", regions=["03"])
            with _serving(server, PROCESSES) as handles:
                _run(server, handles)
        finally:
            server.engine.dispose()


def _run(server: LiveServer, handles: list[LiveServer]) -> None:
    owner = Api(handles[0], f"p{PUSHERS + 1}", "créateur")
    shared = new_id()
    owner.push_ok(change("project", shared, "create", project_fields("03", name="Commune")))
    pushers = [Api(handles[i % len(handles)], f"p{i}", f"portable {i}") for i in range(PUSHERS)]
    reader = Api(handles[-1], f"p{PUSHERS}", "lecteur")
    run = _Run(shared)
    threads = [threading.Thread(target=run.push, args=(c, i)) for i, c in enumerate(pushers)]
    puller = threading.Thread(target=run.pull, args=(reader,))
    puller.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    run.done.set()
    puller.join()
    for client in [owner, *pushers, reader]:
        client.close()

    assert run.errors == []
    edits = sum((n + b) % SHARED_EVERY == 0 for n in range(PUSHERS) for b in range(BATCHES))
    acknowledged, pulled = set(run.acknowledged), run.pulled
    assert len(acknowledged) == PUSHERS * BATCHES * NEW_PER_BATCH + edits
    seqs = [seq for seq, _ in pulled]
    assert seqs == sorted(seqs) and len(seqs) == len(set(seqs))  # in order, never twice
    columns = (db.changes.c.seq, db.changes.c.change_id, db.changes.c.kind)
    with db.reading(server.engine) as conn:
        log = {(seq, change_id): kind for seq, change_id, kind in conn.execute(sa.select(*columns))}
    assert sorted(pulled) == sorted(log)  # every entry of the log, the first push's included
    assert acknowledged <= set(pulled)
    others = [kind for entry, kind in log.items() if entry not in acknowledged]
    assert sorted(others) == ["conflict"] * (len(others) - 1) + ["project"]  # + the first push
    assert len(others) > 1  # the laptops' edits of one project did race


class _Run:
    """What the pushing threads acknowledged and the pulling thread received, as (seq, id)."""

    def __init__(self, shared: str) -> None:
        self.shared = shared
        self.acknowledged: list[tuple[int, str]] = []
        self.pulled: list[tuple[int, str]] = []
        self.errors: list[BaseException] = []
        self.done = threading.Event()
        self.lock = threading.Lock()

    def push(self, client: Api, number: int) -> None:
        try:
            for batch_number in range(BATCHES):
                batch = [
                    change("project", new_id(), "create", project_fields("03"))
                    for _ in range(NEW_PER_BATCH)
                ]
                if (number + batch_number) % SHARED_EVERY == 0:
                    name = f"Commune {number}-{batch_number}"
                    edit = {"name": ["Commune", name]}
                    batch.append(change("project", self.shared, "update", edit))
                results = client.push_ok(*batch)
                with self.lock:
                    self.acknowledged += [(r["server_seq"], r["change_id"]) for r in results]
        except BaseException as error:
            self.errors.append(error)

    def pull(self, reader: Api) -> None:
        since = 0
        try:
            while True:
                finished = self.done.is_set()
                response = reader.http.get("/api/v1/pull", params={"since": since, "limit": PAGE})
                assert response.status_code == 200, response.text
                body = response.json()
                self.pulled += [(e["seq"], e["change_id"]) for e in body["changes"]]
                since = body["next_since"]
                if finished and not body["has_more"]:
                    return  # this pull started after every push had committed
        except BaseException as error:
            self.errors.append(error)
