"""« Connexion au serveur » and « Revenir à une copie de sécurité »: the profile's connection and
its backup copies.

Logging in keeps the device token and the account's person (name, role, regions) in the profile,
and may restart the pull from the beginning: the person and the sync state change. Putting a
backup copy back replaces the whole profile: every kind may have changed. Both run through
``ui.operations.run_operation`` like any other user action that writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from coordinator_app.operations.changes import ALL, PERSON, SYNC_STATE, Changes, changed
from coordinator_app.store import Store
from coordinator_app.store.snapshots import restore_snapshot

if TYPE_CHECKING:
    from coordinator_app.protocol.models import LoginResponse


@dataclass(frozen=True)
class Connected:
    """The server's answer, where the device token went, and what changed."""

    response: LoginResponse
    token_place: str
    changes: Changes


def connect(
    store: Store, url: str, username: str, password: str, *, ca_file: Path | None = None
) -> Connected:
    """Log in to the server at ``url`` (``SyncError`` says why not, in French)."""
    from coordinator_app.sync import account  # the window starts without the sync client

    response, where = account.login(store, url, username, password, ca_file=ca_file)
    return Connected(response, where, changed(PERSON, SYNC_STATE))


def restore_backup(store: Store, snapshot: Path) -> Changes:
    """Put the backup copy ``snapshot`` back in place of the profile's content."""
    restore_snapshot(store, snapshot)
    return Changes(ALL)
