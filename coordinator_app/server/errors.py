"""Every error the API can return, mapped to a 4xx JSON body in one place.

Handlers for our own ``ApiError``, FastAPI's request validation (turned into French messages naming
the field), Starlette's HTTP errors (404, 405) and, as a last resort, any other exception (a logged
500 with a generic message: never a traceback on the wire).
"""

from __future__ import annotations

import contextlib
import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from coordinator_app.protocol.errors import ErrorCode, error_body
from coordinator_app.server.api_error import ApiError

__all__ = ["ApiError", "install"]

log = logging.getLogger("coordinator_app.server")


def _generation(request: Request) -> dict[str, str]:
    generation = getattr(request.app.state, "generation_value", None)
    return {"server_generation": generation()} if generation else {}


def _json(request: Request, status: int, body: dict, headers: dict | None = None) -> JSONResponse:
    with contextlib.suppress(Exception):  # an unreachable database must not hide the error
        body = {**body, **_generation(request)}
    return JSONResponse(body, status_code=status, headers=headers)


def _location(loc: tuple | list) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    text = ""
    for part in parts:
        text += f"[{part}]" if part.isdigit() else (f".{part}" if text else part)
    return text or "requête"


_MESSAGES = {
    "missing": "valeur obligatoire manquante",
    "extra_forbidden": "champ inconnu",
    "string_too_long": "texte trop long",
    "string_too_short": "texte trop court ou vide",
    "string_pattern_mismatch": "format non valide",
    "literal_error": "valeur non permise",
    "too_long": "trop d'éléments",
    "too_short": "pas assez d'éléments",
    "int_parsing": "un nombre entier est attendu",
    "json_invalid": "JSON non valide",
}


def french_validation_message(error: dict) -> str:
    message = _MESSAGES.get(error.get("type", ""))
    if message is None:
        raw = str(error.get("msg", "valeur non valide"))
        message = raw.removeprefix("Value error, ")
        if raw == message:
            message = f"valeur non valide ({raw})"
    return f"{_location(error.get('loc', ()))} : {message}"


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, error: ApiError) -> JSONResponse:
        return _json(
            request,
            error.status,
            error_body(error.code, error.message, **error.extra),
            headers=error.headers,
        )

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, error: RequestValidationError) -> JSONResponse:
        errors = error.errors()
        messages = [french_validation_message(e) for e in errors[:20]]
        entries = []
        for e in errors[:20]:
            loc = [p for p in e.get("loc", ()) if p != "body"]
            if len(loc) >= 2 and loc[0] == "changes" and isinstance(loc[1], int):
                entries.append(
                    {
                        "index": loc[1],
                        "change_id": None,
                        "field": ".".join(str(p) for p in loc[2:]) or None,
                        "message": french_validation_message(e),
                    }
                )
        return _json(
            request,
            422,
            error_body(
                ErrorCode.INVALID,
                "Requête refusée : " + " ; ".join(messages),
                entries=entries,
            ),
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, error: StarletteHTTPException) -> JSONResponse:
        code, message = {
            404: (ErrorCode.NOT_FOUND, "Adresse inconnue sur ce serveur."),
            405: (ErrorCode.METHOD_NOT_ALLOWED, "Méthode non permise pour cette adresse."),
        }.get(error.status_code, (ErrorCode.BAD_REQUEST, "Requête non valide."))
        status = error.status_code if 400 <= error.status_code < 500 else 400
        return _json(request, status, error_body(code, message), headers=error.headers)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, error: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return _json(
            request,
            500,
            error_body(
                ErrorCode.SERVER_ERROR,
                "Erreur interne du serveur ; l'administrateur peut consulter le journal du serveur.",
            ),
        )
