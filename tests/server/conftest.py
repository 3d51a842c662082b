"""Fixtures for the server tests: one real TLS server for the session (SQLite), users of regions
03 and 06 and an admin, and helpers that build wire changes the way a laptop would."""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.support.live_server import LiveServer, start_live_server

_clock = itertools.count()


def change(
    kind: str,
    record_id: str,
    op: str = "update",
    fields: dict[str, list[Any]] | None = None,
    *,
    at: dt.datetime | str | None = None,
    author: str = "test",
    change_id: str | None = None,
    base_seq: int | None = None,
) -> dict[str, Any]:
    """A wire change; ``at`` defaults to a strictly increasing time so order is deterministic."""
    if at is None:
        at = dt.datetime(2026, 6, 1, 12, tzinfo=dt.UTC) + dt.timedelta(seconds=next(_clock))
    if isinstance(at, dt.datetime):
        at = at.isoformat()
    body: dict[str, Any] = {
        "change_id": change_id or str(uuid.uuid4()),
        "kind": kind,
        "record_id": record_id,
        "op": op,
        "fields": fields or {},
        "at": at,
        "author": author,
    }
    if base_seq is not None:
        body["base_seq"] = base_seq
    return body


def project_fields(region: str = "03", name: str = "CIEC de Limoilou", **extra: Any) -> dict:
    values = {
        "name": name,
        "program": "CIEC",
        "region_code": region,
        "season_year": 2026,
        **extra,
    }
    return {k: [None, v] for k, v in values.items()}


class Api:
    """A logged-in laptop: an httpx client with its token and device id."""

    def __init__(self, server: LiveServer, username: str, device_name: str = "portable") -> None:
        login = server.login(username, device_name=device_name)
        self.token = login["token"]
        self.device_id = login["device_id"]
        self.username = username
        self.http = server.client(self.token)

    def push(self, *changes: dict[str, Any]) -> httpx.Response:
        return self.http.post(
            "/api/v1/push", json={"device_id": self.device_id, "changes": list(changes)}
        )

    def push_ok(self, *changes: dict[str, Any]) -> list[dict[str, Any]]:
        response = self.push(*changes)
        assert response.status_code == 200, response.text
        return response.json()["results"]

    def pull_all(self, since: int = 0, limit: int = 500) -> tuple[list[dict[str, Any]], int]:
        entries: list[dict[str, Any]] = []
        while True:
            response = self.http.get("/api/v1/pull", params={"since": since, "limit": limit})
            assert response.status_code == 200, response.text
            body = response.json()
            entries += body["changes"]
            since = body["next_since"]
            if not body["has_more"]:
                return entries, since

    def close(self) -> None:
        self.http.close()


@pytest.fixture(scope="session")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    server = start_live_server(
        tmp_path_factory.mktemp("server"),
        users=[
            {"username": "admin", "role": "admin", "regions": []},
            {"username": "alice", "regions": ["03"], "name": "Alice Tremblay"},
            {"username": "bruno", "regions": ["06"]},
            {"username": "chloe", "regions": ["03"]},
        ],
        # every test logs in new devices of the same users (the cap has its own tests)
        max_devices_per_user=10_000,
    )
    yield server
    server.close()


@pytest.fixture
def api(live: LiveServer) -> Iterator[Any]:
    """``api("alice")`` logs in a new device of that user; closed at the end of the test."""
    opened: list[Api] = []

    def make(username: str, device_name: str = "portable") -> Api:
        client = Api(live, username, device_name)
        opened.append(client)
        return client

    yield make
    for client in opened:
        client.close()


def new_id() -> str:
    return str(uuid.uuid4())
