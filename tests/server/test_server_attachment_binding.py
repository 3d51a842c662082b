"""Issue 13, point 3: a file's hash is not a key to it. Each test is the attack, with raw HTTP and
real tokens, against the real server on SQLite and on PostgreSQL."""

from __future__ import annotations

import hashlib
import os

import pytest

from coordinator_app.protocol.models import CHUNK_BYTES
from coordinator_app.server.cli import main as server_cli
from tests.server.backends import BACKENDS, raw_client, running, upload
from tests.server.conftest import Api, change, new_id, project_fields

pytestmark = pytest.mark.parametrize("backend", BACKENDS)

USERS = [
    {"username": "alice", "regions": ["03"]},
    {"username": "chloe", "regions": ["03"]},
    {"username": "bruno", "regions": ["06"]},
    {"username": "admin", "role": "admin", "regions": []},
]


def _attach(laptop: Api, sha: str, region: str) -> str:
    """A project of ``region`` and an attachment record naming ``sha``, pushed by ``laptop``."""
    project = new_id()
    results = laptop.push_ok(
        change("project", project, "create", project_fields(region)),
        change(
            "attachment",
            new_id(),
            "create",
            {"project_id": [None, project], "sha256": [None, sha], "filename": [None, "f.pdf"]},
        ),
    )
    assert [r["status"] for r in results] == ["applied", "applied"]
    return project


def _answers(laptop: Api, sha: str) -> tuple:
    """What the three read routes tell about ``sha`` (status code and body, generation aside)."""
    head = laptop.http.head(f"/api/v1/attachments/{sha}")
    get = laptop.http.get(f"/api/v1/attachments/{sha}")
    status = laptop.http.get(f"/api/v1/attachments/{sha}/status")
    body = {k: v for k, v in status.json().items() if k not in ("sha256", "server_generation")}
    get_body = {k: v for k, v in get.json().items() if k != "server_generation"}
    return head.status_code, get.status_code, get_body, status.status_code, body


def test_naming_another_regions_hash_in_ones_own_record_gives_nothing(backend, tmp_path) -> None:
    with running(backend, tmp_path, USERS) as server:
        bruno, alice, admin = Api(server, "bruno"), Api(server, "alice"), Api(server, "admin")
        secret = b"rapport confidentiel de la region 06 " * 100
        sha = upload(bruno.http, secret)
        _attach(bruno, sha, "06")
        # the attack: a region-03 record of alice's own naming the 06 file's hash
        _attach(alice, sha, "03")
        unknown = hashlib.sha256(os.urandom(16)).hexdigest()
        # HEAD, GET and /status say exactly what they say of a file that does not exist
        assert _answers(alice, sha) == _answers(alice, unknown)
        assert _answers(alice, sha)[:2] == (404, 404)
        assert _answers(alice, sha)[4] == {"complete": False, "size": None, "chunks_received": []}
        # the file's own region and the admin get it through bruno's record
        assert bruno.http.get(f"/api/v1/attachments/{sha}").content == secret
        assert admin.http.get(f"/api/v1/attachments/{sha}").content == secret
        # an admin's file named in a region-03 record by alice: still nothing
        admin_file = b"document du siege social " * 50
        admin_sha = upload(admin.http, admin_file)
        _attach(admin, admin_sha, "06")
        _attach(alice, admin_sha, "03")
        assert alice.http.get(f"/api/v1/attachments/{admin_sha}").status_code == 404
        assert admin.http.get(f"/api/v1/attachments/{admin_sha}").content == admin_file
        # uploading garbage under the hash does not make alice an owner either
        assert (
            alice.http.put(f"/api/v1/attachments/{sha}/chunks/0", content=b"x").status_code == 200
        )
        refused = alice.http.post(
            f"/api/v1/attachments/{sha}/complete", json={"size": 1, "chunks": 1}
        )
        assert refused.status_code == 422
        assert refused.json()["error"] == "hash_mismatch"
        assert alice.http.get(f"/api/v1/attachments/{sha}").status_code == 404
        for laptop in (bruno, alice, admin):
            laptop.close()


def test_a_colleague_of_the_region_gets_the_file_and_bruno_after_a_move(backend, tmp_path) -> None:
    with running(backend, tmp_path, USERS) as server:
        alice, chloe, bruno, admin = (Api(server, u) for u in ("alice", "chloe", "bruno", "admin"))
        photo = os.urandom(CHUNK_BYTES + 10)
        sha = upload(alice.http, photo)
        project = _attach(alice, sha, "03")
        response = chloe.http.get(f"/api/v1/attachments/{sha}")
        assert response.status_code == 200
        assert response.content == photo
        # chloe may read it but did not upload it: HEAD says her upload is not done
        assert chloe.http.head(f"/api/v1/attachments/{sha}").status_code == 404
        assert alice.http.head(f"/api/v1/attachments/{sha}").status_code == 200
        assert bruno.http.get(f"/api/v1/attachments/{sha}").status_code == 404
        admin.push_ok(change("project", project, fields={"region_code": ["03", "06"]}))
        assert bruno.http.get(f"/api/v1/attachments/{sha}").content == photo
        assert chloe.http.get(f"/api/v1/attachments/{sha}").status_code == 404
        for laptop in (alice, chloe, bruno, admin):
            laptop.close()


def test_another_devices_garbage_chunk_does_not_touch_an_upload_in_progress(
    backend, tmp_path
) -> None:
    with running(backend, tmp_path, USERS) as server:
        laptop, other, intruder = (
            Api(server, "alice"),
            Api(server, "alice", "autre"),
            Api(server, "bruno"),
        )
        data = os.urandom(2 * CHUNK_BYTES + 500)
        sha = hashlib.sha256(data).hexdigest()
        for index in (0, 1):
            part = data[index * CHUNK_BYTES : (index + 1) * CHUNK_BYTES]
            assert (
                laptop.http.put(
                    f"/api/v1/attachments/{sha}/chunks/{index}", content=part
                ).status_code
                == 200
            )
        # the attack: garbage under the same hash and index, then a failing complete, from
        # another user's device and from another device of the same user
        for attacker in (intruder, other):
            assert (
                attacker.http.put(
                    f"/api/v1/attachments/{sha}/chunks/0", content=b"poubelle"
                ).status_code
                == 200
            )
            bad = attacker.http.post(
                f"/api/v1/attachments/{sha}/complete", json={"size": 8, "chunks": 1}
            )
            assert bad.status_code == 422
            assert (
                attacker.http.get(f"/api/v1/attachments/{sha}/status").json()["chunks_received"]
                == []
            )
        status = laptop.http.get(f"/api/v1/attachments/{sha}/status").json()
        assert status["chunks_received"] == [0, 1]
        laptop.http.put(f"/api/v1/attachments/{sha}/chunks/2", content=data[2 * CHUNK_BYTES :])
        done = laptop.http.post(
            f"/api/v1/attachments/{sha}/complete", json={"size": len(data), "chunks": 3}
        )
        assert done.status_code == 200, done.text
        _attach(laptop, sha, "03")
        assert other.http.get(f"/api/v1/attachments/{sha}").content == data
        for client in (laptop, other, intruder):
            client.close()


def test_unfinished_uploads_have_a_quota_per_account_and_are_swept(
    backend, tmp_path, capsys
) -> None:
    quota = 4 * CHUNK_BYTES
    with running(backend, tmp_path, USERS, max_pending_upload_bytes=quota) as server:
        alice, other, chloe = (
            Api(server, "alice"),
            Api(server, "alice", "autre"),
            Api(server, "chloe"),
        )
        chunk = b"o" * CHUNK_BYTES
        shas = [hashlib.sha256(os.urandom(8)).hexdigest() for _ in range(20)]
        # the attack: twenty 1 MiB chunks under hashes no upload will ever complete
        codes = [
            (alice if i % 2 else other).http.put(
                f"/api/v1/attachments/{sha}/chunks/0", content=chunk
            )
            for i, sha in enumerate(shas)
        ]
        assert [c.status_code for c in codes[:4]] == [200] * 4
        assert {c.status_code for c in codes[4:]} == {413}
        assert "téléversements inachevés" in codes[4].json()["message"]
        # re-sending a chunk already counted replaces it: no more room taken
        assert (
            other.http.put(f"/api/v1/attachments/{shas[0]}/chunks/0", content=chunk).status_code
            == 200
        )
        # another account is not held back by alice's
        assert (
            chloe.http.put(f"/api/v1/attachments/{shas[5]}/chunks/0", content=chunk).status_code
            == 200
        )
        code = server_cli(["--db", server.db_url, "sweep-attachments", "--pending-hours", "0"])
        out = capsys.readouterr().out
        assert code == 0
        assert "5 morceau(x)" in out
        assert (
            other.http.get(f"/api/v1/attachments/{shas[0]}/status").json()["chunks_received"] == []
        )
        assert (
            alice.http.put(f"/api/v1/attachments/{shas[7]}/chunks/0", content=chunk).status_code
            == 200
        )
        for client in (alice, other, chloe):
            client.close()


def test_abandoned_uploads_and_unnamed_files_are_swept_when_the_server_starts(
    backend, tmp_path
) -> None:
    with running(
        backend, tmp_path, USERS, pending_upload_seconds=0, orphan_file_seconds=0
    ) as server:
        token = server.login("alice")["token"]
        laptop = Api(server, "alice")
        with raw_client(server, token) as http:
            half = hashlib.sha256(b"jamais fini").hexdigest()
            assert (
                http.put(f"/api/v1/attachments/{half}/chunks/0", content=b"jamais").status_code
                == 200
            )
            unnamed = upload(http, b"fichier que rien ne nomme")
            named = upload(http, b"fichier d'une piece jointe")
        _attach(laptop, named, "03")
        server.restart()
        with raw_client(server, token) as http:
            assert http.get(f"/api/v1/attachments/{half}/status").json()["chunks_received"] == []
            assert http.head(f"/api/v1/attachments/{unnamed}").status_code == 404
            assert http.head(f"/api/v1/attachments/{named}").status_code == 200
            assert http.get(f"/api/v1/attachments/{named}").content == b"fichier d'une piece jointe"
        laptop.close()


def test_migration_3_gives_stored_files_their_first_namer_as_owner(backend, tmp_path) -> None:
    """A schema-1 database upgraded: each stored file's owner is the user whose device first named
    it in an attachment record (not a later namer), and the old shared unfinished chunks go."""
    import sqlalchemy as sa

    from coordinator_app.server import db

    with running(backend, tmp_path, USERS) as server:
        alice, bruno, chloe = Api(server, "alice"), Api(server, "bruno"), Api(server, "chloe")
        data = b"plan du jardin collectif " * 40
        sha = upload(alice.http, data)
        _attach(alice, sha, "03")
        _attach(bruno, sha, "06")  # a later record naming the hash without the bytes
        # back to schema 1: no owners, no per-device uploads, a shared unfinished chunk
        with db.writing(server.engine) as conn:
            conn.execute(sa.text("DROP TABLE carnet_upload_chunks"))
            conn.execute(sa.text("DROP TABLE carnet_blob_owners"))
            conn.execute(
                db.blob_chunks.insert().values(sha256="f" * 64, idx=0, data=b"x", complete=False)
            )
            db.set_meta(conn, db.SCHEMA_VERSION_KEY, "1")
        assert db.migrate(server.engine) == (1, db.LATEST)
        with db.reading(server.engine) as conn:
            owners = conn.execute(
                sa.select(db.users.c.username)
                .join(db.blob_owners, db.blob_owners.c.user_id == db.users.c.id)
                .where(db.blob_owners.c.sha256 == sha)
            ).scalars()
            assert list(owners) == ["alice"]
            left = conn.execute(
                sa.select(sa.func.count())
                .select_from(db.blob_chunks)
                .where(db.blob_chunks.c.sha256 == "f" * 64)
            ).scalar_one()
            assert left == 0
        assert chloe.http.get(f"/api/v1/attachments/{sha}").content == data
        assert bruno.http.get(f"/api/v1/attachments/{sha}").status_code == 404
        for laptop in (alice, bruno, chloe):
            laptop.close()
