"""Issue 13, points 4 and 11: the login throttle holds under concurrency and from other loopback
addresses, and an account has a cap on active devices. Raw HTTP against the real server on SQLite
and on PostgreSQL."""

from __future__ import annotations

import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest

from coordinator_app.protocol.models import LOGIN_FAILURES_ALLOWED
from tests.server.backends import BACKENDS, raw_client, running
from tests.support.live_server import PASSWORD, LiveServer

pytestmark = pytest.mark.parametrize("backend", BACKENDS)


def _login(
    server: LiveServer,
    username: str,
    password: str,
    *,
    source: str | None = None,
    device: str = "pc",
) -> int:
    with raw_client(server, source=source) as http:
        return http.post(
            "/api/v1/login",
            json={"username": username, "password": password, "device_name": device},
        ).status_code


def _burst(server: LiveServer, attempts: list[tuple[str, str]]) -> list[int]:
    """Every attempt at once, each on its own connection (threads released by a barrier)."""
    barrier = threading.Barrier(len(attempts))

    def one(attempt: tuple[str, str]) -> int:
        with raw_client(server) as http:
            http.get("/api/v1/health")  # connect and handshake before the barrier
            barrier.wait()
            return http.post(
                "/api/v1/login",
                json={"username": attempt[0], "password": attempt[1], "device_name": "pc"},
            ).status_code

    with ThreadPoolExecutor(len(attempts)) as pool:
        return list(pool.map(one, attempts))


def test_forty_concurrent_wrong_passwords_are_mostly_throttled(backend, tmp_path) -> None:
    with running(backend, tmp_path, [{"username": "emile", "regions": ["05"]}]) as server:
        codes = Counter(_burst(server, [("emile", "devine")] * 40))
        assert codes == {401: LOGIN_FAILURES_ALLOWED, 429: 40 - LOGIN_FAILURES_ALLOWED}
        # the limit reached, the right password is throttled too
        assert _login(server, "emile", PASSWORD) == 429


def test_a_burst_with_the_right_password_checks_no_more_wrong_ones_than_the_limit(
    backend, tmp_path
) -> None:
    with running(backend, tmp_path, [{"username": "emile", "regions": ["05"]}]) as server:
        attempts = [("emile", f"essai-{i}") for i in range(39)] + [("emile", PASSWORD)]
        codes = Counter(_burst(server, attempts))
        # no more wrong passwords are checked than the limit; the right one, if it got a slot
        # before the limit was reached, logs in (and its slot is not a failure)
        assert codes[401] <= LOGIN_FAILURES_ALLOWED
        assert codes[200] <= 1
        assert codes[429] >= 40 - LOGIN_FAILURES_ALLOWED - 1
        assert codes[401] + codes[200] + codes[429] == 40
        # once the window holds the limit of failures, the right password gets 429 too
        for _ in range(LOGIN_FAILURES_ALLOWED - codes[401]):
            assert _login(server, "emile", "encore") == 401
        assert _login(server, "emile", "encore") == 429
        assert _login(server, "emile", PASSWORD) == 429


def test_other_loopback_addresses_do_not_get_around_the_limits(backend, tmp_path) -> None:
    users = [{"username": f"u{i}", "regions": ["05"]} for i in range(10)]
    with running(backend, tmp_path, users, login_failures_per_address=6) as server:
        # per account: five wrong passwords from five addresses, the sixth try from a new one
        for i in range(LOGIN_FAILURES_ALLOWED):
            assert _login(server, "u0", "non", source=f"127.0.0.{i + 2}") == 401
        assert _login(server, "u0", PASSWORD, source="127.0.0.20") == 429
        # per address: the whole loopback range counts as one machine
        codes = [_login(server, f"u{i}", "non", source=f"127.0.1.{i}") for i in range(1, 7)]
        assert codes == [401, 429, 429, 429, 429, 429]  # u0's five failures came from loopback too
        assert _login(server, "u9", PASSWORD, source="127.0.2.1") == 429


def test_a_burst_on_many_accounts_from_one_address_checks_no_more_than_its_limit(
    backend, tmp_path
) -> None:
    """Attempts on different accounts share only their address's count: twenty at once, each on
    its own account, get the address's limit of answers and refusals for the rest."""
    with running(backend, tmp_path, [], login_failures_per_address=6) as server:
        codes = Counter(_burst(server, [(f"inconnu{i}", "devine") for i in range(20)]))
        assert codes == {401: 6, 429: 14}


def test_user_names_with_quotes_and_percent_signs_are_counted_like_any_other(
    backend, tmp_path
) -> None:
    with running(backend, tmp_path, []) as server:
        name = "o'brien%s%(key)s\\"
        for _ in range(LOGIN_FAILURES_ALLOWED):
            assert _login(server, name, "devine") == 401
        assert _login(server, name.upper(), "devine") == 429
        assert _login(server, "quelqu'un d'autre", "devine") == 401


def test_an_account_has_a_cap_on_active_devices(backend, tmp_path) -> None:
    with running(
        backend, tmp_path, [{"username": "alice", "regions": ["03"]}], max_devices_per_user=3
    ) as server:
        devices = [server.login("alice", device_name=f"portable {i}") for i in range(3)]
        with raw_client(server) as http:
            refused = http.post(
                "/api/v1/login",
                json={"username": "alice", "password": PASSWORD, "device_name": "portable 4"},
            )
        assert refused.status_code == 403
        body = refused.json()
        assert body["error"] == "too_many_devices"
        assert "révoquer un ancien appareil" in body["message"]
        assert "au plus 3" in body["message"]
        # the refused login did not count as a failure, and the three devices still work
        for device in devices:
            with raw_client(server, device["token"]) as http:
                assert http.get("/api/v1/me").status_code == 200
        server.revoke_device(devices[0]["device_id"])
        assert server.login("alice", device_name="portable 4")["username"] == "alice"
        assert _login(server, "alice", PASSWORD, device="portable 5") == 403


def test_the_device_cap_holds_under_concurrent_logins(backend, tmp_path) -> None:
    with running(
        backend,
        tmp_path,
        [{"username": "alice", "regions": ["03"]}],
        max_devices_per_user=3,
        login_failures_per_user=50,
        login_failures_per_address=50,
    ) as server:
        codes = Counter(_burst(server, [("alice", PASSWORD)] * 12))
        assert codes == {200: 3, 403: 9}


def test_the_administrator_sets_the_device_cap_when_starting_the_server(backend, tmp_path) -> None:
    """``coordinator-server serve --max-devices-per-user 2``, the real command in its own process."""
    import contextlib
    import os
    import subprocess
    import sys
    import time

    import httpx

    from coordinator_app.protocol.versions import version_headers
    from coordinator_app.server.security import FAST_HASH_ENV
    from tests.support.live_server import free_port, postgres_reachable, postgres_schema_url

    if backend == "postgresql":
        reason = postgres_reachable()
        if reason:
            pytest.skip(reason)
        database = postgres_schema_url()
    else:
        database = contextlib.nullcontext(f"sqlite:///{tmp_path / 'serveur.sqlite3'}")
    env = {**os.environ, FAST_HASH_ENV: "1"}
    command = [sys.executable, "-m", "coordinator_app.server.cli"]
    with database as url:
        for args, stdin in (
            (["init"], None),
            (["add-user", "alice", "--role", "coordinator", "--region", "03", "--password-stdin"],
             PASSWORD + "\n"),
        ):  # fmt: skip
            subprocess.run([*command, "--db", url, *args], env=env, input=stdin, text=True,
                           check=True, capture_output=True)  # fmt: skip
        port = free_port()
        process = subprocess.Popen(
            [*command, "--db", url, "serve", "--insecure-dev", "--port", str(port),
             "--max-devices-per-user", "2", "--log-level", "warning"],
            env=env,
        )  # fmt: skip
        try:
            with httpx.Client(
                base_url=f"http://127.0.0.1:{port}", headers=version_headers(), timeout=60
            ) as http:
                deadline = time.monotonic() + 60
                while True:
                    with contextlib.suppress(httpx.TransportError):
                        if http.get("/api/v1/health").status_code == 200:
                            break
                    assert time.monotonic() < deadline and process.poll() is None
                    time.sleep(0.2)
                codes = [
                    http.post(
                        "/api/v1/login",
                        json={"username": "alice", "password": PASSWORD, "device_name": f"p{i}"},
                    )
                    for i in range(3)
                ]
            assert [c.status_code for c in codes] == [200, 200, 403]
            assert "au plus 2" in codes[2].json()["message"]
        finally:
            process.terminate()
            process.wait(30)
