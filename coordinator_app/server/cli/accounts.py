"""Accounts and devices: add, change, list and revoke them."""

from __future__ import annotations

import argparse

from coordinator_app.domain import fr_ca
from coordinator_app.server.cli.common import (
    EXIT_OK,
    Add,
    describe_person,
    describe_regions,
    open_engine,
    person_options,
    read_password,
)


def cmd_add_user(args: argparse.Namespace) -> int:
    from coordinator_app.server import accounts

    engine = open_engine(args)
    password = read_password(args)
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
        f"Utilisateur « {user.username} » créé ({describe_person(user)}{user.role}, "
        f"régions : {describe_regions(user)})."
    )
    return EXIT_OK


def cmd_set_person(args: argparse.Namespace) -> int:
    from coordinator_app.server import people

    user = people.set_person(
        open_engine(args), args.username, name=args.name, email=args.email, title=args.title
    )
    print(f"Utilisateur « {user.username} » : {describe_person(user).rstrip(', ')}.")
    return EXIT_OK


def cmd_set_password(args: argparse.Namespace) -> int:
    from coordinator_app.server import accounts

    engine = open_engine(args)
    accounts.set_password(engine, args.username, read_password(args))
    print(f"Mot de passe de « {args.username} » changé.")
    return EXIT_OK


def cmd_set_regions(args: argparse.Namespace) -> int:
    from coordinator_app.server import accounts

    user = accounts.set_regions(open_engine(args), args.username, args.regions)
    print(f"Régions de « {user.username} » : {describe_regions(user)}.")
    return EXIT_OK


def cmd_list_users(args: argparse.Namespace) -> int:
    from coordinator_app.server import accounts

    rows = accounts.list_users(open_engine(args))
    if not rows:
        print("Aucun utilisateur. Ajoutez-en un avec « coordinator-server add-user ».")
    for user, devices in rows:
        person = f"\t{describe_person(user).rstrip(', ')}" if user.name else ""
        print(
            f"{user.username}\t{user.role}\trégions : {describe_regions(user)}\tappareils actifs : "
            f"{devices}{person}"
        )
    return EXIT_OK


def cmd_list_devices(args: argparse.Namespace) -> int:
    from coordinator_app.server import accounts

    for d in accounts.list_devices(open_engine(args), args.username):
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

    count = accounts.revoke_user(open_engine(args), args.username)
    devices = fr_ca.count(count, "appareil déconnecté", "appareils déconnectés")
    print(f"Accès de « {args.username} » révoqué ({devices}).")
    return EXIT_OK


def cmd_revoke_device(args: argparse.Namespace) -> int:
    from coordinator_app.server import accounts

    device = accounts.revoke_device(open_engine(args), args.device, wipe=args.wipe)
    extra = (
        " Ses données locales seront effacées à sa prochaine connexion au serveur."
        if device["wipe"]
        else ""
    )
    print(f"Appareil « {device['name']} » de {device['username']} révoqué.{extra}")
    return EXIT_OK


def register(add: Add) -> None:
    """The account and device commands, in the order ``--help`` lists them."""
    p = add("add-user", cmd_add_user, "ajouter un utilisateur")
    p.add_argument("username")
    p.add_argument("--role", required=True, choices=["coordinator", "admin"])
    p.add_argument("--region", action="append", metavar="CODE", help="région (répétable)")
    p.add_argument("--password-stdin", action="store_true", help="lire le mot de passe sur stdin")
    person_options(p)
    p = add("set-person", cmd_set_person, "nom, courriel ou titre d'un utilisateur existant")
    p.add_argument("username")
    person_options(p)
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
