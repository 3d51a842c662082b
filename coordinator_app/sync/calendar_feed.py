"""The account's subscribed calendar on the server: create (or replace), ask about, revoke.

The server shows the private address once; the laptop keeps it in the (encrypted) profile so the
coordinator can copy it again into Outlook, Google or Apple calendars.
"""

from __future__ import annotations

from typing import Any

import httpx

from coordinator_app.store import Store
from coordinator_app.sync import settings
from coordinator_app.sync.client import ServerClient

META_FEED_URL = "calendar_feed_url"


def _call(store: Store, method: str, transport: httpx.BaseTransport | None) -> dict[str, Any]:
    connection, token = settings.require(store)
    with ServerClient(connection.address, token, transport=transport) as client:
        return client._request(method, "/calendar/feed").json()


def create(store: Store, *, transport: httpx.BaseTransport | None = None) -> str:
    """A new private address (the previous one stops working); returns it."""
    url = str(_call(store, "POST", transport)["url"])
    store.set_meta(META_FEED_URL, url)
    return url


def status(store: Store, *, transport: httpx.BaseTransport | None = None) -> dict[str, Any]:
    """``{"active": bool, "created_at": str | None, "url": the kept address or None}``."""
    answer = _call(store, "GET", transport)
    if not answer.get("active"):
        store.set_meta(META_FEED_URL, None)
    return {**answer, "url": store.get_meta(META_FEED_URL) if answer.get("active") else None}


def revoke(store: Store, *, transport: httpx.BaseTransport | None = None) -> int:
    revoked = int(_call(store, "DELETE", transport)["revoked"])
    store.set_meta(META_FEED_URL, None)
    return revoked
