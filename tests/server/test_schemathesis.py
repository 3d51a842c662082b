"""Schemathesis over the live TLS server's /openapi.json: no server error, no response off its
schema (status codes, content types, headers, bodies).

``positive_data_acceptance`` is left out on purpose: the server checks what JSON Schema cannot say
(an attachment's bytes against its SHA-256, a field name against the record's kind, a record against
the domain's validation, a device id against the token), so schema-valid requests it refuses with a
documented 4xx are correct. Runs on its own server so that its fuzzed logins do not throttle the
address of the other tests.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.support.live_server import start_live_server


def test_schemathesis_finds_no_server_error_and_no_off_schema_response(tmp_path) -> None:
    executable = shutil.which("schemathesis")
    if executable is None:
        pytest.fail("schemathesis is not installed (pip install '.[test]')")
    server = start_live_server(tmp_path / "server", users=[{"username": "alice"}])
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
                "X-Carnet-Schema: 1",
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
        )
    finally:
        server.close()
    summary = result.stdout[-6000:]
    assert result.returncode == 0, summary
    assert "passed" in summary
