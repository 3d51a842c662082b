"""What ``status`` and the window's status bar say about sync, from the profile alone (no network)."""

from __future__ import annotations

from typing import Any

from coordinator_app.store import Store, refused_incoming, sync_state
from coordinator_app.sync import settings


def sync_status(store: Store) -> dict[str, Any]:
    """Server, user, where the token is kept (with a warning for a plain file), open conflicts,
    refused changes (ours, by the server) and refused incoming changes (the server's, by us)."""
    connection = settings.configured(store)
    tokens = settings.token_store(store)
    return {
        "server": connection.address.url if connection else None,
        "user": connection.username if connection else None,
        "token_storage": tokens.storage(),
        "token_warning": tokens.warning(),
        "open_conflicts": len(sync_state.conflicts(store)),
        "refused_changes": len(sync_state.refused(store)),
        "refused_incoming": refused_incoming.open_count(store),
        "demo": settings.is_demo(store),
    }


def status_lines(store: Store) -> list[str]:
    """The French lines ``coordinator-app status`` prints about sync."""
    info = sync_status(store)
    if info["demo"]:
        lines = ["Serveur : aucun (profil de démonstration, jamais synchronisé)"]
    elif info["server"]:
        connected = "connecté" if info["token_storage"] else "déconnecté"
        lines = [f"Serveur : {info['server']} ({info['user']}, {connected})"]
    else:
        lines = ["Serveur : aucun (coordinator-app login --server URL --user NOM)"]
    if info["open_conflicts"]:
        lines.append(f"Conflits à résoudre : {info['open_conflicts']} (coordinator-app conflicts)")
    if info["refused_changes"]:
        lines.append(f"Modifications refusées par le serveur : {info['refused_changes']}")
    if info["refused_incoming"]:
        lines.append(
            f"Modifications reçues refusées par cet ordinateur : {info['refused_incoming']} "
            "(coordinator-app conflicts)"
        )
    if info["token_warning"]:
        lines.append(info["token_warning"])
    return lines
