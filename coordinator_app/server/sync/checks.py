"""Why a change is refused: the batch's problems, and the access checks, each written once.

An ``EntryProblem`` fails the whole batch (nothing applied, a 4xx naming the change); a ``Refused``
change is answered « refused » or, when the record it needs may still arrive, parked.
"""

from __future__ import annotations

from typing import Any

from coordinator_app.domain.entities import APPEND_ONLY_KINDS, append_only_message
from coordinator_app.server import access
from coordinator_app.server.accounts import User

REUSED = "cet identifiant de modification a déjà servi pour un autre contenu"


class EntryProblem(Exception):
    def __init__(self, kind: str, problems: list[tuple[str | None, str]]) -> None:
        super().__init__(problems)
        self.kind = kind  # "invalid" | "forbidden" | "reused"
        self.problems = problems


class Refused(Exception):
    def __init__(self, reason: str, waits_for: tuple[str, str] | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.waits_for = waits_for  # the record whose arrival would let the change apply


def invalid(message: str) -> EntryProblem:
    return EntryProblem("invalid", [(None, message)])


def forbidden(message: str) -> EntryProblem:
    return EntryProblem("forbidden", [(None, message)])


def reused(message: str = REUSED) -> EntryProblem:
    return EntryProblem("reused", [(None, message)])


def require_write(
    user: User, kind: str, record_id: str, region: str | None, data: dict[str, Any]
) -> None:
    """Refuse (« forbidden ») a write of a record ``user`` may not write where it is (or would
    be): the one place the push checks regions."""
    if not access.may_write(user, kind, region, data):
        raise forbidden(access.refusal(user, kind, record_id, region))


def require_appendable(kind: str, *, exists: bool, op: str) -> None:
    """Records of an append-only kind are only ever created, once."""
    if kind in APPEND_ONLY_KINDS and (exists or op != "create"):
        raise forbidden(append_only_message(kind))
