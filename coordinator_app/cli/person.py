"""``coordinator-app set-name « Prénom Nom »``: « Votre nom » for a profile used without a server.

The name signs the profile's visits, follow-ups and every change in the history. A profile signed
in to a server takes its person from the server at login (``coordinator-server set-person``).
"""

from __future__ import annotations

import argparse

from coordinator_app.cli.context import Context
from coordinator_app.store import Store, people


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "set-name", help="votre nom, qui signe vos visites et vos modifications (sans serveur)"
    )
    parser.add_argument("name", metavar="« Prénom Nom »")
    parser.set_defaults(handler=run)


def run(ctx: Context) -> int:
    who = people.set_local_name(ctx.store, ctx.args.name)
    print(f"Votre nom : {who.name}. Il signe désormais vos visites et vos modifications.")
    return 0


def person_line(store: Store) -> str:
    """« Personne : Marie Tremblay (compte mtremblay) » for ``coordinator-app status``."""
    person = store.person
    if person is None or not person.name:
        return "Personne : non nommée (coordinator-app set-name « Prénom Nom », ou login)"
    signed_in = person.account and not person.account.startswith(people.LOCAL_PREFIX)
    account = f" (compte {person.account})" if signed_in else " (sans serveur)"
    return f"Personne : {person.name}{account}"
