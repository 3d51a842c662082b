"""Sequence numbers of the change log: who allocates them, and how far a pull may read.

The pull cursor (``since``) is safe only if no change can commit later with a seq at or below a
cursor some laptop already holds. Two ways to keep that true, one per engine (the argument is in
docs/sync-protocol.md, « Cursor »):

- **SQLite** has one writer at a time (``BEGIN IMMEDIATE``): a push allocates ``max(seq) + 1`` …
  inside it, so seq order is commit order and every seq up to ``max(seq)`` is committed.
- **PostgreSQL** lets pushes run concurrently. Seqs come from the sequence ``carnet_change_seq``
  (server migration 6). Before taking its first seq, a push *registers* a lower bound ``L`` of the
  seqs it will take (the sequence's next value, read before registering) as a transaction-scoped,
  shared advisory lock; PostgreSQL drops it when the transaction commits, rolls back, or its
  connection dies. A pull reads the sequence's last value ``V``, *then* the registrations, and
  serves seqs up to ``min(V, lowest L - 1)``: the **visibility watermark**. Every seq at or below it
  belongs to a transaction that had registered before the pull looked and was gone by then, so it
  is committed (and visible: a transaction's locks are released after its commit is) or will never
  be.

Advisory locks are per database, not per schema: the key carries a namespace derived from the
database and schema names, so servers (or test schemas) sharing one PostgreSQL database never hold
back each other's pulls.
"""

from __future__ import annotations

import weakref
import zlib

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

SEQUENCE = "carnet_change_seq"
#: An advisory key is ``namespace << SEQ_BITS | L``: seqs up to 2**40 (10**12 changes).
SEQ_BITS = 40
_NAMESPACE_MASK = (1 << 22) - 1  # the key stays a positive bigint

_NEXT = sa.text(
    f"SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM {SEQUENCE}"
)
_LAST = sa.text(
    f"SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM {SEQUENCE}"
)
_REGISTER = sa.text(
    "SELECT pg_advisory_xact_lock_shared(:base + "
    f"(SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM {SEQUENCE}))"
)
_BLOCK = sa.text(f"SELECT nextval('{SEQUENCE}') FROM generate_series(1, :n)")
_IN_FLIGHT = sa.text(
    "SELECT min(((classid::bigint << 32) | objid::bigint) - :base) FROM pg_locks "
    "WHERE locktype = 'advisory' AND objsubid = 1 "
    "AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
    "AND ((classid::bigint << 32) | objid::bigint) >= :base "
    "AND ((classid::bigint << 32) | objid::bigint) < :base + :span"
)
_MAX_SEQ = sa.text("SELECT coalesce(max(seq), 0) FROM carnet_changes")
_MAX_SEQ_UPTO = sa.text("SELECT coalesce(max(seq), 0) FROM carnet_changes WHERE seq <= :mark")
_NAMESPACE = sa.text("SELECT current_database() || '/' || current_schema()")

_namespaces: weakref.WeakKeyDictionary[Engine, int] = weakref.WeakKeyDictionary()


def is_postgres(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def _base(conn: Connection) -> int:
    """``namespace << SEQ_BITS`` for this connection's database and schema (read once per
    engine)."""
    namespace = _namespaces.get(conn.engine)
    if namespace is None:
        name = str(conn.execute(_NAMESPACE).scalar_one())
        namespace = _namespaces[conn.engine] = zlib.crc32(name.encode()) & _NAMESPACE_MASK
    return namespace << SEQ_BITS


def watermark(conn: Connection) -> int:
    """The highest seq a pull may serve now: every seq up to it is committed or never will be.

    SQLite: ``max(seq)`` (one writer, seqs in commit order). PostgreSQL: the sequence's last
    value, lowered below the lowest seq a push still in flight may commit (module docstring),
    then down to the last seq of the log at or below that."""
    if not is_postgres(conn):
        return int(conn.execute(_MAX_SEQ).scalar_one())
    last = int(conn.execute(_LAST).scalar_one())  # first: see the module docstring
    base = _base(conn)
    lowest = conn.execute(_IN_FLIGHT, {"base": base, "span": 1 << SEQ_BITS}).scalar()
    mark = last if lowest is None else min(last, int(lowest) - 1)
    # the log's last seq at or below it: the seqs above it up to ``mark`` are holes (unused or
    # rolled back), so a cursor stops where the log does, as on SQLite
    return int(conn.execute(_MAX_SEQ_UPTO, {"mark": mark}).scalar_one())


class SeqSource:
    """The seqs of one push transaction, taken in increasing order.

    SQLite: ``max(seq) + 1`` onwards (the transaction holds the only write lock). PostgreSQL:
    registered once (``_REGISTER``), then taken from the sequence a block at a time. ``after_lock``
    drops the rest of a block when the push locks one more record: the seqs of a change must be
    taken after its record's lock, so per record, log order is merge order (receive order)."""

    def __init__(self, conn: Connection, block: int) -> None:
        self.conn = conn
        self.block = max(block, 1)
        self.postgres = is_postgres(conn)
        self.registered = False
        self.ahead: list[int] = []
        if not self.postgres:
            first = int(conn.execute(_MAX_SEQ).scalar_one()) + 1
            self.ahead = [first]

    def peek(self) -> int:
        """The seq the next ``take`` returns."""
        if not self.ahead:
            self._refill()
        return self.ahead[0]

    def take(self) -> int:
        seq = self.peek()
        if self.postgres:
            self.ahead.pop(0)
        else:
            self.ahead[0] += 1
        return seq

    def after_lock(self) -> None:
        """A record was just locked: seqs taken from now on must come from the sequence after it."""
        if self.postgres:
            self.ahead.clear()

    def state(self) -> list[int]:
        return list(self.ahead)

    def restore(self, state: list[int]) -> None:
        self.ahead = list(state)

    def _refill(self) -> None:
        if not self.registered:
            self.conn.execute(_REGISTER, {"base": _base(self.conn)})
            self.registered = True
        rows = self.conn.execute(_BLOCK, {"n": self.block}).scalars()
        self.ahead = sorted(int(x) for x in rows)


def create_sequence(conn: Connection) -> None:
    """Server migration 6 on PostgreSQL: the sequence, started after the log's last seq (one seq
    per ``nextval``, no cache: values are handed out in increasing order across sessions)."""
    if not is_postgres(conn):
        return
    conn.exec_driver_sql(f"CREATE SEQUENCE IF NOT EXISTS {SEQUENCE} AS bigint CACHE 1 NO CYCLE")
    resync(conn)


def resync(conn: Connection) -> None:
    """Move the sequence past the log's highest seq (after rows were written with seqs of their
    own: a table-only restore, a test writing the log directly). Never moves it back."""
    if is_postgres(conn):
        conn.execute(
            sa.text(
                f"SELECT setval('{SEQUENCE}', greatest(({_MAX_SEQ.text}), "
                f"(SELECT last_value FROM {SEQUENCE})), true)"
            )
        )
