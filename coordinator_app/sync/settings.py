"""Which server this profile syncs with, kept in the profile's ``meta`` table (never the token)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from coordinator_app.store import Store
from coordinator_app.sync import errors
from coordinator_app.sync.credentials import TokenStore
from coordinator_app.sync.transport import ServerAddress

META_URL = "server_url"  # also read by ``coordinator-app status``
META_USER = "sync_username"
META_DEVICE = "sync_device_id"
META_CA_FILE = "sync_ca_file"
META_INSECURE = "sync_insecure_dev"
META_ROLE = "sync_role"
META_DEMO = "demo"


@dataclass(frozen=True)
class Connection:
    """A configured server connection of one profile."""

    address: ServerAddress
    username: str
    device_id: str


def is_demo(store: Store) -> bool:
    return store.get_meta(META_DEMO) == "1"


def token_store(store: Store) -> TokenStore:
    return TokenStore(store.data_dir, store.device_id)


def configured(store: Store) -> Connection | None:
    url = store.get_meta(META_URL)
    if not url:
        return None
    ca = store.get_meta(META_CA_FILE)
    return Connection(
        address=ServerAddress(
            url=url,
            ca_file=Path(ca) if ca else None,
            insecure_dev=store.get_meta(META_INSECURE) == "1",
        ),
        username=store.get_meta(META_USER) or "",
        device_id=store.get_meta(META_DEVICE) or "",
    )


def require(store: Store) -> tuple[Connection, str]:
    """The connection and token, or the French error that tells the user to log in."""
    if is_demo(store):
        raise errors.demo_profile()
    connection = configured(store)
    token = token_store(store).load() if connection else None
    if connection is None or not connection.device_id:
        raise errors.not_logged_in()
    if not token:
        raise errors.token_revoked()
    return connection, token
