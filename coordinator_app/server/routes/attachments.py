"""Attachments: download (GET/HEAD), upload status, chunks and completion."""

from typing import Annotated

from fastapi import APIRouter, Path, Request, Response
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from coordinator_app.protocol import models as m
from coordinator_app.protocol.errors import ErrorCode
from coordinator_app.protocol.versions import GENERATION_HEADER
from coordinator_app.server import attachments
from coordinator_app.server.errors import ApiError
from coordinator_app.server.routes.deps import CurrentDevice, ServerDep, Sha

router = APIRouter()


@router.api_route(
    "/attachments/{sha256}",
    methods=["GET", "HEAD"],
    tags=["attachments"],
    response_class=StreamingResponse,
    responses={200: {"content": {"application/octet-stream": {}}, "description": "file"}},
)
def download(sha256: Sha, request: Request, device: CurrentDevice, server: ServerDep) -> Response:
    """GET: the file's bytes, for a user who may have them (docs/sync-protocol.md); HEAD: 200
    once this user has uploaded the complete file. Anything else is 404, alike for a file
    that does not exist and one the user may not see."""
    engine = server.engine
    headers = {GENERATION_HEADER: server.generation()}
    if request.method == "HEAD":
        if not attachments.holds(engine, device.user, sha256):
            return Response(status_code=404, headers=headers, media_type="application/json")
        size = attachments.blob_size(engine, sha256)
        return Response(
            status_code=200,
            headers={**headers, "Content-Length": str(size[0] if size else 0)},
            media_type="application/octet-stream",
        )
    size = attachments.blob_size(engine, sha256)
    if size is None or not attachments.may_download(engine, device.user, sha256):
        raise ApiError(404, ErrorCode.NOT_FOUND, "Pièce jointe absente du serveur.")
    return StreamingResponse(
        attachments.iter_chunks(engine, sha256, size[1]),
        media_type="application/octet-stream",
        headers={"Content-Length": str(size[0]), **headers},
    )


@router.get("/attachments/{sha256}/status", response_model=m.AttachmentStatus, tags=["attachments"])
def attachment_status(sha256: Sha, device: CurrentDevice, server: ServerDep) -> m.AttachmentStatus:
    return m.AttachmentStatus(
        **attachments.status(server.engine, device, sha256),
        server_generation=server.generation(),
    )


@router.put(
    "/attachments/{sha256}/chunks/{index}",
    response_model=m.AttachmentStatus,
    tags=["attachments"],
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/octet-stream": {
                    "schema": {
                        "type": "string",
                        "format": "binary",
                        "minLength": 1,
                        "maxLength": m.CHUNK_BYTES,
                    }
                }
            },
        }
    },
)
async def put_chunk(
    sha256: Sha,
    index: Annotated[int, Path(ge=0, lt=m.MAX_CHUNKS)],
    request: Request,
    device: CurrentDevice,
    server: ServerDep,
) -> m.AttachmentStatus:
    data = await request.body()
    result = await run_in_threadpool(
        attachments.put_chunk, server.engine, server.settings, device, sha256, index, data
    )
    generation = await run_in_threadpool(server.generation)
    return m.AttachmentStatus(**result, server_generation=generation)


@router.post(
    "/attachments/{sha256}/complete", response_model=m.AttachmentStatus, tags=["attachments"]
)
def complete(
    sha256: Sha, body: m.AttachmentComplete, device: CurrentDevice, server: ServerDep
) -> m.AttachmentStatus:
    result = attachments.complete(
        server.engine, server.settings, device, sha256, body.size, body.chunks
    )
    return m.AttachmentStatus(**result, server_generation=server.generation())
