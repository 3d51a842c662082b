"""One-statement reads without a transaction around them on PostgreSQL.

Every authenticated request reads its device by token, and a push or a login answers with the
server's generation: one SELECT each. In a transaction that is three round trips (BEGIN, the
SELECT, COMMIT), and under load each round trip also waits for the interpreter lock (py-spy of
the load test: BEGIN/COMMIT 18 % of a token check's time, benchmarks/README.md). In autocommit
the statement is its own transaction, with its own snapshot: one round trip, same answer.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.engine import Connection, Engine


@contextmanager
def single_read(engine: Engine) -> Iterator[Connection]:
    """A connection for one SELECT: on PostgreSQL in autocommit (one round trip, no BEGIN and
    COMMIT); on SQLite a read transaction, as ``db.reading``."""
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            yield conn
    else:
        with engine.connect().execution_options(carnet_read_only=True) as conn, conn.begin():
            yield conn
