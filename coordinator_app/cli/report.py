"""``coordinator-app report …``: print a report to a PDF file from the command line.

Usage::

    coordinator-app report fiche-projet --project "CIEC d'Alma 2026" -o fiche.pdf [--with-names]
    coordinator-app report visite --visit "alma 2026-06-05" -o visite.pdf
    coordinator-app report bilan-regional [--region CODE] --from DATE --to DATE -o bilan.pdf
    coordinator-app report bilan-annuel --year AAAA -o bilan-annuel.pdf

Every report accepts ``--page-size letter|a4`` (Letter by default). Bad input (unknown project,
visit or region, a period without data, an unwritable output path) exits with code 2 and a French
message, leaving no file behind.
"""

from __future__ import annotations

import argparse
from typing import Any

from coordinator_app.cli.context import Context
from coordinator_app.cli.lookup import find_project, find_visit
from coordinator_app.reports import (
    REPORT_TITLES,
    ReportOptions,
    bilan_annuel,
    bilan_regional,
    fiche_projet,
    visite,
)
from coordinator_app.reports.common import early_path_check
from coordinator_app.store import disclosures


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o", "--output", required=True, metavar="FICHIER.pdf", help="fichier PDF à écrire"
    )
    parser.add_argument(
        "--page-size",
        choices=("letter", "a4"),
        default="letter",
        help="format de page (letter par défaut, a4 en option)",
    )


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "report",
        help="imprimer un rapport en PDF",
        description="Produit un rapport PDF à partir des données du profil (hors ligne).",
    )
    reports = parser.add_subparsers(dest="report", metavar="RAPPORT", required=True)

    sheet = reports.add_parser("fiche-projet", help=REPORT_TITLES["fiche-projet"])
    sheet.add_argument(
        "--project",
        required=True,
        metavar="PROJET",
        help="nom du projet (ou une partie unique : « alma 2026 ») ou son identifiant",
    )
    sheet.add_argument(
        "--with-names",
        action="store_true",
        help="inclure les noms des participants (sinon, seulement des nombres)",
    )
    _common(sheet)
    sheet.set_defaults(handler=_project_sheet)

    visit = reports.add_parser("visite", help=REPORT_TITLES["visite"])
    visit.add_argument(
        "--visit",
        required=True,
        metavar="VISITE",
        help="projet et date de la visite (« alma 2026-06-05 ») ou son identifiant",
    )
    _common(visit)
    visit.set_defaults(handler=_visit)

    regional = reports.add_parser("bilan-regional", help=REPORT_TITLES["bilan-regional"])
    regional.add_argument(
        "--region", metavar="CODE", help="code (01 à 17) ou nom de la région ; toutes si absent"
    )
    regional.add_argument("--from", dest="date_from", required=True, metavar="AAAA-MM-JJ")
    regional.add_argument("--to", dest="date_to", required=True, metavar="AAAA-MM-JJ")
    _common(regional)
    regional.set_defaults(handler=_regional)

    annual = reports.add_parser("bilan-annuel", help=REPORT_TITLES["bilan-annuel"])
    annual.add_argument("--year", required=True, metavar="AAAA", help="année du bilan")
    _common(annual)
    annual.set_defaults(handler=_annual)


def _options(ctx: Context) -> ReportOptions:
    early_path_check(ctx.args.output)
    return ReportOptions(
        page_size=ctx.args.page_size, with_names=getattr(ctx.args, "with_names", False)
    )


def _done(path: object) -> int:
    print(f"Rapport écrit : {path}")
    return 0


def _project_sheet(ctx: Context) -> int:
    options = _options(ctx)
    project_id = find_project(ctx.store, ctx.args.project)
    path = fiche_projet.generate(ctx.store, project_id, ctx.args.output, options)
    if options.with_names:  # Law 25: names leaving the app go to the register
        disclosures.log_report_with_names(ctx.store, project_id, fiche_projet.REPORT_NAME)
    return _done(path)


def _visit(ctx: Context) -> int:
    options = _options(ctx)
    visit_id = find_visit(ctx.store, ctx.args.visit)
    return _done(visite.generate(ctx.store, visit_id, ctx.args.output, options))


def _regional(ctx: Context) -> int:
    options = _options(ctx)
    a = ctx.args
    return _done(
        bilan_regional.generate(ctx.store, a.region, a.date_from, a.date_to, a.output, options)
    )


def _annual(ctx: Context) -> int:
    options = _options(ctx)
    return _done(bilan_annuel.generate(ctx.store, ctx.args.year, ctx.args.output, options))
