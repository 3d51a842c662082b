"""The profile's encryption key: where it comes from and where it is kept.

The database is encrypted with SQLCipher using a *raw* 256-bit key (``PRAGMA key = "x'…'"``), so
opening the profile costs no key derivation. That key comes from one of two places:

- the OS keyring (Windows Credential Manager, macOS Keychain, Secret Service), service
  ``carnet-coop``, user name = the profile folder's absolute path: a random key is created on first
  use and the coordinator is never asked for anything;
- where no keyring is available, a passphrase (``COORDINATOR_APP_PASSPHRASE`` on the command line,
  a dialog in the window) stretched with scrypt over a random salt. Only the salt and the scrypt
  parameters are written beside the database (``carnet.key-salt``), never the key.

A profile remembers which way it was keyed by the presence of the salt file: a profile created with
a passphrase keeps asking for it even if a keyring appears later.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import threading
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from coordinator_app.domain.errors import ProfileError

KEYRING_SERVICE = "carnet-coop"
ENV_PASSPHRASE = "COORDINATOR_APP_PASSPHRASE"
SALT_FILE = "carnet.key-salt"
KEY_BYTES = 32

# scrypt n=2**14, r=8, p=1: 16 MiB of memory and a few tens of milliseconds per derivation, once
# per process (see ``_derive``). Stored with the salt so that a later version can raise them.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1

_derived: dict[tuple[bytes, str, int, int, int], bytes] = {}
_derived_lock = threading.Lock()
_opened: dict[str, ProfileKey] = {}


@dataclass(frozen=True)
class ProfileKey:
    """A profile's raw key and where it came from (``keyring`` or ``passphrase``)."""

    raw: bytes
    source: str

    def __repr__(self) -> str:  # never print the key in a log or a traceback
        return f"ProfileKey(source={self.source!r})"

    @property
    def pragma_value(self) -> str:
        """The value for ``PRAGMA key = …``: a raw key literal, so SQLCipher skips its own KDF."""
        return f"\"x'{self.raw.hex()}'\""

    def subkey(self, purpose: str) -> bytes:
        """A key for another use (e.g. attachments), derived so the database key is never reused."""
        return hmac.new(self.raw, f"carnet-coop/{purpose}".encode(), hashlib.sha256).digest()


def keyring_account(data_dir: Path) -> str:
    """The keyring user name of a profile: its folder's absolute path."""
    return str(Path(data_dir).resolve())


def _keyring() -> ModuleType:
    """``keyring``, imported on first use: discovering its backends costs 0.1–0.3 s at start-up,
    and a profile keyed with a passphrase (or a command given one) never needs it."""
    import keyring
    import keyring.errors

    return keyring


def keyring_available() -> bool:
    """True when a real keyring backend is configured (not keyring's ``fail`` backend)."""
    from keyring.backends import fail as keyring_fail

    try:
        backend = _keyring().get_keyring()
    except Exception:  # a broken keyring configuration counts as none
        return False
    return not isinstance(backend, keyring_fail.Keyring) and backend.priority > 0


def salt_path(data_dir: Path) -> Path:
    return Path(data_dir) / SALT_FILE


def uses_passphrase(data_dir: Path) -> bool:
    """True when the profile was keyed with a passphrase (its salt file exists)."""
    return salt_path(data_dir).exists()


def _keyring_get(data_dir: Path) -> bytes | None:
    if not keyring_available():
        return None
    keyring = _keyring()
    try:
        stored = keyring.get_password(KEYRING_SERVICE, keyring_account(data_dir))
    except keyring.errors.KeyringError as error:
        raise ProfileError(
            f"Le trousseau du système n'a pas pu fournir la clé du profil {data_dir} : {error}."
        ) from None
    if stored is None:
        return None
    try:
        raw = bytes.fromhex(stored)
    except ValueError:
        raw = b""
    if len(raw) != KEY_BYTES:
        raise ProfileError(
            f"La clé du profil {data_dir} dans le trousseau du système est illisible "
            f"(service « {KEYRING_SERVICE} »)."
        )
    return raw


def _keyring_store(data_dir: Path, raw: bytes) -> None:
    keyring = _keyring()
    try:
        keyring.set_password(KEYRING_SERVICE, keyring_account(data_dir), raw.hex())
    except keyring.errors.KeyringError as error:
        raise ProfileError(
            f"Impossible d'enregistrer la clé du profil dans le trousseau du système : {error}. "
            f"Déverrouillez le trousseau, ou définissez une phrase de passe ({ENV_PASSPHRASE})."
        ) from None


def forget_keyring_key(data_dir: Path) -> bool:
    """Delete the profile's key from the keyring; True when there was one."""
    if not keyring_available():
        return False
    keyring = _keyring()
    try:
        keyring.delete_password(KEYRING_SERVICE, keyring_account(data_dir))
    except keyring.errors.PasswordDeleteError:
        return False
    return True


def _read_salt(data_dir: Path) -> tuple[bytes, int, int, int]:
    path = salt_path(data_dir)
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
        return bytes.fromhex(info["salt"]), int(info["n"]), int(info["r"]), int(info["p"])
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ProfileError(
            f"Le fichier {path} est illisible ({error}) : la clé du profil ne peut pas être dérivée."
        ) from None


def _write_salt(data_dir: Path) -> None:
    """A new random salt, written atomically (temporary file then rename)."""
    path = salt_path(data_dir)
    info = {"kdf": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P}
    info["salt"] = secrets.token_hex(16)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(info) + "\n", encoding="utf-8")
    os.replace(temporary, path)


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    """scrypt, computed once per process for a given (salt, passphrase): tests and the window
    open the same profile many times, and the database key itself needs no derivation."""
    cache_key = (salt, passphrase, n, r, p)
    with _derived_lock:
        if cache_key not in _derived:
            _derived[cache_key] = hashlib.scrypt(
                passphrase.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=128 * 1024 * 1024,
                dklen=KEY_BYTES,
            )  # fmt: skip
        return _derived[cache_key]


def derive_ahead(data_dir: Path, passphrase: str | None = None) -> threading.Thread | None:
    """Start deriving a passphrase profile's key in a thread; the thread, or None (nothing to do).

    scrypt takes ≈ 45 ms and releases the GIL: the window imports its feature modules meanwhile,
    and ``profile_key`` then finds the key in the cache (or waits for it under ``_derived_lock``).
    A keyring profile, a missing passphrase or an unreadable salt file: nothing is started, and
    ``profile_key`` says what is wrong as before.
    """
    secret = _passphrase(passphrase)
    if secret is None or not uses_passphrase(Path(data_dir)):
        return None
    try:
        salt = _read_salt(Path(data_dir))
    except ProfileError:
        return None
    thread = threading.Thread(target=_derive, args=(secret, *salt), name="derive-key", daemon=True)
    thread.start()
    return thread


def _passphrase(explicit: str | None) -> str | None:
    value = explicit if explicit is not None else os.environ.get(ENV_PASSPHRASE)
    return value or None


NO_KEY_MESSAGE = (
    "Le profil {folder} est chiffré, mais aucun trousseau du système n'est disponible et aucune "
    "phrase de passe n'a été donnée : définissez la variable d'environnement "
    f"{ENV_PASSPHRASE} (ligne de commande) ou entrez la phrase de passe dans la fenêtre."
)


def passphrase_needed(data_dir: Path) -> bool:
    """True when opening this profile needs a passphrase the caller has not supplied yet
    (the window asks for one, the command line reads the environment)."""
    data_dir = Path(data_dir)
    if os.environ.get(ENV_PASSPHRASE):
        return False
    return uses_passphrase(data_dir) or not keyring_available()


def profile_key(data_dir: Path, *, passphrase: str | None = None, create: bool) -> ProfileKey:
    """The key of the profile in ``data_dir``.

    ``create`` allows making a new key (a new profile, or a clear one being encrypted): in the
    keyring when one is available, else from the passphrase with a new salt. Raises
    ``ProfileError`` (French) when no key can be had; a *wrong* passphrase is only detected when
    the database is opened (``connection.open_connection``).
    """
    data_dir = Path(data_dir)
    if uses_passphrase(data_dir):
        secret = _passphrase(passphrase)
        if secret is None:
            raise ProfileError(NO_KEY_MESSAGE.format(folder=data_dir))
        return ProfileKey(_derive(secret, *_read_salt(data_dir)), "passphrase")
    stored = _keyring_get(data_dir)
    if stored is not None:
        return ProfileKey(stored, "keyring")
    if not create:
        raise ProfileError(
            f"La clé du profil chiffré {data_dir} est introuvable : ni dans le trousseau du "
            f"système, ni dérivable d'une phrase de passe (fichier {SALT_FILE} absent)."
        )
    secret = _passphrase(passphrase)
    if keyring_available():
        raw = secrets.token_bytes(KEY_BYTES)
        try:
            _keyring_store(data_dir, raw)
            return ProfileKey(raw, "keyring")
        except ProfileError:
            if secret is None:  # a locked or broken keyring, and no passphrase to fall back on
                raise
    if secret is None:
        raise ProfileError(NO_KEY_MESSAGE.format(folder=data_dir))
    _write_salt(data_dir)
    return ProfileKey(_derive(secret, *_read_salt(data_dir)), "passphrase")


def remember(data_dir: Path, key: ProfileKey) -> None:
    """Note the key of a profile this process opened, for code that only knows the profile's
    folder (attachment files): the passphrase typed in the window is not asked for twice."""
    _opened[keyring_account(data_dir)] = key


def forget(data_dir: Path) -> None:
    _opened.pop(keyring_account(data_dir), None)


def opened_key(data_dir: Path) -> ProfileKey | None:
    """The key of the profile in ``data_dir`` if this process has opened it."""
    return _opened.get(keyring_account(data_dir))
