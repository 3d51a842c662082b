"""gzip on the wire (issue 17): negotiated both ways, so every mix of old and new laptops and
servers syncs, and a gzip bomb is refused like any body over the limit.

Real servers over TLS, real profiles; ``Recorder`` is the real HTTPS transport that notes what
went over it (headers and sizes), so the tests see what a packet capture would.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from coordinator_app.protocol.versions import API_PREFIX, version_headers
from coordinator_app.server import app as server_app
from coordinator_app.server import compression
from coordinator_app.server.compression import CompressionMiddleware
from coordinator_app.server.settings import Settings
from coordinator_app.store import open_store
from coordinator_app.sync import account
from coordinator_app.sync.engine import SyncEngine
from tests.support import live_server
from tests.support.live_server import PASSWORD
from tests.sync.conftest import SyncServer, live_rows


class Recorder(httpx.BaseTransport):
    """The real HTTPS transport; keeps (method, path, request headers, response headers, bytes
    on the wire) of every exchange."""

    def __init__(self, ca_file: Path) -> None:
        from coordinator_app.sync.transport import ssl_context

        self.inner = httpx.HTTPTransport(verify=ssl_context(ca_file))
        self.seen: list[dict[str, Any]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        raw = b"".join(response.iter_raw())  # the bytes as they came, before httpx decodes them
        response.close()
        self.seen.append(
            {
                "path": request.url.path.removeprefix(API_PREFIX),
                "sent_coding": request.headers.get("content-encoding"),
                "sent_bytes": len(request.content),
                "coding": response.headers.get("content-encoding"),
                "bytes": len(raw),
            }
        )
        headers = [(k, v) for k, v in response.headers.raw if k.lower() != b"content-length"]
        return httpx.Response(response.status_code, headers=headers, content=raw)

    def of(self, path: str) -> list[dict[str, Any]]:
        return [s for s in self.seen if s["path"] == path]

    def close(self) -> None:
        self.inner.close()


def _server(folder: Path, **settings: Any) -> SyncServer:
    url = f"sqlite:///{folder / 'server.sqlite3'}"
    started = SyncServer(folder, url, Settings(db_url=url, **settings))
    started.users = set()
    started.add_user("alice", regions=["03"])
    return started.start()


def _laptop(folder: Path, server: SyncServer) -> Any:
    store = open_store(folder)
    account.login(store, server.url, "alice", PASSWORD, ca_file=server.ca_path)
    return store


def _fill(store: Any, visits: int) -> None:
    project = store.create(
        "project", {"name": "Ferme du Rang", "program": "FERME_COOP", "region_code": "03"}
    )["id"]
    with store.transaction():
        for i in range(visits):
            store.create(
                "visit",
                {
                    "project_id": project,
                    "visited_at": f"2025-03-{i % 28 + 1:02d}T10:00",
                    "mode": "sur_place",
                    "observations": f"Visite {i} : serre, semis, récolte, comité, budget.",
                },
            )


@pytest.fixture
def old_server_app(monkeypatch: pytest.MonkeyPatch) -> None:
    """Servers started in this test are built as before issue 17: no compression middleware, and
    the pull route sends its page as it is (it gzips the page itself since session 4)."""

    def create_app(settings: Settings) -> Any:
        built = server_app.create_app(settings)
        built.user_middleware = [
            m for m in built.user_middleware if m.cls is not CompressionMiddleware
        ]
        return built

    monkeypatch.setattr(live_server, "create_app", create_app)
    monkeypatch.setattr(compression, "packed_json", lambda body, _accepted: (body, {}))


@pytest.fixture
def world(tmp_path: Path) -> Iterator[Any]:
    servers: list[SyncServer] = []
    stores: list[Any] = []

    def make(name: str, **settings: Any) -> tuple[SyncServer, Any, Any]:
        if not servers:
            servers.append(_server(tmp_path / "serveur", **settings))
        a, b = (_laptop(tmp_path / f"{name}-{side}", servers[0]) for side in "ab")
        stores.extend((a, b))
        return servers[0], a, b

    yield make
    for store in stores:
        store.close()
    for server in servers:
        server.close()


def test_pushes_and_pulls_go_gzipped_and_arrive_whole(world: Any) -> None:
    server, a, b = world("neuf")
    _fill(a, 300)
    sent = Recorder(server.ca_path)
    SyncEngine(a, transport=sent, snapshot=False).run()
    pushes = sent.of("/push")
    assert pushes and all(p["sent_coding"] == "gzip" for p in pushes)
    received = Recorder(server.ca_path)
    report = SyncEngine(b, transport=received, snapshot=False).run()
    assert report.received == 301
    pulls = received.of("/pull")
    assert pulls[0]["coding"] == "gzip"
    assert live_rows(a) == live_rows(b)
    # the sync's JSON is very repetitive: several times smaller on the wire
    assert pulls[0]["bytes"] * 3 < _plain_size(server, b)


def _plain_size(server: SyncServer, store: Any) -> int:
    """The size of the same pull page sent without compression (``Accept-Encoding: identity``)."""
    from coordinator_app.sync import settings

    _connection, token = settings.require(store)
    with server.client(token) as http:
        answer = http.get(
            API_PREFIX + "/pull",
            params={"since": 0, "limit": 1000},
            headers={**version_headers(), "Accept-Encoding": "identity"},
        )
    assert answer.status_code == 200 and "content-encoding" not in answer.headers
    return len(answer.content)


def test_an_old_server_gets_plain_json(old_server_app: None, world: Any) -> None:
    server, a, b = world("ancien")
    _fill(a, 300)
    sent = Recorder(server.ca_path)
    SyncEngine(a, transport=sent, snapshot=False).run()
    assert sent.of("/push") and all(p["sent_coding"] is None for p in sent.seen)
    received = Recorder(server.ca_path)
    SyncEngine(b, transport=received, snapshot=False).run()
    assert all(p["coding"] is None for p in received.seen)
    assert live_rows(a) == live_rows(b)


def _device(server: SyncServer) -> dict[str, Any]:
    with server.client() as http:
        answer = http.post(
            API_PREFIX + "/login",
            json={"username": "alice", "password": PASSWORD, "device_name": "brut"},
            headers=version_headers(),
        )
    answer.raise_for_status()
    return answer.json()


def _post_push(server: SyncServer, device: dict[str, Any], content: bytes, coding: str | None):
    headers = {**version_headers(), "Content-Type": "application/json"}
    if coding:
        headers["Content-Encoding"] = coding
    with server.client(device["token"]) as http:
        return http.post(API_PREFIX + "/push", content=content, headers=headers)


def _push_body(device: dict[str, Any]) -> bytes:
    change = {
        "change_id": "9b0b7a53-6a4f-4f35-9d2f-0d6f3e1a0001",
        "kind": "project",
        "record_id": "9b0b7a53-6a4f-4f35-9d2f-0d6f3e1a0002",
        "op": "create",
        "fields": {
            "name": [None, "Ferme brute"],
            "program": [None, "FERME_COOP"],
            "region_code": [None, "03"],
        },
        "at": "2026-01-05T10:00:00+00:00",
        "author": "alice",
    }
    return json.dumps({"device_id": device["device_id"], "changes": [change]}).encode()


def test_an_old_laptop_sends_plain_json_and_gets_plain_answers(world: Any) -> None:
    server, _a, _b = world("vieux")
    device = _device(server)
    headers = {**version_headers(), "Accept-Encoding": "identity"}
    answer = _post_push(server, device, _push_body(device), None)
    assert answer.status_code == 200, answer.text
    assert answer.json()["results"][0]["status"] == "applied"
    with server.client(device["token"]) as http:
        page = http.get(API_PREFIX + "/pull", params={"since": 0}, headers=headers)
    assert page.status_code == 200 and "content-encoding" not in page.headers
    assert [c["change_id"] for c in page.json()["changes"]] == [
        "9b0b7a53-6a4f-4f35-9d2f-0d6f3e1a0001"
    ]


def test_a_gzip_bomb_gets_413_and_the_server_keeps_serving(world: Any) -> None:
    server, _a, _b = world("bombe", max_body_bytes=1024 * 1024)
    device = _device(server)
    bomb = gzip.compress(b" " * (64 * 1024 * 1024), compresslevel=9)  # 64 MB in ≈ 64 kB
    assert len(bomb) < 1024 * 1024
    answer = _post_push(server, device, bomb, "gzip")
    assert answer.status_code == 413
    assert answer.json()["error"] == "too_large"
    # a gzipped body under the limit is still taken
    answer = _post_push(server, device, gzip.compress(_push_body(device)), "gzip")
    assert answer.status_code == 200, answer.text
    assert answer.json()["results"][0]["status"] == "applied"


@pytest.mark.parametrize(
    ("content", "coding", "status"),
    [
        (b"pas du gzip du tout", "gzip", 400),
        (gzip.compress(b'{"device_id": "x", "changes": []}')[:-6], "gzip", 400),  # truncated
        (b'{"device_id": "x", "changes": []}', "br", 415),
    ],
    ids=["corrupt", "truncated", "unknown-coding"],
)
def test_a_bad_body_coding_is_refused_with_its_reason(
    world: Any, content: bytes, coding: str, status: int
) -> None:
    server, _a, _b = world("abime")
    answer = _post_push(server, _device(server), content, coding)
    assert answer.status_code == status
    assert answer.json()["error"] == "bad_request" and answer.json()["message"]


def test_a_server_taking_smaller_batches_gets_them(world: Any) -> None:
    _server, a, b = world("petits-lots", max_batch=40)
    _fill(a, 150)
    report = SyncEngine(a, snapshot=False).run()
    assert report.sent == 151 and not report.refused
    assert SyncEngine(b, snapshot=False).run().received == 151
    assert live_rows(a) == live_rows(b)
