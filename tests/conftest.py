"""Fixtures for the whole test suite.

Profiles are encrypted (SQLCipher, see ``coordinator_app/store/keys.py``). Tests must never touch a
developer's real OS keyring (every temporary profile would leave a key there), so the suite runs
with keyring's ``fail`` backend and keys every profile with a test passphrase, read from
``COORDINATOR_APP_PASSPHRASE`` as on a machine without a keyring. Both are set in ``os.environ``,
so command-line tests run in a subprocess inherit them; no test has to set anything.

A test that needs another passphrase passes ``open_store(..., passphrase=...)`` or uses
``monkeypatch.setenv``; a test of the keyring path installs its own backend with
``keyring.set_keyring`` (see ``tests/privacy``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import keyring
import pytest
from keyring.backends import fail

TEST_PASSPHRASE = "phrase de passe des tests"

# Set at import, before any test module is collected, so import-time code sees them too.
os.environ["COORDINATOR_APP_PASSPHRASE"] = TEST_PASSPHRASE
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"


@pytest.fixture(autouse=True, scope="session")
def profile_passphrase() -> Iterator[str]:
    """The passphrase every test profile is keyed with (also in the environment)."""
    os.environ["COORDINATOR_APP_PASSPHRASE"] = TEST_PASSPHRASE
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield TEST_PASSPHRASE
    keyring.set_keyring(previous)
