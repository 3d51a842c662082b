"""``coordinator-app demo [--seed N]``: fill an empty profile with the demo data set."""

from __future__ import annotations

import argparse

from coordinator_app.cli.context import Context
from coordinator_app.store.demo import load_demo


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "demo", help="charger les données de démonstration dans un profil vide"
    )
    parser.add_argument("--seed", type=int, default=1, help="graine du générateur (défaut : 1)")
    parser.set_defaults(handler=run)


def run(ctx: Context) -> int:
    created = load_demo(ctx.store, seed=ctx.args.seed)
    print(f"Données de démonstration chargées : {created} enregistrements dans {ctx.store.path}")
    return 0
