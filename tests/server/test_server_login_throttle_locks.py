"""On PostgreSQL a login attempt waits for the attempts before it on its account and on its
address (per-key advisory locks, no server-wide lock), and then counts what they committed.

Deterministic, no timing: another transaction holds one key's lock while it writes attempts up to
the limit; the reservation must wait for it (seen in ``pg_locks``) and, once it commits, be
refused. Without that lock the reservation would count an empty window and be let through."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from coordinator_app.server import db, login_throttle
from coordinator_app.server.clock import epoch
from coordinator_app.server.settings import Settings
from tests.support.engines import migrated_engine

pytestmark = pytest.mark.postgres
LIMIT = 3


@pytest.fixture
def engine(tmp_path) -> Iterator[Engine]:
    with migrated_engine("postgresql", tmp_path) as engine:
        yield engine


def _settings(engine: Engine) -> Settings:
    return Settings(
        db_url=str(engine.url), login_failures_per_user=LIMIT, login_failures_per_address=LIMIT
    )


def _reserve_while_locked(engine: Engine, lock: tuple[int, str], rows: list[tuple[str, str]],
                          attempt: tuple[str, str]) -> object:  # fmt: skip
    """Hold ``lock`` while writing ``rows`` (username, address); reserve ``attempt`` meanwhile;
    commit once the reservation waits. Returns what the reservation returned or raised."""
    outcome: list[object] = []
    key, value = lock

    def reserve() -> None:
        try:
            outcome.append(login_throttle.reserve_attempt(engine, _settings(engine), *attempt))
        except login_throttle.Throttled as throttled:
            outcome.append(throttled)

    with engine.connect() as holder, holder.begin():
        holder.execute(
            sa.text("SELECT pg_advisory_xact_lock(:k, :h)"),
            {"k": key, "h": login_throttle.lock_hash(value)},
        )
        holder.execute(
            db.login_failures.insert(),
            [{"username": u, "address": a, "at": epoch()} for u, a in rows],
        )
        thread = threading.Thread(target=reserve)
        thread.start()
        deadline = time.monotonic() + 30
        while not _waited_for(engine, key, value):
            assert thread.is_alive(), "the reservation did not wait for the key's lock"
            assert time.monotonic() < deadline
            time.sleep(0.01)
    thread.join(30)
    return outcome[0]


def _waited_for(engine: Engine, key: int, value: str) -> bool:
    """Whether a session of this database waits for the advisory lock of (key, value)."""
    with engine.connect() as conn:
        return bool(
            conn.execute(
                sa.text(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                    " AND classid = :k AND objid = :h AND objsubid = 2 AND database ="
                    " (SELECT oid FROM pg_database WHERE datname = current_database())"
                ),
                {"k": key, "h": login_throttle.lock_hash(value) & 0xFFFFFFFF},
            ).scalar_one()
        )


def test_an_attempt_waits_for_and_counts_the_attempts_on_its_address(engine) -> None:
    rows = [(f"autre{i}", "loopback") for i in range(LIMIT)]
    outcome = _reserve_while_locked(
        engine, (login_throttle.ADDRESS_LOCK_KEY, "loopback"), rows, ("emile", "loopback")
    )
    assert isinstance(outcome, login_throttle.Throttled)


def test_an_attempt_waits_for_and_counts_the_attempts_on_its_account(engine) -> None:
    rows = [("emile", f"10.0.0.{i}") for i in range(LIMIT)]
    outcome = _reserve_while_locked(
        engine, (login_throttle.ACCOUNT_LOCK_KEY, "emile"), rows, ("emile", "192.0.2.1")
    )
    assert isinstance(outcome, login_throttle.Throttled)


def test_attempts_on_other_keys_do_not_wait(engine) -> None:
    """Another account from another address is reserved while both keys above are held."""
    with engine.connect() as holder, holder.begin():
        for key, value in ((login_throttle.ACCOUNT_LOCK_KEY, "emile"),
                           (login_throttle.ADDRESS_LOCK_KEY, "loopback")):  # fmt: skip
            holder.execute(
                sa.text("SELECT pg_advisory_xact_lock(:k, :h)"),
                {"k": key, "h": login_throttle.lock_hash(value)},
            )
        reservation = login_throttle.reserve_attempt(engine, _settings(engine), "zoe", "192.0.2.7")
    assert isinstance(reservation, int)
