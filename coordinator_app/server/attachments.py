"""Attachment files stored by SHA-256 in the database, uploaded in chunks that survive a retry.

Kept in the database (not on the server's disk) so that several server processes behind a load
balancer see the same files and one backup holds everything. A file is stored once whatever the
number of records that reference it.

A hash is not a key (docs/sync-protocol.md, « Attachments »): a user gets a file's bytes, or even
learns that the server has them, only when they uploaded the bytes themselves (``blob_owners``) or
when they may see an attachment record that names the file *and* the change that named it there
came from a device of a user who uploaded those bytes. Uploads in progress belong to one device
(``upload_chunks``), count against the account's quota and are swept when abandoned.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from coordinator_app.protocol.errors import ErrorCode
from coordinator_app.protocol.models import CHUNK_BYTES
from coordinator_app.server import db
from coordinator_app.server.accounts import Device, User
from coordinator_app.server.clock import epoch, now_iso
from coordinator_app.server.errors import ApiError
from coordinator_app.server.settings import Settings

#: PostgreSQL advisory lock key of an account's uploads (the quota check and the chunk write)
UPLOAD_LOCK_KEY = 0x55504C  # "UPL"

_up = db.upload_chunks


def _owns(conn: Connection, user: User, sha256: str) -> bool:
    return (
        conn.execute(
            sa.select(db.blob_owners.c.user_id).where(
                db.blob_owners.c.sha256 == sha256, db.blob_owners.c.user_id == user.id
            )
        ).first()
        is not None
    )


def _bound_record_visible(conn: Connection, user: User, sha256: str) -> bool:
    """Whether ``user`` may see an attachment record naming ``sha256`` whose naming change was
    sent by a device of a user who uploaded those bytes."""
    named = db.changes.c.fields[("sha256", 1)].as_string()
    query = (
        sa.select(db.records.c.record_id)
        .select_from(
            db.records.join(
                db.changes,
                sa.and_(
                    db.changes.c.kind == db.records.c.kind,
                    db.changes.c.record_id == db.records.c.record_id,
                ),
            )
            .join(db.devices, db.devices.c.id == db.changes.c.device_id)
            .join(
                db.blob_owners,
                sa.and_(
                    db.blob_owners.c.sha256 == db.records.c.sha256,
                    db.blob_owners.c.user_id == db.devices.c.user_id,
                ),
            )
        )
        .where(
            db.records.c.kind == "attachment",
            db.records.c.sha256 == sha256,
            db.changes.c.origin == "client",
            named == sha256,
        )
        .limit(1)
    )
    if not user.is_admin:
        if not user.regions:
            return False
        query = query.where(db.records.c.region_code.in_(list(user.regions)))
    return conn.execute(query).first() is not None


def _stored(conn: Connection, sha256: str) -> bool:
    return (
        conn.execute(sa.select(db.blobs.c.sha256).where(db.blobs.c.sha256 == sha256)).first()
        is not None
    )


def _holds(conn: Connection, user: User, sha256: str) -> bool:
    """The server has the file and ``user`` uploaded it: their upload of it is done."""
    return _stored(conn, sha256) and _owns(conn, user, sha256)


def _visible(conn: Connection, user: User, sha256: str) -> bool:
    return _holds(conn, user, sha256) or (
        _stored(conn, sha256) and _bound_record_visible(conn, user, sha256)
    )


def holds(engine: Engine, user: User, sha256: str) -> bool:
    """HEAD: whether this user's upload of the file is done. Someone who may download a file
    without having uploaded it gets 404 too: a laptop that attaches it to a record of its own
    must send the bytes, which is what binds that record to them."""
    with db.reading(engine) as conn:
        return _holds(conn, user, sha256)


def may_download(engine: Engine, user: User, sha256: str) -> bool:
    """Whether ``user`` may have the bytes of ``sha256`` (and learn that the server has them).
    Admins too go through the binding: they see every record, but a hash named without the
    bytes gives them nothing either."""
    with db.reading(engine) as conn:
        return _visible(conn, user, sha256)


def _received(conn: Connection, device: Device, sha256: str) -> list[int]:
    return list(
        conn.execute(
            sa.select(_up.c.idx)
            .where(_up.c.device_id == device.id, _up.c.sha256 == sha256)
            .order_by(_up.c.idx)
        ).scalars()
    )


def _status(conn: Connection, device: Device, sha256: str) -> dict:
    if _holds(conn, device.user, sha256):
        size = conn.execute(
            sa.select(db.blobs.c.size).where(db.blobs.c.sha256 == sha256)
        ).scalar_one()
        return _complete_status(sha256, size)
    # the same answer for a file that does not exist and one someone else uploaded
    return {
        "sha256": sha256,
        "complete": False,
        "size": None,
        "chunks_received": _received(conn, device, sha256),
    }


def status(engine: Engine, device: Device, sha256: str) -> dict:
    """This device's upload state, or ``complete`` once this user has uploaded the file."""
    with db.reading(engine) as conn:
        return _status(conn, device, sha256)


def _too_large(max_bytes: int) -> ApiError:
    return ApiError(
        413, ErrorCode.TOO_LARGE, f"Pièce jointe trop grande (au plus {max_bytes} octets)."
    )


def put_chunk(
    engine: Engine, settings: Settings, device: Device, sha256: str, index: int, data: bytes
) -> dict:
    """Store one chunk of this device's upload; sending it again replaces it (a retry is
    harmless). Refused past the account's quota of unfinished uploads."""
    if not data:
        raise ApiError(
            422, ErrorCode.INVALID, "Morceau vide : un fichier vide se termine sans morceau."
        )
    if len(data) > CHUNK_BYTES:
        raise ApiError(413, ErrorCode.TOO_LARGE, f"Un morceau dépasse {CHUNK_BYTES} octets.")
    if index >= -(-settings.max_attachment_bytes // CHUNK_BYTES):
        raise _too_large(settings.max_attachment_bytes)
    user = device.user
    with db.writing(engine) as conn:
        db.advisory_lock(conn, UPLOAD_LOCK_KEY, user.id)
        if _holds(conn, user, sha256):
            return _status(conn, device, sha256)
        this = sa.and_(_up.c.device_id == device.id, _up.c.sha256 == sha256, _up.c.idx == index)
        pending = conn.execute(
            sa.select(sa.func.coalesce(sa.func.sum(_up.c.size), 0)).where(
                _up.c.user_id == user.id, sa.not_(this)
            )
        ).scalar_one()
        if pending + len(data) > settings.max_pending_upload_bytes:
            mib = settings.max_pending_upload_bytes // (1024 * 1024)
            raise ApiError(
                413,
                ErrorCode.TOO_LARGE,
                f"Trop de téléversements inachevés pour le compte « {user.username} » (au plus "
                f"{mib} Mo en attente) : terminez-les ou attendez qu'ils soient effacés, puis "
                "relancez la synchronisation.",
            )
        conn.execute(_up.delete().where(this))
        conn.execute(
            _up.insert().values(
                device_id=device.id,
                sha256=sha256,
                idx=index,
                user_id=user.id,
                size=len(data),
                data=data,
                received_at=epoch(),
            )
        )
        return _status(conn, device, sha256)


def complete(
    engine: Engine, settings: Settings, device: Device, sha256: str, size: int, chunks: int
) -> dict:
    """Join this device's chunks, check size and SHA-256, keep the file once and record that
    this user holds its bytes. A file the server already has, uploaded by someone else, is not
    stored again, but this user becomes one of its owners only by sending all of it."""
    if size > settings.max_attachment_bytes:
        raise _too_large(settings.max_attachment_bytes)
    user = device.user
    mine = sa.and_(_up.c.device_id == device.id, _up.c.sha256 == sha256)
    with db.writing(engine) as conn:
        db.advisory_lock(conn, UPLOAD_LOCK_KEY, user.id)
        if _holds(conn, user, sha256):
            conn.execute(
                db.blob_owners.update()
                .where(db.blob_owners.c.sha256 == sha256, db.blob_owners.c.user_id == user.id)
                .values(at=now_iso())
            )
            conn.execute(_up.delete().where(mine))
            return _complete_status(sha256, size)
        present = set(_received(conn, device, sha256))
        missing = [i for i in range(chunks) if i not in present]
        if missing:
            raise ApiError(
                409,
                ErrorCode.INCOMPLETE,
                f"Morceaux manquants : {', '.join(map(str, missing[:20]))}.",
                missing=missing,
            )
        conn.execute(_up.delete().where(mine, _up.c.idx >= chunks))
        digest, total = hashlib.sha256(), 0
        for index in range(chunks):
            data = conn.execute(sa.select(_up.c.data).where(mine, _up.c.idx == index)).scalar_one()
            digest.update(data)
            total += len(data)
        bad = None
        if total != size or digest.hexdigest() != sha256:
            bad = (total, digest.hexdigest())  # commit the cleanup below, then report
        else:
            _keep(conn, device, sha256, size, chunks)
        conn.execute(_up.delete().where(mine))
    if bad is not None:
        raise ApiError(
            422,
            ErrorCode.HASH_MISMATCH,
            f"Le fichier reçu ({bad[0]} octets) ne correspond pas à son empreinte SHA-256 : "
            "les morceaux ont été effacés, téléversez-le de nouveau.",
        )
    return _complete_status(sha256, size)


def _keep(conn: Connection, device: Device, sha256: str, size: int, chunks: int) -> None:
    """Store the checked bytes (unless already stored) and make the user one of their owners."""
    stored = conn.execute(sa.select(db.blobs.c.sha256).where(db.blobs.c.sha256 == sha256)).first()
    if stored is None:
        conn.execute(db.blob_chunks.delete().where(db.blob_chunks.c.sha256 == sha256))
        conn.execute(
            db.blob_chunks.insert().from_select(
                ["sha256", "idx", "data", "complete"],
                sa.select(_up.c.sha256, _up.c.idx, _up.c.data, sa.true()).where(
                    _up.c.device_id == device.id, _up.c.sha256 == sha256, _up.c.idx < chunks
                ),
            )
        )
        conn.execute(
            db.blobs.insert().values(sha256=sha256, size=size, chunks=chunks, created_at=now_iso())
        )
    owner = sa.and_(db.blob_owners.c.sha256 == sha256, db.blob_owners.c.user_id == device.user.id)
    if conn.execute(sa.select(db.blob_owners.c.user_id).where(owner)).first():
        conn.execute(db.blob_owners.update().where(owner).values(at=now_iso()))
    else:
        conn.execute(
            db.blob_owners.insert().values(sha256=sha256, user_id=device.user.id, at=now_iso())
        )


def _complete_status(sha256: str, size: int) -> dict:
    return {"sha256": sha256, "complete": True, "size": size, "chunks_received": []}


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
