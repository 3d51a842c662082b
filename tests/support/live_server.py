"""A real Carnet COOP server for tests: uvicorn over TLS on 127.0.0.1 with trustme certificates.

Usage::

    from tests.support.live_server import start_live_server

    server = start_live_server(tmp_path)               # fresh SQLite database
    server.add_user("alice", role="coordinator", regions=["03"])
    token = server.login("alice")["token"]
    with server.client(token) as http:                  # httpx.Client, TLS verified, version headers
        http.get("/api/v1/pull").json()
    server.stop()

``db_url`` may be a PostgreSQL URL (see ``postgres_schema_url``). ``restart()`` stops and starts the
listener on the same port with a new app (what a restarted server looks like to a client);
``backup()``/``restore()`` use the SQLite backup API and renew the generation like
``coordinator-server restore``.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import socket
import ssl
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import sqlalchemy as sa
import uvicorn

from coordinator_app.protocol.versions import version_headers
from coordinator_app.server.security import FAST_HASH_ENV

# cheapest Argon2 parameters for test users (see coordinator_app/server/security.py)
os.environ.setdefault(FAST_HASH_ENV, "1")
from coordinator_app.server import accounts, backup, db
from coordinator_app.server.app import create_app
from coordinator_app.server.settings import Settings
from coordinator_app.server.tls import write_dev_cert

PASSWORD = "mot-de-passe-de-test"
POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_reachable(url: str = POSTGRES_URL) -> str | None:
    """None when PostgreSQL answers, else the reason (for a clear skip message)."""
    try:
        engine = sa.create_engine(url, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
        engine.dispose()
        return None
    except Exception as error:  # any failure means "not usable here"
        return f"PostgreSQL unreachable at {url}: {error}"


@contextlib.contextmanager
def postgres_schema_url(url: str = POSTGRES_URL) -> Iterator[str]:
    """A database URL whose tables live in a fresh schema, dropped afterwards."""
    schema = f"carnet_test_{secrets.token_hex(6)}"
    admin = sa.create_engine(url)
    with admin.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{url}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@dataclass
class LiveServer:
    workdir: Path
    db_url: str
    settings: Settings
    port: int = field(default_factory=free_port)
    ca_path: Path = field(init=False)
    cert_path: Path = field(init=False)
    key_path: Path = field(init=False)
    _server: uvicorn.Server | None = field(default=None, init=False, repr=False)
    _thread: threading.Thread | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        paths = write_dev_cert(self.workdir / "tls")
        self.ca_path, self.cert_path, self.key_path = paths["ca"], paths["cert"], paths["key"]
        self.engine = db.make_engine(self.db_url)
        db.migrate(self.engine)

    # -- lifecycle ----------------------------------------------------------------------------
    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def start(self) -> LiveServer:
        config = uvicorn.Config(
            create_app(self.settings),
            host="127.0.0.1",
            port=self.port,
            ssl_certfile=str(self.cert_path),
            ssl_keyfile=str(self.key_path),
            log_level="warning",
            timeout_graceful_shutdown=2,
        )
        config.load()
        config.ssl.minimum_version = ssl.TLSVersion.TLSv1_2  # type: ignore[union-attr]
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 20
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
            assert self._thread is not None
            self._thread.join(10)
            # the stopped app's pooled connections: PostgreSQL's are shared by every test run
            app = self._server.config.app
            engine = getattr(getattr(app, "state", None), "engine", None)
            if engine is not None:
                engine.dispose()
            self._server = None

    def restart(self) -> None:
        self.stop()
        self.start()

    def close(self) -> None:
        self.stop()
        self.engine.dispose()

    # -- administration (as the CLI does it) --------------------------------------------------
    def add_user(
        self,
        username: str,
        *,
        role: str = "coordinator",
        regions: Iterable[str] = ("03",),
        password: str = PASSWORD,
        name: str | None = None,
        email: str | None = None,
        title: str | None = None,
    ) -> accounts.User:
        return accounts.add_user(
            self.engine, username, password, role, list(regions), name=name, email=email,
            title=title,
        )  # fmt: skip

    def set_regions(self, username: str, regions: Iterable[str]) -> None:
        accounts.set_regions(self.engine, username, list(regions))

    def revoke_device(self, device_id: str, *, wipe: bool = False) -> None:
        accounts.revoke_device(self.engine, device_id, wipe=wipe)

    def revoke_user(self, username: str) -> None:
        accounts.revoke_user(self.engine, username)

    def new_generation(self) -> str:
        return db.renew_generation(self.engine)

    def generation(self) -> str:
        with db.reading(self.engine) as conn:
            return db.generation(conn)

    def backup(self, target: Path) -> Path:
        return backup.backup_sqlite(self.db_url, target)

    def restore(self, source: Path) -> str:
        """Replace the database with a backup (server stopped around it) and renew the generation."""
        self.stop()
        self.engine.dispose()
        backup.restore_sqlite(self.db_url, source)
        self.engine = db.make_engine(self.db_url)
        generation = db.renew_generation(self.engine)
        self.start()
        return generation

    # -- HTTP ---------------------------------------------------------------------------------
    def ssl_context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=str(self.ca_path))

    def client(self, token: str | None = None, **kwargs: Any) -> httpx.Client:
        headers = dict(version_headers())
        if token:
            headers["Authorization"] = f"Bearer {token}"
        return httpx.Client(
            base_url=self.url, verify=self.ssl_context(), headers=headers, timeout=30, **kwargs
        )

    def login(
        self, username: str, password: str = PASSWORD, device_name: str = "portable-test"
    ) -> dict[str, Any]:
        with self.client() as http:
            response = http.post(
                "/api/v1/login",
                json={"username": username, "password": password, "device_name": device_name},
            )
        response.raise_for_status()
        return response.json()


def start_live_server(
    workdir: Path,
    *,
    db_url: str | None = None,
    users: Iterable[dict[str, Any]] = (),
    **settings: Any,
) -> LiveServer:
    """Start a server on a fresh database in ``workdir`` (SQLite unless ``db_url``) and create
    ``users`` (dicts of ``add_user`` arguments, e.g. ``{"username": "alice", "regions": ["03"]}``)."""
    workdir.mkdir(parents=True, exist_ok=True)
    url = db_url or f"sqlite:///{workdir / 'server.sqlite3'}"
    server = LiveServer(workdir, url, Settings(db_url=url, **settings))
    for user in users:
        server.add_user(**user)
    return server.start()
