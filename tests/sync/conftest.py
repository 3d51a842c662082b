"""The sync tests' world: the real server (``tests/support/live_server.py``: uvicorn over TLS
on 127.0.0.1, trustme certificates, a real SQLite database) and laptops that are real profiles
logged in to it through the real client.

Each test gets its own server. The Hypothesis test shares one (``ResettableServer``) and empties
its database per example, to keep hundreds of examples within a few minutes.
``FaultyTransport`` is the real HTTPS transport with faults injected at chosen requests.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from coordinator_app.domain.conflicts import CONFLICT_FIELDS
from coordinator_app.server import db
from coordinator_app.server.settings import Settings
from coordinator_app.store import Store, open_store
from coordinator_app.sync import account
from coordinator_app.sync.engine import SyncEngine, SyncReport
from tests.support.live_server import PASSWORD, LiveServer


class SyncServer(LiveServer):
    """The server helper's live server (``tests/support/live_server.py``) with what the sync tests
    read back: the server's records and change ids, and the users already created."""

    users: set[str]

    def add_user(self, username: str, **options: Any) -> Any:  # type: ignore[override]
        user = super().add_user(username, **options)
        self.users.add(username)
        return user

    def records(self) -> dict[str, dict[str, Any]]:
        """The server's current records: kind → id → (field values, deleted)."""
        result: dict[str, dict[str, Any]] = {}
        with db.reading(self.engine) as conn:
            for row in conn.execute(sa.select(db.records)):
                result.setdefault(row.kind, {})[row.record_id] = (dict(row.data), bool(row.deleted))
        return result

    def change_ids(self) -> list[str]:
        with db.reading(self.engine) as conn:
            return [r[0] for r in conn.execute(sa.select(db.changes.c.change_id))]

    def backup(self, target: Path | None = None) -> Path:  # type: ignore[override]
        return super().backup(target or self.workdir / f"sauvegarde-{len(self.users)}.sqlite3")


class ResettableServer(SyncServer):
    """One listener and one app for many Hypothesis examples: ``reset()`` empties every table of
    the server's database (users and devices included) and gives it a new generation, in a few
    milliseconds instead of a new database, app and listener per example."""

    def reset(self) -> None:
        with db.writing(self.engine) as conn:
            for table in reversed(db.metadata.sorted_tables):
                if table is not db.meta:
                    conn.execute(table.delete())
        db.renew_generation(self.engine)
        self.users = set()


def _new_server(kind: type[SyncServer], folder: Path) -> Any:
    url = f"sqlite:///{folder / 'server.sqlite3'}"
    server = kind(folder, url, Settings(db_url=url))
    server.users = set()
    return server.start()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[SyncServer]:
    """A live server on an empty database for this test."""
    started = _new_server(SyncServer, tmp_path / "serveur")
    yield started
    started.close()


@pytest.fixture(scope="session")
def shared_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ResettableServer]:
    """One listener for the Hypothesis examples (each example calls ``reset()``)."""
    started = _new_server(ResettableServer, tmp_path_factory.mktemp("serveur-partage"))
    yield started
    started.close()


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
    server: SyncServer
    transport: Any = None
    reports: list[SyncReport] = field(default_factory=list)

    def sync(self, **options: Any) -> SyncReport:
        """Sync once. No pulled change may be refused (kept aside) unless the test expects it:
        the server only logs what the domain accepted, so a refusal here would be a bug."""
        allow_refused = options.pop("allow_refused_incoming", False)
        report = SyncEngine(
            self.store, transport=self.transport, snapshot=options.pop("snapshot", False), **options
        ).run()
        self.reports.append(report)
        assert allow_refused or not report.refused_incoming, report.refused_incoming
        return report


@pytest.fixture
def laptops(tmp_path: Path, server: SyncServer) -> Iterator[Any]:
    opened: list[Laptop] = []

    def make(
        name: str,
        user: str | None = None,
        regions: list[str] | None = None,
        role: str = "coordinator",
    ) -> Laptop:
        username = user or name
        if username not in server.users:
            server.add_user(username, regions=regions or ["03"], role=role)
        store = open_store(tmp_path / name)
        account.login(store, server.url, username, PASSWORD, ca_file=server.ca_path)
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
        c["id"]: ({k: c[k] for k in CONFLICT_FIELDS}, c["deleted"]) for c in conflicts
    }
    return result
