"""Encryption of the profile's files other than the database (attachments, their thumbnails),
with AES-256-GCM in chunks so that a 500 MB video is never held in memory whole.

The key is derived from the profile's key (``ProfileKey.subkey("attachments")``), so it lives and
dies with the profile's key in the keyring (or with the passphrase) and is never written anywhere.

File format: ``MAGIC`` (8 bytes), a random 8-byte file prefix, then chunks of at most ``CHUNK``
clear bytes, each encrypted with nonce = prefix + chunk number and associated data = magic +
prefix + chunk number + a last-chunk flag, so that chunks cannot be reordered, dropped or the file
cut short without ``read_encrypted`` noticing. A file that does not start with ``MAGIC`` is a clear
file written before encryption existed: it is read as it is, and ``encrypt_folder_in_place`` (run
when a clear profile is encrypted) converts such files.

Usage (``store/attachments.py`` and whoever reads an attachment's bytes)::

    key = filecrypt.folder_key(data_dir)            # None for a clear (unencrypted) profile
    filecrypt.write_encrypted(path, data, key)      # atomic: temporary file, fsync, rename
    filecrypt.encrypt_file(source, path, key)       # same, streaming from a file
    data = filecrypt.read_encrypted(path, key)
    for chunk in filecrypt.iter_decrypted(path, key): ...
"""

from __future__ import annotations

import os
import secrets
import struct
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from coordinator_app.domain.errors import ProfileError
from coordinator_app.store import keys

MAGIC = b"CCOOPE1\x00"
PREFIX_BYTES = 8
TAG_BYTES = 16
CHUNK = 1 << 20
KEY_PURPOSE = "attachments"


def file_key(conn: Any) -> bytes | None:
    """The file key of an open profile connection (``None`` when the profile is not encrypted)."""
    profile_key = getattr(conn, "profile_key", None)
    return None if profile_key is None else profile_key.subkey(KEY_PURPOSE)


def folder_key(data_dir: Path) -> bytes | None:
    """The file key of the profile in ``data_dir``, opened earlier by this process (``None`` when
    that profile is clear or was not opened: files are then written in clear, as before)."""
    profile_key = keys.opened_key(Path(data_dir))
    return None if profile_key is None else profile_key.subkey(KEY_PURPOSE)


def is_encrypted(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def _aad(prefix: bytes, index: int, last: bool) -> bytes:
    return MAGIC + prefix + struct.pack(">I?", index, last)


def _nonce(prefix: bytes, index: int) -> bytes:
    return prefix + struct.pack(">I", index)


def _encrypt_chunks(chunks: Iterable[bytes], key: bytes) -> Iterator[bytes]:
    """Encrypted output for clear ``chunks`` (each at most ``CHUNK`` bytes)."""
    cipher, prefix = AESGCM(key), secrets.token_bytes(PREFIX_BYTES)
    yield MAGIC + prefix
    index, pending = 0, None
    for chunk in chunks:
        if pending is not None:
            yield cipher.encrypt(_nonce(prefix, index), pending, _aad(prefix, index, False))
            index += 1
        pending = chunk
    last = pending or b""
    yield cipher.encrypt(_nonce(prefix, index), last, _aad(prefix, index, True))


def _read_chunks(handle: BinaryIO, size: int = CHUNK) -> Iterator[bytes]:
    while chunk := handle.read(size):
        yield chunk


def _damaged(name: str) -> ProfileError:
    return ProfileError(
        f"Le fichier {name} ne peut pas être déchiffré : il est endommagé ou vient d'un autre profil."
    )


def _decrypt_stream(handle: BinaryIO, key: bytes | None, name: str) -> Iterator[bytes]:
    head = handle.read(len(MAGIC) + PREFIX_BYTES)
    if not head.startswith(MAGIC):  # a clear file from before encryption
        yield head
        yield from _read_chunks(handle)
        return
    if key is None:
        raise ProfileError(f"Le fichier {name} est chiffré, mais le profil ouvert ne l'est pas.")
    cipher, prefix = AESGCM(key), head[len(MAGIC) :]
    if len(prefix) != PREFIX_BYTES:
        raise _damaged(name)
    index, block = 0, handle.read(CHUNK + TAG_BYTES)
    while True:
        following = handle.read(CHUNK + TAG_BYTES)
        last = not following
        try:
            yield cipher.decrypt(_nonce(prefix, index), block, _aad(prefix, index, last))
        except InvalidTag:
            raise _damaged(name) from None
        if last:
            return
        index, block = index + 1, following


def iter_decrypted(path: Path | str, key: bytes | None) -> Iterator[bytes]:
    """The clear content of ``path`` in chunks; ``ProfileError`` (French) when the key does not
    fit or the file was altered or cut short."""
    with open(path, "rb") as handle:
        yield from _decrypt_stream(handle, key, str(path))


def read_encrypted(path: Path | str, key: bytes | None) -> bytes:
    """The clear content of a file written by ``write_encrypted`` (or of a legacy clear file)."""
    return b"".join(iter_decrypted(path, key))


def _write_atomically(path: Path, pieces: Iterable[bytes]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        with open(temporary, "wb") as handle:
            for piece in pieces:
                handle.write(piece)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _split(data: bytes) -> Iterator[bytes]:
    for start in range(0, len(data), CHUNK):
        yield data[start : start + CHUNK]


def write_encrypted(path: Path | str, data: bytes, key: bytes | None) -> None:
    """Write ``data`` to ``path`` encrypted with ``key`` (clear when ``key`` is None), atomically:
    a crash leaves the old file or the new one, never half of one."""
    _write_atomically(Path(path), [data] if key is None else _encrypt_chunks(_split(data), key))


def encrypt_file(source: Path | str, target: Path | str, key: bytes | None) -> None:
    """Copy ``source`` to ``target`` encrypted with ``key`` (streaming, atomic)."""
    with open(source, "rb") as handle:
        chunks = _read_chunks(handle)
        _write_atomically(Path(target), chunks if key is None else _encrypt_chunks(chunks, key))


def encrypt_folder_in_place(folder: Path, key: bytes) -> int:
    """Encrypt every clear file under ``folder`` (legacy attachments); returns how many."""
    converted = 0
    if not folder.is_dir():
        return 0
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if path.name.endswith(".tmp") or is_encrypted(path):
            continue
        encrypt_file(path, path, key)
        converted += 1
    return converted
