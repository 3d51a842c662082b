"""Attachments by SHA-256: chunked upload that survives a retry, verification, dedup, limits."""

from __future__ import annotations

import hashlib
import os

from coordinator_app.protocol.models import CHUNK_BYTES
from tests.server.conftest import change, new_id, project_fields


def _upload(http, data: bytes, chunk: int = CHUNK_BYTES) -> str:
    sha = hashlib.sha256(data).hexdigest()
    parts = [data[i : i + chunk] for i in range(0, len(data), chunk)] or [b""]
    for index, part in enumerate(parts):
        assert (
            http.put(f"/api/v1/attachments/{sha}/chunks/{index}", content=part).status_code == 200
        )
    response = http.post(
        f"/api/v1/attachments/{sha}/complete", json={"size": len(data), "chunks": len(parts)}
    )
    assert response.status_code == 200, response.text
    return sha


def test_upload_resume_download_roundtrip(api) -> None:
    alice = api("alice")
    data = os.urandom(CHUNK_BYTES * 2 + 1234)
    sha = hashlib.sha256(data).hexdigest()
    assert alice.http.head(f"/api/v1/attachments/{sha}").status_code == 404
    # chunk 0 sent twice (a retry after a lost response), chunk 1 interrupted then resent
    for index in (0, 0, 2):
        part = data[index * CHUNK_BYTES : (index + 1) * CHUNK_BYTES]
        alice.http.put(f"/api/v1/attachments/{sha}/chunks/{index}", content=part)
    status = alice.http.get(f"/api/v1/attachments/{sha}/status").json()
    assert status["complete"] is False
    assert status["chunks_received"] == [0, 2]
    incomplete = alice.http.post(
        f"/api/v1/attachments/{sha}/complete", json={"size": len(data), "chunks": 3}
    )
    assert incomplete.status_code == 409
    assert incomplete.json()["missing"] == [1]
    alice.http.put(
        f"/api/v1/attachments/{sha}/chunks/1", content=data[CHUNK_BYTES : 2 * CHUNK_BYTES]
    )
    done = alice.http.post(
        f"/api/v1/attachments/{sha}/complete", json={"size": len(data), "chunks": 3}
    )
    assert done.status_code == 200
    assert done.json()["complete"] is True
    assert alice.http.head(f"/api/v1/attachments/{sha}").status_code == 200
    pid = new_id()
    alice.push_ok(
        change("project", pid, "create", project_fields()),
        change(
            "attachment",
            new_id(),
            "create",
            {"project_id": [None, pid], "sha256": [None, sha], "filename": [None, "plan.bin"]},
        ),
    )
    downloaded = alice.http.get(f"/api/v1/attachments/{sha}")
    assert downloaded.status_code == 200
    assert downloaded.content == data


def test_a_corrupted_upload_is_refused_and_discarded(api) -> None:
    alice = api("alice")
    data = b"le vrai contenu"
    sha = hashlib.sha256(data).hexdigest()
    alice.http.put(f"/api/v1/attachments/{sha}/chunks/0", content=b"un autre contenu")
    response = alice.http.post(
        f"/api/v1/attachments/{sha}/complete", json={"size": 16, "chunks": 1}
    )
    assert response.status_code == 422
    assert response.json()["error"] == "hash_mismatch"
    assert alice.http.get(f"/api/v1/attachments/{sha}/status").json()["chunks_received"] == []
    assert alice.http.head(f"/api/v1/attachments/{sha}").status_code == 404


def test_same_file_is_stored_once(api, live) -> None:
    import sqlalchemy as sa

    from coordinator_app.server import db

    alice, alice_2, chloe = api("alice"), api("alice", "second"), api("chloe")
    data = b"photo de groupe" * 1000
    sha = _upload(alice.http, data)
    # alice's other laptop finds it there and has nothing to send
    assert alice_2.http.head(f"/api/v1/attachments/{sha}").status_code == 200
    # another user is not told the server has it: they prove they hold it by sending it all
    assert chloe.http.head(f"/api/v1/attachments/{sha}").status_code == 404
    _upload(chloe.http, data)
    assert chloe.http.head(f"/api/v1/attachments/{sha}").status_code == 200
    _upload(alice_2.http, data)  # re-sending is harmless
    with db.reading(live.engine) as conn:
        count = conn.execute(
            sa.select(sa.func.count()).select_from(db.blobs).where(db.blobs.c.sha256 == sha)
        ).scalar_one()
        owners = conn.execute(
            sa.select(sa.func.count())
            .select_from(db.blob_owners)
            .where(db.blob_owners.c.sha256 == sha)
        ).scalar_one()
    assert count == 1
    assert owners == 2


def test_limits(api) -> None:
    alice = api("alice")
    sha = "0" * 64
    too_big_chunk = alice.http.put(
        f"/api/v1/attachments/{sha}/chunks/0", content=b"x" * (CHUNK_BYTES + 1)
    )
    assert too_big_chunk.status_code == 413
    too_big_file = alice.http.post(
        f"/api/v1/attachments/{sha}/complete", json={"size": 51 * 1024 * 1024, "chunks": 51}
    )
    assert too_big_file.status_code == 422  # over the documented maximum of the model
    bad_hash = alice.http.head("/api/v1/attachments/pas-une-empreinte")
    assert bad_hash.status_code == 422
