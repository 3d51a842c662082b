"""The sync API over HTTPS: one method per endpoint, every failure turned into a ``SyncError``.

Nothing here touches the profile; the engine decides what a response means for local data. The
version headers go on every request so a too-old app is stopped by the server (426) before it
could write anything.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
from pydantic import ValidationError

from coordinator_app.protocol import (
    API_PREFIX,
    AttachmentStatus,
    EntryProblem,
    ErrorBody,
    LoginResponse,
    PullResponse,
    PushResponse,
    own_echo,
    version_headers,
)
from coordinator_app.protocol.held import HELD_HEADER, HELD_PARAM
from coordinator_app.protocol.models import CHUNK_BYTES, PullEntry
from coordinator_app.store.sync_state import UnreadableEntry
from coordinator_app.sync import errors
from coordinator_app.sync.errors import SyncError, SyncErrorKind
from coordinator_app.sync.transport import ServerAddress, make_http_client


class BatchRefused(SyncError):
    """A whole push batch was refused (403, 409 or 422); ``entries`` names the bad changes."""

    def __init__(self, message: str, entries: list[EntryProblem]) -> None:
        super().__init__(SyncErrorKind.FORBIDDEN, message)
        self.entries = entries


#: Push bodies from this size on are gzipped when the server takes it (it says so with an
#: ``Accept-Encoding: gzip`` response header, RFC 7694; an older server never does). Level 5: about
#: 6× smaller for 8 ms a MB (benchmarks/README.md, issue 17).
GZIP_FROM_BYTES = 1024
GZIP_LEVEL = 5
#: A body this large is worth one small request to learn whether the server takes gzip, when no
#: answer of this sync has said it yet (a sync whose first request is its first push).
PROBE_FROM_BYTES = 32 * 1024


class RawJSON(str):
    """JSON text already encoded (a journal entry's ``fields`` as stored), put in a push body as
    it is: decoding it only to encode it again was a third of a push batch's preparation."""


#: ``json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)``, built once
#: (``dumps`` builds an encoder on each call given options, and a body encodes 500 changes)
_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode


def push_body(device_id: str, changes: list[dict[str, Any]]) -> bytes:
    """The push request's JSON: ``{"device_id": …, "changes": […]}``, a change's ``fields`` given
    as ``RawJSON`` copied in as it is (same values as the decoded dict would give)."""
    parts = []
    for change in changes:
        raw = change.get("fields")
        if isinstance(raw, RawJSON):
            head = _dumps({k: v for k, v in change.items() if k != "fields"})
            parts.append(f'{head[:-1]},"fields":{raw}}}')
        else:
            parts.append(_dumps(change))
    return f'{{"device_id":{_dumps(device_id)},"changes":[{",".join(parts)}]}}'.encode()


class BatchTooLarge(SyncError):
    """A push was refused for its size (413 without naming a change): send smaller batches."""

    def __init__(self, message: str) -> None:
        super().__init__(SyncErrorKind.SERVER, message)


class EncodingRefused(SyncError):
    """The server does not take this body's ``Content-Encoding`` (415): send it plain."""

    def __init__(self, message: str) -> None:
        super().__init__(SyncErrorKind.SERVER, message)


def _why(problem: Any) -> str:
    """A pydantic problem in French: what the Conflits screen says of an unreadable entry."""
    if problem["type"] == "missing":
        return "manquant"
    value = problem.get("input")
    shown = value if isinstance(value, str) else json.dumps(value, default=str)
    shown = shown if len(shown) <= 60 else shown[:59] + "…"
    if problem["type"] == "literal_error":
        return f"valeur « {shown} » inconnue de cette version"
    return f"valeur « {shown} » illisible"


def _unreadable(item: Any, error: ValidationError) -> UnreadableEntry:
    """What is known of a pulled entry that did not parse, and why (for the Conflits screen)."""
    fields = item if isinstance(item, dict) else {}

    def text(name: str) -> str | None:
        value = fields.get(name)
        return value if isinstance(value, str) and value else None

    seq = fields.get("seq")
    digest = hashlib.sha256(json.dumps(item, sort_keys=True, default=str).encode()).hexdigest()
    problems = " ; ".join(
        f"{'.'.join(str(part) for part in problem['loc']) or 'entrée'} : {_why(problem)}"
        for problem in error.errors()[:3]
    )
    return UnreadableEntry(
        change_id=text("change_id") or f"illisible-{digest[:32]}",
        seq=seq if isinstance(seq, int) and not isinstance(seq, bool) else None,
        kind=text("kind") or "?",
        record_id=text("record_id") or "?",
        op=text("op") or "?",
        reason=f"entrée illisible pour cette version de Carnet COOP ({problems})",
        at=text("at"),
        author=text("author"),
    )


def _is_certificate_problem(error: BaseException) -> str | None:
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            return seen.verify_message or str(seen)
        if "CERTIFICATE_VERIFY_FAILED" in str(seen):
            return "certificat non vérifiable"
        seen = seen.__cause__ or seen.__context__
    return None


class ServerClient:
    """A connection to one server. Use as a context manager so the connection is closed."""

    def __init__(
        self,
        address: ServerAddress,
        token: str | None = None,
        *,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.address = address
        self.token = token
        self.requests = 0  # counted so tests and benchmarks can check what a sync costs
        #: whether the server takes gzipped bodies; None until one of its answers said
        self.gzip_bodies: bool | None = None
        #: whether the server leaves out of a pull the own changes it names (``own_echo``)
        self.own_echo = False
        #: whether the server records the ``held`` cursor of a pull sent ahead (``protocol.held``)
        self.held_cursor = False
        #: one request at a time, whichever thread sends it (``sync.prefetch`` pulls the next
        #: page from a worker thread while the engine applies the current one)
        self._lock = threading.Lock()
        self._http = make_http_client(address, transport=transport)

    def __enter__(self) -> ServerClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    # -- plumbing -------------------------------------------------------------------------------
    def _headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        headers = version_headers()
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        headers.update(extra or {})
        return headers

    @contextmanager
    def _network(self) -> Iterator[None]:
        try:
            yield
        except httpx.HTTPError as error:
            problem = _is_certificate_problem(error)
            if problem:
                raise errors.certificate(self.address.url, problem) from None
            if isinstance(error, httpx.ConnectError | httpx.ConnectTimeout):
                raise errors.unreachable(self.address.url, "connexion impossible") from None
            raise SyncError(
                SyncErrorKind.INTERRUPTED,
                f"La connexion au serveur {self.address.url} a été interrompue "
                f"({error.__class__.__name__}). Rien n'est perdu : relancez la synchronisation.",
            ) from None

    def _request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        headers = self._headers(kwargs.pop("headers", None))
        with self._lock, self._network():
            self.requests += 1
            response = self._http.request(method, API_PREFIX + path, headers=headers, **kwargs)
            self.gzip_bodies = "gzip" in response.headers.get("accept-encoding", "").lower()
            self.own_echo = response.headers.get(own_echo.OWN_HEADER) == "1"
            if path == "/pull":
                self.held_cursor = response.headers.get(HELD_HEADER) == "1"
        if response.status_code >= 400 and not (method == "HEAD" and response.status_code == 404):
            self._raise_for(response)
        return response

    def _raise_for(self, response: httpx.Response) -> None:
        try:
            body = ErrorBody.model_validate(response.json())
        except (ValueError, ValidationError):
            body = ErrorBody(error="", message=response.text[:200] or response.reason_phrase)
        status, code = response.status_code, body.error
        if status == 401 and code == "bad_credentials":
            raise errors.bad_password()
        if status == 401:
            raise errors.token_revoked()
        if status == 410 or code == "device_wipe":
            raise SyncError(SyncErrorKind.DEVICE_WIPE, body.message)
        if status == 426:
            raise errors.too_old(body.message)
        if status == 429:
            raise SyncError(
                SyncErrorKind.THROTTLED,
                f"Trop de tentatives de connexion : réessayez dans {body.retry_after or 300} s.",
            )
        if status == 415:
            raise EncodingRefused(f"Le serveur a répondu 415 ({code}) : {body.message}")
        if status == 413 and not body.entries:
            raise BatchTooLarge(f"Le serveur a répondu 413 ({code}) : {body.message}")
        if status in (403, 409, 422) and body.entries:
            raise BatchRefused(body.message, body.entries)
        if status == 403:
            raise errors.forbidden(body.message)
        raise SyncError(
            SyncErrorKind.SERVER, f"Le serveur a répondu {status} ({code}) : {body.message}"
        )

    def _json(self, response: httpx.Response, model: type[Any]) -> Any:
        try:
            # straight from the bytes: one pass instead of json.loads then validating the dicts
            return model.model_validate_json(response.content)
        except (ValueError, ValidationError) as error:
            raise SyncError(
                SyncErrorKind.SERVER,
                f"Réponse inattendue du serveur {self.address.url} ; rien n'a été appliqué "
                f"({error.__class__.__name__}).",
            ) from None

    # -- endpoints ------------------------------------------------------------------------------
    def login(self, username: str, password: str, device_name: str) -> LoginResponse:
        body = {"username": username, "password": password, "device_name": device_name}
        return self._json(self._request("POST", "/login", json=body), LoginResponse)

    def push(self, device_id: str, changes: list[dict[str, Any]]) -> PushResponse:
        return self._json(self._post_json("/push", push_body(device_id, changes)), PushResponse)

    def _post_json(self, path: str, content: bytes) -> httpx.Response:
        """POST a JSON body, gzipped when it is worth it and the server takes it."""
        if len(content) >= PROBE_FROM_BYTES and self.gzip_bodies is None:
            self._request("GET", "/health")  # its answer says whether gzip is taken
        headers = {"Content-Type": "application/json"}
        if len(content) >= GZIP_FROM_BYTES and self.gzip_bodies:
            packed = gzip.compress(content, compresslevel=GZIP_LEVEL, mtime=0)
            try:
                return self._request(
                    "POST", path, content=packed, headers={**headers, "Content-Encoding": "gzip"}
                )
            except EncodingRefused:
                self.gzip_bodies = False  # a server that stopped taking gzip: send it plain
        return self._request("POST", path, content=content, headers=headers)

    def pull(self, since: int, limit: int) -> PullResponse:
        return self.pull_page(since, limit)[0]

    def pull_page(
        self, since: int, limit: int, own: str | None = None, held: int | None = None
    ) -> tuple[PullResponse, list[UnreadableEntry]]:
        """One page of the server's log, and the entries of it this version cannot read.

        The whole page is validated in one pass; only when that fails is it read entry by entry,
        so that one entry this version cannot read (an unknown ``op``, a malformed field) is set
        aside (``store.refused_incoming``) instead of failing every pull that meets it. A page
        whose envelope is wrong is still refused whole (nothing applied).

        ``own`` (``protocol.own_echo``) names this device's changes the profile holds; send it
        only to a server that said it honours it (``self.own_echo``). ``held`` is the cursor the
        profile holds when this pull is sent ahead of it (``protocol.held``, ``self.held_cursor``)."""
        params: dict[str, Any] = {"since": since, "limit": limit}
        if own:
            params[own_echo.OWN_PARAM] = own
        if held is not None and held != since:
            params[HELD_PARAM] = held
        response = self._request("GET", "/pull", params=params)
        try:
            return PullResponse.model_validate_json(response.content), []
        except (ValueError, ValidationError):
            pass
        try:
            body = json.loads(response.content)
            raw = body["changes"] if isinstance(body, dict) else None
            if not isinstance(raw, list):
                raise ValueError("changes")
            page = PullResponse.model_validate({**body, "changes": []})
        except (ValueError, KeyError, TypeError, ValidationError, RecursionError):
            return self._json(response, PullResponse), []  # raises the usual SyncError
        readable: list[PullEntry] = []
        unreadable: list[UnreadableEntry] = []
        for item in raw:
            try:
                readable.append(PullEntry.model_validate(item))
            except ValidationError as error:
                unreadable.append(_unreadable(item, error))
        return page.model_copy(update={"changes": readable}), unreadable

    def attachment_exists(self, sha256: str) -> bool:
        return self._request("HEAD", f"/attachments/{sha256}").status_code == 200

    def attachment_status(self, sha256: str) -> AttachmentStatus:
        return self._json(self._request("GET", f"/attachments/{sha256}/status"), AttachmentStatus)

    def upload_attachment(self, sha256: str, data: bytes) -> None:
        """Send the chunks the server lacks, then ``complete``: an interrupted upload resumes."""
        if self.attachment_exists(sha256):
            return
        count = (len(data) + CHUNK_BYTES - 1) // CHUNK_BYTES
        have = set(self.attachment_status(sha256).chunks_received)
        for index in range(count):
            if index in have:
                continue
            self._request(
                "PUT",
                f"/attachments/{sha256}/chunks/{index}",
                content=data[index * CHUNK_BYTES : (index + 1) * CHUNK_BYTES],
                headers={"Content-Type": "application/octet-stream"},
            )
        self._request(
            "POST", f"/attachments/{sha256}/complete", json={"size": len(data), "chunks": count}
        )

    def download_attachment(self, sha256: str) -> bytes:
        return self._request("GET", f"/attachments/{sha256}").content
