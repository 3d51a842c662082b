"""gzip on the wire, both ways, negotiated so old laptops and old servers keep working (issue 17).

- Responses: a JSON response of at least ``MIN_BYTES`` is gzipped when the request's
  ``Accept-Encoding`` names gzip (every laptop's httpx does, old ones too, and decodes it);
  attachment files (encrypted, incompressible) and small answers go as they are.
- Requests: a body sent with ``Content-Encoding: gzip`` is inflated here, before the body limit
  and the application read it. The inflated size is bounded as it is produced (``max_length``),
  so a gzip bomb costs at most ``max_bytes`` of memory and gets a 413, like a plain body over
  the limit; a corrupt or truncated stream gets a 400, another coding a 415.
- Every response says ``Accept-Encoding: gzip`` (RFC 7694): that is how a laptop learns that this
  server takes gzipped bodies. A laptop that never saw it (an old server) sends plain JSON.

Installed outside ``BodyLimitMiddleware``, which then counts the inflated bytes.
"""

from __future__ import annotations

import json
import zlib

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from coordinator_app.protocol.errors import ErrorCode, error_body

MIN_BYTES = 1024  # below one packet, compressing saves no round trip
LEVEL = 5  # about 6× smaller on the sync's JSON for 8 ms a MB (benchmarks/README.md)
_GZIP = 31  # zlib's wbits for a gzip header and trailer


class _Refused(Exception):
    def __init__(self, status: int, code: ErrorCode, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def _header(scope: Scope, name: bytes) -> str:
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin-1").lower()
    return ""


def accepts_gzip(accept_encoding: str) -> bool:
    """Whether an ``Accept-Encoding`` value allows gzip (``gzip;q=0`` refuses it)."""
    for part in accept_encoding.split(","):
        name, _, params = part.strip().partition(";")
        if name.strip() in ("gzip", "*"):
            quality = params.strip().removeprefix("q=")
            try:
                return not params or float(quality) > 0
            except ValueError:
                return False
    return False


class _Inflater:
    """Inflates a gzipped request body chunk by chunk, never producing more than ``limit``."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.produced = 0
        self.stream = zlib.decompressobj(_GZIP)

    def feed(self, data: bytes, last: bool) -> bytes:
        room = self.limit - self.produced
        try:
            out = self.stream.decompress(data, room + 1)
        except zlib.error:
            raise _Refused(400, ErrorCode.BAD_REQUEST, "Corps gzip illisible.") from None
        self.produced += len(out)
        if self.produced > self.limit:
            raise _Refused(
                413,
                ErrorCode.TOO_LARGE,
                f"Requête trop volumineuse une fois décompressée (au plus {self.limit} octets).",
            )
        if last and not self.stream.eof:
            raise _Refused(400, ErrorCode.BAD_REQUEST, "Corps gzip tronqué.")
        return out


def packed_json(body: bytes, accept_encoding: str) -> tuple[bytes, dict[str, str]]:
    """A large JSON body gzipped by the route, in its worker thread (zlib lets other threads
    run), instead of by this middleware on the event loop, where a pull page's compression held
    up every other connection (19 % of the loop's time, py-spy); the headers to send with it."""
    if len(body) < MIN_BYTES or not accepts_gzip(accept_encoding):
        return body, {}
    stream = zlib.compressobj(LEVEL, zlib.DEFLATED, _GZIP)
    packed = stream.compress(body) + stream.flush()
    return packed, {"content-encoding": "gzip", "vary": "Accept-Encoding"}


class CompressionMiddleware:
    """gzip for request bodies (inflated, bounded) and JSON responses (when accepted)."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        coding = _header(scope, b"content-encoding")
        if coding not in ("", "identity", "gzip"):
            message = f"Encodage « {coding} » non pris en charge : gzip ou aucun."
            await _refuse(send, _Refused(415, ErrorCode.BAD_REQUEST, message))
            return
        if coding == "gzip":
            try:
                scope, receive = await self._inflated(scope, receive)
            except _Refused as refusal:
                await _refuse(send, refusal)
                return
        sender = _Sender(send, accepts_gzip(_header(scope, b"accept-encoding")))
        await self.app(scope, receive, sender.send)

    async def _inflated(self, scope: Scope, receive: Receive) -> tuple[Scope, Receive]:
        """The whole body inflated before the application runs (an error raised while the
        application reads its body would become FastAPI's 400), and the scope without the coding
        and length headers. Memory stays bounded: at most ``max_bytes`` in and out."""
        inflater = _Inflater(self.max_bytes)
        parts: list[bytes] = []
        received, more = 0, True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                raise _Refused(400, ErrorCode.BAD_REQUEST, "Requête interrompue.")
            data, more = message.get("body", b""), message.get("more_body", False)
            received += len(data)
            if received > self.max_bytes:
                raise _Refused(
                    413, ErrorCode.TOO_LARGE,
                    f"Requête trop volumineuse (au plus {self.max_bytes} octets).",
                )  # fmt: skip
            parts.append(inflater.feed(data, last=not more))
        body = b"".join(parts)
        drop = (b"content-encoding", b"content-length")
        headers = [(k, v) for k, v in scope["headers"] if k not in drop]
        headers.append((b"content-length", str(len(body)).encode()))
        delivered = False

        async def inflated_receive() -> Message:
            nonlocal delivered
            if delivered:
                return await receive()  # a disconnect, once the body was read
            delivered = True
            return {"type": "http.request", "body": body, "more_body": False}

        return {**scope, "headers": headers}, inflated_receive


class _Sender:
    """Wraps ``send``: says ``Accept-Encoding: gzip`` and gzips JSON answers that are accepted."""

    def __init__(self, send: Send, gzip_accepted: bool) -> None:
        self.inner = send
        self.gzip_accepted = gzip_accepted
        self.start: Message | None = None
        self.stream: zlib._Compress | None = None

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = [*message.get("headers", []), (b"accept-encoding", b"gzip")]
            message = {**message, "headers": headers}
            if self.gzip_accepted and _compressible(headers):
                self.start = message  # held until the first body part says how big it is
                return
            await self.inner(message)
            return
        if message["type"] != "http.response.body" or (self.start is None and self.stream is None):
            await self.inner(message)
            return
        await self._body(message)

    async def _body(self, message: Message) -> None:
        body, more = message.get("body", b""), message.get("more_body", False)
        if self.start is not None:
            start, self.start = self.start, None
            if not more and len(body) < MIN_BYTES:
                await self.inner(start)
                await self.inner(message)
                return
            self.stream = zlib.compressobj(LEVEL, zlib.DEFLATED, _GZIP)
            headers = [(k, v) for k, v in start["headers"] if k != b"content-length"]
            headers += [(b"content-encoding", b"gzip"), (b"vary", b"Accept-Encoding")]
            if not more:
                packed = self.stream.compress(body) + self.stream.flush()
                headers.append((b"content-length", str(len(packed)).encode()))
                await self.inner({**start, "headers": headers})
                await self.inner({"type": "http.response.body", "body": packed})
                return
            await self.inner({**start, "headers": headers})
        assert self.stream is not None
        packed = self.stream.compress(body) + (b"" if more else self.stream.flush())
        await self.inner({"type": "http.response.body", "body": packed, "more_body": more})


def _compressible(headers: list[tuple[bytes, bytes]]) -> bool:
    """JSON not already encoded: the sync's answers (attachment files are not JSON)."""
    named = {k.lower(): v.lower() for k, v in headers}
    if b"content-encoding" in named:
        return False
    return named.get(b"content-type", b"").startswith(b"application/json")


async def _refuse(send: Send, refusal: _Refused) -> None:
    body = json.dumps(error_body(refusal.code, refusal.message), ensure_ascii=False).encode()
    await send(
        {
            "type": "http.response.start",
            "status": refusal.status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"accept-encoding", b"gzip"),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
