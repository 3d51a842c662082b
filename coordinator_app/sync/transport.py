"""The HTTPS connection to the server: certificates always verified, plain HTTP only on loopback.

Trust comes from the operating system's store (``truststore``), so a server with a certificate
from a public authority or one pushed by the organisation's IT just works; an organisation CA file
(``--ca-file``) is added on top, never instead of verification.
"""

from __future__ import annotations

import ipaddress
import ssl
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import truststore

from coordinator_app.sync.errors import SyncError, SyncErrorKind

TIMEOUT = httpx.Timeout(30.0, connect=10.0)


@dataclass(frozen=True)
class ServerAddress:
    """Where the server is and how to trust it."""

    url: str  # normalised, without a trailing slash
    ca_file: Path | None = None
    insecure_dev: bool = False


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_url(url: str, *, insecure_dev: bool = False) -> str:
    """The URL normalised, or ``SyncError`` saying in French why it cannot be used."""
    text = url.strip().rstrip("/")
    parts = urlsplit(text)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise SyncError(
            SyncErrorKind.BAD_URL,
            f"Adresse de serveur invalide : « {url} ». Exemple : https://carnet.cqcm.coop",
        )
    if parts.scheme == "http":
        if not _is_loopback(parts.hostname):
            raise SyncError(
                SyncErrorKind.BAD_URL,
                f"Connexion non chiffrée refusée : « {url} ». Utilisez une adresse https://.",
            )
        if not insecure_dev:
            raise SyncError(
                SyncErrorKind.BAD_URL,
                f"Connexion non chiffrée refusée : « {url} ». Le mode http:// n'est permis que "
                "sur cet ordinateur (127.0.0.1) avec l'option --insecure-dev, pour le développement.",
            )
    return text


def ssl_context(ca_file: Path | None) -> ssl.SSLContext:
    """The system trust store, plus the organisation's CA when one is given; TLS 1.2 or newer.

    Contexts are cached per CA file (loading the system store costs about 0.1 s; a context is safe
    to share between connections and threads)."""
    key = (str(ca_file) if ca_file else None, _mtime(ca_file))
    if key not in _CONTEXTS:
        _CONTEXTS[key] = _new_context(ca_file)
    return _CONTEXTS[key]


_CONTEXTS: dict[tuple[str | None, float | None], ssl.SSLContext] = {}


def _mtime(path: Path | None) -> float | None:
    try:
        return path.stat().st_mtime if path else None
    except OSError:
        return None


def _new_context(ca_file: Path | None) -> ssl.SSLContext:
    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    if ca_file is not None:
        try:
            context.load_verify_locations(cafile=str(ca_file))
        except (OSError, ssl.SSLError) as error:
            raise SyncError(
                SyncErrorKind.CERTIFICATE,
                f"Le fichier d'autorité de certification {ca_file} ne peut pas être lu : {error}.",
            ) from None
    return context


class _Borrowed(httpx.BaseTransport):
    """A transport owned by the caller: closing the client leaves its connections open, so the
    caller (a window that syncs every few minutes, a test) can reuse them."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self.inner.handle_request(request)

    def close(self) -> None:
        return None


def make_http_client(
    address: ServerAddress, *, transport: httpx.BaseTransport | None = None
) -> httpx.Client:
    """An httpx client bound to the server; keep-alive so a sync costs one handshake. With
    ``transport`` (which must verify certificates the same way), that transport carries requests."""
    check_url(address.url, insecure_dev=address.insecure_dev)
    return httpx.Client(
        base_url=address.url,
        verify=ssl_context(address.ca_file),
        timeout=TIMEOUT,
        follow_redirects=False,
        transport=_Borrowed(transport) if transport is not None else None,
    )
