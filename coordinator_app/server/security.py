"""Passwords (Argon2) and device tokens (random, stored as SHA-256).

A device token is 256 random bits, so a fast hash is enough to keep a stolen database from yielding
usable tokens; passwords are chosen by people and get Argon2.
"""

from __future__ import annotations

import functools
import hashlib
import os
import secrets
import threading

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from argon2.profiles import CHEAPEST

#: Test suites set this to use Argon2's cheapest parameters (hashing 100 test users at the
#: production cost would take minutes on a shared CI machine). Never set it on a real server.
FAST_HASH_ENV = "COORDINATOR_SERVER_TEST_FAST_HASH"


@functools.cache
def _hasher(fast: bool) -> PasswordHasher:
    return PasswordHasher.from_parameters(CHEAPEST) if fast else PasswordHasher()


@functools.cache
def _dummy_hash(fast: bool) -> str:
    return _hasher(fast).hash("carnet-coop-dummy-password")


def _fast() -> bool:
    return os.environ.get(FAST_HASH_ENV) == "1"


def hash_password(password: str) -> str:
    return _hasher(_fast()).hash(password)


#: Argon2 checks at once in a process: each takes one core (without the interpreter lock, so the
#: event loop and other requests go on) and 64 MiB; more at once than cores would only share the
#: cores and add 64 MiB each (a burst of 40 logins: 2.5 GiB).
_CHECKS_AT_ONCE = threading.BoundedSemaphore(os.cpu_count() or 2)


def verify_password(password_hash: str | None, password: str) -> bool:
    """True when ``password`` matches; an unknown user costs the same time as a wrong password."""
    hasher = _hasher(_fast())
    try:
        with _CHECKS_AT_ONCE:
            matches = hasher.verify(password_hash or _dummy_hash(_fast()), password)
        return matches and password_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
