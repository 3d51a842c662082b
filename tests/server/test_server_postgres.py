"""The same server on PostgreSQL: merge, conflict, region move and attachments end to end (the
cursor's concurrency test runs there too, see test_server_cursor_concurrency.py)."""

from __future__ import annotations

import hashlib

import pytest

from tests.server.conftest import Api, change, new_id, project_fields
from tests.support.live_server import postgres_reachable, postgres_schema_url, start_live_server

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_server(tmp_path):
    reason = postgres_reachable()
    if reason:
        pytest.skip(reason)
    with postgres_schema_url() as url:
        server = start_live_server(
            tmp_path,
            db_url=url,
            users=[
                {"username": "alice", "regions": ["03"]},
                {"username": "bruno", "regions": ["06"]},
                {"username": "admin", "role": "admin"},
            ],
        )
        yield server
        server.close()


def test_sync_scenario_on_postgresql(pg_server) -> None:
    alice, alice2, bruno, admin = (
        Api(pg_server, "alice"),
        Api(pg_server, "alice", "second"),
        Api(pg_server, "bruno"),
        Api(pg_server, "admin"),
    )
    pid = new_id()
    data = b"photo" * 100
    sha = hashlib.sha256(data).hexdigest()
    assert alice.http.put(f"/api/v1/attachments/{sha}/chunks/0", content=data).status_code == 200
    alice.http.post(f"/api/v1/attachments/{sha}/complete", json={"size": len(data), "chunks": 1})
    create = change("project", pid, "create", project_fields("03", name="Départ"))
    alice.push_ok(
        create,
        change(
            "attachment",
            new_id(),
            "create",
            {"project_id": [None, pid], "sha256": [None, sha], "filename": [None, "p.jpg"]},
        ),
    )
    assert alice.push_ok(create)[0]["status"] == "duplicate"
    alice.push_ok(
        change("project", pid, fields={"name": ["Départ", "A"], "stage": [None, "embauche"]})
    )
    result = alice2.push_ok(change("project", pid, fields={"name": ["Départ", "B"]}))
    assert result[0]["status"] == "conflict"
    assert bruno.push(change("project", pid, fields={"notes": [None, "x"]})).status_code == 403
    assert bruno.http.get(f"/api/v1/attachments/{sha}").status_code == 404  # not his region
    assert alice2.http.get(f"/api/v1/attachments/{sha}").status_code == 200
    admin.push_ok(change("project", pid, fields={"region_code": ["03", "06"]}))
    entries, _ = bruno.pull_all()
    mine = [e for e in entries if e["record_id"] == pid]
    assert mine[-1]["full"] is True
    assert mine[-1]["values"]["name"] == "B"
    assert mine[-1]["values"]["stage"] == "embauche"
    assert bruno.http.get(f"/api/v1/attachments/{sha}").content == data
    for client in (alice, alice2, bruno, admin):
        client.close()


def test_nul_characters_are_refused_before_postgresql_sees_them(pg_server) -> None:
    alice = Api(pg_server, "alice")
    response = alice.push(change("project", new_id(), "create", project_fields(), author="a\x00b"))
    assert response.status_code == 422
    response = alice.push(change("project", new_id(), "create", project_fields(name="a\x00b")))
    assert response.status_code == 422
    with pg_server.client() as http:
        login = http.post(
            "/api/v1/login", json={"username": "a\x00", "password": "x", "device_name": "p"}
        )
    assert login.status_code == 422
    alice.close()
