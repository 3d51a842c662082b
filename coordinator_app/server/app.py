"""The FastAPI application: the sync API's routers on one engine, version check, authentication.

``create_app(settings)`` builds a fresh app on its own engine, so tests and several processes can
each run one. It puts the engine, settings and generation reader in ``app.state`` and includes the
routers of ``routes`` (one module per area); the rules live in ``accounts``, ``sync`` and
``attachments``.
"""

import warnings
from typing import Any

from fastapi import Depends, FastAPI

from coordinator_app import __version__
from coordinator_app.protocol.versions import API_PREFIX
from coordinator_app.server import autocommit, compression, db, sweep
from coordinator_app.server.body_limit import BodyLimitMiddleware
from coordinator_app.server.errors import install
from coordinator_app.server.routes import accounts, attachments, calendar, health, sync
from coordinator_app.server.routes.deps import ERRORS, check_versions
from coordinator_app.server.settings import Settings


def create_app(settings: Settings) -> FastAPI:
    engine = db.make_engine(settings.db_url)
    app = FastAPI(
        title="Carnet COOP — serveur de synchronisation",
        version=__version__,
        description="Sync API of Carnet COOP; see docs/sync-protocol.md.",
        lifespan=sweep.lifespan(engine, settings),
    )
    app.state.engine = engine
    app.state.settings = settings

    def generation() -> str:
        with autocommit.single_read(engine) as conn:  # one statement, one round trip
            return db.generation(conn)

    app.state.generation_value = generation
    install(app)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(compression.CompressionMiddleware, max_bytes=settings.max_body_bytes)
    app.include_router(health.router, prefix=API_PREFIX)
    for area in (accounts, sync, attachments, calendar):
        app.include_router(
            area.router,
            prefix=API_PREFIX,
            dependencies=[Depends(check_versions)],
            responses=ERRORS,
        )
    app.include_router(calendar.public)
    _unique_operation_ids(app)
    return app


def _unique_operation_ids(app: FastAPI) -> None:
    """One route serves GET and HEAD of an attachment (so 405 answers list both methods); give
    each method its own operationId, as OpenAPI requires."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="Duplicate Operation ID")
            schema = build()
        for path in schema.get("paths", {}).values():
            for method, operation in path.items():
                if isinstance(operation, dict) and "operationId" in operation:
                    base = operation["operationId"].rsplit("_", 1)[0]
                    operation["operationId"] = f"{base}_{method}"
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
