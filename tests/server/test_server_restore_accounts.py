"""Issue 13, point 5 (accounts): ``coordinator-server restore`` from an older backup rolls back the
data, never who may log in. A device revoked after the backup stays revoked, a password changed
after it stays changed, a user or device added after it stays. Raw HTTP with real tokens."""

from __future__ import annotations

import pytest

from coordinator_app.server import accounts, db
from coordinator_app.server.cli import main as server_cli
from tests.server.backends import raw_client
from tests.server.conftest import Api, change, new_id, project_fields
from tests.support.live_server import PASSWORD, start_live_server

NEW_PASSWORD = "un-nouveau-mot-de-passe"


def _login(server, username: str, password: str) -> int:
    with raw_client(server) as http:
        return http.post(
            "/api/v1/login",
            json={"username": username, "password": password, "device_name": "pc"},
        ).status_code


def _me(server, token: str) -> tuple[int, str]:
    with raw_client(server, token) as http:
        response = http.get("/api/v1/me")
        return response.status_code, response.json().get("error", "")


@pytest.fixture
def server(tmp_path):
    started = start_live_server(
        tmp_path,
        users=[
            {"username": "alice", "regions": ["03"]},
            {"username": "bruno", "regions": ["06"]},
        ],
    )
    yield started
    started.close()


def test_a_restore_keeps_accounts_passwords_devices_and_revocations(
    server, tmp_path, capsys
) -> None:
    stolen = server.login("alice", device_name="portable volé")
    kept = server.login("alice", device_name="bureau")
    laptop = Api(server, "bruno")
    before = new_id()
    laptop.push_ok(change("project", before, "create", project_fields("06", "Avant la copie")))
    backup_file = server.backup(tmp_path / "copie.sqlite3")
    # after the backup: a device is revoked, a password changed, a user and a device added,
    # a project created
    server.revoke_device(stolen["device_id"])
    accounts.set_password(server.engine, "bruno", NEW_PASSWORD)
    server.add_user("dora", regions=["05"])
    added = server.login("dora", device_name="nouveau portable")
    after = new_id()
    laptop.push_ok(change("project", after, "create", project_fields("06", "Après la copie")))
    laptop.close()

    server.stop()
    server.engine.dispose()
    code = server_cli(["--db", server.db_url, "restore", str(backup_file)])
    out = capsys.readouterr().out
    assert code == 0
    assert "Comptes, mots de passe et appareils conservés" in out
    server.engine = db.make_engine(server.db_url)
    server.start()

    # the data is the backup's
    with raw_client(server, kept["token"]) as http:
        names = {
            e["values"].get("name")
            for e in http.get("/api/v1/pull", params={"since": 0}).json()["changes"]
            if e["kind"] == "project"
        }
    assert names == set()  # alice (03) sees no 06 project: the token works, the scope holds
    bruno = server.login("bruno", NEW_PASSWORD)
    with raw_client(server, bruno["token"]) as http:
        names = {
            e["values"].get("name")
            for e in http.get("/api/v1/pull", params={"since": 0}).json()["changes"]
            if e["kind"] == "project"
        }
    assert names == {"Avant la copie"}
    # the accounts are today's
    assert _me(server, stolen["token"]) == (401, "token_revoked")
    assert _me(server, kept["token"])[0] == 200
    assert _me(server, added["token"])[0] == 200
    assert _login(server, "bruno", PASSWORD) == 401
    assert _login(server, "dora", PASSWORD) == 200


def test_restoring_without_a_live_database_takes_the_backups_accounts(
    server, tmp_path, capsys
) -> None:
    device = server.login("alice")
    backup_file = server.backup(tmp_path / "copie.sqlite3")
    server.stop()
    server.engine.dispose()
    live_file = server.db_url.removeprefix("sqlite:///")
    for suffix in ("", "-wal", "-shm"):
        (tmp_path / f"{live_file}{suffix}").unlink(missing_ok=True)
    code = server_cli(["--db", server.db_url, "restore", str(backup_file)])
    assert code == 0
    assert "comptes et appareils repris de la copie" in capsys.readouterr().out
    server.engine = db.make_engine(server.db_url)
    server.start()
    assert _me(server, device["token"])[0] == 200


@pytest.mark.postgres
def test_the_documented_postgresql_restore_keeps_accounts(tmp_path, capsys) -> None:
    """docs/server.md, « Backups and restore », PostgreSQL: the same commands, on a scratch
    database (pg_dump, dropdb/createdb, pg_restore, init, the accounts put back, new-generation)."""
    import secrets
    import shutil
    import subprocess

    import sqlalchemy as sa

    from tests.support.live_server import POSTGRES_URL, postgres_reachable

    reason = postgres_reachable()
    if reason:
        pytest.skip(reason)
    assert shutil.which("pg_dump"), "pg_dump is needed (Debian package postgresql-client)"
    name = f"carnet_restore_{secrets.token_hex(4)}"
    connection = ["-h", "127.0.0.1", "-p", "5432", "-U", "postgres"]

    def pg(tool: str, *args: str) -> None:
        subprocess.run([tool, *connection, *args], check=True, capture_output=True)

    pg("createdb", name)
    url = POSTGRES_URL.rsplit("/", 1)[0] + f"/{name}"
    try:
        server = start_live_server(
            tmp_path,
            db_url=url,
            users=[
                {"username": "alice", "regions": ["03"]},
                {"username": "bruno", "regions": ["06"]},
            ],
        )
        try:
            stolen = server.login("alice", device_name="portable volé")
            laptop = Api(server, "bruno")
            laptop.push_ok(change("project", new_id(), "create", project_fields("06", "Avant")))
            pg("pg_dump", "--format=custom", f"--file={tmp_path / 'copie.dump'}", name)
            server.revoke_device(stolen["device_id"])
            accounts.set_password(server.engine, "bruno", NEW_PASSWORD)
            server.add_user("dora", regions=["05"])
            added = server.login("dora")
            after = change("project", new_id(), "create", project_fields("06", "Après"))
            laptop.push_ok(after)
            laptop.close()
            server.stop()
            server.engine.dispose()

            accounts_dump = str(tmp_path / "comptes.dump")
            pg("pg_dump", "--data-only", "--format=custom", "--table=carnet_users",
               "--table=carnet_devices", "--table=carnet_login_failures",
               "--table=carnet_calendar_feeds",
               f"--file={accounts_dump}", name)  # fmt: skip
            owners = tmp_path / "carnet-owners.csv"
            pg("psql", "-d", name, "-c",
               "\\copy (SELECT change_id, CASE WHEN origin = 'client' THEN "
               "coalesce(username, '') ELSE '' END FROM carnet_changes UNION SELECT change_id, "
               f"username FROM carnet_change_owners) TO '{owners}' CSV")  # fmt: skip
            # --force: the stopped test listener's app keeps pooled connections (a stopped
            # service has none)
            pg("dropdb", "--force", name)
            pg("createdb", name)
            pg("pg_restore", f"--dbname={name}", "--no-owner", str(tmp_path / "copie.dump"))
            assert server_cli(["--db", url, "init"]) == 0
            pg(
                "psql",
                "-d",
                name,
                "-c",
                "TRUNCATE carnet_calendar_feeds, carnet_devices, carnet_login_failures, carnet_users",
            )
            pg("pg_restore", "--data-only", f"--dbname={name}", accounts_dump)
            pg("psql", "-d", name, "-c",
               "SELECT setval(pg_get_serial_sequence('carnet_users', 'id'), "
               "(SELECT max(id) FROM carnet_users))")  # fmt: skip
            pg("psql", "-d", name,
               "-c", "CREATE TEMP TABLE o (change_id text, username text)",
               "-c", f"\\copy o FROM '{owners}' CSV",
               "-c", "INSERT INTO carnet_change_owners SELECT DISTINCT ON (change_id) change_id, "
               "username FROM o WHERE change_id NOT IN (SELECT change_id FROM carnet_changes) "
               "ON CONFLICT DO NOTHING")  # fmt: skip
            assert server_cli(["--db", url, "new-generation"]) == 0
            capsys.readouterr()
            server.engine = db.make_engine(url)
            server.start()

            assert _me(server, stolen["token"]) == (401, "token_revoked")
            assert _me(server, added["token"])[0] == 200
            assert _login(server, "bruno", PASSWORD) == 401
            bruno = server.login("bruno", NEW_PASSWORD)
            with raw_client(server, bruno["token"]) as http:
                names = {
                    e["values"].get("name")
                    for e in http.get("/api/v1/pull", params={"since": 0}).json()["changes"]
                    if e["kind"] == "project"
                }
            assert names == {"Avant"}
            # the change ids the copy lacks keep their owner: alice cannot claim bruno's
            alice = server.login("alice")
            claim = change("project", new_id(), "create", project_fields("03"))
            claim["change_id"] = after["change_id"]
            with raw_client(server, alice["token"]) as http:
                claimed = http.post(
                    "/api/v1/push", json={"device_id": alice["device_id"], "changes": [claim]}
                )
            assert claimed.status_code == 409, claimed.text
            server.add_user("emma", regions=["05"])  # the users' id sequence follows the kept rows
            assert server.login("emma")["username"] == "emma"
        finally:
            server.close()
    finally:
        admin = sa.create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
