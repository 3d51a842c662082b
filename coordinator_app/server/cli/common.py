"""What the commands of ``coordinator-server`` share: exit codes, the parser, the engine,
reading a password, formatting and argument types."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import ipaddress
import sys
from collections.abc import Callable

from coordinator_app.domain.errors import UserError

EXIT_OK, EXIT_FAILURE, EXIT_USER_ERROR = 0, 1, 2
#: ``add(name, handler, help)``: declares a subcommand and returns its parser
Add = Callable[[str, Callable[[argparse.Namespace], int], str], argparse.ArgumentParser]


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"Erreur : {message}", file=sys.stderr)
        raise SystemExit(EXIT_USER_ERROR)


def open_engine(args: argparse.Namespace, *, ready: bool = True):  # type: ignore[no-untyped-def]
    from coordinator_app.server import db

    engine = db.make_engine(args.db)
    if ready:
        try:
            db.check_ready(engine)
        except db.NotInitialised as error:
            raise UserError(str(error)) from None
    return engine


def read_password(args: argparse.Namespace, prompt: str = "Mot de passe : ") -> str:
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass(prompt)
        if getpass.getpass("Confirmez le mot de passe : ") != password:
            raise UserError("Les deux mots de passe diffèrent.")
    if not password:
        raise UserError("Mot de passe vide.")
    return password


def describe_person(user) -> str:  # type: ignore[no-untyped-def]
    """« Marie Tremblay <marie@…>, conseillère, » (empty for an account with no person yet)."""
    parts = [user.name + (f" <{user.email}>" if user.email else "")] if user.name else []
    parts += [user.title] if user.title else []
    return "".join(f"{p}, " for p in parts)


def describe_regions(user) -> str:  # type: ignore[no-untyped-def]
    return "toutes" if user.is_admin else (", ".join(user.regions) or "aucune")


def safe_url(url: str) -> str:
    """The database URL without its password, for messages."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"nombre entier positif attendu : « {text} »")
    return value


def non_negative(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value >= 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"nombre positif ou nul attendu : « {text} »")
    return value


def parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UserError(f"Date non valide : « {text} » (attendu : AAAA-MM-JJ).") from None


def person_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--name", metavar="« Prénom Nom »", help="nom de la personne (signe ses visites)"
    )
    p.add_argument("--email", metavar="COURRIEL", help="courriel de la personne")
    p.add_argument("--title", metavar="TITRE", help="titre, par exemple « Conseillère jeunesse »")
