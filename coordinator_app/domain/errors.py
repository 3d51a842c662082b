"""The typed errors of the application, shared by every layer.

One hierarchy so that the command line, the window and the server each have a single place that
turns an error into an exit code, a dialog or an HTTP status (see ``cli.errors`` and ``ui.errors``).
Messages meant for users are in French.
"""

from __future__ import annotations

from dataclasses import dataclass


class CarnetError(Exception):
    """Base class of every error the application raises on purpose."""


class UserError(CarnetError):
    """Something the user got wrong (bad argument, unknown id, unwritable path): exit code 2."""


class NotFoundError(UserError):
    """A record that the user named does not exist (or is deleted)."""


class ProfileError(UserError):
    """The profile cannot be opened as it is (newer schema, unwritable folder, wrong passphrase)."""


@dataclass(frozen=True)
class FieldProblem:
    """One validation problem: which field, what value, and what is expected (in French)."""

    field: str
    label: str
    message: str
    value: object = None

    def __str__(self) -> str:
        return f"{self.label} : {self.message}"


class ValidationFailed(UserError):
    """A record failed validation; ``problems`` lists every problem, not just the first."""

    def __init__(self, problems: list[FieldProblem], kind: str = "") -> None:
        self.problems = list(problems)
        self.kind = kind
        super().__init__("; ".join(str(p) for p in self.problems))
