"""``coordinator-server``: the administrator's command line (database, users, devices, serving).

Exit codes as in the app: 0 success, 2 for a user error (one-line French message), 1 for an
unexpected failure (with the traceback in the server log). One module per group of commands
(``database``, ``accounts``, ``privacy``, ``serving``), each with its ``register``; what they share
is in ``common``.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence

from coordinator_app import __version__
from coordinator_app.domain.errors import UserError
from coordinator_app.server.cli import accounts, database, privacy, serving
from coordinator_app.server.cli.common import (
    EXIT_FAILURE,
    EXIT_OK,
    EXIT_USER_ERROR,
    Parser,
    safe_url,
)

__all__ = ["EXIT_FAILURE", "EXIT_OK", "EXIT_USER_ERROR", "build_parser", "main"]
log = logging.getLogger("coordinator_app.server")


def build_parser() -> argparse.ArgumentParser:
    from coordinator_app.server.settings import default_db_url

    parser = Parser(
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
    sub = parser.add_subparsers(dest="command", metavar="COMMANDE", parser_class=Parser)
    sub.required = True

    def add(
        name: str, handler: Callable[[argparse.Namespace], int], help: str
    ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help)
        p.set_defaults(handler=handler)
        return p

    database.register_init(add)
    accounts.register(add)
    database.register(add)
    privacy.register(add)
    serving.register(add)
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
                f"Erreur : base de données inaccessible ({safe_url(args.db)}) : {error.orig}",
                file=sys.stderr,
            )
            return EXIT_USER_ERROR
        log.exception("coordinator-server %s failed", args.command)
        print(f"Échec inattendu : {error}", file=sys.stderr)
        return EXIT_FAILURE
