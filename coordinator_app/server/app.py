"""The FastAPI application: routes of the sync API, version check, authentication.

``create_app(settings)`` builds a fresh app on its own engine, so tests and several processes can
each run one. The routes are thin: rules live in ``accounts``, ``sync`` and ``attachments``.
"""

import datetime as dt
import json
import warnings
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Header, Path, Query, Request, Response
from fastapi.responses import StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from coordinator_app import __version__
from coordinator_app.protocol import models as m
from coordinator_app.protocol.errors import ErrorBody, ErrorCode
from coordinator_app.protocol.retention import RETENTION_DEFAULTS
from coordinator_app.protocol.versions import (
    API_PREFIX,
    GENERATION_HEADER,
    MIN_SCHEMA_VERSION,
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    SCHEMA_HEADER,
    SCHEMA_VERSION,
)
from coordinator_app.server import accounts, attachments, db, people, retention, sweep, sync
from coordinator_app.server.accounts import Device
from coordinator_app.server.body_limit import BodyLimitMiddleware
from coordinator_app.server.clock import now
from coordinator_app.server.errors import ApiError, install
from coordinator_app.server.settings import Settings

UPDATE_APP = "mettez à jour l'application Carnet COOP"
Sha = Annotated[str, Path(pattern=r"^[0-9a-f]{64}$", description="SHA-256, lowercase hex")]

_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": text}
    for status, text in {
        400: "Requête mal formée",
        401: "Jeton absent, inconnu ou révoqué",
        403: "Hors des régions de l'utilisateur",
        404: "Introuvable",
        409: "Conflit d'identifiant ou morceaux manquants",
        410: "Appareil à effacer (déclaré perdu)",
        413: "Trop volumineux",
        415: "Type de contenu non pris en charge",
        422: "Données non valides",
        426: "Version de l'application non prise en charge",
        429: "Trop de tentatives",
    }.items()
}


def _check_versions(
    protocol: Annotated[
        str | None, Header(alias=PROTOCOL_HEADER, description="protocol version, e.g. 1")
    ] = None,
    schema: Annotated[
        str | None, Header(alias=SCHEMA_HEADER, description="data schema version, e.g. 1")
    ] = None,
) -> None:
    """Refuse a client of another protocol or data schema before it can write anything."""
    try:
        client_protocol = int(protocol) if protocol is not None else None
        client_schema = int(schema) if schema is not None else None
    except ValueError:
        client_protocol = client_schema = None
    if client_protocol is None or client_schema is None:
        raise ApiError(
            426,
            ErrorCode.CLIENT_OUTDATED,
            f"Cette version de l'application ne peut pas se synchroniser avec le serveur "
            f"(en-têtes {PROTOCOL_HEADER} et {SCHEMA_HEADER} manquants) : {UPDATE_APP}.",
        )
    if client_protocol < PROTOCOL_VERSION or client_schema < MIN_SCHEMA_VERSION:
        raise ApiError(
            426,
            ErrorCode.CLIENT_OUTDATED,
            f"Votre application est trop ancienne pour ce serveur : {UPDATE_APP}.",
        )
    if client_protocol > PROTOCOL_VERSION or client_schema > SCHEMA_VERSION:
        raise ApiError(
            426,
            ErrorCode.CLIENT_TOO_NEW,
            "Votre application est plus récente que le serveur : demandez à l'administrateur "
            f"de mettre à jour le serveur, ou {UPDATE_APP} avec la version de votre organisation.",
        )


_bearer = HTTPBearer(auto_error=False, description="device token returned by /api/v1/login")


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
        with db.reading(engine) as conn:
            return db.generation(conn)

    app.state.generation_value = generation
    install(app)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)

    async def current_device(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    ) -> Device:
        if credentials is None or not credentials.credentials:
            raise ApiError(
                401,
                ErrorCode.UNAUTHENTICATED,
                "Connexion requise : connectez-vous au serveur.",
                headers={"WWW-Authenticate": "Bearer"},
            )
        device = await run_in_threadpool(accounts.device_for_token, engine, credentials.credentials)
        if device is None:
            raise ApiError(
                401,
                ErrorCode.UNAUTHENTICATED,
                "Jeton inconnu : connectez-vous de nouveau.",
                headers={"WWW-Authenticate": "Bearer"},
            )
        if device.wipe:
            await run_in_threadpool(accounts.touch_device, engine, device.id, wiped=True)
            raise ApiError(
                410,
                ErrorCode.DEVICE_WIPE,
                "Cet appareil a été déclaré perdu : ses données locales doivent être effacées.",
            )
        if device.revoked:
            raise ApiError(
                401,
                ErrorCode.TOKEN_REVOKED,
                "L'accès de cet appareil a été révoqué : connectez-vous de nouveau.",
                headers={"WWW-Authenticate": "Bearer"},
            )
        if _stale(device.last_seen_at):
            await run_in_threadpool(accounts.touch_device, engine, device.id)
        return device

    CurrentDevice = Annotated[Device, Depends(current_device)]
    api = APIRouter(prefix=API_PREFIX, dependencies=[Depends(_check_versions)], responses=_ERRORS)

    @app.get(f"{API_PREFIX}/health", response_model=m.HealthResponse, tags=["sync"])
    def health() -> m.HealthResponse:
        return m.HealthResponse(
            status="ok",
            protocol_version=PROTOCOL_VERSION,
            schema_versions=list(range(MIN_SCHEMA_VERSION, SCHEMA_VERSION + 1)),
            server_generation=generation(),
        )

    @api.post("/login", response_model=m.LoginResponse, tags=["sync"])
    def login(body: m.LoginRequest, request: Request) -> m.LoginResponse:
        address = request.client.host if request.client else "unknown"
        try:
            user, device_id, token = accounts.login(
                engine, settings, body.username, body.password, body.device_name, address
            )
        except accounts.Throttled as throttled:
            raise ApiError(
                429,
                ErrorCode.THROTTLED,
                f"Trop de tentatives de connexion : réessayez dans {throttled.retry_after} s.",
                headers={"Retry-After": str(throttled.retry_after)},
                retry_after=throttled.retry_after,
            ) from None
        except accounts.BadCredentials:
            raise ApiError(
                401, ErrorCode.BAD_CREDENTIALS, "Nom d'utilisateur ou mot de passe incorrect."
            ) from None
        except accounts.TooManyDevices as cap:
            raise ApiError(
                403,
                ErrorCode.TOO_MANY_DEVICES,
                f"Trop d'appareils connectés au compte « {cap.username} » (au plus {cap.limit}) : "
                "faites révoquer un ancien appareil par l'administrateur (coordinator-server "
                "list-devices, puis revoke-device), puis connectez-vous de nouveau.",
                limit=cap.limit,
            ) from None
        return m.LoginResponse(
            token=token,
            device_id=device_id,
            username=user.username,
            role=user.role,  # type: ignore[arg-type]
            regions=list(user.regions),
            server_generation=generation(),
            name=user.name,
            email=user.email,
            title=user.title,
        )

    @api.get("/me", response_model=m.WhoAmI, tags=["sync"])
    def me(device: CurrentDevice) -> m.WhoAmI:
        return m.WhoAmI(
            username=device.user.username,
            role=device.user.role,  # type: ignore[arg-type]
            regions=list(device.user.regions),
            device_id=device.id,
            server_generation=generation(),
            name=device.user.name,
            email=device.user.email,
            title=device.user.title,
        )

    def _staff(user: accounts.User) -> list[dict]:
        """The staff directory of ``user`` as plain dicts (``StaffMember``'s fields)."""
        return [
            {
                "account": u.username,
                "name": u.display_name,
                "email": u.email,
                "title": u.title,
                "role": u.role,
                "regions": list(u.regions),
            }
            for u in people.staff_for(engine, user)
        ]

    @api.get("/staff", response_model=m.StaffResponse, tags=["sync"])
    def staff(device: CurrentDevice) -> m.StaffResponse:
        """The staff accounts sharing a region with the caller (« Visite faite par »); every
        pull carries the same list."""
        members = [m.StaffMember(**member) for member in _staff(device.user)]
        return m.StaffResponse(staff=members, server_generation=generation())

    @api.post("/push", response_model=m.PushResponse, tags=["sync"])
    def push(body: m.PushRequest, device: CurrentDevice) -> m.PushResponse:
        if body.device_id != device.id:
            raise ApiError(
                403,
                ErrorCode.FORBIDDEN,
                "L'appareil indiqué ne correspond pas au jeton : connectez-vous de nouveau.",
            )
        if len(body.changes) > settings.max_batch:
            raise ApiError(
                413,
                ErrorCode.TOO_LARGE,
                f"Lot trop grand : {len(body.changes)} modifications (au plus "
                f"{settings.max_batch} par envoi).",
            )
        results = sync.push(engine, device.user, device, body.changes, dt.date.today())
        return m.PushResponse(results=results, server_generation=generation())

    @api.get("/pull", response_model=m.PullResponse, tags=["sync"])
    def pull(
        device: CurrentDevice,
        since: Annotated[int, Query(ge=0, le=2**62)] = 0,
        limit: Annotated[int, Query(ge=1, le=m.MAX_PULL_LIMIT)] = m.DEFAULT_PULL_LIMIT,
    ) -> Response:
        entries, next_since, has_more = sync.pull(
            engine, device.user, since, limit, device_id=device.id
        )
        # Serialised in one json.dumps: the entries come straight from the log (written by the
        # push, with PullEntry's fields); a pydantic model per entry, validated twice by the
        # response model, cost more than the query (benchmarks/README.md). The response model
        # stays declared for the OpenAPI description; tests check bodies against it.
        body = {
            "changes": entries,
            "next_since": next_since,
            "has_more": has_more,
            "server_generation": generation(),
            "scope": {"role": device.user.role, "regions": list(device.user.regions)},
            "retention": {**RETENTION_DEFAULTS, **retention.get_all(engine)},
            "staff": _staff(device.user),
        }
        return Response(
            json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8"),
            media_type="application/json",
        )

    @api.api_route(
        "/attachments/{sha256}",
        methods=["GET", "HEAD"],
        tags=["attachments"],
        response_class=StreamingResponse,
        responses={200: {"content": {"application/octet-stream": {}}, "description": "file"}},
    )
    def download(sha256: Sha, request: Request, device: CurrentDevice) -> Response:
        """GET: the file's bytes, for a user who may have them (docs/sync-protocol.md); HEAD: 200
        once this user has uploaded the complete file. Anything else is 404, alike for a file
        that does not exist and one the user may not see."""
        headers = {GENERATION_HEADER: generation()}
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

    @api.get(
        "/attachments/{sha256}/status", response_model=m.AttachmentStatus, tags=["attachments"]
    )
    def attachment_status(sha256: Sha, device: CurrentDevice) -> m.AttachmentStatus:
        return m.AttachmentStatus(
            **attachments.status(engine, device, sha256), server_generation=generation()
        )

    @api.put(
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
    ) -> m.AttachmentStatus:
        data = await request.body()
        result = await run_in_threadpool(
            attachments.put_chunk, engine, settings, device, sha256, index, data
        )
        return m.AttachmentStatus(**result, server_generation=await run_in_threadpool(generation))

    @api.post(
        "/attachments/{sha256}/complete", response_model=m.AttachmentStatus, tags=["attachments"]
    )
    def complete(
        sha256: Sha, body: m.AttachmentComplete, device: CurrentDevice
    ) -> m.AttachmentStatus:
        result = attachments.complete(engine, settings, device, sha256, body.size, body.chunks)
        return m.AttachmentStatus(**result, server_generation=generation())

    app.include_router(api)
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


def _stale(last_seen: str | None) -> bool:
    """Whether to record this request as the device's last visit (at most once a minute)."""
    if last_seen is None:
        return True
    return (now() - dt.datetime.fromisoformat(last_seen)).total_seconds() > 60
