"""Personal information (Loi 25): a record's history, retention, purge and export."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from coordinator_app.domain import fr_ca
from coordinator_app.server.cli.common import (
    EXIT_OK,
    EXIT_USER_ERROR,
    Add,
    Parser,
    open_engine,
    parse_date,
)


def cmd_history(args: argparse.Namespace) -> int:
    from coordinator_app.server import privacy

    for entry in privacy.history(open_engine(args), args.kind, args.record_id):
        print(json.dumps(entry, ensure_ascii=False))
    return EXIT_OK


def cmd_set_retention(args: argparse.Namespace) -> int:
    from coordinator_app.server import retention

    key = retention.set_retention(open_engine(args), args.kind, args.months)
    print(f"Conservation « {key} » : {args.months} mois.")
    return EXIT_OK


def cmd_privacy_purge(args: argparse.Namespace) -> int:
    from coordinator_app.server import privacy

    today = parse_date(args.today) if args.today else dt.date.today()
    due, applied = privacy.purge(open_engine(args), today, dry_run=args.dry_run)
    verb = "seraient anonymisés" if args.dry_run else "anonymisés"
    if len(due) == 1:
        verb = "serait anonymisé" if args.dry_run else "anonymisé"
    people = fr_ca.count(len(due), "participant", "participants")
    print(f"{people} {verb} (règle de conservation au {today.isoformat()}).")
    for item in due:
        print(f"  {item['record_id']}\tprojet {item['project_id']}\trégion {item['region_code']}")
    if not args.dry_run:
        changes = fr_ca.count(applied, "modification enregistrée", "modifications enregistrées")
        print(f"{changes} ; elles se synchroniseront.")
    return EXIT_OK


def cmd_privacy_export(args: argparse.Namespace) -> int:
    from coordinator_app.server import privacy

    data = privacy.export_participant(open_engine(args), args.participant)
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if args.output:
        Path(args.output).write_text(text + "\n", encoding="utf-8")
        print(f"Export écrit : {args.output}")
    else:
        print(text)
    return EXIT_OK


def register(add: Add) -> None:
    """History, retention and the ``privacy`` commands (purge, export)."""
    p = add("history", cmd_history, "historique d'un enregistrement (JSON, une ligne par modif.)")
    p.add_argument("kind")
    p.add_argument("record_id")
    p = add("set-retention", cmd_set_retention, "durée de conservation de données personnelles")
    p.add_argument("kind", help="participant")
    p.add_argument("months", type=int)
    p = add("privacy", lambda a: EXIT_USER_ERROR, "renseignements personnels (Loi 25)")
    psub = p.add_subparsers(dest="privacy_command", metavar="ACTION", parser_class=Parser)
    psub.required = True
    q = psub.add_parser("purge", help="anonymiser selon les règles de conservation")
    q.add_argument("--dry-run", action="store_true", help="montrer sans rien changer")
    q.add_argument("--today", metavar="AAAA-MM-JJ", help="date de référence (essais)")
    q.set_defaults(handler=cmd_privacy_purge)
    q = psub.add_parser("export", help="tout ce que le serveur détient sur une personne (JSON)")
    q.add_argument("--participant", required=True, metavar="ID")
    q.add_argument("-o", "--output", metavar="FICHIER")
    q.set_defaults(handler=cmd_privacy_export)
