"""Fixtures of the privacy tests: real encrypted profiles in temporary folders."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import PasswordDeleteError

from coordinator_app.store import Store, open_store


class MemoryKeyring(KeyringBackend):
    """A working keyring backend kept in memory: this machine has no OS keyring (no Secret
    Service, Keychain or Credential Manager), and tests must not write to a developer's real one.
    It goes through keyring's public API exactly as the OS backends do."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.items.pop((service, username), None) is None:
            raise PasswordDeleteError("absent")


@pytest.fixture
def memory_keyring(monkeypatch) -> Iterator[MemoryKeyring]:
    """A keyring backend that works, and no passphrase in the environment."""
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    monkeypatch.delenv("COORDINATOR_APP_PASSPHRASE", raising=False)
    yield backend
    keyring.set_keyring(fail.Keyring())


@pytest.fixture
def store(tmp_path) -> Iterator[Store]:
    opened = open_store(tmp_path / "profil", encrypted=True)
    yield opened
    opened.close()
