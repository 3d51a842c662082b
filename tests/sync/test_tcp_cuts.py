"""Connections cut at the TCP level, between the laptop and the real server: a proxy on 127.0.0.1
forwards bytes both ways and closes both sockets once a chosen number of bytes went through — in
the middle of an upload (the server never gets the whole request) or in the middle of a download
(the laptop never gets the whole response). TLS runs end to end through it, verified as usual."""

from __future__ import annotations

import contextlib
import os
import socket
import threading

import pytest

from coordinator_app.store import open_store
from coordinator_app.sync import account
from coordinator_app.sync.engine import SyncEngine
from coordinator_app.sync.errors import SyncError, SyncErrorKind
from tests.support.live_server import PASSWORD
from tests.sync.conftest import live_rows


class CuttingProxy:
    """Forwards 127.0.0.1:port → the server; ``cut("up", n)`` / ``cut("down", n)`` makes the next
    connection die after ``n`` bytes in that direction."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.plan: tuple[str, int] | None = None
        self.cuts = 0
        self.running = True
        threading.Thread(target=self._accept, daemon=True).start()

    def cut(self, direction: str, after_bytes: int) -> None:
        self.plan = (direction, after_bytes)

    def close(self) -> None:
        self.running = False
        self.listener.close()

    def _accept(self) -> None:
        while self.running:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
            plan, self.plan = self.plan, None
            pair = (client, upstream)
            for source, sink, direction in ((client, upstream, "up"), (upstream, client, "down")):
                limit = plan[1] if plan and plan[0] == direction else None
                threading.Thread(
                    target=self._pump, args=(source, sink, limit, pair), daemon=True
                ).start()

    def _pump(self, source, sink, limit, pair) -> None:
        sent = 0
        try:
            while True:
                data = source.recv(16384)
                if not data:
                    break
                if limit is not None and sent + len(data) >= limit:
                    sink.sendall(data[: max(0, limit - sent)])
                    self.cuts += 1
                    break
                sink.sendall(data)
                sent += len(data)
        except OSError:
            pass
        for sock in pair:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()


@pytest.fixture
def proxy(server):
    cutting = CuttingProxy(server.port)
    yield cutting
    cutting.close()


def laptop(tmp_path, server, proxy, name):
    server.add_user(name, regions=["03"])
    store = open_store(tmp_path / name)
    url = f"https://127.0.0.1:{proxy.port}"
    account.login(store, url, name, PASSWORD, ca_file=server.ca_path)
    return store


@pytest.mark.parametrize("direction", ["up", "down"])
def test_tcp_connection_cut_mid_transfer_loses_and_duplicates_nothing(
    tmp_path, server, proxy, direction
):
    alice, bruno = (
        laptop(tmp_path, server, proxy, "alice"),
        laptop(tmp_path, server, proxy, "bruno"),
    )
    try:
        with alice.transaction():
            for number in range(300):
                alice.create(
                    "project",
                    {"name": f"Coop {number}", "program": "FERME_COOP", "region_code": "03",
                     "notes": f"Compte rendu {os.urandom(240).hex()}"},
                )  # fmt: skip
        if direction == "up":
            # inside the first push body (about 200 KB gzipped: random notes, so compression
            # cannot shrink it under the cut)
            proxy.cut("up", 60_000)
            failing = alice
        else:
            SyncEngine(alice, snapshot=False).run()
            proxy.cut("down", 40_000)  # inside the first pull response (about 200 KB gzipped)
            failing = bruno
        with pytest.raises(SyncError) as failure:
            SyncEngine(failing, snapshot=False).run()
        assert failure.value.kind in (SyncErrorKind.INTERRUPTED, SyncErrorKind.UNREACHABLE)
        assert proxy.cuts == 1
        for store in (alice, bruno, alice, bruno):
            SyncEngine(store, snapshot=False).run()
        assert bruno.count("project") == 300
        assert live_rows(alice) == live_rows(bruno)
        ids = server.change_ids()
        assert len(ids) == len(set(ids)) == 300
        assert alice.pending_count() == 0
    finally:
        alice.close()
        bruno.close()
