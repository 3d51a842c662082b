"""What a push stores, on SQLite and PostgreSQL: the JSON columns hold exactly ``json.dumps`` of
their values (the rows are written by hand-written SQL, ``server.sync.rows``), and the « stored
as sent » flag set at push (server migration 7) leaves out the same own changes as the check a
pull makes on a row logged before it."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from coordinator_app.server import db
from tests.server.backends import BACKENDS, running
from tests.server.conftest import Api, change, new_id, project_fields

USERS = [{"username": "alice", "regions": ["03"]}]
pytestmark = pytest.mark.parametrize("backend", BACKENDS)


def _as_text(name: str) -> sa.ColumnElement:
    return sa.cast(db.changes.c[name], sa.Text)


def _stored(server, record_id: str) -> list[sa.Row]:
    """The log rows of a record, JSON columns as their stored text."""
    with db.reading(server.engine) as conn:
        return conn.execute(
            sa.select(
                db.changes.c.change_id,
                db.changes.c.origin,
                db.changes.c.as_sent,
                *(_as_text(name).label(name) for name in ("values", "fields", "conflict_ids")),
            )
            .where(db.changes.c.record_id == record_id)
            .order_by(db.changes.c.seq)
        ).all()


def test_json_columns_hold_json_dumps_of_the_values(backend, tmp_path) -> None:
    with running(backend, tmp_path, USERS) as server:
        alice = Api(server, "alice")
        pid = new_id()
        fields = project_fields(name='Été 🌱 « Limoilou » \\ " \t fin', season_year=2026)
        sent = change("project", pid, "create", fields)
        assert alice.push_ok(sent)[0]["status"] == "applied"
        [row] = _stored(server, pid)
        assert row.fields == json.dumps(sent["fields"])
        assert row.values == json.dumps({name: pair[1] for name, pair in fields.items()})
        assert row.conflict_ids == "[]"
        with db.reading(server.engine) as conn:
            data, stamps = conn.execute(
                sa.select(sa.cast(db.records.c.data, sa.Text), db.records.c.stamps).where(
                    db.records.c.record_id == pid
                )
            ).one()
        assert data == row.values
        assert set(stamps) == set(fields)
        alice.close()


def test_a_server_row_keeps_a_json_null_as_its_fields(backend, tmp_path) -> None:
    """Two laptops change one name from the same base: the conflict record is logged by the
    server, without sent fields; its ``fields`` is JSON ``null`` as SQLAlchemy wrote it."""
    with running(backend, tmp_path, USERS) as server:
        alice, other = Api(server, "alice"), Api(server, "alice", "autre")
        pid = new_id()
        alice.push_ok(change("project", pid, "create", project_fields(name="A")))
        alice.push_ok(change("project", pid, fields={"name": ["A", "B"]}))
        [result] = other.push_ok(change("project", pid, fields={"name": ["A", "C"]}))
        assert result["status"] == "conflict"
        [conflict_row] = _stored(server, result["conflict_ids"][0])
        assert conflict_row.origin == "server" and conflict_row.fields == "null"
        assert conflict_row.as_sent is None
        alice.close()
        other.close()


def _own_pull(api: Api, seqs: list[int]) -> list[str]:
    runs = ",".join(str(seq) for seq in sorted(seqs))
    response = api.http.get("/api/v1/pull", params={"since": 0, "limit": 500, "own": runs})
    assert response.status_code == 200, response.text
    return [entry["change_id"] for entry in response.json()["changes"]]


def test_rows_flagged_at_push_and_older_rows_leave_out_the_same_changes(backend, tmp_path) -> None:
    with running(backend, tmp_path, USERS) as server:
        alice = Api(server, "alice")
        pid = new_id()
        creating = change("project", pid, "create", project_fields(name="Ferme"))
        renaming = change("project", pid, fields={"name": ["Ferme", "Ferme du Nord"]})
        # a year sent as text: the server stores the number, not what was sent
        canonical = change("project", pid, fields={"season_year": [2026, "2027"]})
        results = alice.push_ok(creating, renaming, canonical)
        seqs = [r["server_seq"] for r in results]
        assert [r.as_sent for r in _stored(server, pid)] == [True, True, None]
        flagged = _own_pull(alice, seqs)
        with db.writing(server.engine) as conn:  # as if logged before server migration 7
            conn.execute(db.changes.update().values(as_sent=None))
        checked = _own_pull(alice, seqs)
        assert flagged == checked == [canonical["change_id"]]
        alice.close()
