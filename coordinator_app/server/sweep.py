"""Sweeping what uploads leave behind: abandoned chunks and files no record names.

Run once when the server starts, then every ``sweep_interval_seconds`` (``app.py``), and on demand
by ``coordinator-server sweep-attachments``. Safe with several server processes: each step is one
short delete, and deleting twice deletes nothing more. A laptop whose unfinished upload was swept
sends it again at its next sync (it resumes from ``/status``, which then lists no chunk); a laptop
whose file was swept before it pushed the record uploads it again first (HEAD answers 404).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from starlette.concurrency import run_in_threadpool

from coordinator_app.server import db
from coordinator_app.server.clock import epoch, now
from coordinator_app.server.settings import Settings

log = logging.getLogger("coordinator_app.server")


@dataclass(frozen=True)
class SweepResult:
    pending_chunks: int  # chunks of unfinished uploads older than the limit
    pending_bytes: int
    orphan_files: int  # complete files that no attachment record names
    orphan_bytes: int


def sweep(engine: Engine, *, pending_seconds: float, orphan_seconds: float) -> SweepResult:
    """Delete unfinished uploads older than ``pending_seconds`` and files older than
    ``orphan_seconds`` (since their last upload) that no attachment record, live or deleted, names."""
    up = db.upload_chunks
    cutoff = epoch() - pending_seconds
    with db.writing(engine) as conn:
        old = conn.execute(
            sa.select(sa.func.count(), sa.func.coalesce(sa.func.sum(up.c.size), 0)).where(
                up.c.received_at <= cutoff
            )
        ).one()
        conn.execute(up.delete().where(up.c.received_at <= cutoff))
        # chunks of the shared upload area of schema 1, if any came back with a restore
        conn.execute(db.blob_chunks.delete().where(db.blob_chunks.c.complete.is_(False)))
    orphan_cutoff = (now() - dt.timedelta(seconds=orphan_seconds)).isoformat(
        timespec="microseconds"
    )
    named = sa.select(db.records.c.sha256).where(
        db.records.c.kind == "attachment", db.records.c.sha256.is_not(None)
    )
    recent = sa.select(db.blob_owners.c.sha256).where(db.blob_owners.c.at > orphan_cutoff)
    with db.writing(engine) as conn:
        orphans = conn.execute(
            sa.select(db.blobs.c.sha256, db.blobs.c.size).where(
                db.blobs.c.created_at <= orphan_cutoff,
                db.blobs.c.sha256.not_in(named),
                db.blobs.c.sha256.not_in(recent),
            )
        ).all()
        shas = [row.sha256 for row in orphans]
        for table in (db.blob_chunks, db.blob_owners, db.blobs):
            for start in range(0, len(shas), 500):
                conn.execute(table.delete().where(table.c.sha256.in_(shas[start : start + 500])))
    return SweepResult(
        int(old[0]), int(old[1]), len(orphans), sum(int(row.size) for row in orphans)
    )


def lifespan(engine: Engine, settings: Settings) -> Callable[[Any], Any]:
    """Lifespan of the app: sweep abandoned uploads and orphan files at start, then on a timer."""

    async def run_once() -> None:
        try:
            result = await run_in_threadpool(
                sweep,
                engine,
                pending_seconds=settings.pending_upload_seconds,
                orphan_seconds=settings.orphan_file_seconds,
            )
            if result.pending_chunks or result.orphan_files:
                log.info("swept %s", result)
        except Exception:  # a busy or unreachable database must not stop the server
            log.exception("attachment sweep failed")

    @contextlib.asynccontextmanager
    async def run(_app: Any) -> AsyncIterator[None]:
        await run_once()

        async def loop() -> None:
            while True:
                await asyncio.sleep(settings.sweep_interval_seconds)
                await run_once()

        task = asyncio.create_task(loop())
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    return run
