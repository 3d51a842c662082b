"""Where the device token is kept: the OS keyring, else a file only the user can read.

The token is a password-equivalent for this laptop's access to the server, so it never goes into
the profile database (which is copied into snapshots and backups). Each profile has its own entry,
named after its local device id, so several profiles on one computer do not share a token.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

import keyring
import keyring.errors

SERVICE = "carnet-coop"
TOKEN_FILE = "sync-token"
ENV_FORCE_FILE = "CARNET_TOKEN_FILE_ONLY"


@dataclass(frozen=True)
class TokenStore:
    """The token of one profile (``account`` is the profile's local device id)."""

    data_dir: Path
    account: str

    @property
    def file(self) -> Path:
        return self.data_dir / TOKEN_FILE

    def _keyring_usable(self) -> bool:
        if os.environ.get(ENV_FORCE_FILE):
            return False
        backend = keyring.get_keyring()
        return getattr(backend, "priority", 0) > 0 and "fail" not in type(backend).__module__

    def save(self, token: str) -> str:
        """Keep ``token``; returns ``"keyring"`` or ``"file"`` (shown by ``status``)."""
        if self._keyring_usable():
            try:
                keyring.set_password(SERVICE, self.account, token)
                self.file.unlink(missing_ok=True)
                return "keyring"
            except keyring.errors.KeyringError:
                pass
        self.data_dir.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(self.file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(token)
        os.chmod(self.file, 0o600)
        return "file"

    def load(self) -> str | None:
        if self.file.exists():
            return self.file.read_text(encoding="utf-8").strip() or None
        if self._keyring_usable():
            try:
                return keyring.get_password(SERVICE, self.account)
            except keyring.errors.KeyringError:
                return None
        return None

    def clear(self) -> None:
        self.file.unlink(missing_ok=True)
        if self._keyring_usable():
            with contextlib.suppress(keyring.errors.KeyringError):
                keyring.delete_password(SERVICE, self.account)

    def storage(self) -> str | None:
        """``"file"``, ``"keyring"`` or None when no token is kept."""
        if self.file.exists():
            return "file"
        return "keyring" if self.load() else None

    def warning(self) -> str | None:
        """The French warning ``status`` prints when the token sits in a file."""
        if self.storage() != "file":
            return None
        return (
            f"Attention : aucun trousseau du système n'est disponible ; le jeton d'accès est gardé "
            f"dans {self.file}, lisible par votre compte seulement. Protégez ce dossier."
        )
