"""The server side of the load figures (``fig_load``): ``uvicorn --workers N`` over TLS serving
``benchmarks.load_app``, and the connections PostgreSQL has to spare (the fresh database is
``common.database``, shared with the sync figures)."""

from __future__ import annotations

import contextlib
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

from benchmarks.common import ROOT, qt_env
from benchmarks.load_accounts import fast_hash


def connections_per_process() -> int:
    """Connections one server process may open (``db.make_engine``'s PostgreSQL pool)."""
    from coordinator_app.server import db

    return db.PG_POOL_SIZE + db.PG_POOL_OVERFLOW


def free_connections(url: str) -> int:
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
def uvicorn(db_url: str, tls: dict[str, Path], workers: int, per_address: int) -> Iterator[str]:
    """``uvicorn --workers N`` serving the app over TLS; yields its URL once it answers."""
    from coordinator_app.protocol.versions import API_PREFIX
    from tests.support.live_server import free_port

    port = free_port()
    log = open(tls["ca"].parent.parent / "uvicorn.log", "w")  # noqa: SIM115  # kept: server errors
    from coordinator_app.server.security import FAST_HASH_ENV

    env = {**qt_env(), "CARNET_LOAD_DB": db_url}
    env.pop(FAST_HASH_ENV, None)  # a real server's Argon2 cost (its dummy hash too)
    if fast_hash():
        env[FAST_HASH_ENV] = "1"
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
