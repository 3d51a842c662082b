"""The HTTPS connection to the server: certificates always verified, plain HTTP only on loopback.

Trust comes from the operating system's store (``truststore``), so a server with a certificate
from a public authority or one pushed by the organisation's IT just works; an organisation CA file
(``--ca-file``) is added on top, never instead of verification.
"""

from __future__ import annotations

import ipaddress
import os
import re
import ssl
import sys
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


#: Where Linux distributions keep the system CA bundle when OpenSSL's defaults find none (the
#: same list truststore uses).
_CA_FILE_CANDIDATES = (
    "/etc/ssl/cert.pem",
    "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",
    "/etc/pki/tls/cert.pem",
    "/etc/ssl/certs/ca-certificates.crt",
    "/etc/ssl/ca-bundle.pem",
)


def _system_context() -> ssl.SSLContext:
    """A verifying context holding the operating system's trust store.

    On macOS and Windows that is ``truststore`` (it asks the OS to verify each chain). On Linux
    truststore only points OpenSSL at the system bundle, but it does so again for every new
    connection (``set_default_verify_paths`` re-reads the whole bundle: 57 % of a sync with
    nothing to do, benchmarks/README.md); loading the same bundle once into a plain context
    verifies exactly the same way."""
    if sys.platform in ("darwin", "win32"):
        return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # CERT_REQUIRED and hostname check
    defaults = ssl.get_default_verify_paths()
    if defaults.cafile or _capath_has_certs(defaults.capath):
        context.set_default_verify_paths()
    else:
        for cafile in _CA_FILE_CANDIDATES:
            if os.path.isfile(cafile):
                context.load_verify_locations(cafile=cafile)
                break
    return context


def _capath_has_certs(capath: str | None) -> bool:
    """Whether OpenSSL's CA directory holds hashed certificate names (``1a2b3c4d.0``)."""
    if not capath or not os.path.isdir(capath):
        return False
    return any(_HASHED_NAME.match(name) for name in os.listdir(capath))


_HASHED_NAME = re.compile(r"^[0-9a-fA-F]{8}\.[0-9]$")


def _new_context(ca_file: Path | None) -> ssl.SSLContext:
    context = _system_context()
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
