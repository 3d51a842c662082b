"""Request and response bodies of the sync API (pydantic v2), shared by the server and the client.

See ``docs/sync-protocol.md`` for the semantics; limits are constants here so both sides agree.
"""

from __future__ import annotations

import datetime as dt
import math
import uuid
from typing import Annotated, Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import SchemaValidator

from coordinator_app.protocol import nul_free
from coordinator_app.protocol.kinds import OPS, PULL_OPS, WIRE_KINDS

# -- limits -----------------------------------------------------------------------------------
MAX_BATCH = 500  # changes per push
MAX_BODY_BYTES = 8 * 1024 * 1024  # any JSON request body
MAX_FIELDS_PER_CHANGE = 80
MAX_PULL_LIMIT = 1000
DEFAULT_PULL_LIMIT = 500
CHUNK_BYTES = 1024 * 1024  # attachment chunk size (the last chunk may be shorter)
MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024
MAX_CHUNKS = MAX_ATTACHMENT_BYTES // CHUNK_BYTES
LOGIN_FAILURES_ALLOWED = 5  # per username and per address, within LOGIN_WINDOW_SECONDS
LOGIN_WINDOW_SECONDS = 300

RecordId = Annotated[str, Field(pattern=r"^[A-Za-z0-9_\-]{1,64}$")]
Op = Literal["create", "update", "delete", "restore"]
PullOp = Literal["create", "update", "delete", "restore", "snapshot"]
PushStatus = Literal["applied", "duplicate", "conflict", "refused", "deferred"]
Role = Literal["coordinator", "admin"]
assert Op.__args__ == OPS and PullOp.__args__ == PULL_OPS  # type: ignore[attr-defined]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")

    @field_validator("*")
    @classmethod
    def _no_nul(cls, value: Any) -> Any:
        """PostgreSQL cannot store NUL in text: refuse it here rather than fail later."""
        if isinstance(value, str) and "\x00" in value:
            raise ValueError("caractère nul (U+0000) interdit")
        return value

    @classmethod
    def model_validate_json(cls, json_data: str | bytes | bytearray, **options: Any) -> Self:
        """As pydantic's, without the ``_no_nul`` calls when the JSON cannot hold a NUL at all
        (``nul_free``): a third of parsing a pulled page, for the same model or the same error."""
        if options or nul_free.may_hold_nul(json_data):
            return super().model_validate_json(json_data, **options)
        validator = _NUL_FREE.get(cls)
        if validator is None:
            validator = _NUL_FREE[cls] = nul_free.validator_without_nul_check(cls)
        return validator.validate_json(json_data)


#: Model class → its validator without NUL checks, built on first use.
_NUL_FREE: dict[type[_Model], SchemaValidator] = {}


def utc_iso(value: dt.datetime) -> str:
    """Canonical form of a time on the wire: UTC, ISO 8601, microseconds, ``+00:00``."""
    return value.astimezone(dt.UTC).isoformat(timespec="microseconds")


# -- login ------------------------------------------------------------------------------------
class LoginRequest(_Model):
    username: str = Field(min_length=1, max_length=80)
    password: str = Field(min_length=1, max_length=512)
    device_name: str = Field(min_length=1, max_length=120, description="e.g. the laptop's name")


class LoginResponse(_Model):
    token: str = Field(description="Bearer token of this device; shown once, stored hashed")
    device_id: str
    username: str
    role: Role
    regions: list[str]
    server_generation: str
    # the person behind the account: the profile's author from now on (empty for an account
    # the administrator has not named yet: the user name is shown instead)
    name: str = ""
    email: str = ""
    title: str = ""


class StaffMember(_Model):
    """A staff account as laptops show it (« Visite faite par », « Responsable »)."""

    account: str = Field(description="the account id: its user name")
    name: str
    email: str = ""
    title: str = ""
    role: Role
    regions: list[str]


class StaffResponse(_Model):
    staff: list[StaffMember]
    server_generation: str


# -- push -------------------------------------------------------------------------------------
class Change(_Model):
    """One journal entry of a client.

    ``fields`` maps each changed field to ``[old, new]``: ``old`` is the value the client's copy held
    before the change (its base), ``new`` the value it wrote. ``delete`` and ``restore`` carry no
    fields. ``base_seq`` (optional, recommended for ``delete``) is the highest server ``seq`` of this
    record the client had applied when it made the change: edits by others after it are reported
    as a delete/edit conflict.
    """

    change_id: str = Field(
        description="client-generated UUID, unique forever", json_schema_extra={"format": "uuid"}
    )
    kind: str = Field(min_length=1, max_length=40, json_schema_extra={"enum": sorted(WIRE_KINDS)})
    record_id: RecordId
    op: Op
    fields: dict[str, Annotated[list[Any], Field(min_length=2, max_length=2)]] = Field(
        default_factory=dict, max_length=MAX_FIELDS_PER_CHANGE
    )
    at: dt.datetime = Field(description="client time of the change, ISO 8601 with offset")
    author: str | None = Field(default=None, max_length=120)
    base_seq: int | None = Field(default=None, ge=0, le=2**62)

    @field_validator("change_id")
    @classmethod
    def _uuid(cls, value: str) -> str:
        try:
            return str(uuid.UUID(value))
        except ValueError:
            raise ValueError("un identifiant UUID est attendu") from None

    @field_validator("fields")
    @classmethod
    def _encodable(cls, value: dict[str, list[Any]]) -> dict[str, list[Any]]:
        for name, pair in value.items():
            _check_unicode(name)
            try:
                _check_unicode(pair, 1)
            except ValueError as problem:
                raise ValueError(f"champ « {name} » : {problem}") from None
        return value

    @field_validator("at")
    @classmethod
    def _aware(cls, value: dt.datetime) -> dt.datetime:
        if value.tzinfo is None:
            raise ValueError("une date et heure avec fuseau (UTC) est attendue")
        try:  # 0001-01-01T00:00:00+01:00 is year 0 in UTC: no datetime can hold it
            moment = value.astimezone(dt.UTC)
        except (OverflowError, ValueError):
            moment = None
        if moment is None or not MIN_AT <= moment <= MAX_AT:
            raise ValueError(
                "date et heure hors limites : entre 1900-01-01 et 2100-12-31 (UTC) attendue"
            )
        return moment


#: The times a change may carry (the domain's dates are bounded the same way).
MIN_AT = dt.datetime(1900, 1, 1, tzinfo=dt.UTC)
MAX_AT = dt.datetime(2100, 12, 31, 23, 59, 59, 999999, tzinfo=dt.UTC)
#: Largest magnitude of a whole number anywhere in a change (a signed 64-bit integer).
MAX_WIRE_INT = 2**63 - 1


def _check_unicode(value: Any, depth: int = 0) -> None:
    """Refuse what cannot be stored everywhere: text with lone surrogates or NUL, NaN and
    infinities (``NaN``, ``1e999`` in JSON: PostgreSQL's JSON has no such numbers), whole numbers
    beyond 64 bits (a laptop's SQLite column cannot hold them), and absurd nesting."""
    if depth > 20:
        raise ValueError("données trop imbriquées")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("nombre non valide (NaN ou infini)")
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_WIRE_INT:
        raise ValueError("nombre entier hors limites (64 bits)")
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError("texte contenant un caractère Unicode non valide") from None
        if "\x00" in value:
            raise ValueError("caractère nul (U+0000) interdit")
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_unicode(key, depth + 1)
            _check_unicode(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            _check_unicode(item, depth + 1)


class PushRequest(_Model):
    device_id: str = Field(min_length=1, max_length=64)
    changes: list[Change] = Field(
        description=f"at most {MAX_BATCH} changes (413 above)",
        json_schema_extra={"maxItems": MAX_BATCH},
    )


class PushResult(_Model):
    change_id: str
    status: PushStatus
    server_seq: int | None = Field(
        default=None, description="seq of this change in the server's log (None when refused)"
    )
    reason: str | None = None
    conflict_ids: list[str] = Field(default_factory=list)


class PushResponse(_Model):
    results: list[PushResult]
    server_generation: str


# -- pull -------------------------------------------------------------------------------------
class PullEntry(_Model):
    """One entry of the server's change log, as the user is allowed to see it.

    ``values`` holds the record's resulting value of every field the change touched (every field
    when ``full`` is true: ``create`` and ``snapshot``). ``region_code`` is the record's region after
    the change; when it is outside the user's regions the record left their scope and the client
    removes its copy (and, for a project, its children).
    """

    seq: int
    change_id: str
    kind: str
    record_id: str
    op: PullOp
    values: dict[str, Any]
    full: bool
    deleted: bool
    region_code: str | None
    previous_region_code: str | None
    project_id: str | None
    at: str
    author: str | None
    device_id: str | None
    received_at: str
    author_id: str | None = Field(
        default=None, description="account that pushed the change; ``author`` is its name then"
    )


class Scope(_Model):
    role: Role
    regions: list[str]


class PullResponse(_Model):
    changes: list[PullEntry]
    next_since: int
    has_more: bool
    server_generation: str
    scope: Scope
    retention: dict[str, int]
    staff: list[StaffMember] = Field(
        default_factory=list, description="the staff accounts sharing a region with the caller"
    )


# -- attachments ------------------------------------------------------------------------------
class AttachmentComplete(_Model):
    size: int = Field(ge=0, le=MAX_ATTACHMENT_BYTES)
    chunks: int = Field(ge=0, le=MAX_CHUNKS)


class AttachmentStatus(_Model):
    sha256: str
    complete: bool
    size: int | None = None
    chunks_received: list[int] = Field(default_factory=list)
    server_generation: str


# -- misc -------------------------------------------------------------------------------------
class HealthResponse(_Model):
    status: Literal["ok"]
    protocol_version: int
    schema_versions: list[int]
    server_generation: str


class WhoAmI(_Model):
    username: str
    role: Role
    regions: list[str]
    device_id: str
    server_generation: str
    name: str = ""
    email: str = ""
    title: str = ""
