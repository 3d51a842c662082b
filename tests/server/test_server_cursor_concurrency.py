"""The pull cursor never skips a change, even while many pushes commit concurrently.

The known trap: a sequence number taken before commit lets a reader see seq 11 committed while
seq 10 is still in flight, advance its cursor past 10 and never see it. Here several threads push
batches over HTTPS while another thread pulls continuously with a small page size; at the end every
applied change must have been pulled exactly once, in increasing seq order. Run on SQLite and on
PostgreSQL (the server at 127.0.0.1:5432); on PostgreSQL the pushes go through two server
instances (two engines and connection pools on one database, as several processes behind a load
balancer) while the reader pulls from one of them.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

import pytest

from tests.server.conftest import Api, change, new_id, project_fields
from tests.support.live_server import postgres_reachable, postgres_schema_url, start_live_server

PUSHERS = 6
BATCHES = 12
PER_BATCH = 4


@contextlib.contextmanager
def _database(engine: str, tmp_path) -> Iterator[str | None]:
    if engine == "sqlite":
        yield None
        return
    reason = postgres_reachable()
    if reason:
        pytest.skip(reason)
    with postgres_schema_url() as url:
        yield url


@pytest.mark.parametrize("engine", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_concurrent_pushes_never_make_the_cursor_skip(engine: str, tmp_path) -> None:
    with _database(engine, tmp_path) as db_url:
        server = start_live_server(
            tmp_path,
            db_url=db_url,
            users=[{"username": f"p{i}", "regions": ["03"]} for i in range(PUSHERS + 1)],
        )
        servers = [server]
        try:
            if db_url is not None:
                servers.append(start_live_server(tmp_path / "second", db_url=db_url))
            _run(servers)
        finally:
            for each in servers:
                each.close()


def _run(servers) -> None:
    server = servers[0]
    pushers = [Api(servers[i % len(servers)], f"p{i}", f"portable {i}") for i in range(PUSHERS)]
    reader = Api(server, f"p{PUSHERS}", "lecteur")
    applied: list[str] = []
    errors: list[BaseException] = []
    done = threading.Event()
    lock = threading.Lock()
    pulled: list[tuple[int, str]] = []

    def push(client: Api) -> None:
        try:
            for _ in range(BATCHES):
                batch = [
                    change("project", new_id(), "create", project_fields("03"))
                    for _ in range(PER_BATCH)
                ]
                results = client.push_ok(*batch)
                with lock:
                    applied.extend(r["change_id"] for r in results if r["status"] == "applied")
        except BaseException as error:
            errors.append(error)

    def pull() -> None:
        since = 0
        try:
            while True:
                finished = done.is_set()
                response = reader.http.get("/api/v1/pull", params={"since": since, "limit": 7})
                body = response.json()
                pulled.extend((e["seq"], e["change_id"]) for e in body["changes"])
                since = body["next_since"]
                if finished and not body["has_more"]:
                    return  # this pull started after every push had committed
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=push, args=(c,)) for c in pushers]
    puller = threading.Thread(target=pull)
    puller.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    done.set()
    puller.join()
    for client in [*pushers, reader]:
        client.close()

    assert errors == []
    assert len(applied) == PUSHERS * BATCHES * PER_BATCH
    seqs = [seq for seq, _ in pulled]
    assert seqs == sorted(seqs)
    assert len(seqs) == len(set(seqs))
    pulled_ids = [change_id for _, change_id in pulled]
    assert sorted(pulled_ids) == sorted(applied)  # every change, exactly once
