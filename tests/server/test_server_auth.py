"""Login, tokens, versions, revocation and throttling against the real TLS server."""

from __future__ import annotations

import ssl

import httpx
import pytest

from tests.server.conftest import Api
from tests.support.live_server import LiveServer, start_live_server


def test_health_needs_no_token_and_tells_the_generation(live: LiveServer) -> None:
    with httpx.Client(verify=live.ssl_context()) as http:
        body = http.get(f"{live.url}/api/v1/health").json()
    assert body["status"] == "ok"
    assert body["protocol_version"] == 1
    assert body["server_generation"] == live.generation()


def test_tls_is_verified_and_tls_1_2_accepted(live: LiveServer) -> None:
    with httpx.Client() as http, pytest.raises(httpx.ConnectError):
        http.get(f"{live.url}/api/v1/health")  # the test CA is not trusted by default
    context = ssl.create_default_context(cafile=str(live.ca_path))
    context.maximum_version = ssl.TLSVersion.TLSv1_2
    with httpx.Client(verify=context) as http:
        assert http.get(f"{live.url}/api/v1/health").status_code == 200


def test_login_returns_a_device_token_that_works(live: LiveServer, api) -> None:
    alice = api("alice")
    me = alice.http.get("/api/v1/me").json()
    assert me["username"] == "alice"
    assert me["regions"] == ["03"]
    assert me["device_id"] == alice.device_id
    assert me["server_generation"] == live.generation()


def test_token_is_stored_hashed(live: LiveServer, api) -> None:
    alice = api("alice")
    import sqlalchemy as sa

    from coordinator_app.server import db

    with db.reading(live.engine) as conn:
        stored = conn.execute(sa.select(db.devices.c.token_hash)).scalars().all()
    assert alice.token not in stored
    assert all(len(h) == 64 for h in stored)


def test_wrong_password_is_refused_in_french(live: LiveServer) -> None:
    with live.client() as http:
        response = http.post(
            "/api/v1/login",
            json={"username": "chloe", "password": "mauvais", "device_name": "pc"},
        )
    assert response.status_code == 401
    assert response.json()["error"] == "bad_credentials"
    assert "mot de passe incorrect" in response.json()["message"]


@pytest.mark.parametrize(
    ("headers", "error"),
    [
        ({}, "client_outdated"),
        ({"X-Carnet-Protocol": "0", "X-Carnet-Schema": "1"}, "client_outdated"),
        ({"X-Carnet-Protocol": "2", "X-Carnet-Schema": "2"}, "client_too_new"),
        # a laptop of data schema 1 (before visits « faite par » staff) is told to update
        ({"X-Carnet-Protocol": "1", "X-Carnet-Schema": "1"}, "client_outdated"),
        ({"X-Carnet-Protocol": "1", "X-Carnet-Schema": "99"}, "client_too_new"),
    ],
)
def test_other_versions_get_update_message(live: LiveServer, api, headers, error) -> None:
    alice = api("alice")
    with httpx.Client(
        base_url=live.url,
        verify=live.ssl_context(),
        headers={"Authorization": f"Bearer {alice.token}", **headers},
    ) as http:
        response = http.get("/api/v1/pull")
    assert response.status_code == 426
    assert response.json()["error"] == error
    assert "mettez à jour" in response.json()["message"]


def test_no_token_or_unknown_token(live: LiveServer) -> None:
    with live.client() as http:
        assert http.get("/api/v1/pull").json()["error"] == "unauthenticated"
    with live.client("pas-un-jeton") as http:
        response = http.get("/api/v1/pull")
    assert response.status_code == 401
    assert response.json()["error"] == "unauthenticated"


def test_revoking_a_device_takes_effect_at_once(live: LiveServer, api) -> None:
    laptop, other = api("chloe", "portable 1"), api("chloe", "portable 2")
    assert laptop.http.get("/api/v1/me").status_code == 200
    live.revoke_device(laptop.device_id)
    response = laptop.http.get("/api/v1/me")
    assert response.status_code == 401
    assert response.json()["error"] == "token_revoked"
    assert other.http.get("/api/v1/me").status_code == 200


def test_revoking_a_user_stops_every_device(tmp_path) -> None:
    server = start_live_server(tmp_path, users=[{"username": "dora", "regions": ["05"]}])
    try:
        one, two = Api(server, "dora"), Api(server, "dora")
        server.revoke_user("dora")
        for laptop in (one, two):
            assert laptop.http.get("/api/v1/me").json()["error"] == "token_revoked"
            laptop.close()
        assert Api(server, "dora").http.get("/api/v1/me").status_code == 200  # may log in again
    finally:
        server.close()


def test_wipe_tells_the_device_to_delete_its_profile(live: LiveServer, api) -> None:
    lost = api("chloe", "portable volé")
    live.revoke_device(lost.device_id, wipe=True)
    response = lost.http.post("/api/v1/push", json={"device_id": lost.device_id, "changes": []})
    assert response.status_code == 410
    assert response.json()["error"] == "device_wipe"
    assert lost.http.get("/api/v1/pull").status_code == 410


def test_failed_logins_are_throttled_per_user(tmp_path) -> None:
    server = start_live_server(
        tmp_path, users=[{"username": "emile", "regions": ["05"]}, {"username": "fanny"}]
    )
    try:
        with server.client() as http:
            for _ in range(5):
                response = http.post(
                    "/api/v1/login",
                    json={"username": "emile", "password": "devine", "device_name": "pc"},
                )
                assert response.status_code == 401
            blocked = http.post(
                "/api/v1/login",
                json={"username": "emile", "password": "mot-de-passe-de-test", "device_name": "pc"},
            )
            assert blocked.status_code == 429
            assert int(blocked.headers["Retry-After"]) > 0
            assert blocked.json()["error"] == "throttled"
            assert "réessayez" in blocked.json()["message"]
            # another user from the same address is not blocked by emile's failures
            assert server.login("fanny")["username"] == "fanny"
    finally:
        server.close()


def test_failed_logins_are_throttled_per_address(tmp_path) -> None:
    server = start_live_server(
        tmp_path,
        users=[{"username": f"u{i}", "regions": ["05"]} for i in range(4)],
        login_failures_per_address=6,
    )
    try:
        with server.client() as http:
            codes = [
                http.post(
                    "/api/v1/login",
                    json={"username": f"u{i % 4}", "password": "non", "device_name": "pc"},
                ).status_code
                for i in range(7)
            ]
        assert codes[:6] == [401] * 6
        assert codes[6] == 429
    finally:
        server.close()
