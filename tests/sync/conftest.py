"""A real sync server for the sync tests: uvicorn over TLS on 127.0.0.1 (trustme certificates),
the server's own FastAPI app on a real SQLite database, and laptops that are real profiles.

One listener serves the whole session; ``LiveServer.reset()`` swaps in a fresh database (a new
``create_app`` on a new SQLite file), so each test — and each Hypothesis example — starts from an
empty server without paying for a new TLS listener. ``restart()`` stops and restarts the listener on
the same port with a new app instance (what a server process restart looks like to a client);
``backup()`` / ``restore()`` use the SQLite backup API and renew the server generation, like
``coordinator-server restore``.
"""

from __future__ import annotations

import itertools
import socket
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
import trustme
import uvicorn

from coordinator_app.server import accounts, db
from coordinator_app.server.app import create_app
from coordinator_app.server.settings import Settings
from coordinator_app.store import Store, open_store
from coordinator_app.sync import account
from coordinator_app.sync.engine import SyncEngine, SyncReport

PASSWORD = "mot-de-passe-de-test-1"


class _Swappable:
    """ASGI app that forwards to the current server app (replaced by ``reset``/``restore``)."""

    def __init__(self) -> None:
        self.app: Any = None

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await self.app(scope, receive, send)


class LiveServer:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        ca = trustme.CA(organization_name="Carnet tests CA")
        cert = ca.issue_cert("127.0.0.1", "localhost")
        self.ca_file = folder / "ca.pem"
        self.cert_file = folder / "server.pem"
        self.key_file = folder / "server-key.pem"
        ca.cert_pem.write_to_path(str(self.ca_file))
        cert.private_key_pem.write_to_path(str(self.key_file))
        cert.cert_chain_pems[0].write_to_path(str(self.cert_file))
        self.app = _Swappable()
        self.users: set[str] = set()
        self._counter = itertools.count(1)
        self.db_path: Path | None = None
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        sock.close()
        self.url = f"https://127.0.0.1:{self.port}"
        self.reset()
        self.start()

    # -- listener ---------------------------------------------------------------------------
    def start(self) -> None:
        config = uvicorn.Config(
            self.app,
            host="127.0.0.1",
            port=self.port,
            ssl_certfile=str(self.cert_file),
            ssl_keyfile=str(self.key_file),
            log_level="warning",
            lifespan="off",
            timeout_graceful_shutdown=1,
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        while not self.server.started:
            if not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            threading.Event().wait(0.01)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)

    def restart(self) -> None:
        """Stop the listener, start a new one on the same port with a new app on the same DB."""
        self.stop()
        self.app.app = self._make_app()
        self.start()

    # -- database ---------------------------------------------------------------------------
    def _make_app(self) -> Any:
        return create_app(Settings(db_url=f"sqlite:///{self.db_path}"))

    @property
    def engine(self) -> Any:
        return self.app.app.state.engine

    def reset(self) -> None:
        """A fresh, empty server database (new generation)."""
        old = self.app.app
        self.db_path = self.folder / f"server-{next(self._counter)}.sqlite3"
        self.users: set[str] = set()
        engine = db.make_engine(f"sqlite:///{self.db_path}")
        db.migrate(engine)
        engine.dispose()
        self.app.app = self._make_app()
        if old is not None:
            old.state.engine.dispose()

    def add_user(self, username: str, regions: list[str], role: str = "coordinator") -> str:
        accounts.add_user(self.engine, username, PASSWORD, role, regions)
        self.users.add(username)
        return username

    def records(self) -> dict[str, dict[str, Any]]:
        """The server's current records: kind → id → (field values, deleted)."""
        import sqlalchemy as sa

        result: dict[str, dict[str, Any]] = {}
        with db.reading(self.engine) as conn:
            for row in conn.execute(sa.select(db.records)):
                result.setdefault(row.kind, {})[row.record_id] = (dict(row.data), bool(row.deleted))
        return result

    def change_ids(self) -> list[str]:
        import sqlalchemy as sa

        with db.reading(self.engine) as conn:
            return [r[0] for r in conn.execute(sa.select(db.changes.c.change_id))]

    def set_regions(self, username: str, regions: list[str]) -> None:
        accounts.set_regions(self.engine, username, regions)

    def backup(self) -> Path:
        target = self.folder / f"backup-{next(self._counter)}.sqlite3"
        source, copy = sqlite3.connect(str(self.db_path)), sqlite3.connect(str(target))
        try:
            source.backup(copy)
        finally:
            source.close()
            copy.close()
        return target

    def restore(self, backup: Path) -> None:
        """Replace the database with an older copy and renew the generation (as the CLI does)."""
        self.app.app.state.engine.dispose()
        source, target = sqlite3.connect(str(backup)), sqlite3.connect(str(self.db_path))
        try:
            source.backup(target)
        finally:
            source.close()
            target.close()
        self.app.app = self._make_app()
        db.renew_generation(self.engine)

    def generation(self) -> str:
        with db.reading(self.engine) as conn:
            return db.generation(conn)


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    # Argon2 with its production cost takes about 0.5 s per hash on these machines; the sync tests
    # log in hundreds of times (Hypothesis), so they use the same hasher with the lowest cost.
    # Login and password checks themselves are the server's tests, at full cost.
    from argon2 import PasswordHasher

    from coordinator_app.server import security

    production = security._hasher
    security._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    server = LiveServer(tmp_path_factory.mktemp("serveur"))
    yield server
    server.stop()
    security._hasher = production


@pytest.fixture
def server(live_server: LiveServer) -> LiveServer:
    """The live server with an empty database for this test."""
    live_server.reset()
    return live_server


class FaultyTransport(httpx.BaseTransport):
    """The real HTTPS transport to the live server, with faults injected at chosen requests.

    ``plan`` maps a step name to what goes wrong: ``"drop"`` cuts the connection before the server
    gets the request; ``"lose"`` lets the server process and commit the request, then loses the
    response (the client sees the connection reset). Steps: ``push``, ``pull``, ``chunk``,
    ``complete``, ``download`` (the n-th such request when the name ends with ``#n``).
    """

    def __init__(self, ca_file: Path, plan: dict[str, str] | None = None) -> None:
        from coordinator_app.sync.transport import ssl_context

        self.inner = httpx.HTTPTransport(verify=ssl_context(ca_file))
        self.plan = dict(plan or {})
        self.counts: dict[str, int] = {}
        self.faults: list[str] = []
        self.before: dict[str, Any] = {}  # step → callable run before forwarding

    @staticmethod
    def step(request: httpx.Request) -> str:
        path = request.url.path
        for name in ("push", "pull", "complete", "chunks", "login"):
            if f"/{name}" in path:
                return name
        if "/attachments/" in path and request.method == "GET":
            return "download"
        return request.method.lower()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        step = self.step(request)
        self.counts[step] = self.counts.get(step, 0) + 1
        action = self.plan.pop(f"{step}#{self.counts[step]}", None) or self.plan.pop(step, None)
        if step in self.before:
            self.before.pop(step)()
        if action == "drop":
            self.faults.append(f"drop {step}")
            raise httpx.ConnectError("connection dropped (injected)", request=request)
        response = self.inner.handle_request(request)
        if action == "lose":
            response.read()
            response.close()
            self.faults.append(f"lose {step}")
            raise httpx.ReadError("response lost (injected)", request=request)
        return response

    def close(self) -> None:
        self.inner.close()


@dataclass
class Laptop:
    """One coordinator's laptop: a real profile logged in to the live server."""

    name: str
    store: Store
    server: LiveServer
    transport: Any = None
    reports: list[SyncReport] = field(default_factory=list)

    def sync(self, **options: Any) -> SyncReport:
        report = SyncEngine(
            self.store, transport=self.transport, snapshot=options.pop("snapshot", False), **options
        ).run()
        self.reports.append(report)
        return report


@pytest.fixture
def laptops(tmp_path: Path, server: LiveServer) -> Iterator[Any]:
    opened: list[Laptop] = []

    def make(name: str, user: str | None = None, regions: list[str] | None = None) -> Laptop:
        username = user or name
        if username not in server.users:
            server.add_user(username, regions or ["03"])
        store = open_store(tmp_path / name)
        account.login(store, server.url, username, PASSWORD, ca_file=server.ca_file)
        laptop = Laptop(name, store, server)
        opened.append(laptop)
        return laptop

    yield make
    for laptop in opened:
        laptop.store.close()


def live_rows(store: Store, kinds: tuple[str, ...] | None = None) -> dict[str, Any]:
    """Every record's field values and deleted flag, per kind (metadata left out), to compare
    laptops: two profiles that agree here show the same data."""
    from coordinator_app.domain.entities import ENTITIES
    from coordinator_app.store import sync_state

    result: dict[str, Any] = {}
    for kind, spec in ENTITIES.items():
        if kinds and kind not in kinds:
            continue
        rows = store.find(kind, include_deleted=True, order_by="id")
        result[kind] = {r["id"]: ({n: r[n] for n in spec.field_names}, r["deleted"]) for r in rows}
    conflicts = sync_state.conflicts(store, status=None)
    result["conflict"] = {
        c["id"]: ({k: c[k] for k in sync_state.CONFLICT_COLUMNS}, c["deleted"]) for c in conflicts
    }
    return result
