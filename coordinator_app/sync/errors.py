"""Typed sync errors, each with a plain-French message a coordinator can act on.

The window's status bar and the command line both show ``str(error)``; ``kind`` lets the window
decide what to do next (an expired token sends the user back to the connection dialog, a wipe
order closes the profile).
"""

from __future__ import annotations

from enum import StrEnum

from coordinator_app.domain.errors import UserError


class SyncErrorKind(StrEnum):
    BAD_PASSWORD = "bad_password"
    CERTIFICATE = "certificate"
    UNREACHABLE = "unreachable"
    TOO_OLD = "too_old"
    FORBIDDEN = "forbidden"
    NOT_LOGGED_IN = "not_logged_in"
    TOKEN_REVOKED = "token_revoked"
    DEVICE_WIPE = "device_wipe"
    DEMO = "demo"
    BAD_URL = "bad_url"
    THROTTLED = "throttled"
    SERVER = "server"
    INTERRUPTED = "interrupted"


class SyncError(UserError):
    """A sync or login that did not complete; nothing half-applied is left behind."""

    def __init__(self, kind: SyncErrorKind, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def bad_password() -> SyncError:
    return SyncError(
        SyncErrorKind.BAD_PASSWORD, "Mauvais nom d'utilisateur ou mauvais mot de passe."
    )


def certificate(url: str, detail: str) -> SyncError:
    return SyncError(
        SyncErrorKind.CERTIFICATE,
        f"Certificat non reconnu pour {url} : la connexion a été refusée pour votre sécurité "
        f"({detail}). Si votre organisation utilise sa propre autorité de certification, "
        "indiquez son fichier (--ca-file).",
    )


def unreachable(url: str, detail: str) -> SyncError:
    return SyncError(
        SyncErrorKind.UNREACHABLE,
        f"Serveur injoignable ({url}) : {detail}. Vos modifications restent enregistrées sur "
        "cet ordinateur et seront envoyées à la prochaine synchronisation.",
    )


def too_old(detail: str = "") -> SyncError:
    extra = f" ({detail})" if detail else ""
    return SyncError(
        SyncErrorKind.TOO_OLD,
        "Application trop ancienne (ou trop récente) pour ce serveur : mettez à jour "
        f"l'application{extra}. Rien n'a été synchronisé.",
    )


def forbidden(detail: str = "") -> SyncError:
    extra = f" : {detail}" if detail else "."
    return SyncError(SyncErrorKind.FORBIDDEN, f"Accès refusé par le serveur{extra}")


def not_logged_in() -> SyncError:
    return SyncError(
        SyncErrorKind.NOT_LOGGED_IN,
        "Aucun serveur n'est configuré pour ce profil : connectez-vous d'abord "
        "(coordinator-app login --server URL --user NOM).",
    )


def token_revoked() -> SyncError:
    return SyncError(
        SyncErrorKind.TOKEN_REVOKED,
        "L'accès de cet ordinateur a été révoqué ou a expiré : reconnectez-vous "
        "(coordinator-app login). Vos modifications locales sont conservées.",
    )


def demo_profile() -> SyncError:
    return SyncError(
        SyncErrorKind.DEMO,
        "Ce profil contient les données de démonstration : il n'est jamais synchronisé avec "
        "un serveur. Créez un autre profil (--data-dir) pour vos vraies données.",
    )
