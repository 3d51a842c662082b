"""Sync figures, against the real server over TLS on loopback.

The server is ``tests/support/live_server.py`` (uvicorn + the server's FastAPI app, SQLite or a
fresh PostgreSQL schema, trustme certificates) started in its own process, so that client and
server do not share one interpreter lock — as on a real network. Laptops are real profiles synced by ``SyncEngine``.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx

from benchmarks import floors
from benchmarks.common import ROOT, Context, Row, database, feature, percentile, qt_env, thousands

PASSWORD = "mot-de-passe-de-banc-d-essai"
SERVER_CHILD = """
import json, sys
from pathlib import Path
from tests.support import live_server
if sys.argv[3] == "plain":  # built as before issue 17: no gzip either way
    from coordinator_app.server import app
    def create_app(settings):
        built = app.create_app(settings)
        built.user_middleware = [m for m in built.user_middleware
                                 if m.cls.__name__ != "CompressionMiddleware"]
        return built
    live_server.create_app = create_app
server = live_server.start_live_server(
    Path(sys.argv[1]), db_url=sys.argv[4] or None, users=json.loads(sys.argv[2]))
print("READY", server.url, server.ca_path, flush=True)
sys.stdin.read()
server.close()
"""


def _present() -> str | None:
    """What is missing for the sync figures, or None."""
    for module in ("coordinator_app.sync.engine", "coordinator_app.server.app"):
        if not feature(module):
            return module
    if not (ROOT / "tests" / "support" / "live_server.py").is_file():
        return "tests/support/live_server.py"
    return None


class ServerProcess:
    """The live test server in a child process; ``users`` are created before it listens. Its
    database is ``db_url`` (e.g. ``common.database``'s PostgreSQL schema), else SQLite in
    ``folder``."""

    def __init__(
        self,
        folder: Path,
        users: list[dict[str, Any]],
        *,
        compression: bool = True,
        db_url: str | None = None,
    ) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        for user in users:
            user.setdefault("password", PASSWORD)
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-c",
                SERVER_CHILD,
                str(folder),
                json.dumps(users),
                "gzip" if compression else "plain",
                db_url or "",
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=qt_env(),
            cwd=ROOT,
        )
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line.startswith("READY"):
            self.process.kill()
            raise RuntimeError(f"server did not start: {self.process.stderr.read()[-800:]}")
        _ready, self.url, ca = line.split()
        self.ca_path = Path(ca)

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.process.kill()


@contextlib.contextmanager
def server(
    folder: Path,
    users: list[dict[str, Any]],
    *,
    compression: bool = True,
    db_url: str | None = None,
) -> Iterator[ServerProcess]:
    process = ServerProcess(folder, users, compression=compression, db_url=db_url)
    try:
        yield process
    finally:
        process.close()


def laptop(folder: Path, srv: ServerProcess, username: str):
    from coordinator_app.store import open_store
    from coordinator_app.sync import account

    store = open_store(folder)
    account.login(store, srv.url, username, PASSWORD, ca_file=srv.ca_path)
    return store


def fill(store, changes: int, region: str, *, tag: str = "") -> None:
    """``changes`` journaled creates: one farm co-op per 100, the rest visits to them."""
    from coordinator_app.store.queries import bulk_create

    projects = max(1, changes // 100)
    with store.transaction():
        ids = [
            store.create(
                "project",
                {"name": f"Ferme {tag}{i}", "program": "FERME_COOP", "region_code": region},
            )["id"]
            for i in range(projects)
        ]
    bulk_create(
        store,
        "visit",
        (
            {
                "project_id": ids[i % projects],
                "visited_at": f"2025-{i % 12 + 1:02d}-{i % 28 + 1:02d}T10:00",
                "mode": "sur_place",
                "observations": f"Visite {tag}{i} : serre, semis, récolte, comité, budget.",
            }
            for i in range(changes - projects)
        ),
    )


def sync_once(store) -> tuple[float, Any]:
    from coordinator_app.sync.engine import SyncEngine

    started = time.perf_counter()
    report = SyncEngine(store, snapshot=False).run()
    return time.perf_counter() - started, report


# -- push then pull 10 000 changes -----------------------------------------------------------
PUSH_PULL_TARGET = "≤ 6× the floor and ≤ 1.5 s"
POSTGRES_ABSENT = "PostgreSQL not reachable at 127.0.0.1:5432"


PUSH_PULL_FIGURE = "sync: push then pull over TLS loopback"


def push_pull(ctx: Context) -> Row:
    """Push then pull with the server on SQLite (also measures « sync with nothing to do »)."""
    return _push_pull(ctx, "SQLite")


def push_pull_postgres(ctx: Context) -> Row:
    """The same with the server on PostgreSQL, as real deployments run it (issue 17: each target
    on SQLite and on PostgreSQL); the floor is the same, so the two ratios compare."""
    return _push_pull(ctx, "PostgreSQL")


def _push_pull(ctx: Context, engine: str) -> Row:
    changes = ctx.n(10_000)
    size = f"{thousands(changes)} changes"
    figure = PUSH_PULL_FIGURE + ("" if engine == "SQLite" else f" ({engine})")
    missing = _present()
    if missing:
        return Row.absent(figure, size, PUSH_PULL_TARGET, missing)
    work = ctx.work / (f"sync-{changes}" if engine == "SQLite" else f"sync-{changes}-pg")
    shutil.rmtree(work, ignore_errors=True)  # a fresh server and laptops, even with --keep
    with database(engine, work / "server") as url:
        if url is None:
            return Row.absent(figure, size, PUSH_PULL_TARGET, POSTGRES_ABSENT)
        users = [{"username": "alice", "regions": ["03"]}]
        with server(work / "server", users, db_url=url) as srv:
            measured = _measure_push_pull(srv, work, changes, nothing=engine == "SQLite")
    if "nothing" in measured:
        ctx.cache["sync-nothing"] = measured["nothing"]
    return _push_pull_row(ctx, figure, size, changes, measured)


def _measure_push_pull(
    srv: ServerProcess, work: Path, changes: int, *, nothing: bool
) -> dict[str, Any]:
    """Laptop A pushes ``changes``, laptop B pulls them; then the old baseline and the floor
    (and, when ``nothing``, A and B syncing again with nothing to do)."""
    from coordinator_app.sync.engine import PULL_LIMIT, PUSH_BATCH

    sender = laptop(work / "a", srv, "alice")
    receiver = laptop(work / "b", srv, "alice")
    try:
        fill(sender, changes, "03")
        wire = _wire_changes(sender)
        out: dict[str, Any] = {}
        out["push_s"], out["pushed"] = sync_once(sender)
        out["pull_s"], out["pulled"] = sync_once(receiver)
        if nothing:
            out["nothing"] = _nothing_to_do(sender, receiver)
        out["handler_s"] = _raw_baseline(srv, work, wire)
        out["floor"] = floors.floor(srv.ca_path, work, wire, batch=PUSH_BATCH, page=PULL_LIMIT)
    finally:
        sender.close()
        receiver.close()
    return out


def _push_pull_row(
    ctx: Context, figure: str, size: str, changes: int, measured: dict[str, Any]
) -> Row:
    push_s, pushed, pull_s, pulled = (measured[k] for k in ("push_s", "pushed", "pull_s", "pulled"))
    floor, handler_s = measured["floor"], measured["handler_s"]
    ours, floor_s = push_s + pull_s, floor["seconds"]
    note = (
        f"push {push_s:.2f} s ({pushed.sent} sent, {pushed.requests} requests) + pull {pull_s:.2f} s "
        f"({pulled.received} received, {pulled.requests} requests); baseline = floor: "
        f"{floor['bytes'] / 1e6:.1f} MB over TLS both ways {floor['wire_s']:.2f} s + raw SQLite "
        f"(FULL) {floor['sqlite_s'][0]:.2f} s + {floor['sqlite_s'][1]:.2f} s; old baseline "
        f"(raw bytes through the server's own handler) {handler_s:.2f} s = {ours / handler_s:.2f}×"
    )
    met = (
        pushed.sent == changes
        and pulled.received >= changes
        and ours <= 6 * floor_s
        and ours <= 1.5 * ctx.scale
    )
    row = Row(figure, size, ours, floor_s, PUSH_PULL_TARGET, met, note)
    row.extra = {"push_s": push_s, "pull_s": pull_s, "handler_baseline_s": handler_s, **floor}
    return row


def _wire_changes(store) -> list[dict[str, Any]]:
    """The push bodies' changes as the engine builds them, before they are sent."""
    from coordinator_app.store import sync_state
    from coordinator_app.sync.engine import SyncEngine

    engine = SyncEngine(store, snapshot=False)
    pending = store.pending_changes()
    bases = sync_state.base_seqs(store, pending)
    return [engine._wire(entry, bases[entry.change_id]) for entry in pending]


def _renamed(wire: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The same changes under new ids, so the server stores them again instead of deduplicating."""
    ids: dict[str, str] = {}
    for change in wire:
        ids.setdefault(change["record_id"], str(uuid.uuid4()))
    out = []
    for change in wire:
        fields = {
            name: [ids.get(v, v) if isinstance(v, str) else v for v in pair]
            for name, pair in change["fields"].items()
        }
        out.append(
            {
                **change,
                "change_id": str(uuid.uuid4()),
                "record_id": ids[change["record_id"]],
                "fields": fields,
            }
        )
    return out


def _raw_baseline(srv: ServerProcess, work: Path, wire: list[dict[str, Any]]) -> float:
    """POST the same changes as raw bytes, GET them back raw, and insert the rows raw into SQLite
    on each side: the least any sync of these changes can cost on this machine."""
    import ssl

    from coordinator_app.protocol.versions import API_PREFIX, version_headers
    from coordinator_app.sync.engine import PUSH_BATCH

    login_headers = dict(version_headers())
    context = ssl.create_default_context(cafile=str(srv.ca_path))
    with httpx.Client(
        base_url=srv.url + API_PREFIX, verify=context, headers=login_headers, timeout=60
    ) as http:
        devices = [_login(http, name) for name in ("raw-sender", "raw-receiver")]
        changes = _renamed(wire)
        batch = PUSH_BATCH
        bodies = [
            json.dumps(
                {"device_id": devices[0]["device_id"], "changes": changes[i : i + batch]}
            ).encode()
            for i in range(0, len(changes), batch)
        ]
        since = _server_cursor(http, devices[1]["token"])
        rows = [
            (c["change_id"], c["kind"], c["record_id"], json.dumps(c["fields"])) for c in changes
        ]
        sides = [
            sqlite3.connect(work / f"raw-{side}.sqlite3", isolation_level=None)
            for side in ("a", "b")
        ]
        for conn in sides:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS rows (change_id TEXT, kind TEXT, record_id TEXT, fields TEXT)"
            )
        started = time.perf_counter()
        _insert_rows(sides[0], rows)
        auth = {
            "Authorization": f"Bearer {devices[0]['token']}",
            "Content-Type": "application/json",
        }
        for body in bodies:
            http.post("/push", content=body, headers=auth).raise_for_status()
        auth = {"Authorization": f"Bearer {devices[1]['token']}"}
        received = 0
        while True:
            page = http.get("/pull", params=_page_query(since), headers=auth).json()
            received += len(page["changes"])
            since = page["next_since"]
            if not page["has_more"]:
                break
        _insert_rows(sides[1], rows)
        elapsed = time.perf_counter() - started
        for conn in sides:
            conn.close()
    if received < len(changes):
        raise RuntimeError(f"raw pull got {received} of {len(changes)} changes")
    return elapsed


def _login(http, device_name: str) -> dict[str, Any]:
    body = {"username": "alice", "password": PASSWORD, "device_name": device_name}
    return http.post("/login", json=body).json()


def _page_query(since: int) -> dict[str, int]:
    """A pull page of the product's size from ``since``."""
    from coordinator_app.sync.engine import PULL_LIMIT

    return {"since": since, "limit": PULL_LIMIT}


def _insert_rows(conn: sqlite3.Connection, rows: list[tuple]) -> None:
    """The rows in one transaction, as any real writer does. (The connection is in autocommit
    mode, where ``with conn:`` opens no transaction: each row was its own commit and fsync, which
    made this baseline 20 ms a change and the ratio meaningless.)"""
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO rows VALUES (?, ?, ?, ?)", rows)
    conn.execute("COMMIT")


def _server_cursor(http, token: str) -> int:
    """The server's latest sequence number, seen by a device that pulls with a huge ``since``."""
    since = 0
    auth = {"Authorization": f"Bearer {token}"}
    while True:
        page = http.get("/pull", params={"since": since, "limit": 500}, headers=auth).json()
        since = page["next_since"]
        if not page["has_more"]:
            return since


# -- nothing to do ---------------------------------------------------------------------------
NOTHING_TARGET = "≤ 2 requests and < 100 ms"


def _nothing_to_do(sender, receiver) -> dict[str, Any]:
    sync_once(receiver)  # the receiver is up to date with the sender
    times, requests = [], []
    for _ in range(5):
        seconds, report = sync_once(sender)
        times.append(seconds)
        requests.append(report.requests)
    return {"seconds": statistics.median(times), "requests": max(requests)}


def nothing_to_do(ctx: Context) -> Row:
    figure = "sync with nothing to do"
    size = "any"
    missing = _present()
    if missing:
        return Row.absent(figure, size, NOTHING_TARGET, missing)
    measured = ctx.cache.get("sync-nothing")
    if measured is None:  # run alone (--only): a small profile of its own
        work = ctx.work / "sync-nothing"
        shutil.rmtree(work, ignore_errors=True)  # a fresh server and laptops, even with --keep
        with server(work / "server", [{"username": "alice", "regions": ["03"]}]) as srv:
            sender, receiver = laptop(work / "a", srv, "alice"), laptop(work / "b", srv, "alice")
            try:
                fill(sender, 100, "03")
                sync_once(sender)
                sync_once(receiver)
                measured = _nothing_to_do(sender, receiver)
            finally:
                sender.close()
                receiver.close()
    seconds, requests = measured["seconds"], measured["requests"]
    met = requests <= 2 and seconds < 0.100
    return Row(
        figure, size, seconds, None, NOTHING_TARGET, met, f"{requests} request(s), median of 5"
    )


# -- one change, small and large profile -----------------------------------------------------
SCALING_TARGET = "≤ 1.5× (cost follows changes)"


def _as_if_synced(store) -> None:
    """Mark every local change as acknowledged, as after a first sync, without sending them:
    a first push of 100 000 changes would dominate the run, and this figure is about what one
    more change costs on a large profile (the server holds the same small log for both)."""
    from coordinator_app.store import sync_state

    with store.reading() as conn:
        ids = [
            row[0] for row in conn.execute("SELECT change_id FROM journal WHERE sent_at IS NULL")
        ]
    sync_state.acknowledge(store, dict.fromkeys(ids), {})


def one_change_scaling(ctx: Context) -> Row:
    big = ctx.n(100_000)
    small = min(1_000, big)
    figure = "sync of 1 change"
    size = f"{thousands(small)} vs {thousands(big)} records"
    missing = _present()
    if missing:
        return Row.absent(figure, size, SCALING_TARGET, missing)
    work = ctx.work / f"sync-scaling-{big}"
    shutil.rmtree(work, ignore_errors=True)  # a fresh server and laptops, even with --keep
    users = [{"username": "petit", "regions": ["05"]}, {"username": "grand", "regions": ["03"]}]
    with server(work / "server", users) as srv:
        small_store = laptop(work / "small", srv, "petit")
        big_store = laptop(work / "big", srv, "grand")
        try:
            for store, count, region, tag in (
                (small_store, small, "05", "p"),
                (big_store, big, "03", "g"),
            ):
                fill(store, count, region, tag=tag)
                _as_if_synced(store)
                sync_once(store)  # the cursor and generation are set, nothing is pending
            times: dict[str, list[float]] = {"small": [], "big": []}
            for round_ in range(5):
                for name, store, region in (("small", small_store, "05"), ("big", big_store, "03")):
                    store.create(
                        "project",
                        {
                            "name": f"Nouvelle ferme {round_}",
                            "program": "FERME_COOP",
                            "region_code": region,
                        },
                    )
                    seconds, report = sync_once(store)
                    if report.sent != 1:
                        raise RuntimeError(f"expected 1 change sent, got {report.sent}")
                    times[name].append(seconds)
        finally:
            small_store.close()
            big_store.close()
    ours, base = statistics.median(times["big"]), statistics.median(times["small"])
    note = "median of 5 syncs of one new project; ours = large profile, baseline = small one"
    return Row(figure, size, ours, base, SCALING_TARGET, ours <= 1.5 * base, note)


# -- server under load -----------------------------------------------------------------------
LOAD_TARGET = "p99 < 500 ms, no error"


class _TimingTransport(httpx.BaseTransport):
    """An httpx transport that records how long each request took (client-side latency)."""

    def __init__(self, latencies: list[float], lock: threading.Lock, ca_path: Path) -> None:
        import ssl

        self.inner = httpx.HTTPTransport(verify=ssl.create_default_context(cafile=str(ca_path)))
        self.latencies, self.lock = latencies, lock

    def handle_request(self, request):
        started = time.perf_counter()
        response = self.inner.handle_request(request)
        response.read()
        with self.lock:
            self.latencies.append(time.perf_counter() - started)
        return response

    def close(self) -> None:
        self.inner.close()


def server_load(ctx: Context) -> Row:
    clients = max(5, ctx.n(50))
    per_client = ctx.n(100)
    figure = "server under load"
    size = f"{clients} clients × {per_client} changes"
    missing = _present()
    if missing:
        return Row.absent(figure, size, LOAD_TARGET, missing)
    from coordinator_app.sync.engine import SyncEngine

    work = ctx.work / f"load-{clients}"
    shutil.rmtree(work, ignore_errors=True)  # a fresh server and laptops, even with --keep
    regions = [f"{i % 17 + 1:02d}" for i in range(clients)]
    users = [{"username": f"coord{i}", "regions": [regions[i]]} for i in range(clients)]
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    with server(work / "server", users) as srv:
        stores = [laptop(work / f"c{i}", srv, f"coord{i}") for i in range(clients)]
        try:
            for i, store in enumerate(stores):
                fill(store, per_client, regions[i], tag=f"c{i}-")
            barrier = threading.Barrier(clients)

            def client(store) -> None:
                try:
                    barrier.wait()
                    SyncEngine(
                        store,
                        snapshot=False,
                        transport=_TimingTransport(latencies, lock, srv.ca_path),
                    ).run()
                except (Exception, httpx.HTTPError) as error:
                    with lock:
                        errors.append(f"{error.__class__.__name__}: {error}")

            threads = [threading.Thread(target=client, args=(s,)) for s in stores]
            started = time.perf_counter()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            wall = time.perf_counter() - started
        finally:
            for store in stores:
                store.close()
    p99 = percentile(latencies, 0.99) if latencies else None
    p50 = percentile(latencies, 0.50) if latencies else None
    note = (
        f"{len(latencies)} requests in {wall:.1f} s, p50 {p50 * 1000:.0f} ms, {len(errors)} error(s)"
        if latencies
        else "no request completed"
    )
    if errors:
        note += f"; first: {errors[0][:120]}"
    met = p99 is not None and p99 < 0.5 and not errors
    return Row(figure, size, p99, None, LOAD_TARGET, met, note)
