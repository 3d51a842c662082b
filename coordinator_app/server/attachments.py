"""Attachment files stored by SHA-256 in the database, uploaded in chunks that survive a retry.

Kept in the database (not on the server's disk) so that several server processes behind a load
balancer see the same files and one backup holds everything. A file is stored once whatever the
number of records that reference it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from coordinator_app.protocol.errors import ErrorCode
from coordinator_app.protocol.models import CHUNK_BYTES
from coordinator_app.server import db
from coordinator_app.server.accounts import User
from coordinator_app.server.clock import now_iso
from coordinator_app.server.errors import ApiError


def status(engine: Engine, sha256: str) -> dict:
    with db.reading(engine) as conn:
        blob = conn.execute(sa.select(db.blobs).where(db.blobs.c.sha256 == sha256)).first()
        if blob is not None:
            return {"sha256": sha256, "complete": True, "size": blob.size, "chunks_received": []}
        received = conn.execute(
            sa.select(db.blob_chunks.c.idx)
            .where(db.blob_chunks.c.sha256 == sha256)
            .order_by(db.blob_chunks.c.idx)
        ).scalars()
        return {
            "sha256": sha256,
            "complete": False,
            "size": None,
            "chunks_received": list(received),
        }


def put_chunk(engine: Engine, sha256: str, index: int, data: bytes, max_bytes: int) -> dict:
    """Store one chunk; sending it again replaces it (a retried upload is harmless)."""
    if not data:
        raise ApiError(
            422, ErrorCode.INVALID, "Morceau vide : un fichier vide se termine sans morceau."
        )
    if len(data) > CHUNK_BYTES:
        raise ApiError(413, ErrorCode.TOO_LARGE, f"Un morceau dépasse {CHUNK_BYTES} octets.")
    if index >= -(-max_bytes // CHUNK_BYTES):
        raise ApiError(
            413, ErrorCode.TOO_LARGE, f"Pièce jointe trop grande (au plus {max_bytes} octets)."
        )
    with db.writing(engine) as conn:
        done = conn.execute(sa.select(db.blobs.c.sha256).where(db.blobs.c.sha256 == sha256)).first()
        if done is None:
            conn.execute(
                db.blob_chunks.delete().where(
                    db.blob_chunks.c.sha256 == sha256, db.blob_chunks.c.idx == index
                )
            )
            conn.execute(
                db.blob_chunks.insert().values(sha256=sha256, idx=index, data=data, complete=False)
            )
    return status(engine, sha256)


def complete(engine: Engine, sha256: str, size: int, chunks: int, max_bytes: int) -> dict:
    """Join the chunks, check size and SHA-256, and keep the file (once)."""
    if size > max_bytes:
        raise ApiError(
            413, ErrorCode.TOO_LARGE, f"Pièce jointe trop grande (au plus {max_bytes} octets)."
        )
    with db.writing(engine) as conn:
        if conn.execute(sa.select(db.blobs.c.sha256).where(db.blobs.c.sha256 == sha256)).first():
            return _complete_status(sha256, size)
        present = set(
            conn.execute(
                sa.select(db.blob_chunks.c.idx).where(db.blob_chunks.c.sha256 == sha256)
            ).scalars()
        )
        missing = [i for i in range(chunks) if i not in present]
        if missing:
            raise ApiError(
                409,
                ErrorCode.INCOMPLETE,
                f"Morceaux manquants : {', '.join(map(str, missing[:20]))}.",
                missing=missing,
            )
        conn.execute(
            db.blob_chunks.delete().where(
                db.blob_chunks.c.sha256 == sha256, db.blob_chunks.c.idx >= chunks
            )
        )
        digest, total = hashlib.sha256(), 0
        for index in range(chunks):
            data = conn.execute(
                sa.select(db.blob_chunks.c.data).where(
                    db.blob_chunks.c.sha256 == sha256, db.blob_chunks.c.idx == index
                )
            ).scalar_one()
            digest.update(data)
            total += len(data)
        if total != size or digest.hexdigest() != sha256:
            conn.execute(db.blob_chunks.delete().where(db.blob_chunks.c.sha256 == sha256))
            # commit the cleanup, then report: the client must upload again
            bad = (total, digest.hexdigest())
        else:
            bad = None
            conn.execute(
                db.blobs.insert().values(
                    sha256=sha256, size=size, chunks=chunks, created_at=now_iso()
                )
            )
            conn.execute(
                db.blob_chunks.update()
                .where(db.blob_chunks.c.sha256 == sha256)
                .values(complete=True)
            )
    if bad is not None:
        raise ApiError(
            422,
            ErrorCode.HASH_MISMATCH,
            f"Le fichier reçu ({bad[0]} octets) ne correspond pas à son empreinte SHA-256 : "
            "les morceaux ont été effacés, téléversez-le de nouveau.",
        )
    return _complete_status(sha256, size)


def _complete_status(sha256: str, size: int) -> dict:
    return {"sha256": sha256, "complete": True, "size": size, "chunks_received": []}


def may_download(engine: Engine, user: User, sha256: str) -> bool:
    """Admins always; others when an attachment record with this hash is in their regions."""
    if user.is_admin:
        return True
    with db.reading(engine) as conn:
        regions = conn.execute(
            sa.select(db.records.c.region_code).where(
                db.records.c.kind == "attachment", db.records.c.sha256 == sha256
            )
        ).scalars()
        return any(r in user.regions for r in regions)


def blob_size(engine: Engine, sha256: str) -> tuple[int, int] | None:
    with db.reading(engine) as conn:
        row = conn.execute(sa.select(db.blobs).where(db.blobs.c.sha256 == sha256)).first()
        return (row.size, row.chunks) if row else None


def iter_chunks(engine: Engine, sha256: str, chunks: int) -> Iterator[bytes]:
    for index in range(chunks):
        with db.reading(engine) as conn:
            yield conn.execute(
                sa.select(db.blob_chunks.c.data).where(
                    db.blob_chunks.c.sha256 == sha256, db.blob_chunks.c.idx == index
                )
            ).scalar_one()
