"""``coordinator-app agenda …``: plan visits, record them, and take the agenda elsewhere.

Usage::

    coordinator-app agenda list [--from DATE] [--to DATE] [--region CODE] [--mine]
    coordinator-app agenda plan --project ID --at "AAAA-MM-JJ HH:MM" [--place …] [--purpose …]
    coordinator-app agenda move VISITE --to AAAA-MM-JJ[THH:MM]
    coordinator-app agenda done VISITE [--observations …] [--decisions …]
    coordinator-app agenda export -o semaine.ics [--from DATE] [--to DATE] [--mine]
    coordinator-app agenda print -o semaine.pdf [--week DATE] [--region CODE] [--mine]
    coordinator-app agenda feed create|status|revoke

Without ``--from``/``--to``, a period starts on this week's Monday and lasts eight weeks
(``print``: the week of ``--week``, this week by default).
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from coordinator_app.cli.context import Context
from coordinator_app.domain import agenda, fr_ca
from coordinator_app.domain.ical import calendar_bytes
from coordinator_app.reports import ReportOptions, agenda_semaine
from coordinator_app.reports.common import early_path_check, parse_day, require_region
from coordinator_app.reports.output import check_output_path, write_atomically
from coordinator_app.store import agenda_queries

DEFAULT_WEEKS = 8


def _period(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="date_from", metavar="AAAA-MM-JJ", help="premier jour")
    parser.add_argument("--to", dest="date_to", metavar="AAAA-MM-JJ", help="dernier jour")
    parser.add_argument("--mine", action="store_true", help="seulement mes visites (« moi »)")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "agenda",
        help="visites planifiées, agenda et calendrier (Outlook, Google, Apple)",
        description="Planifier des visites, les enregistrer et exporter l'agenda.",
    )
    commands = parser.add_subparsers(dest="agenda", metavar="ACTION", required=True)

    listing = commands.add_parser("list", help="afficher l'agenda d'une période")
    _period(listing)
    listing.add_argument("--region", metavar="CODE", help="code (01 à 17) ou nom de la région")
    listing.set_defaults(handler=_list)

    plan = commands.add_parser("plan", help="planifier une visite")
    plan.add_argument("--project", required=True, metavar="ID", help="identifiant du projet")
    plan.add_argument("--at", required=True, metavar="« AAAA-MM-JJ HH:MM »", help="date et heure")
    plan.add_argument("--place", default="", help="lieu")
    plan.add_argument("--purpose", default="", help="objet de la visite")
    plan.add_argument(
        "--staff",
        default="",
        metavar="COMPTES",
        help="qui y va, au CQCM (comptes, séparés par ; ; vous par défaut)",
    )
    plan.add_argument("--mode", choices=("sur_place", "a_distance"), default="sur_place")
    plan.set_defaults(handler=_plan)

    move = commands.add_parser("move", help="reporter une visite planifiée")
    move.add_argument("visit", metavar="VISITE", help="identifiant de la visite")
    move.add_argument("--to", required=True, metavar="AAAA-MM-JJ[THH:MM]", help="nouvelle date")
    move.set_defaults(handler=_move)

    done = commands.add_parser("done", help="enregistrer une visite planifiée comme faite")
    done.add_argument("visit", metavar="VISITE", help="identifiant de la visite")
    done.add_argument("--observations", default=None)
    done.add_argument("--decisions", default=None)
    done.set_defaults(handler=_done)

    export = commands.add_parser("export", help="exporter vers un fichier .ics (iCalendar)")
    export.add_argument("-o", "--output", required=True, metavar="FICHIER.ics")
    _period(export)
    export.set_defaults(handler=_export)

    printing = commands.add_parser("print", help="imprimer la semaine en PDF")
    printing.add_argument("-o", "--output", required=True, metavar="FICHIER.pdf")
    printing.add_argument("--week", metavar="AAAA-MM-JJ", help="un jour de la semaine voulue")
    printing.add_argument("--region", metavar="CODE")
    printing.add_argument("--mine", action="store_true", help="seulement mes visites (« moi »)")
    printing.add_argument("--page-size", choices=("letter", "a4"), default="letter")
    printing.set_defaults(handler=_print)

    feed = commands.add_parser("feed", help="calendrier abonné sur le serveur (adresse privée)")
    feed.add_argument("action", choices=("create", "status", "revoke"))
    feed.set_defaults(handler=_feed)


def _range(ctx: Context) -> tuple[dt.date, dt.date]:
    a = ctx.args
    monday, _ = agenda.week_of(ctx.store.today())
    start = parse_day(a.date_from, "--from") if a.date_from else monday
    end = (
        parse_day(a.date_to, "--to")
        if a.date_to
        else start + dt.timedelta(weeks=DEFAULT_WEEKS, days=-1)
    )
    return start, end


def _list(ctx: Context) -> int:
    start, end = _range(ctx)
    region = require_region(ctx.args.region)
    found = agenda_queries.entries(ctx.store, start, end, region=region, mine=ctx.args.mine)
    if not found:
        print("Rien à l'agenda pour cette période.")
    for e in found:
        where = f" — {e.place}" if e.place else ""
        ident = f" [{e.record_id}]" if e.kind == agenda.VISIT else ""
        print(f"{agenda.when_text(e.start)} · {e.label} · {e.project_name}{where}{ident}")
    return 0


def _moment(text: str) -> str:
    """« 2026-12-09 09:30 » or « 2026-12-09T09:30 » → canonical; validation says the rest."""
    return text.strip().replace(" ", "T", 1)


def _plan(ctx: Context) -> int:
    a = ctx.args
    staff = [s.strip() for s in a.staff.split(";") if s.strip()]
    visit = agenda_queries.plan_visit(
        ctx.store,
        a.project,
        _moment(a.at),
        place=a.place,
        purpose=a.purpose,
        staff=staff,
        mode=a.mode,
    )
    when = agenda.when_text(dt.datetime.fromisoformat(visit["visited_at"]))
    print(f"Visite planifiée le {when} : {visit['id']}")
    return 0


def _move(ctx: Context) -> int:
    visit = agenda_queries.move_visit(ctx.store, ctx.args.visit, _moment(ctx.args.to))
    print(f"Visite reportée au {agenda.when_text(dt.datetime.fromisoformat(visit['visited_at']))}.")
    return 0


def _done(ctx: Context) -> int:
    changes = {
        k: v
        for k, v in (
            ("observations", ctx.args.observations),
            ("decisions", ctx.args.decisions),
        )
        if v is not None
    }
    visit = agenda_queries.record_visit(ctx.store, ctx.args.visit, changes)
    print(f"Visite enregistrée comme faite : {visit['id']}")
    return 0


def _export(ctx: Context) -> int:
    output = Path(ctx.args.output)
    check_output_path(output, ".ics")
    start, end = _range(ctx)
    found = agenda_queries.entries(ctx.store, start, end, mine=ctx.args.mine)
    data = calendar_bytes(agenda_queries.named(ctx.store, found))
    path = write_atomically(output, lambda temp: temp.write_bytes(data), ".ics")
    print(f"{fr_ca.count(len(found), 'événement exporté', 'événements exportés')} : {path}")
    return 0


def _print(ctx: Context) -> int:
    a = ctx.args
    early_path_check(a.output)
    day = parse_day(a.week, "--week") if a.week else ctx.store.today()
    path = agenda_semaine.generate(
        ctx.store,
        day,
        a.output,
        ReportOptions(page_size=a.page_size),
        region=require_region(a.region),
        mine=a.mine,
    )
    print(f"Rapport écrit : {path}")
    return 0


def _feed(ctx: Context) -> int:
    from coordinator_app.sync import calendar_feed  # the sync client only for this command

    action = ctx.args.action
    if action == "create":
        url = calendar_feed.create(ctx.store)
        print("Adresse privée de votre calendrier (à coller dans Outlook : Ajouter un calendrier ›")
        print("À partir d'Internet). L'adresse précédente ne fonctionne plus.")
        print(url)
    elif action == "status":
        state = calendar_feed.status(ctx.store)
        if state["active"]:
            print(f"Calendrier abonné actif depuis le {state['created_at'][:10]}.")
            if state["url"]:
                print(state["url"])
        else:
            print("Aucun calendrier abonné : « coordinator-app agenda feed create » en crée un.")
    else:
        count = calendar_feed.revoke(ctx.store)
        print("Adresse révoquée." if count else "Aucune adresse active à révoquer.")
    return 0
