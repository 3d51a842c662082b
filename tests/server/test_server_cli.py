"""``coordinator-server`` as an administrator uses it: database, users, devices, retention,
privacy export, backup and restore, and the refusals (exit code 2, one French line)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from coordinator_app.server.cli import main
from tests.server.conftest import Api, change, new_id, project_fields
from tests.support.live_server import LiveServer, start_live_server


def run(capsys, *args: str, stdin: str | None = None, monkeypatch=None) -> tuple[int, str, str]:
    if stdin is not None:
        import io

        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'srv.sqlite3'}"


def test_init_users_and_regions(capsys, monkeypatch, db_url) -> None:
    assert run(capsys, "--db", db_url, "init")[0] == 0
    code, out, _ = run(capsys, "--db", db_url, "init")
    assert code == 0 and "à jour" in out  # idempotent
    code, out, _ = run(
        capsys, "--db", db_url, "add-user", "alice", "--role", "coordinator", "--region", "3",
        "--password-stdin", stdin="un-bon-mot-de-passe\n", monkeypatch=monkeypatch,
    )  # fmt: skip
    assert code == 0 and "régions : 03" in out
    code, out, _ = run(capsys, "--db", db_url, "set-regions", "alice", "03", "Montréal")
    assert code == 0 and "03, 06" in out
    code, out, _ = run(capsys, "--db", db_url, "list-users")
    assert "alice\tcoordinator\trégions : 03, 06" in out


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["add-user", "bob", "--role", "coordinator", "--region", "42", "--password-stdin"],
         "un-bon-mot-de-passe\n", "Région inconnue : « 42 »"),
        (["add-user", "bob", "--role", "coordinator", "--password-stdin"],
         "un-bon-mot-de-passe\n", "au moins une région"),
        (["add-user", "bob", "--role", "admin", "--password-stdin"], "court\n", "8 caractères"),
        (["set-regions", "personne", "03"], None, "Utilisateur introuvable"),
        (["revoke-device", "inconnu"], None, "Appareil introuvable"),
        (["set-retention", "visites", "12"], None, "Type de données inconnu"),
        (["serve", "--host", "0.0.0.0", "--insecure-dev"], None, "adresse locale"),
        (["serve", "--host", "127.0.0.1"], None, "HTTPS exige --cert"),
        (["privacy", "export", "--participant", "x"], None, "Participant introuvable"),
    ],
)  # fmt: skip
def test_user_errors_exit_2_with_one_french_line(
    capsys, monkeypatch, db_url, args, stdin, message
) -> None:
    run(capsys, "--db", db_url, "init")
    code, _, err = run(capsys, "--db", db_url, *args, stdin=stdin, monkeypatch=monkeypatch)
    assert code == 2
    assert message in err
    assert err.count("\n") == 1


def test_uninitialised_database_says_what_to_do(capsys, db_url) -> None:
    code, _, err = run(capsys, "--db", db_url, "list-users")
    assert code == 2
    assert "coordinator-server init" in err


def test_unreachable_postgres_is_a_clear_error(capsys) -> None:
    url = "postgresql+psycopg://postgres@127.0.0.1:1/nulle"
    code, _, err = run(capsys, "--db", url, "init")
    assert code == 2
    assert "base de données inaccessible" in err


def test_installed_script_runs(tmp_path) -> None:
    result = subprocess.run(
        ["coordinator-server", "--db", f"sqlite:///{tmp_path / 'x.sqlite3'}", "init"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Base de données créée" in result.stdout


def test_dev_cert_writes_a_ca_and_a_certificate(capsys, tmp_path) -> None:
    import ssl

    code, out, _ = run(capsys, "dev-cert", str(tmp_path / "tls"))
    assert code == 0
    assert "--ca-file" in out
    context = ssl.create_default_context(cafile=str(tmp_path / "tls" / "ca.pem"))
    context.load_cert_chain(tmp_path / "tls" / "server.pem", tmp_path / "tls" / "server-key.pem")


@pytest.fixture
def server(tmp_path):
    srv = start_live_server(
        tmp_path / "live",
        users=[{"username": "alice", "regions": ["03"]}, {"username": "admin", "role": "admin"}],
    )
    yield srv
    srv.close()


def test_revoke_device_with_wipe_from_the_command_line(capsys, server: LiveServer) -> None:
    laptop = Api(server, "alice", "portable perdu")
    code, out, _ = run(capsys, "--db", server.db_url, "list-devices", "alice")
    assert laptop.device_id in out and "portable perdu" in out
    code, out, _ = run(capsys, "--db", server.db_url, "revoke-device", laptop.device_id, "--wipe")
    assert code == 0 and "effacées" in out
    assert laptop.http.get("/api/v1/pull").json()["error"] == "device_wipe"
    _, out, _ = run(capsys, "--db", server.db_url, "list-devices")
    assert "effacement demandé (fait le" in out
    laptop.close()


def _participant_project(alice: Api, season: int = 2022) -> tuple[str, str]:
    pid, kid = new_id(), new_id()
    alice.push_ok(
        change("project", pid, "create", project_fields(season_year=season, end_date=f"{season}-08-15")),
        change(
            "participant",
            kid,
            "create",
            {
                "project_id": [None, pid],
                "first_name": [None, "Léa"],
                "last_name": [None, "Tremblay"],
                "birth_date": [None, "2008-03-14"],
            },
        ),
    )  # fmt: skip
    return pid, kid


def test_retention_purge_anonymises_as_changes_that_sync(capsys, server: LiveServer) -> None:
    alice = Api(server, "alice")
    _, old = _participant_project(alice, 2022)
    _, recent = _participant_project(alice, 2026)
    _, cursor = alice.pull_all()
    code, out, _ = run(capsys, "--db", server.db_url, "privacy", "purge", "--dry-run",
                       "--today", "2026-11-26")  # fmt: skip
    assert code == 0 and "1 participant serait anonymisé" in out and old in out
    assert recent not in out
    assert alice.pull_all(cursor)[0] == []  # dry run changed nothing
    code, out, _ = run(capsys, "--db", server.db_url, "privacy", "purge", "--today", "2026-11-26")
    assert code == 0 and "1 participant anonymisé" in out
    entries, _ = alice.pull_all(cursor)
    assert [e["record_id"] for e in entries] == [old]
    assert entries[0]["values"]["first_name"] == "Anonyme"
    assert entries[0]["values"]["birth_date"] == "2008-01-01"
    assert entries[0]["values"]["anonymised"] is True
    # the retention rule reaches the laptops, and an admin may change it
    run(capsys, "--db", server.db_url, "set-retention", "participant", "36")
    body = alice.http.get("/api/v1/pull", params={"since": 0, "limit": 1}).json()
    assert body["retention"] == {"participant_personal_months": 36}
    alice.close()


def test_privacy_export_holds_everything_about_one_person(capsys, server: LiveServer) -> None:
    alice = Api(server, "alice")
    pid, kid = _participant_project(alice, 2026)
    alice.push_ok(change("participant", kid, fields={"first_name": ["Léa", "Léanne"]}))
    code, out, _ = run(capsys, "--db", server.db_url, "privacy", "export", "--participant", kid)
    assert code == 0
    data = json.loads(out)
    assert data["record"]["first_name"] == "Léanne"
    assert data["project"]["id"] == pid
    assert [h["op"] for h in data["history"]] == ["create", "update"]
    assert data["history"][0]["values"]["first_name"] == "Léa"  # earlier values are kept too
    assert data["history"][1]["username"] == "alice"
    alice.close()


def test_backup_restore_gives_a_new_generation(capsys, server: LiveServer, tmp_path) -> None:
    alice = Api(server, "alice")
    before = server.generation()
    kept = new_id()
    alice.push_ok(change("project", kept, "create", project_fields(name="Avant la copie")))
    code, out, _ = run(capsys, "--db", server.db_url, "backup", str(tmp_path / "copie.sqlite3"))
    assert code == 0
    lost = new_id()
    alice.push_ok(change("project", lost, "create", project_fields(name="Après la copie")))
    server.stop()
    code, out, _ = run(capsys, "--db", server.db_url, "restore", str(tmp_path / "copie.sqlite3"))
    assert code == 0 and "nouvelle génération" in out
    server.start()
    pulled = alice.http.get("/api/v1/pull").json()
    assert pulled["server_generation"] != before
    ids = {e["record_id"] for e in pulled["changes"]}
    assert kept in ids and lost not in ids
    alice.close()


def test_history_of_a_record(capsys, server: LiveServer) -> None:
    alice = Api(server, "alice", "portable de terrain")
    pid = new_id()
    alice.push_ok(change("project", pid, "create", project_fields()))
    alice.push_ok(change("project", pid, fields={"notes": [None, "Première visite"]}))
    code, out, _ = run(capsys, "--db", server.db_url, "history", "project", pid)
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["op"] for line in lines] == ["create", "update"]
    assert all(
        line["device_id"] == alice.device_id and line["username"] == "alice" for line in lines
    )
    alice.close()


def test_serve_over_https_as_documented(tmp_path) -> None:
    """``dev-cert`` then ``serve`` in a real process, as docs/server.md shows."""
    import ssl
    import time

    import httpx

    from tests.support.live_server import free_port

    db = f"sqlite:///{tmp_path / 'srv.sqlite3'}"
    assert subprocess.run(["coordinator-server", "--db", db, "init"], timeout=60).returncode == 0
    tls = tmp_path / "tls"
    subprocess.run(["coordinator-server", "dev-cert", str(tls)], timeout=60, check=True,
                   capture_output=True)  # fmt: skip
    port = free_port()
    process = subprocess.Popen(
        ["coordinator-server", "--db", db, "serve", "--host", "127.0.0.1", "--port", str(port),
         "--cert", str(tls / "server.pem"), "--key", str(tls / "server-key.pem")],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        context = ssl.create_default_context(cafile=str(tls / "ca.pem"))
        deadline = time.monotonic() + 30
        while True:
            try:
                response = httpx.get(f"https://127.0.0.1:{port}/api/v1/health", verify=context)
                break
            except httpx.ConnectError:
                assert process.poll() is None, process.stdout.read().decode()  # type: ignore[union-attr]
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.2)
        assert response.json()["status"] == "ok"
        with pytest.raises(httpx.ConnectError):
            httpx.get(f"https://127.0.0.1:{port}/api/v1/health")  # untrusted without the CA
    finally:
        process.terminate()
        process.wait(20)


def test_live_server_helper_restore_renews_the_generation(server: LiveServer, tmp_path) -> None:
    """The helper other areas use for their fault-injection tests behaves like the CLI."""
    alice = Api(server, "alice")
    copy = server.backup(tmp_path / "copie-aide.sqlite3")
    before = server.generation()
    lost = new_id()
    alice.push_ok(change("project", lost, "create", project_fields()))
    after = server.restore(copy)
    assert after != before
    body = alice.http.get("/api/v1/pull").json()
    assert body["server_generation"] == after
    assert lost not in {e["record_id"] for e in body["changes"]}
    alice.close()


def test_a_database_newer_than_the_server_is_refused(capsys, db_url) -> None:
    from coordinator_app.server import db

    run(capsys, "--db", db_url, "init")
    engine = db.make_engine(db_url)
    with db.writing(engine) as conn:
        db.set_meta(conn, db.SCHEMA_VERSION_KEY, "99")
    engine.dispose()
    code, _, err = run(capsys, "--db", db_url, "list-users")
    assert code == 2
    assert "plus récente" in err


def test_new_regions_apply_to_the_next_request(capsys, server: LiveServer) -> None:
    alice = Api(server, "alice")
    run(capsys, "--db", server.db_url, "set-regions", "alice", "03", "06")
    scope = alice.http.get("/api/v1/pull").json()["scope"]
    assert scope == {"role": "coordinator", "regions": ["03", "06"]}
    alice.push_ok(change("project", new_id(), "create", project_fields("06")))
    alice.close()


def test_accounts_have_a_person_set_at_creation_or_later(capsys, monkeypatch, db_url) -> None:
    assert run(capsys, "--db", db_url, "init")[0] == 0
    code, out, _ = run(
        capsys, "--db", db_url, "add-user", "mtremblay", "--role", "coordinator", "--region", "03",
        "--name", "Marie  Tremblay", "--email", "Marie.Tremblay@cqcm.example",
        "--title", "Conseillère jeunesse", "--password-stdin", stdin="un-bon-mot-de-passe\n",
        monkeypatch=monkeypatch,
    )  # fmt: skip
    assert code == 0
    assert "Marie Tremblay <marie.tremblay@cqcm.example>, Conseillère jeunesse" in out
    code, out, _ = run(
        capsys, "--db", db_url, "add-user", "jcote", "--role", "coordinator", "--region", "03",
        "--password-stdin", stdin="un-bon-mot-de-passe\n", monkeypatch=monkeypatch,
    )  # fmt: skip
    code, out, _ = run(capsys, "--db", db_url, "set-person", "jcote", "--name", "Jean Côté")
    assert code == 0 and "Jean Côté" in out
    code, out, _ = run(capsys, "--db", db_url, "list-users")
    assert "jcote\tcoordinator\trégions : 03\tappareils actifs : 0\tJean Côté" in out
    code, _out, err = run(
        capsys, "--db", db_url, "set-person", "jcote", "--email", "pas-un-courriel"
    )
    assert code == 2 and "Courriel non valide" in err and err.count("\n") == 1
    code, _out, err = run(capsys, "--db", db_url, "set-person", "personne", "--name", "X")
    assert code == 2 and "introuvable" in err


def test_a_server_of_schema_1_is_upgraded_keeping_accounts_and_authors(capsys, monkeypatch, db_url):
    import sqlalchemy as sa

    from coordinator_app.server import db

    assert run(capsys, "--db", db_url, "init")[0] == 0
    run(
        capsys, "--db", db_url, "add-user", "alice", "--role", "coordinator", "--region", "03",
        "--password-stdin", stdin="un-bon-mot-de-passe\n", monkeypatch=monkeypatch,
    )  # fmt: skip
    engine = db.make_engine(db_url)
    with db.writing(engine) as conn:  # back to what a schema-1 server had
        for table, column in (("carnet_users", "display_name"), ("carnet_users", "email"),
                              ("carnet_users", "title"), ("carnet_changes", "author_id")):  # fmt: skip
            conn.exec_driver_sql(f'ALTER TABLE {table} DROP COLUMN "{column}"')
        conn.exec_driver_sql(
            'INSERT INTO carnet_changes (seq, change_id, kind, record_id, op, "values", "full",'
            " deleted, at, author, username, received_at, origin, status, conflict_ids)"
            " VALUES (1, 'c1', 'project', 'p1', 'create', '{}', 1, 0, '2026-01-01', 'root',"
            " 'alice', '2026-01-01', 'client', 'applied', '[]')"
        )
        db.set_meta(conn, db.SCHEMA_VERSION_KEY, "1")
    engine.dispose()
    code, out, _ = run(capsys, "--db", db_url, "init")
    assert code == 0 and "mise à niveau" in out and f"schéma {db.LATEST}" in out
    engine = db.make_engine(db_url)
    with db.reading(engine) as conn:
        row = conn.execute(sa.select(db.changes.c.author, db.changes.c.author_id)).one()
        user = conn.execute(sa.select(db.users.c.username, db.users.c.display_name)).one()
    assert tuple(row) == ("root", "alice")  # the old name stays; the account is now known
    assert tuple(user) == ("alice", None)
    engine.dispose()
