"""The login throttle: every attempt is reserved (counted as a failure) before its password is
checked, per account and per address, so concurrent attempts can never check more passwords
than the limits in a window (docs/server.md, « Login throttle »).

Attempts are serialised per throttle key, not server-wide: on PostgreSQL by two transaction
advisory locks (one on the account, one on the address, always in that order, so two attempts
never wait for each other in a cycle), taken and released inside one round trip to the database
(an implicit transaction of several statements), so a lock is never held while this process
waits for the interpreter lock or the scheduler. On SQLite every writer already queues on one
lock (``BEGIN IMMEDIATE``); the reservation is one short transaction there."""

from __future__ import annotations

import ipaddress
import zlib

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from coordinator_app.server import db
from coordinator_app.server.clock import epoch
from coordinator_app.server.settings import Settings

#: first keys of the PostgreSQL advisory locks of one account's / one address's attempts
#: (the second key is a 32-bit hash of the account / the address; a collision only makes two
#: keys wait for each other)
ACCOUNT_LOCK_KEY = 0x4C4755  # "LGU"
ADDRESS_LOCK_KEY = 0x4C4741  # "LGA"


class Throttled(Exception):
    def __init__(self, retry_after: int) -> None:
        super().__init__(retry_after)
        self.retry_after = retry_after


def address_key(address: str) -> str:
    """The unit the per-address limit counts: one IPv4 address, but the whole loopback range
    (127.0.0.2 is the same machine as 127.0.0.1) and an IPv6 /64 (what one site is given)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address[:64]
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return "loopback"
    if isinstance(ip, ipaddress.IPv6Address):
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def reserve_attempt(engine: Engine, settings: Settings, key: str, address: str) -> int:
    """Count this attempt as a failure before the password is checked: concurrent attempts on
    one key each see the ones before them, so no more than the limit are ever checked in a
    window (a check-then-count left every concurrent attempt to see the same empty window).
    Returns the reservation's row id; raises ``Throttled`` when a limit is reached."""
    if db.is_postgres(engine):
        return _reserve_postgres(engine, settings, key, address)
    return _reserve_sqlite(engine, settings, key, address)


def _wait(oldest_counted: float | None, window: int) -> int:
    """Seconds until the limit-th most recent attempt leaves the window (0: under the limit)."""
    if oldest_counted is None:
        return 0
    return max(1, int(oldest_counted + window - epoch()) + 1)


def _limit_th(conn: Connection, column: sa.Column, value: str, limit: int, window: int) -> float:
    """The time of the ``limit``-th most recent attempt of ``value`` in the window, if any. Reads
    that one row, not every attempt of a busy office address."""
    return conn.execute(
        sa.select(db.login_failures.c.at)
        .where(column == value, db.login_failures.c.at > epoch() - window)
        .order_by(db.login_failures.c.at.desc())
        .offset(limit - 1)
        .limit(1)
    ).scalar()


def _reserve_sqlite(engine: Engine, settings: Settings, key: str, address: str) -> int:
    """One serialised transaction (this process's write lock, then ``BEGIN IMMEDIATE``)."""
    window = settings.login_window_seconds
    failures = db.login_failures
    with db.writing(engine) as conn:
        wait = max(
            _wait(_limit_th(conn, failures.c.username, key, settings.login_failures_per_user,
                            window), window),
            _wait(_limit_th(conn, failures.c.address, address,
                            settings.login_failures_per_address, window), window),
        )  # fmt: skip
        if wait:
            raise Throttled(wait)
        conn.execute(failures.delete().where(failures.c.at < epoch() - 2 * window))
        result = conn.execute(failures.insert().values(username=key, address=address, at=epoch()))
        return int(result.inserted_primary_key[0])


# One simple-protocol query, so one implicit transaction and one round trip: the locks are taken
# by their own statements so that the counting statement, under READ COMMITTED, takes its
# snapshot after them and sees every attempt committed by the previous holders. Old attempts are
# removed by whoever finds them unlocked (never waiting: SKIP LOCKED). Commits without waiting
# for the fsync: losing a reservation in a crash only gives its slot back (db.bookkeeping).
_RESERVE_SQL = """
SELECT set_config('synchronous_commit', 'off', true);
SELECT pg_advisory_xact_lock(%(account_lock)s, %(account_hash)s);
SELECT pg_advisory_xact_lock(%(address_lock)s, %(address_hash)s);
WITH by_account AS (
    SELECT at FROM carnet_login_failures WHERE username = %(key)s AND at > %(since)s
    ORDER BY at DESC OFFSET %(account_offset)s LIMIT 1
), by_address AS (
    SELECT at FROM carnet_login_failures WHERE address = %(address)s AND at > %(since)s
    ORDER BY at DESC OFFSET %(address_offset)s LIMIT 1
), reserved AS (
    INSERT INTO carnet_login_failures (username, address, at)
    SELECT %(key)s, %(address)s, %(now)s
    WHERE NOT EXISTS (SELECT FROM by_account) AND NOT EXISTS (SELECT FROM by_address)
    RETURNING id
)
SELECT (SELECT id FROM reserved), (SELECT at FROM by_account), (SELECT at FROM by_address);
DELETE FROM carnet_login_failures WHERE id IN (
    SELECT id FROM carnet_login_failures WHERE at < %(stale)s FOR UPDATE SKIP LOCKED
);
"""


def lock_hash(value: str) -> int:
    """A signed 32-bit hash of a throttle key (pg_advisory_xact_lock's second int4 key)."""
    unsigned = zlib.crc32(value.encode("utf-8"))
    return unsigned - (1 << 32) if unsigned >= 1 << 31 else unsigned


def _reserve_postgres(engine: Engine, settings: Settings, key: str, address: str) -> int:
    import psycopg  # only a PostgreSQL server needs it

    now, window = epoch(), settings.login_window_seconds
    params = {
        "account_lock": ACCOUNT_LOCK_KEY, "account_hash": lock_hash(key),
        "address_lock": ADDRESS_LOCK_KEY, "address_hash": lock_hash(address),
        "key": key, "address": address, "since": now - window, "now": now,
        "account_offset": settings.login_failures_per_user - 1,
        "address_offset": settings.login_failures_per_address - 1, "stale": now - 2 * window,
    }  # fmt: skip
    # client-side binding: the only psycopg cursor that sends several statements at once
    with (
        engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn,
        psycopg.ClientCursor(conn.connection.driver_connection) as cursor,
    ):
        cursor.execute(_RESERVE_SQL, params)
        for _ in range(3):  # set_config, then the two locks
            cursor.nextset()
        reservation, by_account, by_address = cursor.fetchone()
    if reservation is None:
        raise Throttled(max(_wait(by_account, window), _wait(by_address, window)))
    return int(reservation)
