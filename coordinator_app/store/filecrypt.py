"""Encryption of the profile's files other than the database (attachments), with AES-256-GCM.

The key is derived from the profile's key (``ProfileKey.subkey("attachments")``), so it lives and
dies with the profile's key in the keyring (or with the passphrase) and is never written anywhere.

File format: ``MAGIC`` (8 bytes) + a random 12-byte nonce + the AES-GCM ciphertext with its 16-byte
tag; the magic is authenticated as associated data. A file that does not start with ``MAGIC`` is a
clear file written before encryption existed: ``read_encrypted`` returns it as it is, and
``encrypt_folder_in_place`` (run when a clear profile is encrypted) converts such files.

Usage (``store/attachments.py``)::

    key = filecrypt.file_key(store.conn)         # None for a clear (unencrypted) profile
    filecrypt.write_encrypted(path, data, key)   # atomic: temporary file, fsync, rename
    data = filecrypt.read_encrypted(path, key)
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from coordinator_app.domain.errors import ProfileError

MAGIC = b"CCOOPE1\x00"
NONCE_BYTES = 12
KEY_PURPOSE = "attachments"


def file_key(conn: Any) -> bytes | None:
    """The file key of an open profile connection (``None`` when the profile is not encrypted)."""
    profile_key = getattr(conn, "profile_key", None)
    return None if profile_key is None else profile_key.subkey(KEY_PURPOSE)


def is_encrypted(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def encrypt_bytes(data: bytes, key: bytes) -> bytes:
    nonce = secrets.token_bytes(NONCE_BYTES)
    return MAGIC + nonce + AESGCM(key).encrypt(nonce, data, MAGIC)


def decrypt_bytes(blob: bytes, key: bytes | None, *, name: str = "") -> bytes:
    """The clear bytes of ``blob``; ``ProfileError`` (French) when the key does not fit or the
    file was altered."""
    if not blob.startswith(MAGIC):
        return blob
    if key is None:
        raise ProfileError(f"Le fichier {name} est chiffré, mais le profil ouvert ne l'est pas.")
    nonce = blob[len(MAGIC) : len(MAGIC) + NONCE_BYTES]
    try:
        return AESGCM(key).decrypt(nonce, blob[len(MAGIC) + NONCE_BYTES :], MAGIC)
    except InvalidTag:
        raise ProfileError(
            f"Le fichier {name} ne peut pas être déchiffré : il est endommagé ou vient d'un autre "
            "profil."
        ) from None


def _write_atomically(path: Path, payload: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        with open(temporary, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_encrypted(path: Path | str, data: bytes, key: bytes | None) -> None:
    """Write ``data`` to ``path`` encrypted with ``key`` (clear when ``key`` is None), atomically:
    a crash leaves the old file or the new one, never half of one."""
    payload = data if key is None else encrypt_bytes(data, key)
    _write_atomically(Path(path), payload)


def read_encrypted(path: Path | str, key: bytes | None) -> bytes:
    """The clear content of a file written by ``write_encrypted`` (or of a legacy clear file)."""
    path = Path(path)
    return decrypt_bytes(path.read_bytes(), key, name=str(path))


def encrypt_folder_in_place(folder: Path, key: bytes) -> int:
    """Encrypt every clear file under ``folder`` (legacy attachments); returns how many."""
    converted = 0
    if not folder.is_dir():
        return 0
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if path.name.endswith(".tmp") or is_encrypted(path):
            continue
        _write_atomically(path, encrypt_bytes(path.read_bytes(), key))
        converted += 1
    return converted
