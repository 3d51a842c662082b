"""The same live server on SQLite and on PostgreSQL, for the tests that attack both (issue 13).

``BACKENDS`` parametrises a test; ``running(backend, tmp_path, users, **settings)`` starts the real
TLS server (``tests/support/live_server.py``) on a fresh SQLite file or a fresh PostgreSQL schema.
``raw_client`` is an httpx client with a real token and, if asked, another source address (any of
127.0.0.0/8 reaches the server), which is how an attacker sends requests: no app client involved.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from coordinator_app.protocol.models import CHUNK_BYTES
from coordinator_app.protocol.versions import version_headers
from tests.support.live_server import (
    LiveServer,
    postgres_reachable,
    postgres_schema_url,
    start_live_server,
)

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
]


@contextlib.contextmanager
def running(
    backend: str, tmp_path: Path, users: Iterable[dict[str, Any]], **settings: Any
) -> Iterator[LiveServer]:
    if backend == "postgresql":
        reason = postgres_reachable()
        if reason:
            pytest.skip(reason)
        schema = postgres_schema_url()
    else:
        schema = contextlib.nullcontext(None)
    with schema as url:
        server = start_live_server(tmp_path, db_url=url, users=users, **settings)
        try:
            yield server
        finally:
            server.close()


def raw_client(
    server: LiveServer, token: str | None = None, *, source: str | None = None
) -> httpx.Client:
    """An httpx client to ``server`` (TLS verified, version headers), from ``source`` if given."""
    headers = dict(version_headers())
    if token:
        headers["Authorization"] = f"Bearer {token}"
    transport = httpx.HTTPTransport(verify=server.ssl_context(), local_address=source)
    return httpx.Client(base_url=server.url, headers=headers, transport=transport, timeout=60)


def upload(http: httpx.Client, data: bytes) -> str:
    """Send ``data`` in chunks and complete it; returns its SHA-256."""
    sha = hashlib.sha256(data).hexdigest()
    parts = [data[i : i + CHUNK_BYTES] for i in range(0, len(data), CHUNK_BYTES)]
    for index, part in enumerate(parts):
        response = http.put(f"/api/v1/attachments/{sha}/chunks/{index}", content=part)
        assert response.status_code == 200, response.text
    response = http.post(
        f"/api/v1/attachments/{sha}/complete", json={"size": len(data), "chunks": len(parts)}
    )
    assert response.status_code == 200, response.text
    return sha
