"""Database access for the server: engines for SQLite and PostgreSQL, read and write
transactions, the meta table and the server's own schema migrations (tables: ``tables``,
re-exported here).

On SQLite every write transaction starts with ``BEGIN IMMEDIATE`` (one writer at a time, across
processes too), so change seqs are allocated in commit order. On PostgreSQL writers run
concurrently; the pull cursor stays safe through the visibility watermark of ``seqs`` (see
docs/sync-protocol.md, « Cursor »).
"""

from __future__ import annotations

import secrets
import threading
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from coordinator_app.server import seqs
from coordinator_app.server.clock import now_iso
from coordinator_app.server.tables import (  # noqa: F401  # re-exported: db.<table> everywhere
    blob_chunks,
    blob_owners,
    blobs,
    calendar_feeds,
    change_owners,
    changes,
    device_seen,
    devices,
    login_failures,
    meta,
    metadata,
    parked,
    records,
    upload_chunks,
    users,
)

SCHEMA_VERSION_KEY = "schema_version"
GENERATION_KEY = "server_generation"
#: Set when the generation was renewed (a restore): from then on the server parks changes of
#: records it does not have, and trusts a device's pull cursor only once it pulled from 0.
RESTORED_KEY = "restored_at"


def _migration_1(conn: Connection) -> None:
    metadata.create_all(conn)


def _migration_2(conn: Connection) -> None:
    """Sync hardening (issue 13): device cursors, change owners, parked changes."""
    metadata.create_all(conn, tables=[device_seen, change_owners, parked])


def _migration_3(conn: Connection) -> None:
    """Per-device uploads and file owners (issue 13): the old shared, unfinished chunks are
    dropped (their uploads restart), and each stored file gets as owner the user whose device
    first named it in an attachment record (laptops upload a file before pushing its record)."""
    metadata.create_all(conn, tables=[upload_chunks, blob_owners])
    conn.execute(blob_chunks.delete().where(blob_chunks.c.complete.is_(False)))
    named = changes.c.fields[("sha256", 1)].as_string()
    rows = conn.execute(
        sa.select(named.label("sha256"), devices.c.user_id)
        .select_from(changes.join(devices, devices.c.id == changes.c.device_id))
        .where(changes.c.kind == "attachment", named.in_(sa.select(blobs.c.sha256)))
        .order_by(changes.c.seq)
    ).all()
    first: dict[str, int] = {}
    for row in rows:
        first.setdefault(row.sha256, row.user_id)
    if first:
        stamp = now_iso()
        conn.execute(
            blob_owners.insert(),
            [{"sha256": sha, "user_id": uid, "at": stamp} for sha, uid in first.items()],
        )


def _add_missing_columns(conn: Connection, table: sa.Table, names: tuple[str, ...]) -> None:
    """``ALTER TABLE … ADD COLUMN`` for the columns of ``table`` the database lacks (a database
    created by migration 1 of this version already has them: ``create_all`` uses the tables
    above)."""
    present = {c["name"] for c in sa.inspect(conn).get_columns(table.name)}
    for name in names:
        if name not in present:
            column = table.c[name]
            kind = column.type.compile(dialect=conn.dialect)
            conn.exec_driver_sql(f'ALTER TABLE {table.name} ADD COLUMN "{name}" {kind}')


def _migration_4_people(conn: Connection) -> None:
    """Who is who (issue 14): an account's name, e-mail and title, and the account that authored
    each logged change (its name at the time stays in ``author``). Existing accounts keep
    working with no name (their user name is shown) until ``coordinator-server set-person``."""
    _add_missing_columns(conn, users, ("display_name", "email", "title"))
    _add_missing_columns(conn, changes, ("author_id",))
    conn.execute(changes.update().where(changes.c.author_id.is_(None)).values(
        author_id=changes.c.username))  # fmt: skip


def _migration_5(conn: Connection) -> None:
    """Subscribed calendar feeds (issue 19); a new database already has the table (migration 1
    creates every table of ``metadata``)."""
    calendar_feeds.create(conn, checkfirst=True)


def _migration_6(conn: Connection) -> None:
    """Concurrent pushes on PostgreSQL (issue 17): change seqs come from a sequence, started after
    the log's last seq (nothing to do on SQLite, whose writers take turns)."""
    seqs.create_sequence(conn)


def _migration_7(conn: Connection) -> None:
    """Own changes flagged at push (issue 17): ``carnet_changes.as_sent``, so the pushing
    laptop's pull leaves them out without decoding them. Rows logged before keep NULL (« not
    known »): a pull checks them as it always did."""
    _add_missing_columns(conn, changes, ("as_sent",))


#: The server database's migrations, in order; never edit one, append a new one. Numbers are
#: allocated per piece of work and need not be consecutive; they run in increasing order, and
#: each step stands alone (4 does not need 2 or 3).
MIGRATIONS = (
    (1, "base tables", _migration_1),
    (2, "sync hardening: device cursors, change owners, parked changes", _migration_2),
    (3, "per-device uploads, file owners", _migration_3),
    (4, "people: account names, change authors", _migration_4_people),
    (5, "subscribed calendar feeds", _migration_5),
    (6, "change seqs from a PostgreSQL sequence (concurrent pushes)", _migration_6),
    (7, "own changes flagged as stored exactly as sent", _migration_7),
)
LATEST = MIGRATIONS[-1][0]


class NotInitialised(RuntimeError):
    """The database has no Carnet tables yet: run ``coordinator-server init``."""


def make_engine(url: str, *, synchronous: str = "FULL") -> Engine:
    """An engine for ``url``; SQLite gets WAL, a busy timeout and ``BEGIN IMMEDIATE`` writers.

    ``synchronous=FULL``: every commit syncs the write-ahead log before returning, so a change the
    server has acknowledged survives a power loss or a kernel crash (with NORMAL the last commits
    can be lost, and their seqs handed out again). ``synchronous`` exists for the benchmark that
    measures what this costs (benchmarks/server_durability.py); the server never lowers it."""
    if synchronous not in ("FULL", "NORMAL", "EXTRA"):
        raise ValueError(f"synchronous={synchronous!r}")
    if url.startswith("sqlite"):
        path = sa.engine.make_url(url).database
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(
            url,
            connect_args={"timeout": 60, "check_same_thread": False},
            # as many connections as the threadpool runs requests (40), so readers never queue
            pool_size=20,
            max_overflow=30,
        )

        @sa.event.listens_for(engine, "connect")
        def _connect(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
            dbapi_conn.isolation_level = None
            cursor = dbapi_conn.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=60000")
            cursor.execute(f"PRAGMA synchronous={synchronous}")
            cursor.close()

        @sa.event.listens_for(engine, "begin")
        def _begin(conn: Connection) -> None:
            read_only = conn.get_execution_options().get("carnet_read_only", False)
            conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

        return engine
    # One connection per request in flight at most: the threadpool runs 40 at once per process,
    # so 40 per process (docs/server.md §7: max_connections ≥ processes × 40 + a margin).
    engine = sa.create_engine(url, pool_size=PG_POOL_SIZE, max_overflow=PG_POOL_OVERFLOW)
    _ping_after_idle(engine)
    return engine


#: PostgreSQL connections a server process keeps open, and opens more of under load
PG_POOL_SIZE = 20
PG_POOL_OVERFLOW = 20
#: A pooled PostgreSQL connection idle for longer than this is pinged before it is used again.
PG_PING_AFTER_IDLE_S = 10.0


def _ping_after_idle(engine: Engine) -> None:
    """Ping a pooled connection before use only when it sat idle for ``PG_PING_AFTER_IDLE_S``.

    ``pool_pre_ping`` pinged at every checkout: a round trip to PostgreSQL (≈ 0.1–0.2 ms and as
    much CPU on each side), several per request, to guard against a connection that died while
    pooled. A connection dies that way while it waits: PostgreSQL restarted, an idle timeout or a
    firewall dropped it. One handed back milliseconds ago, as under load, is not worth a ping;
    one idle for a while is pinged as before, and a dead one is replaced by a fresh connection
    (``DisconnectionError`` in a checkout makes the pool retry) instead of failing the request.
    """

    @sa.event.listens_for(engine, "checkin")
    def _checkin(_dbapi_conn, record) -> None:  # type: ignore[no-untyped-def]
        record.info["carnet_idle_since"] = time.monotonic()

    @sa.event.listens_for(engine, "checkout")
    def _checkout(dbapi_conn, record, _proxy) -> None:  # type: ignore[no-untyped-def]
        since = record.info.get("carnet_idle_since")
        if since is None or time.monotonic() - since <= PG_PING_AFTER_IDLE_S:
            return
        try:
            engine.dialect.do_ping(dbapi_conn)
        except engine.dialect.loaded_dbapi.Error as error:
            raise sa.exc.DisconnectionError(str(error)) from error


def is_postgres(engine_or_conn: Engine | Connection) -> bool:
    return engine_or_conn.dialect.name == "postgresql"


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """A read transaction (on SQLite a deferred one, so readers do not wait for writers)."""
    with engine.connect().execution_options(carnet_read_only=True) as conn, conn.begin():
        yield conn


_WRITE_LOCKS: weakref.WeakKeyDictionary[Engine, threading.Lock] = weakref.WeakKeyDictionary()
_WRITE_LOCKS_GUARD = threading.Lock()


def write_lock(engine: Engine) -> threading.Lock:
    """This process's lock for ``engine``'s serialised writers.

    Writers that must wait do so here, before taking a pooled connection: they neither hold
    connections the readers need (the threadpool runs 40 requests at once) nor spin in SQLite's
    busy handler, whose growing sleeps added up to seconds of latency under load. ``BEGIN
    IMMEDIATE`` still serialises writers across processes."""
    with _WRITE_LOCKS_GUARD:
        lock = _WRITE_LOCKS.get(engine)
        if lock is None:
            lock = _WRITE_LOCKS[engine] = threading.Lock()
        return lock


@contextmanager
def writing(engine: Engine, *, serialised: bool = False) -> Iterator[Connection]:
    """A write transaction, committed on success and rolled back on any error.

    On SQLite (one writer at a time anyway) every writer of this process queues on
    ``write_lock``; on PostgreSQL writers run concurrently, except ``serialised`` ones (a test
    or tool writing the log directly) within this process."""
    if serialised or not is_postgres(engine):
        with write_lock(engine), engine.begin() as conn:
            yield conn
    else:
        with engine.begin() as conn:
            yield conn


def bookkeeping(conn: Connection) -> None:
    """Commit this PostgreSQL transaction without waiting for the disk (``synchronous_commit``
    off for it alone), for bookkeeping whose loss in a crash is harmless: a login attempt's
    reservation (its slot comes back), a device's last visit, the cursor a device last pulled
    from (an older one only makes deletes more careful). Never for what a response acknowledges:
    changes, accounts, tokens. A crash can lose only the last such commits, and PostgreSQL still
    applies transactions in order. SQLite keeps ``synchronous=FULL`` for every commit."""
    if is_postgres(conn):
        conn.exec_driver_sql("SET LOCAL synchronous_commit TO OFF")


def advisory_lock(conn: Connection, key: int, sub: int = 0) -> None:
    """Serialise a short transaction across server processes on PostgreSQL (transaction-scoped
    advisory lock on ``(key, sub)``); on SQLite every writer already holds ``BEGIN IMMEDIATE``."""
    if is_postgres(conn):
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k, :s)"), {"k": key, "s": sub})


def get_meta(conn: Connection, key: str) -> str | None:
    return conn.execute(sa.select(meta.c.value).where(meta.c.key == key)).scalar()


def set_meta(conn: Connection, key: str, value: str) -> None:
    if get_meta(conn, key) is None:
        conn.execute(meta.insert().values(key=key, value=value))
    else:
        conn.execute(meta.update().where(meta.c.key == key).values(value=value))


def schema_version(engine: Engine) -> int:
    if not sa.inspect(engine).has_table(meta.name):
        return 0
    with reading(engine) as conn:
        return int(get_meta(conn, SCHEMA_VERSION_KEY) or 0)


def migrate(engine: Engine) -> tuple[int, int]:
    """Create or upgrade the schema; returns (version before, version after). Idempotent."""
    before = schema_version(engine)
    with writing(engine) as conn:
        for version, _name, step in MIGRATIONS:
            if version > before:
                step(conn)
                set_meta(conn, SCHEMA_VERSION_KEY, str(version))
        if get_meta(conn, GENERATION_KEY) is None:
            set_meta(conn, GENERATION_KEY, new_generation_id())
    return before, LATEST


def new_generation_id() -> str:
    return secrets.token_hex(8)


def renew_generation(engine: Engine) -> str:
    """Give the server a new generation id (after a restore): clients then re-send their changes."""
    generation = new_generation_id()
    with writing(engine) as conn:
        set_meta(conn, GENERATION_KEY, generation)
        set_meta(conn, RESTORED_KEY, now_iso())
    return generation


def generation(conn: Connection) -> str:
    value = get_meta(conn, GENERATION_KEY)
    if value is None:
        raise NotInitialised("database not initialised")
    return value


def check_ready(engine: Engine) -> None:
    """Refuse to serve a database that is not initialised or is newer than this server."""
    version = schema_version(engine)
    if version == 0:
        raise NotInitialised(
            "La base de données du serveur n'est pas initialisée : lancez « coordinator-server init »."
        )
    if version > LATEST:
        raise NotInitialised(
            f"La base de données est d'une version plus récente ({version}) que ce serveur "
            f"({LATEST}) : mettez à jour coordinator-server."
        )
    if version < LATEST:
        raise NotInitialised(
            "La base de données doit être mise à niveau : lancez « coordinator-server init »."
        )
