"""``login``, ``sync``, ``conflicts`` and ``logout``: the command-line side of the sync client."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path
from typing import Any

from coordinator_app.cli.context import Context
from coordinator_app.domain import fr_ca
from coordinator_app.domain.errors import UserError
from coordinator_app.store import refused_incoming, sync_state
from coordinator_app.sync import account, resolution, settings
from coordinator_app.sync.engine import SyncEngine, SyncReport
from coordinator_app.sync.errors import SyncError, SyncErrorKind


def register(subparsers: argparse._SubParsersAction) -> None:
    login = subparsers.add_parser("login", help="se connecter au serveur de synchronisation")
    login.add_argument("--server", required=True, metavar="URL", help="adresse https:// du serveur")
    login.add_argument("--user", required=True, metavar="NOM", help="nom d'utilisateur")
    login.add_argument(
        "--ca-file", metavar="PEM", help="autorité de certification de l'organisation"
    )
    login.add_argument(
        "--password-stdin", action="store_true", help="lire le mot de passe sur l'entrée standard"
    )
    login.add_argument(
        "--insecure-dev",
        action="store_true",
        help="permettre http:// vers 127.0.0.1 (développement seulement)",
    )
    login.set_defaults(handler=run_login)

    sync = subparsers.add_parser("sync", help="synchroniser avec le serveur")
    sync.add_argument("--json", action="store_true", help="sortie JSON")
    sync.set_defaults(handler=run_sync)

    conflicts = subparsers.add_parser(
        "conflicts",
        help="conflits à résoudre, modifications refusées par le serveur et modifications reçues "
        "refusées par cet ordinateur",
    )
    conflicts.add_argument("--json", action="store_true", help="sortie JSON")
    conflicts.add_argument("--resolve", metavar="ID", help="résoudre ce conflit")
    keep = conflicts.add_mutually_exclusive_group()
    keep.add_argument(
        "--keep",
        choices=("mine", "other", "kept"),
        help="garder la mienne, l'autre, ou la valeur retenue par le serveur",
    )
    keep.add_argument("--value", help="garder cette valeur (texte)")
    conflicts.add_argument(
        "--retry-refused", action="store_true", help="renvoyer les modifications refusées"
    )
    conflicts.add_argument(
        "--dismiss-incoming",
        metavar="ID",
        help="retirer de la liste une modification reçue refusée (ID, ou « toutes »)",
    )
    conflicts.set_defaults(handler=run_conflicts)

    logout = subparsers.add_parser("logout", help="oublier le jeton d'accès de cet ordinateur")
    logout.set_defaults(handler=run_logout)


# -- login / logout -------------------------------------------------------------------------------
def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass("Mot de passe : ")
    if not password:
        raise UserError("Mot de passe vide : rien n'a été envoyé au serveur.")
    return password


def run_login(ctx: Context) -> int:
    args = ctx.args
    store = ctx.store
    if settings.is_demo(store):
        raise SyncError(SyncErrorKind.DEMO, str(account.errors.demo_profile()))
    password = _read_password(args.password_stdin)
    answer, where = account.login(
        store,
        args.server,
        args.user,
        password,
        ca_file=Path(args.ca_file).expanduser() if args.ca_file else None,
        insecure_dev=args.insecure_dev,
    )
    regions = ", ".join(answer.regions) or "toutes"
    print(
        f"Connecté à {args.server.rstrip('/')} : {answer.username} ({answer.role}, régions {regions})."
    )
    if where == "file":
        print(settings.token_store(store).warning(), file=sys.stderr)
    return 0


def run_logout(ctx: Context) -> int:
    if account.logout(ctx.store):
        print("Déconnecté : le jeton d'accès de cet ordinateur a été oublié.")
    else:
        print("Aucune connexion à oublier.")
    return 0


# -- sync ------------------------------------------------------------------------------------------
def _wipe(ctx: Context) -> str:
    """The server reported this laptop lost: delete the local profile; returns what was done."""
    from coordinator_app.sync import wipe

    data_dir = ctx.data_dir
    ctx.close()
    return wipe.wipe_profile(data_dir)


def print_report(report: SyncReport) -> None:
    print("Synchronisation terminée.")
    print(f"  Envoyées : {report.sent}")
    print(f"  Reçues : {report.received}")
    print(f"  Fusionnées : {report.merged}")
    print(f"  En conflit : {report.conflicts_open} (nouveaux : {report.conflicts_new})")
    if report.refused:
        print(f"  Refusées par le serveur : {len(report.refused)} (voir coordinator-app conflicts)")
    if report.refused_incoming:
        print(
            f"  Reçues mais refusées par cet ordinateur : {len(report.refused_incoming)} "
            "(voir coordinator-app conflicts)"
        )
    if report.removed:
        print(f"  Retirées de cet ordinateur (hors de vos régions) : {report.removed}")
    if report.kept_out_of_scope:
        print(
            f"  Gardées hors de vos régions (modifications à régler) : {report.kept_out_of_scope}"
        )
    if report.generation_reset:
        print("  Le serveur avait été restauré : vos modifications lui ont été renvoyées.")
    if report.download_failed:
        print(f"  Pièces jointes non téléchargées : {len(report.download_failed)}")


def run_sync(ctx: Context) -> int:
    try:
        report = SyncEngine(ctx.store).run()
    except SyncError as error:
        if error.kind == SyncErrorKind.DEVICE_WIPE:
            summary = _wipe(ctx)
            raise UserError(
                "Le serveur a signalé cet ordinateur comme perdu : le profil local a été effacé. "
                f"{summary}"
            ) from None
        raise
    if ctx.args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        print_report(report)
    return 0


# -- conflicts -------------------------------------------------------------------------------------
def _show(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "(vide)"
    if isinstance(value, bool):
        return "supprimé" if value else "gardé"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _describe(store: Any, conflict: dict[str, Any]) -> dict[str, Any]:
    side = resolution.my_side(store, conflict)
    return {
        **conflict,
        "title": resolution.target_title(store, conflict),
        "field_label": resolution.field_label(conflict),
        "mine": side,
    }


def run_conflicts(ctx: Context) -> int:
    store, args = ctx.store, ctx.args
    if args.retry_refused:
        count = sync_state.retry_refused(store)
        print(
            fr_ca.count(
                count,
                "modification refusée sera renvoyée à la prochaine synchronisation.",
                "modifications refusées seront renvoyées à la prochaine synchronisation.",
            )
        )
        return 0
    if args.resolve:
        return _resolve(ctx)
    if args.dismiss_incoming:
        return _dismiss_incoming(ctx)
    conflicts = [_describe(store, c) for c in sync_state.conflicts(store)]
    refused = sync_state.refused(store)
    incoming = [
        {**row, "text": resolution.incoming_text(store, row)}
        for row in refused_incoming.listing(store)
    ]
    if args.json:
        body = {"conflicts": conflicts, "refused": refused, "refused_incoming": incoming}
        print(json.dumps(body, ensure_ascii=False, indent=2))
        return 0
    if not conflicts and not refused and not incoming:
        print("Aucun conflit à résoudre.")
        return 0
    for c in conflicts:
        mine = {"kept": " (la vôtre)", "other": ""}.get(c["mine"] or "", "")
        theirs = {"other": " (la vôtre)", "kept": ""}.get(c["mine"] or "", "")
        print(f"Conflit {c['id']} — {c['title']}, champ « {c['field_label']} »")
        print(
            f"  Valeur retenue{mine} : {_show(c['kept_value'])} — {c['kept_author']}, {c['kept_at']}"
        )
        print(
            f"  Autre valeur{theirs} : {_show(c['other_value'])} — {c['other_author']}, {c['other_at']}"
        )
    for r in refused:
        print(f"Refusée par le serveur — {resolution.refused_title(store, r)}")
    for row in incoming:
        print(row["text"])
        print(
            f"  (retirer de la liste : coordinator-app conflicts --dismiss-incoming {row['change_id']})"
        )
    return 0


def _dismiss_incoming(ctx: Context) -> int:
    which = ctx.args.dismiss_incoming
    count = refused_incoming.dismiss(ctx.store, None if which == "toutes" else which)
    if not count and which != "toutes":
        raise UserError(f"Modification reçue refusée introuvable : {which}")
    print(
        fr_ca.count(
            count, "modification reçue refusée retirée", "modifications reçues refusées retirées"
        )
        + " de la liste."
    )
    return 0


def _resolve(ctx: Context) -> int:
    store, args = ctx.store, ctx.args
    conflict = sync_state.get_conflict(store, args.resolve)
    if conflict is None:
        raise UserError(f"Conflit introuvable : {args.resolve}")
    side = resolution.my_side(store, conflict)
    if args.value is not None:
        resolution.resolve(store, args.resolve, "value", args.value)
    elif args.keep == "kept":
        resolution.resolve(store, args.resolve, "kept")
    elif args.keep == "other":
        resolution.resolve(store, args.resolve, "kept" if side == "other" else "other")
    elif args.keep == "mine":
        if side is None:
            raise UserError(
                "Aucune des deux valeurs ne vient de cet ordinateur : choisissez --keep kept, "
                "--keep other ou --value."
            )
        resolution.resolve(store, args.resolve, side)
    else:
        raise UserError("Indiquez --keep mine, --keep other, --keep kept ou --value.")
    print("Conflit résolu ; la résolution sera envoyée à la prochaine synchronisation.")
    return 0
