"""PostgreSQL connections are pinged before use only after sitting idle (``db.PG_PING_AFTER_IDLE_S``),
not at every checkout: one that PostgreSQL dropped while it waited in the pool is replaced before
a request uses it."""

from __future__ import annotations

import time

import pytest
import sqlalchemy as sa

from coordinator_app.server import db
from tests.support.engines import migrated_engine
from tests.support.live_server import POSTGRES_URL

pytestmark = pytest.mark.postgres

_PID = "SELECT pg_backend_pid()"


def _terminate(pid: int) -> None:
    """What a PostgreSQL restart or an idle timeout does to one pooled connection."""
    admin = sa.create_engine(POSTGRES_URL)
    try:
        with admin.begin() as conn:
            conn.execute(sa.text("SELECT pg_terminate_backend(:p)"), {"p": pid})
            for _ in range(100):
                gone = conn.execute(
                    sa.text("SELECT count(*) = 0 FROM pg_stat_activity WHERE pid = :p"), {"p": pid}
                ).scalar_one()
                if gone:
                    return
                time.sleep(0.02)
    finally:
        admin.dispose()


def test_a_connection_dropped_while_idle_is_replaced_before_a_request_uses_it(
    monkeypatch, tmp_path
):
    monkeypatch.setattr(db, "PG_PING_AFTER_IDLE_S", 0.0)
    with migrated_engine("postgresql", tmp_path) as engine:
        with db.reading(engine) as conn:
            dropped = conn.exec_driver_sql(_PID).scalar_one()
        _terminate(dropped)
        with db.reading(engine) as conn:
            assert conn.exec_driver_sql(_PID).scalar_one() != dropped
            assert db.generation(conn)


def test_a_connection_handed_back_a_moment_ago_is_used_without_a_ping(monkeypatch, tmp_path):
    with migrated_engine("postgresql", tmp_path) as engine:
        pings: list[object] = []
        ping = engine.dialect.do_ping
        monkeypatch.setattr(engine.dialect, "do_ping", lambda c: pings.append(c) or ping(c))
        for _ in range(3):
            with db.reading(engine) as conn:
                conn.exec_driver_sql(_PID).scalar_one()
        assert pings == []
        monkeypatch.setattr(db, "PG_PING_AFTER_IDLE_S", 0.0)
        with db.reading(engine) as conn:
            conn.exec_driver_sql(_PID).scalar_one()
        assert len(pings) == 1
