"""The rows a push writes: records (inserted or updated) and log rows, one statement each.

Hand-written SQL rather than SQLAlchemy Core's ``executemany``: Core processed every parameter of
every row in Python (a dict per row, a bind processor and a ``json.dumps`` call per JSON value),
15 % of a push of 10 000 changes, and on PostgreSQL psycopg then sent and dumped one Bind/Execute
per row (another 19 %; benchmarks/README.md). What is stored is the same, byte for byte: a JSON
column holds ``json.dumps(value)`` with the default settings, as SQLAlchemy's ``JSON`` type wrote
it (Python ``None`` as JSON ``null``, not SQL NULL), booleans as SQLite integers.

- **SQLite**: the DBAPI's ``executemany`` of tuples (its loop runs in C), each JSON value encoded
  by ``json.dumps``.
- **PostgreSQL**: the rows go as one JSON document, expanded by ``json_populate_recordset`` into
  the table's row type: one statement, one round trip, one ``json.dumps`` for the whole flush.
  PostgreSQL reproduces a ``json`` column's text exactly as given (« If the output column is of
  type json or jsonb, the JSON value is just reproduced exactly », PostgreSQL's manual), and a
  value nested in ``json.dumps``'s output is spelled exactly as ``json.dumps`` spells it alone, so
  each JSON column again holds ``json.dumps(value)``. A JSON ``null`` comes out as SQL NULL there:
  ``coalesce`` puts back the JSON ``null`` SQLAlchemy stored.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from operator import itemgetter
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from coordinator_app.server import db

_dumps = json.dumps


def _json_columns(table: sa.Table) -> frozenset[str]:
    return frozenset(c.name for c in table.columns if isinstance(c.type, sa.JSON))


#: Every column of a log row (``UnitOfWork.log`` builds rows with exactly these keys).
LOG_COLUMNS = tuple(c.name for c in db.changes.columns)
#: Every column of a new record row.
RECORD_COLUMNS = tuple(c.name for c in db.records.columns)
#: What an update of a record writes (the key columns find it).
RECORD_UPDATED = ("data", "stamps", "deleted", "region_code", "project_id", "sha256", "updated_at")
_KEY = ("kind", "record_id")


def _names(columns: Sequence[str], prefix: str = "") -> str:
    return ", ".join(f'{prefix}"{name}"' for name in columns)


def _sqlite_insert(table: sa.Table, columns: Sequence[str]) -> str:
    marks = ", ".join("?" for _ in columns)
    return f"INSERT INTO {table.name} ({_names(columns)}) VALUES ({marks})"


def _pg_source(table: sa.Table, columns: Sequence[str]) -> str:
    """The SELECT list of ``columns`` from the row set ``v`` (JSON ``null`` kept as JSON)."""
    json_columns = _json_columns(table)
    return ", ".join(
        f"coalesce(v.\"{name}\", 'null'::json)" if name in json_columns else f'v."{name}"'
        for name in columns
    )


def _pg_rows(table: sa.Table) -> str:
    return f"json_populate_recordset(NULL::{table.name}, %s::json) AS v"


def _pg_insert(table: sa.Table, columns: Sequence[str]) -> str:
    return (
        f"INSERT INTO {table.name} ({_names(columns)}) "
        f"SELECT {_pg_source(table, columns)} FROM {_pg_rows(table)}"
    )


_SQLITE = {
    "log": _sqlite_insert(db.changes, LOG_COLUMNS),
    "insert": _sqlite_insert(db.records, RECORD_COLUMNS),
    "update": (
        f"UPDATE {db.records.name} SET "
        + ", ".join(f'"{name}" = ?' for name in RECORD_UPDATED)
        + ' WHERE "kind" = ? AND "record_id" = ?'
    ),
}
_PG = {
    "log": _pg_insert(db.changes, LOG_COLUMNS),
    "insert": _pg_insert(db.records, RECORD_COLUMNS),
    "update": (
        f"UPDATE {db.records.name} AS r SET ({_names(RECORD_UPDATED)}) = "
        f"({_pg_source(db.records, RECORD_UPDATED)}) FROM {_pg_rows(db.records)} "
        'WHERE r."kind" = v."kind" AND r."record_id" = v."record_id"'
    ),
}
_LOG_JSON = _json_columns(db.changes)
_RECORD_JSON = _json_columns(db.records)


def _tuples(
    rows: list[dict[str, Any]], columns: Sequence[str], json_columns: frozenset[str]
) -> list[tuple]:
    """Rows as DBAPI parameter tuples, each JSON value encoded (SQLite)."""
    values = itemgetter(*columns)
    encoded = [index for index, name in enumerate(columns) if name in json_columns]
    out: list[tuple] = []
    for row in rows:
        params = list(values(row))
        for index in encoded:
            params[index] = _dumps(params[index])
        out.append(tuple(params))
    return out


def write_log(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Insert log rows (dicts keyed by ``LOG_COLUMNS``)."""
    if not rows:
        return
    if db.is_postgres(conn):
        conn.exec_driver_sql(_PG["log"], (_dumps(rows),))
    else:
        conn.exec_driver_sql(_SQLITE["log"], _tuples(rows, LOG_COLUMNS, _LOG_JSON))


def insert_records(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Insert new record rows (dicts keyed by ``RECORD_COLUMNS``)."""
    if not rows:
        return
    if db.is_postgres(conn):
        conn.exec_driver_sql(_PG["insert"], (_dumps(rows),))
    else:
        conn.exec_driver_sql(_SQLITE["insert"], _tuples(rows, RECORD_COLUMNS, _RECORD_JSON))


def update_records(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Update record rows (dicts keyed by ``RECORD_UPDATED`` and the key columns), each record
    at most once."""
    if not rows:
        return
    if db.is_postgres(conn):
        conn.exec_driver_sql(_PG["update"], (_dumps(rows),))
    else:
        conn.exec_driver_sql(_SQLITE["update"], _tuples(rows, RECORD_UPDATED + _KEY, _RECORD_JSON))
