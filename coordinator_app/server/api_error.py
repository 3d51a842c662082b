"""The error a server rule raises to refuse a request: its HTTP status, code and French message.

Kept apart from ``errors`` (which maps it to a response with FastAPI) so the rules, such as the
push in ``sync``, raise it without importing the web framework.
"""

from __future__ import annotations

from typing import Any

from coordinator_app.protocol.errors import ErrorCode


class ApiError(Exception):
    """An error with its HTTP status, code and French message (and extra body keys)."""

    def __init__(
        self,
        status: int,
        code: ErrorCode,
        message: str,
        *,
        headers: dict[str, str] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}
        self.extra = extra
