"""Load like an operator measures it: Locust drives N simulated laptops (200 at full size), in
separate processes (``--processes``), against the real server over TLS on loopback: 1 and 4
uvicorn worker processes on PostgreSQL, 1 on SQLite.

Each laptop logs in, pushes 100 changes (a farm co-op and 99 visits in its own region, one
request) and pulls its regions' log from the start (``benchmarks/load_locust.py``). The figure is
Locust's p50/p99 request latency, the changes the server acknowledged per second of the run, and
the errors. The old ``server under load`` figure ran its laptops as threads of the benchmark
process, whose interpreter lock and SQLCipher work were most of what it measured.
"""

from __future__ import annotations

import contextlib
import csv
import importlib.util
import json
import os
import shutil
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx

from benchmarks.common import ROOT, Context, Row, qt_env
from benchmarks.fig_sync import _renamed, _wire_changes, fill

LOAD_TARGET = "p99 < 300 ms, no error (PostgreSQL)"
PASSWORD = "mot-de-passe-de-charge"
SETUPS = (("PostgreSQL", 1), ("PostgreSQL", 4), ("SQLite", 1))


def _template(work: Path) -> list[dict[str, Any]]:
    """100 changes as the sync engine sends them: one farm co-op in region 03 and 99 visits."""
    from coordinator_app.store import open_store

    store = open_store(work / "template-laptop")
    try:
        fill(store, 100, "03", tag="charge-")
        return _wire_changes(store)
    finally:
        store.close()


def _laptop_changes(template: list[dict[str, Any]], region: str) -> list[dict[str, Any]]:
    changes = _renamed(template)
    for change in changes:
        if "region_code" in change["fields"]:
            change["fields"]["region_code"] = [None, region]
    return changes


@contextlib.contextmanager
def _database(engine: str, work: Path) -> Iterator[str | None]:
    """A fresh database URL for ``engine`` (None when PostgreSQL is not reachable here)."""
    if engine == "SQLite":
        yield f"sqlite:///{work / 'server.sqlite3'}"
        return
    from tests.support.live_server import POSTGRES_URL, postgres_reachable, postgres_schema_url

    if postgres_reachable(POSTGRES_URL):
        yield None
        return
    with postgres_schema_url(POSTGRES_URL) as url:
        yield url


def _connections_per_process() -> int:
    """Connections one server process may open (``db.make_engine``'s PostgreSQL pool)."""
    from coordinator_app.server import db

    return db.PG_POOL_SIZE + db.PG_POOL_OVERFLOW


def _free_connections(url: str) -> int:
    """How many more connections PostgreSQL accepts now (``max_connections`` minus those open,
    minus its 3 reserved): a shared database must not be exhausted by the load run."""
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            most = int(conn.execute(sa.text("SHOW max_connections")).scalar_one())
            used = int(conn.execute(sa.text("SELECT count(*) FROM pg_stat_activity")).scalar_one())
    finally:
        engine.dispose()
    return most - used - 3


@contextlib.contextmanager
def _uvicorn(db_url: str, tls: dict[str, Path], workers: int, per_address: int) -> Iterator[str]:
    """``uvicorn --workers N`` serving the app over TLS; yields its URL once it answers."""
    from coordinator_app.protocol.versions import API_PREFIX
    from tests.support.live_server import free_port

    port = free_port()
    log = open(tls["ca"].parent.parent / "uvicorn.log", "w")  # noqa: SIM115  # kept: server errors
    env = {**qt_env(), "CARNET_LOAD_DB": db_url, "COORDINATOR_SERVER_TEST_FAST_HASH": "1"}
    env.setdefault("CARNET_LOAD_PER_ADDRESS", str(per_address))
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "benchmarks.load_app:app", "--host", "127.0.0.1",
         "--port", str(port), "--workers", str(workers), "--ssl-certfile", str(tls["cert"]),
         "--ssl-keyfile", str(tls["key"]), "--log-level", "info", "--no-access-log"],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=log, text=True,
    )  # fmt: skip
    url = f"https://127.0.0.1:{port}"
    try:
        context = ssl.create_default_context(cafile=str(tls["ca"]))
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(url + API_PREFIX + "/health", verify=context).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"uvicorn did not start: see {log.name}")
            time.sleep(0.2)
        _wait_for_workers(Path(log.name), workers, process, deadline)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def _wait_for_workers(log: Path, workers: int, process: subprocess.Popen, deadline: float) -> None:
    """Every worker up, not only the first to answer: a loaded machine takes seconds to start
    four (each logs « Application startup complete » at --log-level info; requests are not
    logged, --no-access-log)."""
    while log.read_text().count("Application startup complete") < workers:
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"uvicorn's workers did not all start: see {log}")
        time.sleep(0.2)


def _locust(url: str, work: Path, ca: Path, laptops: int, processes: int) -> dict[str, Any]:
    """One headless Locust run; returns its aggregated figures."""
    results = work / "results.txt"
    env = {
        **qt_env(),
        "CARNET_LOAD_DATA": str(work / "laptops.json"),
        "CARNET_LOAD_RESULTS": str(results),
        "CARNET_LOAD_CA": str(ca),
        "CARNET_LOAD_PASSWORD": PASSWORD,
    }
    bound = max(60, laptops)  # seconds: a run that hangs still ends
    command = [
        sys.executable, "-m", "locust", "-f", str(ROOT / "benchmarks" / "load_locust.py"),
        "--headless", "--only-summary", "-u", str(laptops), "-r", str(laptops),
        "--host", url, "--csv", str(work / "locust"), "-t", f"{bound}s", "--stop-timeout", "5",
        "--exit-code-on-error", "0", "--loglevel", "WARNING",
    ]  # fmt: skip
    if processes > 1:
        command += ["--processes", str(processes)]
    started = time.perf_counter()
    done = subprocess.run(
        command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=bound + 60
    )
    wall = time.perf_counter() - started
    lines = [json.loads(x) for x in results.read_text().splitlines()] if results.exists() else []
    if not lines:
        raise RuntimeError(f"locust ran no laptop: {done.stderr[-800:]}")
    with open(work / "locust_stats.csv", newline="") as handle:
        stats = {r["Name"]: r for r in csv.DictReader(handle)}
    total = stats["Aggregated"]
    # per request kind: p50 / p99 in ms (where the time goes: login, push or pull)
    by_kind = {
        name: (float(r["50%"]), float(r["99%"]))
        for name, r in stats.items()
        if name != "Aggregated"
    }
    errors = [x["error"] for x in lines if x["error"]]
    span = max(x["end"] for x in lines) - min(x["start"] for x in lines)
    pushed = sum(x["pushed"] for x in lines)
    return {
        "laptops": len(lines),
        "requests": int(total["Request Count"]),
        "failures": int(total["Failure Count"]),
        "errors": len(errors) + (laptops - len(lines)),
        "first_error": errors[0] if errors else "",
        "p50_s": float(total["50%"]) / 1000,
        "p99_s": float(total["99%"]) / 1000,
        "changes_per_s": pushed / span if span else None,
        "pushed": pushed,
        "span_s": span,
        "wall_s": wall,
        "by_kind": by_kind,
    }


def load(ctx: Context) -> Row:
    laptops = max(5, ctx.n(200))
    processes = int(os.environ.get("CARNET_LOAD_PROCESSES", os.cpu_count() or 1))
    figure = "load: laptops log in, push 100, pull (Locust)"
    size = f"{laptops} laptops, {processes} Locust processes"
    # find_spec, not an import: importing locust monkey-patches the whole benchmark process (gevent)
    if importlib.util.find_spec("locust") is None:
        return Row.absent(figure, size, LOAD_TARGET, "pip install locust (the bench extra)")
    base = ctx.work / f"load-{laptops}"
    shutil.rmtree(base, ignore_errors=True)
    template = _template(base)
    regions = [f"{i % 17 + 1:02d}" for i in range(laptops)]
    measured = {
        f"{engine} × {workers}": _setup(engine, workers, base, template, regions, processes)
        for engine, workers in SETUPS
    }
    return _row(figure, size, measured)


def _setup(
    engine: str,
    workers: int,
    base: Path,
    template: list[dict[str, Any]],
    regions: list[str],
    processes: int,
) -> dict[str, Any]:
    """One setup's figures (or ``{"absent": why}``): a fresh database, one account per laptop,
    ``workers`` server processes, one Locust run."""
    from coordinator_app.server.settings import Settings
    from tests.support.live_server import LiveServer

    laptops = len(regions)
    work = base / f"{engine}-{workers}".lower()
    work.mkdir(parents=True)
    with _database(engine, work) as url:
        if url is None:
            return {"absent": "PostgreSQL not reachable"}
        if engine == "PostgreSQL":
            # a process opens at most one connection per request in flight
            needed = workers * min(_connections_per_process(), laptops)
            free = _free_connections(url)
            if free < needed:  # others' tests share this PostgreSQL: never starve them
                return {
                    "absent": f"{free} free PostgreSQL connections, {workers} processes "
                    f"may open {needed}: raise max_connections"
                }
        server = LiveServer(work, url, Settings(db_url=url))  # migrates; users, certificates
        laptops_data = []
        for i, region in enumerate(regions):
            server.add_user(f"coord{i}", regions=[region], password=PASSWORD)
            laptops_data.append(
                {"username": f"coord{i}", "changes": _laptop_changes(template, region)}
            )
        server.engine.dispose()
        (work / "laptops.json").write_text(json.dumps(laptops_data), encoding="utf-8")
        tls = {"ca": server.ca_path, "cert": server.cert_path, "key": server.key_path}
        # every laptop logs in from 127.0.0.1: the per-address limit is raised to their
        # number (CARNET_LOAD_PER_ADDRESS=20 in the environment measures the default)
        with _uvicorn(url, tls, workers, per_address=2 * laptops) as address:
            figures = _locust(address, work, server.ca_path, laptops, processes)
        figures["load_average"] = os.getloadavg()[0]
        return figures


def _row(figure: str, size: str, measured: dict[str, dict[str, Any]]) -> Row:
    parts = []
    for name, m in measured.items():
        if "absent" in m:
            parts.append(f"{name}: n/a ({m['absent']})")
            continue
        parts.append(
            f"{name}: p50 {m['p50_s'] * 1000:.0f} ms, p99 {m['p99_s'] * 1000:.0f} ms, "
            f"{m['changes_per_s']:.0f} changes/s, {m['requests']} requests, {m['errors']} error(s), "
            f"load average {m['load_average']:.1f}; "
            + ", ".join(f"{k} {a:.0f}/{b:.0f} ms" for k, (a, b) in sorted(m["by_kind"].items()))
            + (f" ({m['first_error'][:80]})" if m["first_error"] else "")
        )
    postgres = [m for n, m in measured.items() if n.startswith("PostgreSQL") and "absent" not in m]
    others = [m for m in measured.values() if "absent" not in m]
    # ours: the worst PostgreSQL p99 (the target's), else SQLite's; none measured: not present
    worst = max((m["p99_s"] for m in postgres or others), default=None)
    if worst is None:
        return Row.absent(figure, size, LOAD_TARGET, "; ".join(parts))
    met = (
        None  # the target is PostgreSQL's
        if not postgres
        else worst < 0.300 and all(m["errors"] == 0 and m["failures"] == 0 for m in postgres)
    )
    row = Row(figure, size, worst, None, LOAD_TARGET, met, "; ".join(parts))
    row.extra = measured
    return row
