"""``coordinator-server``: the administrator's command line (database, users, devices, serving).

Exit codes as in the app: 0 success, 2 for a user error (one-line French message), 1 for an
unexpected failure (with the traceback in the server log).
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import ipaddress
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from coordinator_app import __version__
from coordinator_app.domain.errors import UserError

EXIT_OK, EXIT_FAILURE, EXIT_USER_ERROR = 0, 1, 2
log = logging.getLogger("coordinator_app.server")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"Erreur : {message}", file=sys.stderr)
        raise SystemExit(EXIT_USER_ERROR)


def _engine(args: argparse.Namespace, *, ready: bool = True):  # type: ignore[no-untyped-def]
    from coordinator_app.server import db

    engine = db.make_engine(args.db)
    if ready:
        try:
            db.check_ready(engine)
        except db.NotInitialised as error:
            raise UserError(str(error)) from None
    return engine


def _read_password(args: argparse.Namespace, prompt: str = "Mot de passe : ") -> str:
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass(prompt)
        if getpass.getpass("Confirmez le mot de passe : ") != password:
            raise UserError("Les deux mots de passe diffèrent.")
    if not password:
        raise UserError("Mot de passe vide.")
    return password


# -- commands -------------------------------------------------------------------------------------
def cmd_init(args: argparse.Namespace) -> int:
    from coordinator_app.server import db

    engine = _engine(args, ready=False)
    before, after = db.migrate(engine)
    with db.reading(engine) as conn:
        generation = db.generation(conn)
    state = "créée" if before == 0 else ("à jour" if before == after else "mise à niveau")
    print(f"Base de données {state} (schéma {after}, génération {generation}) : {_safe(args.db)}")
    return EXIT_OK


def cmd_add_user(args: argparse.Namespace) -> int:
    from coordinator_app.server import accounts

    engine = _engine(args)
    password = _read_password(args)
    user = accounts.add_user(
        engine,
        args.username,
        password,
        args.role,
        args.region or [],
        name=args.name,
        email=args.email,
        title=args.title,
    )
    print(
        f"Utilisateur « {user.username} » créé ({_person(user)}{user.role}, "
        f"régions : {_regions(user)})."
    )
    return EXIT_OK


def cmd_set_person(args: argparse.Namespace) -> int:
    from coordinator_app.server import people

    user = people.set_person(
        _engine(args), args.username, name=args.name, email=args.email, title=args.title
    )
    print(f"Utilisateur « {user.username} » : {_person(user).rstrip(', ')}.")
    return EXIT_OK


def _person(user) -> str:  # type: ignore[no-untyped-def]
    """« Marie Tremblay <marie@…>, conseillère, » (empty for an account with no person yet)."""
    parts = [user.name + (f" <{user.email}>" if user.email else "")] if user.name else []
    parts += [user.title] if user.title else []
    return "".join(f"{p}, " for p in parts)


def cmd_set_password(args: argparse.Namespace) -> int:
    from coordinator_app.server import accounts

    engine = _engine(args)
    accounts.set_password(engine, args.username, _read_password(args))
    print(f"Mot de passe de « {args.username} » changé.")
    return EXIT_OK


def cmd_set_regions(args: argparse.Namespace) -> int:
    from coordinator_app.server import accounts

    user = accounts.set_regions(_engine(args), args.username, args.regions)
    print(f"Régions de « {user.username} » : {_regions(user)}.")
    return EXIT_OK


def cmd_list_users(args: argparse.Namespace) -> int:
    from coordinator_app.server import accounts

    rows = accounts.list_users(_engine(args))
    if not rows:
        print("Aucun utilisateur. Ajoutez-en un avec « coordinator-server add-user ».")
    for user, devices in rows:
        person = f"\t{_person(user).rstrip(', ')}" if user.name else ""
        print(
            f"{user.username}\t{user.role}\trégions : {_regions(user)}\tappareils actifs : "
            f"{devices}{person}"
        )
    return EXIT_OK


def cmd_list_devices(args: argparse.Namespace) -> int:
    from coordinator_app.server import accounts

    for d in accounts.list_devices(_engine(args), args.username):
        state = "actif" if not d["revoked_at"] else f"révoqué le {d['revoked_at'][:16]}"
        if d["wipe"]:
            state += ", effacement demandé" + (
                f" (fait le {d['wiped_at'][:16]})" if d["wiped_at"] else ""
            )
        seen = (d["last_seen_at"] or "jamais")[:16]
        print(f"{d['device_id']}\t{d['username']}\t{d['name']}\tvu : {seen}\t{state}")
    return EXIT_OK


def cmd_revoke(args: argparse.Namespace) -> int:
    from coordinator_app.server import accounts

    count = accounts.revoke_user(_engine(args), args.username)
    print(f"Accès de « {args.username} » révoqué ({count} appareil(s) déconnecté(s)).")
    return EXIT_OK


def cmd_revoke_device(args: argparse.Namespace) -> int:
    from coordinator_app.server import accounts

    device = accounts.revoke_device(_engine(args), args.device, wipe=args.wipe)
    extra = (
        " Ses données locales seront effacées à sa prochaine connexion au serveur."
        if device["wipe"]
        else ""
    )
    print(f"Appareil « {device['name']} » de {device['username']} révoqué.{extra}")
    return EXIT_OK


def cmd_new_generation(args: argparse.Namespace) -> int:
    from coordinator_app.server import db

    generation = db.renew_generation(_engine(args))
    print(
        f"Nouvelle génération du serveur : {generation}. Les portables renverront ce que le "
        "serveur a pu perdre à leur prochaine synchronisation."
    )
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from coordinator_app.server import backup

    target = backup.backup_sqlite(args.db, Path(args.file))
    print(f"Copie de sauvegarde écrite : {target}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from coordinator_app.server import backup, db

    kept = backup.restore_sqlite(args.db, Path(args.file))
    generation = db.renew_generation(_engine(args))
    accounts = (
        "Comptes, mots de passe et appareils conservés tels qu'avant la restauration "
        "(un appareil révoqué depuis la copie le reste)."
        if kept
        else "Aucune base en service lisible : comptes et appareils repris de la copie ; "
        "vérifiez-les (list-users, list-devices) et révoquez ce qui doit l'être."
    )
    print(
        f"Base restaurée depuis {args.file} ; nouvelle génération {generation} : les portables "
        f"renverront ce qui manque à leur prochaine synchronisation.\n{accounts}"
    )
    return EXIT_OK


def cmd_sweep_attachments(args: argparse.Namespace) -> int:
    from coordinator_app.server import sweep
    from coordinator_app.server.settings import Settings

    defaults = Settings(db_url=args.db)
    pending = (
        args.pending_hours * 3600
        if args.pending_hours is not None
        else defaults.pending_upload_seconds
    )
    orphan = (
        args.orphan_days * 86400 if args.orphan_days is not None else defaults.orphan_file_seconds
    )
    result = sweep.sweep(_engine(args), pending_seconds=pending, orphan_seconds=orphan)
    print(
        f"Téléversements inachevés effacés : {result.pending_chunks} morceau(x), "
        f"{result.pending_bytes} octets.\nFichiers qu'aucune pièce jointe ne nomme effacés : "
        f"{result.orphan_files} ({result.orphan_bytes} octets)."
    )
    return EXIT_OK


def cmd_history(args: argparse.Namespace) -> int:
    from coordinator_app.server import privacy

    for entry in privacy.history(_engine(args), args.kind, args.record_id):
        print(json.dumps(entry, ensure_ascii=False))
    return EXIT_OK


def cmd_set_retention(args: argparse.Namespace) -> int:
    from coordinator_app.server import retention

    key = retention.set_retention(_engine(args), args.kind, args.months)
    print(f"Conservation « {key} » : {args.months} mois.")
    return EXIT_OK


def cmd_privacy_purge(args: argparse.Namespace) -> int:
    from coordinator_app.server import privacy

    today = _date(args.today) if args.today else dt.date.today()
    due, applied = privacy.purge(_engine(args), today, dry_run=args.dry_run)
    verb = "seraient anonymisés" if args.dry_run else "anonymisés"
    print(f"{len(due)} participant(s) {verb} (règle de conservation au {today.isoformat()}).")
    for item in due:
        print(f"  {item['record_id']}\tprojet {item['project_id']}\trégion {item['region_code']}")
    if not args.dry_run:
        print(f"{applied} modification(s) enregistrée(s) ; elles se synchroniseront.")
    return EXIT_OK


def cmd_privacy_export(args: argparse.Namespace) -> int:
    from coordinator_app.server import privacy

    data = privacy.export_participant(_engine(args), args.participant)
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if args.output:
        Path(args.output).write_text(text + "\n", encoding="utf-8")
        print(f"Export écrit : {args.output}")
    else:
        print(text)
    return EXIT_OK


def cmd_dev_cert(args: argparse.Namespace) -> int:
    from coordinator_app.server import tls

    paths = tls.write_dev_cert(Path(args.dir))
    print(f"Autorité de certification locale : {paths['ca']}")
    print(f"Certificat du serveur : {paths['cert']}\nClé du serveur : {paths['key']}")
    print(
        "Démarrez le serveur :\n"
        f"  coordinator-server serve --host 127.0.0.1 --port 8443 --cert {paths['cert']} "
        f"--key {paths['key']}\n"
        "Faites confiance à cette autorité dans l'application :\n"
        f"  coordinator-app login --server https://127.0.0.1:8443 --user NOM --ca-file {paths['ca']}\n"
        "(Pour essai seulement : en production, utilisez un vrai certificat.)"
    )
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from coordinator_app.server import tls

    loopback = _is_loopback(args.host)
    if args.insecure_dev:
        if not loopback:
            raise UserError(
                "--insecure-dev (HTTP sans chiffrement) n'est permis que sur une adresse locale "
                "(127.0.0.1, ::1 ou localhost)."
            )
    elif not (args.cert and args.key):
        raise UserError(
            "HTTPS exige --cert FICHIER et --key FICHIER (voir docs/server.md ; pour un essai "
            "local : coordinator-server dev-cert DOSSIER)."
        )
    for path in (args.cert, args.key):
        if path and not Path(path).is_file():
            raise UserError(f"Fichier introuvable : {path}")
    _engine(args)
    tls.serve(args)
    return EXIT_OK


# -- helpers --------------------------------------------------------------------------------------
def _regions(user) -> str:  # type: ignore[no-untyped-def]
    return "toutes" if user.is_admin else (", ".join(user.regions) or "aucune")


def _safe(url: str) -> str:
    """The database URL without its password, for messages."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"nombre entier positif attendu : « {text} »")
    return value


def _non_negative(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value >= 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"nombre positif ou nul attendu : « {text} »")
    return value


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UserError(f"Date non valide : « {text} » (attendu : AAAA-MM-JJ).") from None


def _person_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--name", metavar="« Prénom Nom »", help="nom de la personne (signe ses visites)"
    )
    p.add_argument("--email", metavar="COURRIEL", help="courriel de la personne")
    p.add_argument("--title", metavar="TITRE", help="titre, par exemple « Conseillère jeunesse »")


def build_parser() -> argparse.ArgumentParser:
    from coordinator_app.server.settings import default_db_url

    parser = _Parser(
        prog="coordinator-server",
        description="Serveur de synchronisation de Carnet COOP (administration et service).",
    )
    parser.add_argument("--version", action="version", version=f"coordinator-server {__version__}")
    parser.add_argument(
        "--db",
        default=None,
        metavar="URL",
        help="base de données (sqlite:///chemin.sqlite3 ou postgresql+psycopg://…); "
        "sinon COORDINATOR_SERVER_DB ou un fichier SQLite dans le dossier du serveur",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMANDE", parser_class=_Parser)
    sub.required = True

    def add(name: str, handler: Callable[[argparse.Namespace], int], help: str):  # type: ignore[no-untyped-def]
        p = sub.add_parser(name, help=help, description=help)
        p.set_defaults(handler=handler)
        return p

    add("init", cmd_init, "créer ou mettre à niveau la base de données")
    p = add("add-user", cmd_add_user, "ajouter un utilisateur")
    p.add_argument("username")
    p.add_argument("--role", required=True, choices=["coordinator", "admin"])
    p.add_argument("--region", action="append", metavar="CODE", help="région (répétable)")
    p.add_argument("--password-stdin", action="store_true", help="lire le mot de passe sur stdin")
    _person_options(p)
    p = add("set-person", cmd_set_person, "nom, courriel ou titre d'un utilisateur existant")
    p.add_argument("username")
    _person_options(p)
    p = add("set-password", cmd_set_password, "changer le mot de passe d'un utilisateur")
    p.add_argument("username")
    p.add_argument("--password-stdin", action="store_true")
    p = add("set-regions", cmd_set_regions, "remplacer les régions d'un utilisateur")
    p.add_argument("username")
    p.add_argument("regions", nargs="+", metavar="CODE")
    add("list-users", cmd_list_users, "lister les utilisateurs")
    p = add("list-devices", cmd_list_devices, "lister les appareils connectés")
    p.add_argument("username", nargs="?")
    p = add("revoke", cmd_revoke, "révoquer tous les appareils d'un utilisateur")
    p.add_argument("username")
    p = add("revoke-device", cmd_revoke_device, "révoquer un appareil (perdu ou volé)")
    p.add_argument("device", metavar="DEVICE_ID")
    p.add_argument("--wipe", action="store_true", help="faire effacer ses données locales")
    add("new-generation", cmd_new_generation, "nouvelle génération après une restauration")
    p = add("backup", cmd_backup, "copie de sauvegarde en ligne (SQLite)")
    p.add_argument("file")
    p = add("restore", cmd_restore, "restaurer une copie (SQLite, serveur arrêté)")
    p.add_argument("file")
    p = add(
        "sweep-attachments",
        cmd_sweep_attachments,
        "effacer les téléversements abandonnés et les fichiers sans pièce jointe",
    )
    p.add_argument(
        "--pending-hours",
        type=_non_negative,
        metavar="H",
        help="âge d'un téléversement inachevé à effacer (défaut : 168 h)",
    )
    p.add_argument(
        "--orphan-days",
        type=_non_negative,
        metavar="J",
        help="âge d'un fichier qu'aucune pièce jointe ne nomme à effacer (défaut : 30 j)",
    )
    p = add("history", cmd_history, "historique d'un enregistrement (JSON, une ligne par modif.)")
    p.add_argument("kind")
    p.add_argument("record_id")
    p = add("set-retention", cmd_set_retention, "durée de conservation de données personnelles")
    p.add_argument("kind", help="participant")
    p.add_argument("months", type=int)
    p = add("privacy", lambda a: EXIT_USER_ERROR, "renseignements personnels (Loi 25)")
    psub = p.add_subparsers(dest="privacy_command", metavar="ACTION", parser_class=_Parser)
    psub.required = True
    q = psub.add_parser("purge", help="anonymiser selon les règles de conservation")
    q.add_argument("--dry-run", action="store_true", help="montrer sans rien changer")
    q.add_argument("--today", metavar="AAAA-MM-JJ", help="date de référence (essais)")
    q.set_defaults(handler=cmd_privacy_purge)
    q = psub.add_parser("export", help="tout ce que le serveur détient sur une personne (JSON)")
    q.add_argument("--participant", required=True, metavar="ID")
    q.add_argument("-o", "--output", metavar="FICHIER")
    q.set_defaults(handler=cmd_privacy_export)
    p = add("dev-cert", cmd_dev_cert, "certificat local d'essai (autorité + certificat)")
    p.add_argument("dir")
    p = add("serve", cmd_serve, "démarrer le serveur HTTPS")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8443)
    p.add_argument("--cert", metavar="FICHIER", help="certificat (PEM, chaîne complète)")
    p.add_argument("--key", metavar="FICHIER", help="clé privée (PEM)")
    p.add_argument(
        "--insecure-dev", action="store_true", help="HTTP sans TLS, adresse locale seulement"
    )
    p.add_argument(
        "--forwarded-allow-ips",
        default=None,
        metavar="IPS",
        help="mandataires inverses dont X-Forwarded-For est cru (ex. 127.0.0.1)",
    )
    p.add_argument(
        "--max-devices-per-user",
        type=_positive_int,
        default=10,
        metavar="N",
        help="appareils actifs au plus par compte (défaut : 10)",
    )
    p.add_argument("--log-level", default="info")
    parser.set_defaults(default_db=default_db_url)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.db is None:
        args.db = args.default_db()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    try:
        return args.handler(args)
    except UserError as error:
        print(f"Erreur : {error}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return EXIT_FAILURE
    except Exception as error:
        from sqlalchemy.exc import OperationalError

        if isinstance(error, OperationalError):
            print(
                f"Erreur : base de données inaccessible ({_safe(args.db)}) : {error.orig}",
                file=sys.stderr,
            )
            return EXIT_USER_ERROR
        log.exception("coordinator-server %s failed", args.command)
        print(f"Échec inattendu : {error}", file=sys.stderr)
        return EXIT_FAILURE


if __name__ == "__main__":
    sys.exit(main())
