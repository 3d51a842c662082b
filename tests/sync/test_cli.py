"""The « done when » of the sync issue, through the command line as a new user would use it:
two coordinators edit the same project offline — one the stage, the other the notes, both the
name — sync in either order, and end with the same project holding the stage and the notes, one
name, and the other name waiting in Conflits on both laptops. Then one resolves it, and the
resolution reaches the other laptop."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from coordinator_app.cli.main import main
from tests.support.live_server import PASSWORD


def app(data_dir: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    """Run ``coordinator-app --data-dir DIR ARGS`` in this process (the same ``main`` the
    installed command runs; a real process start costs seconds on a loaded machine)."""
    argv = ["--data-dir", str(data_dir), *args]
    out, err, previous = io.StringIO(), io.StringIO(), sys.stdin
    sys.stdin = io.StringIO(stdin or "")
    try:
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = main(argv)
            except SystemExit as exit_:
                code = exit_.code
    finally:
        sys.stdin = previous
    return subprocess.CompletedProcess(argv, code, out.getvalue(), err.getvalue())


def real_app(data_dir: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    """The installed ``coordinator-app`` command in its own process."""
    return subprocess.run(
        ["coordinator-app", "--data-dir", str(data_dir), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": os.getcwd()},
    )


def ok(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def write_json(folder: Path, name: str, rows: list[dict]) -> Path:
    target = folder / name
    target.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    return target


def project_of(data_dir: Path, folder: Path) -> dict:
    ok(app(data_dir, "export", "--kind", "projects", "-o", str(folder / "export.json")))
    [record] = json.loads((folder / "export.json").read_text(encoding="utf-8"))["records"]
    return record


@pytest.mark.parametrize("first", ["alice", "bruno"])
def test_two_coordinators_stage_notes_and_name_through_the_command_line(server, tmp_path, first):
    server.add_user("alice", regions=["03"])
    server.add_user("bruno", regions=["03"])
    alice, bruno = tmp_path / "alice", tmp_path / "bruno"
    for data_dir, user in ((alice, "alice"), (bruno, "bruno")):
        login = app(
            data_dir, "login", "--server", server.url, "--user", user,
            "--ca-file", str(server.ca_path), "--password-stdin", stdin=PASSWORD + "\n",
        )  # fmt: skip
        assert f"Connecté à {server.url}" in ok(login)
    new = write_json(tmp_path, "nouveau.json", [
        {"name": "Coop des Chutes", "program": "FERME_COOP", "region_code": "03", "stage": "idee"}
    ])  # fmt: skip
    ok(app(alice, "import", "--kind", "projects", str(new)))
    assert "Envoyées : 1" in ok(app(alice, "sync"))
    assert "Reçues : 1" in ok(app(bruno, "sync"))
    project_id = project_of(bruno, tmp_path)["id"]

    # offline: Alice moves the stage and renames; Bruno writes notes and renames differently
    stage = write_json(tmp_path, "alice.json", [
        {"id": project_id, "stage": "comite_provisoire", "name": "Coop des Chutes (Alice)"}
    ])  # fmt: skip
    notes = write_json(tmp_path, "bruno.json", [
        {"id": project_id, "notes": "Rencontre du comité le 3 juin", "name": "Coop des Chutes (Bruno)"}
    ])  # fmt: skip
    ok(app(alice, "import", "--kind", "projects", str(stage)))
    ok(app(bruno, "import", "--kind", "projects", str(notes)))
    assert "Changements en attente de synchronisation : 1" in ok(app(alice, "status"))

    order = [alice, bruno] if first == "alice" else [bruno, alice]
    outputs = [ok(app(d, "sync")) for d in (*order, *order)]
    assert "En conflit : 1" in outputs[1]  # the second to sync meets the other's name

    names = set()
    for data_dir in (alice, bruno):
        record = project_of(data_dir, tmp_path)
        assert record["stage"] == "comite_provisoire"
        assert record["notes"] == "Rencontre du comité le 3 juin"
        names.add(record["name"])
        listing = json.loads(ok(app(data_dir, "conflicts", "--json")))
        [conflict] = listing["conflicts"]
        assert conflict["field"] == "name"
        assert conflict["kept_value"] == record["name"]
        assert {conflict["kept_value"], conflict["other_value"]} == {
            "Coop des Chutes (Alice)",
            "Coop des Chutes (Bruno)",
        }
        assert "champ « Nom du projet »" in ok(app(data_dir, "conflicts"))
    assert len(names) == 1  # one name on both laptops

    # Bruno keeps his own name; the resolution is a change that reaches Alice
    ok(app(bruno, "conflicts", "--resolve", conflict["id"], "--keep", "mine"))
    ok(app(bruno, "sync"))
    ok(app(alice, "sync"))
    for data_dir in (alice, bruno):
        assert project_of(data_dir, tmp_path)["name"] == "Coop des Chutes (Bruno)"
        assert "Aucun conflit à résoudre." in ok(app(data_dir, "conflicts"))


def test_login_mistakes_give_one_line_french_errors(server, tmp_path):
    server.add_user("alice", regions=["03"])
    profile = tmp_path / "alice"
    wrong = app(
        profile, "login", "--server", server.url, "--user", "alice",
        "--ca-file", str(server.ca_path), "--password-stdin", stdin="mauvais\n",
    )  # fmt: skip
    assert wrong.returncode == 2
    assert "Mauvais nom d'utilisateur ou mauvais mot de passe" in wrong.stderr
    untrusted = app(
        profile, "login", "--server", server.url, "--user", "alice", "--password-stdin",
        stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert untrusted.returncode == 2
    assert "Certificat non reconnu" in untrusted.stderr
    plain = app(
        profile, "login", "--server", f"http://127.0.0.1:{server.port}", "--user", "alice",
        "--password-stdin", stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert plain.returncode == 2
    assert "--insecure-dev" in plain.stderr
    remote_plain = app(
        profile, "login", "--server", "http://carnet.example.org", "--user", "alice",
        "--insecure-dev", "--password-stdin", stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert "Connexion non chiffrée refusée" in remote_plain.stderr
    nothing = app(profile, "sync")
    assert nothing.returncode == 2
    assert "connectez-vous d'abord" in nothing.stderr


def test_token_kept_in_a_private_file_without_keyring_and_status_says_so(server, tmp_path):
    server.add_user("alice", regions=["03"])
    profile = tmp_path / "alice"
    ok(real_app(
        profile, "login", "--server", server.url, "--user", "alice",
        "--ca-file", str(server.ca_path), "--password-stdin", stdin=PASSWORD + "\n",
    ))  # fmt: skip
    token_file = profile / "sync-token"
    assert token_file.stat().st_mode & 0o777 == 0o600
    status = ok(real_app(profile, "status"))
    assert f"Serveur : {server.url} (alice, connecté)" in status
    assert "aucun trousseau du système n'est disponible" in status
    assert "Déconnecté" in ok(real_app(profile, "logout"))
    assert not token_file.exists()
    again = real_app(profile, "sync")
    assert again.returncode == 2 and "reconnectez-vous" in again.stderr


def test_a_demo_profile_never_pushes(server, tmp_path):
    server.add_user("alice", regions=["03"])
    profile = tmp_path / "demo"
    ok(app(profile, "demo"))
    refused = app(
        profile, "login", "--server", server.url, "--user", "alice",
        "--ca-file", str(server.ca_path), "--password-stdin", stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert refused.returncode == 2
    assert "données de démonstration" in refused.stderr
    assert server.change_ids() == []


def test_a_laptop_reported_lost_deletes_its_profile_and_says_so(server, tmp_path):
    from coordinator_app.store import open_store

    server.add_user("alice", regions=["03"])
    profile = tmp_path / "alice"
    ok(app(
        profile, "login", "--server", server.url, "--user", "alice",
        "--ca-file", str(server.ca_path), "--password-stdin", stdin=PASSWORD + "\n",
    ))  # fmt: skip
    store = open_store(profile)
    device = store.get_meta("sync_device_id")
    store.close()
    server.revoke_device(device, wipe=True)
    wiped = app(profile, "sync")
    assert wiped.returncode == 2
    assert "le profil local a été effacé" in wiped.stderr
    assert "la clé de chiffrement a été détruite" in wiped.stderr
    assert not (profile / "carnet.db").exists()
    assert not (profile / "sync-token").exists()


def test_a_refused_change_is_listed_with_the_servers_reason(server, tmp_path):
    server.add_user("alice", regions=["03"])
    profile = tmp_path / "alice"
    ok(app(
        profile, "login", "--server", server.url, "--user", "alice",
        "--ca-file", str(server.ca_path), "--password-stdin", stdin=PASSWORD + "\n",
    ))  # fmt: skip
    rows = write_json(tmp_path, "projets.json", [
        {"name": "Coop de Québec", "program": "FERME_COOP", "region_code": "03"},
        {"name": "Coop hors région", "program": "FERME_COOP", "region_code": "06"},
    ])  # fmt: skip
    ok(app(profile, "import", "--kind", "projects", str(rows)))
    report = ok(app(profile, "sync"))
    assert "Envoyées : 1" in report and "Refusées par le serveur : 1" in report
    listing = ok(app(profile, "conflicts"))
    assert "Projet : Coop hors région — création refusée : " in listing
    assert "Modifications refusées par le serveur : 1" in ok(app(profile, "status"))
    assert "1 modification refusée sera renvoyée" in ok(
        app(profile, "conflicts", "--retry-refused")
    )
