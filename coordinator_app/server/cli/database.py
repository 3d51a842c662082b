"""The database: create or upgrade it, back it up and restore it, sweep abandoned uploads."""

from __future__ import annotations

import argparse
from pathlib import Path

from coordinator_app.server.cli.common import EXIT_OK, Add, non_negative, open_engine, safe_url


def cmd_init(args: argparse.Namespace) -> int:
    from coordinator_app.server import db

    engine = open_engine(args, ready=False)
    before, after = db.migrate(engine)
    with db.reading(engine) as conn:
        generation = db.generation(conn)
    state = "créée" if before == 0 else ("à jour" if before == after else "mise à niveau")
    print(
        f"Base de données {state} (schéma {after}, génération {generation}) : {safe_url(args.db)}"
    )
    return EXIT_OK


def cmd_new_generation(args: argparse.Namespace) -> int:
    from coordinator_app.server import db

    generation = db.renew_generation(open_engine(args))
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
    generation = db.renew_generation(open_engine(args))
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
    result = sweep.sweep(open_engine(args), pending_seconds=pending, orphan_seconds=orphan)
    print(
        f"Téléversements inachevés effacés : {result.pending_chunks} morceau(x), "
        f"{result.pending_bytes} octets.\nFichiers qu'aucune pièce jointe ne nomme effacés : "
        f"{result.orphan_files} ({result.orphan_bytes} octets)."
    )
    return EXIT_OK


def register_init(add: Add) -> None:
    add("init", cmd_init, "créer ou mettre à niveau la base de données")


def register(add: Add) -> None:
    """The database commands but ``init`` (listed first by ``--help``)."""
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
        type=non_negative,
        metavar="H",
        help="âge d'un téléversement inachevé à effacer (défaut : 168 h)",
    )
    p.add_argument(
        "--orphan-days",
        type=non_negative,
        metavar="J",
        help="âge d'un fichier qu'aucune pièce jointe ne nomme à effacer (défaut : 30 j)",
    )
