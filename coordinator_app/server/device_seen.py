"""What each device has certainly seen of the log: the ``since`` of its latest pull.

A laptop stores its pull cursor in the same transaction as the entries it applied, so asking for
``since = S`` proves it holds every entry up to ``S``. A delete is checked against the smaller of
its ``base_seq`` and this value (issue 13, point 7): a laptop whose pull was cut after its own push
counts its own acknowledged seq in ``base_seq``, yet never saw another laptop's edit logged before
it. The value belongs to one server generation; after a restore it counts as 0 until the device
pulls again (conservative: a delete then reports every other edit as a conflict, never hides one).
"""

from __future__ import annotations

import contextlib

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from coordinator_app.server import db


def seen_through(conn: Connection, device_id: str, generation: str) -> int:
    row = _row(conn, device_id)
    if row is None or row.generation != generation:
        return 0
    return int(row.seq)


def _row(conn: Connection, device_id: str) -> sa.Row | None:
    return conn.execute(
        sa.select(db.device_seen.c.generation, db.device_seen.c.seq).where(
            db.device_seen.c.device_id == device_id
        )
    ).first()


def pending_update(conn: Connection, device_id: str, since: int, generation: str) -> bool:
    """Whether a pull with ``since`` moves what the device is known to have seen (read inside
    the pull's own read transaction, so most pulls write nothing).

    After a restore, a laptop's first pull may still carry a cursor of the old generation, which
    proves nothing about the new log: once the server has been restored, only a pull from 0 (what
    a laptop does when it sees the new generation) starts a device's record in this generation."""
    row = _row(conn, device_id)
    if row is not None and row.generation == generation:
        return since > row.seq
    return since == 0 or db.get_meta(conn, db.RESTORED_KEY) is None


def record_pull(engine: Engine, device_id: str, since: int, generation: str) -> None:
    """Remember that ``device_id`` holds every entry up to ``since`` (never moves back). Two pulls
    of one device at once (the window and the command line) may race to create the row: the loser
    keeps the other's value, which only makes deletes more careful."""
    with contextlib.suppress(sa.exc.IntegrityError):
        _record(engine, device_id, since, generation)


def _record(engine: Engine, device_id: str, since: int, generation: str) -> None:
    if db.is_postgres(engine):
        _record_postgres(engine, device_id, since, generation)
        return
    table = db.device_seen
    with db.writing(engine) as conn:
        db.bookkeeping(conn)  # lost in a crash: an older cursor, deletes only more careful
        row = _row(conn, device_id)
        if row is None:
            conn.execute(
                table.insert().values(device_id=device_id, generation=generation, seq=since)
            )
        elif row.generation != generation or row.seq < since:
            conn.execute(
                table.update()
                .where(table.c.device_id == device_id)
                .values(generation=generation, seq=since)
            )


# One round trip (every pull page from a new cursor writes it): both statements go in one
# message, which PostgreSQL runs as one implicit transaction; set_config(..., true) turns
# synchronous_commit off for that transaction only (bookkeeping, as above). The upsert never
# moves the cursor back, and two pulls racing to create the row do not fail.
_UPSERT_SQL = """SELECT set_config('synchronous_commit', 'off', true);
INSERT INTO carnet_device_seen (device_id, generation, seq)
VALUES (%(device_id)s, %(generation)s, %(seq)s)
ON CONFLICT (device_id) DO UPDATE SET generation = EXCLUDED.generation, seq = EXCLUDED.seq
WHERE carnet_device_seen.generation <> EXCLUDED.generation
   OR carnet_device_seen.seq < EXCLUDED.seq"""


def _record_postgres(engine: Engine, device_id: str, since: int, generation: str) -> None:
    import psycopg  # only a PostgreSQL server needs it

    params = {"device_id": device_id, "generation": generation, "seq": since}
    # client-side binding: the only psycopg cursor that sends several statements at once
    with (
        engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn,
        psycopg.ClientCursor(conn.connection.driver_connection) as cursor,
    ):
        cursor.execute(_UPSERT_SQL, params)
