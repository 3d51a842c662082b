"""Schemathesis over the live TLS server's /openapi.json: no server error, no response off its
schema (status codes, content types, headers, bodies).

``positive_data_acceptance`` is left out on purpose: the server checks what JSON Schema cannot say
(an attachment's bytes against its SHA-256, a field name against the record's kind, a record against
the domain's validation, a device id against the token), so schema-valid requests it refuses with a
documented 4xx are correct. Runs on its own server so that its fuzzed logins do not throttle the
address of the other tests.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from coordinator_app.protocol.versions import SCHEMA_VERSION
from tests.support.live_server import (
    postgres_reachable,
    postgres_schema_url,
    start_live_server,
)

_ROOT = Path(__file__).resolve().parents[2]


@contextlib.contextmanager
def _database(engine: str) -> Iterator[str | None]:
    if engine == "sqlite":
        yield None
        return
    reason = postgres_reachable()
    if reason:
        pytest.skip(reason)
    with postgres_schema_url() as url:
        yield url


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_schemathesis_finds_no_server_error_and_no_off_schema_response(engine, tmp_path) -> None:
    executable = shutil.which("schemathesis")
    if executable is None:
        pytest.fail("schemathesis is not installed (pip install '.[test]')")
    with _database(engine) as db_url:
        _run(executable, db_url, tmp_path)


def _run(executable: str, db_url: str | None, tmp_path) -> None:
    server = start_live_server(tmp_path / "server", db_url=db_url, users=[{"username": "alice"}])
    try:
        token = server.login("alice")["token"]
        result = subprocess.run(
            [
                executable,
                "run",
                f"{server.url}/openapi.json",
                "--checks",
                "all",
                "--exclude-checks",
                "positive_data_acceptance",
                "--header",
                f"Authorization: Bearer {token}",
                "--header",
                "X-Carnet-Protocol: 1",
                "--header",
                f"X-Carnet-Schema: {SCHEMA_VERSION}",
                "--tls-verify",
                str(server.ca_path),
                "--max-examples",
                "12",
                "--workers",
                "1",
                "--no-color",
                "--report-dir",
                str(tmp_path / "report"),
                "--generation-database",
                "none",
            ],
            capture_output=True,
            text=True,
            timeout=240,
            cwd=tmp_path,
            env={
                **os.environ,
                # malformed ``at`` and NaN / 1e999 / 2**63 in fields (schemathesis_hooks.py)
                "SCHEMATHESIS_HOOKS": "tests.server.schemathesis_hooks",
                "CARNET_HOOKS_LOG": str(tmp_path / "hooks.log"),
                "PYTHONPATH": os.pathsep.join(
                    [str(_ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
                ),
            },
        )
    finally:
        server.close()
    summary = result.stdout[-6000:]
    assert result.returncode == 0, summary
    assert "passed" in summary
    # the malformed values of issue 13 (point 10) were among what the server answered with a 4xx
    sent = (tmp_path / "hooks.log").read_text(encoding="utf-8")
    for value in ("NaN", "1e999", "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00"):
        assert value in sent, value
