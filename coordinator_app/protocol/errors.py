"""Error codes of the sync API and the JSON body of every error response.

Every 4xx response has the body ``{"error": CODE, "message": "<French text>", ...}``; a client maps
``error`` to its own behaviour (re-login, delete the profile, show the message) and may show
``message`` as is. Extra keys: ``entries`` (push: which entries were refused and why),
``retry_after`` (429, seconds).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class ErrorCode(StrEnum):
    """The ``error`` value of an error response, with the HTTP status that carries it."""

    BAD_REQUEST = "bad_request"  # 400: malformed JSON, bad header value
    INVALID = "invalid"  # 422: validation failed (entries name the changes and fields)
    BAD_CREDENTIALS = "bad_credentials"  # 401: wrong username or password
    UNAUTHENTICATED = "unauthenticated"  # 401: no token or unknown token
    TOKEN_REVOKED = "token_revoked"  # 401: token revoked by an administrator
    DEVICE_WIPE = "device_wipe"  # 410: device reported lost: delete the local profile now
    FORBIDDEN = "forbidden"  # 403: a record outside the user's regions
    NOT_FOUND = "not_found"  # 404
    METHOD_NOT_ALLOWED = "method_not_allowed"  # 405
    CHANGE_ID_REUSED = "change_id_reused"  # 409: same change_id, different content
    TOO_LARGE = "too_large"  # 413: body, batch, chunk or attachment too large
    CLIENT_OUTDATED = "client_outdated"  # 426: client protocol/schema older than the server's
    CLIENT_TOO_NEW = "client_too_new"  # 426: client newer than the server
    THROTTLED = "throttled"  # 429: too many failed logins (Retry-After header)
    TOO_MANY_DEVICES = "too_many_devices"  # 403: device cap reached at login: revoke an old one
    HASH_MISMATCH = "hash_mismatch"  # 422: uploaded attachment does not match its SHA-256
    INCOMPLETE = "incomplete"  # 409: attachment chunks missing at ``complete``
    SERVER_ERROR = "server_error"  # 500: only for bugs; never carries a traceback


class EntryProblem(BaseModel):
    """Why one entry of a push batch was refused (the batch is then refused whole)."""

    index: int = Field(description="position of the change in the batch, from 0")
    change_id: str | None = None
    field: str | None = Field(default=None, description="field name, when one field is at fault")
    message: str = Field(description="French explanation to show the coordinator")


class ErrorBody(BaseModel):
    """Body of every error response."""

    model_config = ConfigDict(extra="allow")

    error: str
    message: str
    entries: list[EntryProblem] = Field(default_factory=list)
    retry_after: int | None = None
    server_generation: str | None = None


def error_body(code: ErrorCode, message: str, **extra: Any) -> dict[str, Any]:
    """A ready-to-serialise error body."""
    return {"error": str(code), "message": message, **extra}
