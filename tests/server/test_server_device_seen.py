"""A device's pull cursor (``server.device_seen``), recorded on PostgreSQL in one round trip (an
upsert): it never moves back, and a new server generation starts it again."""

from __future__ import annotations

import pytest

from coordinator_app.server import db, device_seen
from tests.support.engines import migrated_engine


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def engine(request, tmp_path):
    with migrated_engine(request.param, tmp_path) as engine:
        yield engine


def _seen(engine, generation: str) -> int:
    with db.reading(engine) as conn:
        return device_seen.seen_through(conn, "device-1", generation)


def test_a_pull_cursor_moves_forward_only_and_restarts_with_a_new_generation(engine) -> None:
    device_seen.record_pull(engine, "device-1", 40, "gen-a")
    device_seen.record_pull(engine, "device-1", 25, "gen-a")  # an older page: kept at 40
    assert (_seen(engine, "gen-a"), _seen(engine, "gen-b")) == (40, 0)
    device_seen.record_pull(engine, "device-1", 60, "gen-a")
    assert _seen(engine, "gen-a") == 60
    device_seen.record_pull(engine, "device-1", 0, "gen-b")  # after a restore: from 0
    assert (_seen(engine, "gen-a"), _seen(engine, "gen-b")) == (0, 0)
    device_seen.record_pull(engine, "device-1", 7, "gen-b")
    assert _seen(engine, "gen-b") == 7
