"""``/health``: alive, and which protocol and schemas it speaks (no token, no version check)."""

from fastapi import APIRouter

from coordinator_app.protocol import models as m
from coordinator_app.protocol.versions import MIN_SCHEMA_VERSION, PROTOCOL_VERSION, SCHEMA_VERSION
from coordinator_app.server.routes.deps import ServerDep

router = APIRouter()


@router.get("/health", response_model=m.HealthResponse, tags=["sync"])
def health(server: ServerDep) -> m.HealthResponse:
    return m.HealthResponse(
        status="ok",
        protocol_version=PROTOCOL_VERSION,
        schema_versions=list(range(MIN_SCHEMA_VERSION, SCHEMA_VERSION + 1)),
        server_generation=server.generation(),
    )
