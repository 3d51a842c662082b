"""A migrated server database for tests that talk to the server's tables directly (no HTTP)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from coordinator_app.server import db
from tests.support.live_server import postgres_reachable, postgres_schema_url


@contextmanager
def migrated_engine(engine_kind: str, tmp_path: Path) -> Iterator[Engine]:
    """A fresh, migrated server database: a SQLite file in ``tmp_path``, or its own schema on the
    machine's PostgreSQL (the test is skipped, with the reason, only where none is reachable)."""
    with ExitStack() as stack:
        if engine_kind == "sqlite":
            url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
        else:
            reason = postgres_reachable()
            if reason:
                pytest.skip(reason)
            url = stack.enter_context(postgres_schema_url())
        engine = db.make_engine(url)
        stack.callback(engine.dispose)
        db.migrate(engine)
        yield engine
