"""Logging a profile in to a server and out of it."""

from __future__ import annotations

import json
import platform
from pathlib import Path

import httpx

from coordinator_app.protocol import LoginResponse
from coordinator_app.store import Store, sync_state
from coordinator_app.sync import errors, people, settings
from coordinator_app.sync.client import ServerClient
from coordinator_app.sync.transport import ServerAddress, check_url


def device_name() -> str:
    """What the server shows administrators for this laptop (they revoke devices by it)."""
    return (platform.node() or "ordinateur")[:120]


def login(
    store: Store,
    url: str,
    username: str,
    password: str,
    *,
    ca_file: Path | None = None,
    insecure_dev: bool = False,
    transport: httpx.BaseTransport | None = None,
) -> tuple[LoginResponse, str]:
    """Log in and keep the device token; returns the server's answer and where the token went.

    Logging in to another server (or as another user) starts that server's pull from the beginning;
    local changes not yet sent stay in the journal and go to the new server.
    """
    if settings.is_demo(store):
        raise errors.demo_profile()
    address = ServerAddress(check_url(url, insecure_dev=insecure_dev), ca_file, insecure_dev)
    if ca_file is not None and not Path(ca_file).is_file():
        raise errors.certificate(address.url, f"fichier {ca_file} introuvable")
    with ServerClient(address, transport=transport) as client:
        answer = client.login(username, password, device_name())
    previous = settings.configured(store)
    same_place = previous is not None and (previous.address.url, previous.username) == (
        address.url,
        username,
    )
    with store.transaction():
        store.set_meta(settings.META_URL, address.url)
        store.set_meta(settings.META_USER, username)
        store.set_meta(settings.META_DEVICE, answer.device_id)
        store.set_meta(settings.META_CA_FILE, str(ca_file) if ca_file else None)
        store.set_meta(settings.META_INSECURE, "1" if insecure_dev else None)
        store.set_meta(settings.META_ROLE, answer.role)
        # the account's person signs this profile's changes, visits and reports from now on
        people.adopt(store, answer)
        if not same_place:
            store.set_meta(sync_state.META_CURSOR, "0")
            store.set_meta(sync_state.META_GENERATION, answer.server_generation)
            store.set_meta(sync_state.META_SCOPE, json.dumps(sorted(answer.regions)))
    where = settings.token_store(store).save(answer.token)
    return answer, where


def logout(store: Store) -> bool:
    """Forget the token (the server keeps the device until an admin revokes it). The server URL
    and the sync position stay, so logging in again resumes where sync stopped."""
    tokens = settings.token_store(store)
    had = tokens.load() is not None
    tokens.clear()
    return had
