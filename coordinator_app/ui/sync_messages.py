"""Sync's plain-French messages and the small helpers the sync widgets share (the
sync client is imported lazily: see ``SERVER_URL_META``).
"""

from __future__ import annotations

import json
from types import ModuleType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from coordinator_app.sync.errors import SyncError, SyncErrorKind

if TYPE_CHECKING:
    from coordinator_app.sync.engine import SyncReport


# The sync client (httpx, the pydantic protocol, the keyring) costs about 0.4 s and 20 MB to
# import: it is imported when a sync, a login or a conflict needs it, never to build the window.
SERVER_URL_META = "server_url"  # ``sync.settings.META_URL``, read without importing the client

AUTO_SYNC_MINUTES = 5


def _resolution() -> ModuleType:
    from coordinator_app.sync import resolution

    return resolution


def _settings() -> ModuleType:
    from coordinator_app.sync import settings

    return settings


SYNC_SHORTCUT = "Ctrl+Shift+S"


def _tr(text: str) -> str:
    return QCoreApplication.translate("SyncActions", text)


def short_message(error: BaseException) -> str:
    """The status-bar text for a failed sync: plain French, the first words say what happened."""
    if not isinstance(error, SyncError):
        return _tr("Synchronisation interrompue : {error}").format(error=error)
    prefix = {
        SyncErrorKind.BAD_PASSWORD: _tr("Mauvais mot de passe."),
        SyncErrorKind.CERTIFICATE: _tr("Certificat non reconnu : connexion refusée."),
        SyncErrorKind.UNREACHABLE: _tr("Serveur injoignable : vos modifications attendent."),
        SyncErrorKind.INTERRUPTED: _tr("Connexion interrompue : rien n'est perdu, réessayez."),
        SyncErrorKind.TOO_OLD: _tr("Application trop ancienne : mettez-la à jour."),
        SyncErrorKind.FORBIDDEN: _tr("Accès refusé par le serveur."),
        SyncErrorKind.TOKEN_REVOKED: _tr("Accès refusé : reconnectez-vous au serveur."),
        SyncErrorKind.NOT_LOGGED_IN: _tr("Pas de serveur : connectez-vous d'abord."),
        SyncErrorKind.DEMO: _tr("Profil de démonstration : jamais synchronisé."),
    }.get(error.kind)
    return prefix or str(error)


def report_message(report: SyncReport) -> str:
    text = _tr(
        "Synchronisé : {sent} envoyées, {received} reçues, {merged} fusionnées, "
        "{conflicts} en conflit."
    ).format(
        sent=report.sent,
        received=report.received,
        merged=report.merged,
        conflicts=report.conflicts_open,
    )
    if report.refused:
        text += " " + _tr("{n} refusées par le serveur.").format(n=len(report.refused))
    if report.refused_incoming:
        text += " " + _tr("{n} reçues refusées (voir Conflits).").format(
            n=len(report.refused_incoming)
        )
    return text


def _show(value: Any) -> str:
    if value is None or value == "" or value == []:
        return _tr("(vide)")
    if isinstance(value, bool):
        return _tr("supprimé") if value else _tr("gardé")
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, indent=1)


def _local_time(value: Any) -> str:
    """« 2026-11-26 08:47 » in the laptop's time zone (the wire carries UTC)."""
    import datetime as dt

    try:
        return dt.datetime.fromisoformat(str(value)).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return str(value or "")
