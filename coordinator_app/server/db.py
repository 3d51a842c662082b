"""Database access for the server: SQLAlchemy Core tables, engines for SQLite and PostgreSQL, and
the server's own schema migrations.

Writers are serialised so that change sequence numbers are assigned in commit order (the pull cursor
must never skip a change committed late with a smaller number): on SQLite every write transaction
starts with ``BEGIN IMMEDIATE`` (one writer at a time, across processes too); on PostgreSQL the push
transaction takes ``pg_advisory_xact_lock`` before allocating a sequence number (see ``sync``).
"""

from __future__ import annotations

import secrets
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from coordinator_app.server.clock import now_iso

metadata = sa.MetaData()

meta = sa.Table(
    "carnet_meta",
    metadata,
    sa.Column("key", sa.String(100), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

users = sa.Table(
    "carnet_users",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("username", sa.String(80), nullable=False, unique=True),
    sa.Column("password_hash", sa.Text, nullable=False),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("regions", sa.JSON, nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
    # the person behind the account (migration 4): shown on every laptop as the author of what
    # they record, under « Visite faite par » and in « Pour le CQCM »
    sa.Column("display_name", sa.String(120)),
    sa.Column("email", sa.String(254)),
    sa.Column("title", sa.String(120)),
)

devices = sa.Table(
    "carnet_devices",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("carnet_users.id"), nullable=False),
    sa.Column("name", sa.String(120), nullable=False),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("last_seen_at", sa.String(40)),
    sa.Column("revoked_at", sa.String(40)),
    sa.Column("wipe", sa.Boolean, nullable=False, default=False),
    sa.Column("wiped_at", sa.String(40)),
)

login_failures = sa.Table(
    "carnet_login_failures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("username", sa.String(80), nullable=False),
    sa.Column("address", sa.String(64), nullable=False),
    sa.Column("at", sa.Float, nullable=False),
    sa.Index("ix_carnet_login_failures_at", "at"),
)

records = sa.Table(
    "carnet_records",
    metadata,
    sa.Column("kind", sa.String(40), primary_key=True),
    sa.Column("record_id", sa.String(64), primary_key=True),
    sa.Column("region_code", sa.String(2)),
    sa.Column("project_id", sa.String(64)),
    sa.Column("sha256", sa.String(64)),
    sa.Column("data", sa.JSON, nullable=False),
    # per field: [at, change_id, author, device_id] of the change that last wrote it ("deleted" too)
    sa.Column("stamps", sa.JSON, nullable=False),
    sa.Column("deleted", sa.Boolean, nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("updated_at", sa.String(40), nullable=False),
    sa.Index("ix_carnet_records_project", "project_id"),
    sa.Index("ix_carnet_records_sha256", "sha256"),
)

changes = sa.Table(
    "carnet_changes",
    metadata,
    sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("change_id", sa.String(36), nullable=False, unique=True),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("record_id", sa.String(64), nullable=False),
    sa.Column("op", sa.String(10), nullable=False),
    sa.Column("values", sa.JSON, nullable=False),
    sa.Column("full", sa.Boolean, nullable=False),
    sa.Column("deleted", sa.Boolean, nullable=False),
    sa.Column("region_code", sa.String(2)),
    sa.Column("previous_region_code", sa.String(2)),
    sa.Column("project_id", sa.String(64)),
    sa.Column("at", sa.String(40), nullable=False),
    sa.Column("author", sa.String(120)),
    sa.Column("device_id", sa.String(64)),
    sa.Column("username", sa.String(80)),
    sa.Column("author_id", sa.String(80)),  # the account that pushed it (migration 4)
    sa.Column("received_at", sa.String(40), nullable=False),
    sa.Column("origin", sa.String(10), nullable=False),  # "client" | "server"
    # the change as received (client changes), to tell an exact replay from a reused id
    sa.Column("content_hash", sa.String(64)),
    sa.Column("fields", sa.JSON),
    sa.Column("status", sa.String(10), nullable=False),
    sa.Column("conflict_ids", sa.JSON, nullable=False),
    sa.Index("ix_carnet_changes_record", "kind", "record_id"),
)

blobs = sa.Table(
    "carnet_blobs",
    metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("size", sa.BigInteger, nullable=False),
    sa.Column("chunks", sa.Integer, nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
)

blob_chunks = sa.Table(
    "carnet_blob_chunks",
    metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("idx", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("data", sa.LargeBinary, nullable=False),
    sa.Column("complete", sa.Boolean, nullable=False, default=False),
)

#: Chunks of uploads in progress, per device (another device's chunks can neither replace nor
#: wipe them); moved into ``carnet_blob_chunks`` when the upload completes, swept when abandoned.
upload_chunks = sa.Table(
    "carnet_upload_chunks",
    metadata,
    sa.Column("device_id", sa.String(64), primary_key=True),
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("idx", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("user_id", sa.Integer, nullable=False),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("data", sa.LargeBinary, nullable=False),
    sa.Column("received_at", sa.Float, nullable=False),  # epoch seconds
    sa.Index("ix_carnet_upload_chunks_user", "user_id"),
    sa.Index("ix_carnet_upload_chunks_received", "received_at"),
)

#: Who proved they hold a file's bytes (uploaded all of it, hash checked). A record naming a hash
#: gives access to the bytes only when the change that named it came from one of these users.
blob_owners = sa.Table(
    "carnet_blob_owners",
    metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("user_id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("at", sa.String(40), nullable=False),  # last upload or claim
)

# -- migration 2: sync hardening (issue 13) ------------------------------------------------------
#: The highest seq each device has certainly applied: the ``since`` of its latest pull (a laptop
#: stores its cursor with the entries it applied). A delete is checked against it, so a laptop
#: whose pull was cut after its own push cannot delete over an edit it never saw.
device_seen = sa.Table(
    "carnet_device_seen",
    metadata,
    sa.Column("device_id", sa.String(64), primary_key=True),
    sa.Column("generation", sa.String(40), nullable=False),
    sa.Column("seq", sa.BigInteger, nullable=False),
)

#: Whose each change id is, for change ids a restore took out of ``carnet_changes``: carried over
#: by ``restore`` so another user cannot claim a change id seen before the restore.
change_owners = sa.Table(
    "carnet_change_owners",
    metadata,
    sa.Column("change_id", sa.String(36), primary_key=True),
    sa.Column("username", sa.String(80), nullable=False),
)

#: Changes of a record the server does not have (yet): after a restore, an edit can arrive
#: before the re-sent creation of its record; it waits here and is applied when the record comes.
parked = sa.Table(
    "carnet_parked",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("change_id", sa.String(36), nullable=False, unique=True),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("record_id", sa.String(64), nullable=False),
    sa.Column("device_id", sa.String(64), nullable=False),
    sa.Column("username", sa.String(80), nullable=False),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("change", sa.JSON, nullable=False),
    sa.Column("received_at", sa.String(40), nullable=False),
    sa.Index("ix_carnet_parked_record", "kind", "record_id"),
)

# Subscribed calendar feeds (``calendar_feed``): only the SHA-256 of each secret URL is kept.
calendar_feeds = sa.Table(
    "carnet_calendar_feeds",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("carnet_users.id"), nullable=False),
    sa.Column("secret_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("revoked_at", sa.String(40)),
    sa.Index("ix_carnet_calendar_feeds_user", "user_id"),
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


#: The server database's migrations, in order; never edit one, append a new one. Numbers are
#: allocated per piece of work and need not be consecutive; they run in increasing order, and
#: each step stands alone (4 does not need 2 or 3).
MIGRATIONS = (
    (1, "base tables", _migration_1),
    (2, "sync hardening: device cursors, change owners, parked changes", _migration_2),
    (3, "per-device uploads, file owners", _migration_3),
    (4, "people: account names, change authors", _migration_4_people),
    (5, "subscribed calendar feeds", _migration_5),
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
    return sa.create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10)


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
    IMMEDIATE`` / the advisory lock still serialise writers across processes."""
    with _WRITE_LOCKS_GUARD:
        lock = _WRITE_LOCKS.get(engine)
        if lock is None:
            lock = _WRITE_LOCKS[engine] = threading.Lock()
        return lock


@contextmanager
def writing(engine: Engine, *, serialised: bool = False) -> Iterator[Connection]:
    """A write transaction, committed on success and rolled back on any error.

    On SQLite (one writer at a time anyway) every writer of this process queues on
    ``write_lock``; on PostgreSQL only ``serialised`` ones (pushes) do."""
    if serialised or not is_postgres(engine):
        with write_lock(engine), engine.begin() as conn:
            yield conn
    else:
        with engine.begin() as conn:
            yield conn


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
