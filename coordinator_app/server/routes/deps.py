"""What every route depends on, read from ``app.state``: the engine and settings, the version
check, the calling device (from its bearer token)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Header, Path, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.engine import Engine
from starlette.concurrency import run_in_threadpool

from coordinator_app.protocol.errors import ErrorBody, ErrorCode
from coordinator_app.protocol.versions import (
    MIN_SCHEMA_VERSION,
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    SCHEMA_HEADER,
    SCHEMA_VERSION,
)
from coordinator_app.server import accounts, people
from coordinator_app.server.accounts import Device
from coordinator_app.server.clock import now
from coordinator_app.server.errors import ApiError
from coordinator_app.server.settings import Settings

UPDATE_APP = "mettez à jour l'application Carnet COOP"
Sha = Annotated[str, Path(pattern=r"^[0-9a-f]{64}$", description="SHA-256, lowercase hex")]

ERRORS: dict[int | str, dict[str, Any]] = {
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


@dataclass(frozen=True)
class Server:
    """The app's engine, settings and generation reader (``create_app`` puts them in
    ``app.state``)."""

    engine: Engine
    settings: Settings
    generation: Callable[[], str]


async def _server(request: Request) -> Server:
    state = request.app.state
    return Server(state.engine, state.settings, state.generation_value)


ServerDep = Annotated[Server, Depends(_server)]


async def check_versions(
    protocol: Annotated[
        str | None, Header(alias=PROTOCOL_HEADER, description="protocol version, e.g. 1")
    ] = None,
    schema: Annotated[
        str | None, Header(alias=SCHEMA_HEADER, description="data schema version, e.g. 1")
    ] = None,
) -> None:
    """Refuse a client of another protocol or data schema before it can write anything. Async
    (no I/O): a sync dependency costs every request a wait in the shared thread pool's queue
    before the one its route waits for."""
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


def _unauthenticated(code: ErrorCode, message: str) -> ApiError:
    return ApiError(401, code, message, headers={"WWW-Authenticate": "Bearer"})


async def current_device(
    server: ServerDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Device:
    """The device of the bearer token, if it may still sync (401, or 410 for a lost one)."""
    engine = server.engine
    if credentials is None or not credentials.credentials:
        raise _unauthenticated(
            ErrorCode.UNAUTHENTICATED, "Connexion requise : connectez-vous au serveur."
        )
    device = await run_in_threadpool(accounts.device_for_token, engine, credentials.credentials)
    if device is None:
        raise _unauthenticated(
            ErrorCode.UNAUTHENTICATED, "Jeton inconnu : connectez-vous de nouveau."
        )
    if device.wipe:
        await run_in_threadpool(accounts.touch_device, engine, device.id, wiped=True)
        raise ApiError(
            410,
            ErrorCode.DEVICE_WIPE,
            "Cet appareil a été déclaré perdu : ses données locales doivent être effacées.",
        )
    if device.revoked:
        raise _unauthenticated(
            ErrorCode.TOKEN_REVOKED,
            "L'accès de cet appareil a été révoqué : connectez-vous de nouveau.",
        )
    if _stale(device.last_seen_at):
        await run_in_threadpool(accounts.touch_device, engine, device.id)
    return device


CurrentDevice = Annotated[Device, Depends(current_device)]


def staff_entries(engine: Engine, user: accounts.User) -> list[dict]:
    """The staff directory of ``user`` as plain dicts (``StaffMember``'s fields)."""
    return staff_list(people.staff_for(engine, user))


def staff_list(staff: list[accounts.User]) -> list[dict]:
    """Accounts as ``StaffMember`` dicts."""
    return [
        {
            "account": u.username,
            "name": u.display_name,
            "email": u.email,
            "title": u.title,
            "role": u.role,
            "regions": list(u.regions),
        }
        for u in staff
    ]


def _stale(last_seen: str | None) -> bool:
    """Whether to record this request as the device's last visit (at most once a minute)."""
    if last_seen is None:
        return True
    return (now() - dt.datetime.fromisoformat(last_seen)).total_seconds() > 60
