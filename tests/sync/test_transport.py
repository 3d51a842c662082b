"""TLS verification of the sync connection: the trust store is loaded once per process (not per
connection), and verification is as strict as before — the organisation's CA is trusted only
when configured, a certificate nobody vouches for is refused with a French message."""

from __future__ import annotations

import ssl

import pytest

from coordinator_app.sync.client import ServerClient
from coordinator_app.sync.errors import SyncError, SyncErrorKind
from coordinator_app.sync.transport import ServerAddress, ssl_context


def test_context_is_built_once_per_ca_file_and_always_verifies(shared_server) -> None:
    with_ca = ssl_context(shared_server.ca_path)
    assert ssl_context(shared_server.ca_path) is with_ca  # no re-read of the system store
    system_only = ssl_context(None)
    assert system_only is not with_ca
    for context in (with_ca, system_only):
        assert context.verify_mode == ssl.CERT_REQUIRED
        assert context.check_hostname is True
        assert context.minimum_version == ssl.TLSVersion.TLSv1_2
    assert system_only.cert_store_stats()["x509_ca"] > 0  # the operating system's authorities


def test_server_is_reached_with_its_ca_and_refused_without(shared_server) -> None:
    address = ServerAddress(shared_server.url, ca_file=shared_server.ca_path)
    with ServerClient(address) as client:
        for _ in range(3):  # several syncs of a session reuse the same context
            assert client._request("GET", "/health").json()["status"] == "ok"
    with (
        ServerClient(ServerAddress(shared_server.url)) as client,
        pytest.raises(SyncError) as refused,
    ):
        client._request("GET", "/health")
    assert refused.value.kind == SyncErrorKind.CERTIFICATE
    assert "certificat" in str(refused.value).lower()
