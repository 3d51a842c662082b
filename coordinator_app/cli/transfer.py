"""``coordinator-app import FILE --kind KIND [--dry-run]`` and
``coordinator-app export --kind KIND [--format csv|xlsx|json] -o FILE [--include-names]``.

Thin wrappers over ``coordinator_app.exchange``: the window calls the same functions.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from coordinator_app.cli.context import Context
from coordinator_app.cli.errors import EXIT_OK, EXIT_USER_ERROR
from coordinator_app.domain import fr_ca
from coordinator_app.domain.columns import KIND_NAMES, resolve_kind
from coordinator_app.exchange.exporter import FORMATS, export_records
from coordinator_app.exchange.importer import import_file
from coordinator_app.exchange.report import ImportReport

MAX_MATCHES_SHOWN = 200


def register(subparsers: argparse._SubParsersAction) -> None:
    kinds = ", ".join(KIND_NAMES)
    importer = subparsers.add_parser(
        "import",
        help="importer un classeur (.xlsx, .xlsm, .xlsb, .xls, .ods), un CSV ou un JSON (tout ou rien)",
        description="Importe un classeur Excel ou LibreOffice (.xlsx, .xlsm, .xlsb, .xls, .ods), "
        "un fichier CSV (UTF-8 ou Windows-1252) ou un JSON. Si une seule ligne est invalide, rien "
        "n'est enregistré et chaque problème est listé.",
    )
    importer.add_argument(
        "file", metavar="FICHIER", help="fichier .xlsx, .xlsm, .xlsb, .xls, .ods, .csv ou .json"
    )
    importer.add_argument(
        "--kind", required=True, metavar="TYPE", help=f"type de données : {kinds}"
    )
    importer.add_argument(
        "--dry-run", action="store_true", help="vérifier seulement : ne rien enregistrer"
    )
    importer.set_defaults(handler=run_import)

    exporter = subparsers.add_parser(
        "export",
        help="exporter un type de données en CSV, XLSX ou JSON",
        description="Exporte les enregistrements d'un type : en CSV et en XLSX avec les noms "
        "(projets, personnes, écoles, organisations, régions) plutôt que des identifiants, "
        "l'identifiant en dernière colonne pour réimporter le fichier ; en JSON, les valeurs "
        "telles que l'application les garde.",
    )
    exporter.add_argument(
        "--kind", required=True, metavar="TYPE", help=f"type de données : {kinds}"
    )
    exporter.add_argument(
        "--format", choices=FORMATS, help="format (défaut : l'extension du fichier)"
    )
    exporter.add_argument(
        "-o", "--output", required=True, metavar="FICHIER", help="fichier à écrire"
    )
    exporter.add_argument(
        "--include-names",
        action="store_true",
        help="inclure les noms, dates de naissance et autres renseignements personnels des "
        "participants (exclus par défaut, Loi 25)",
    )
    exporter.set_defaults(handler=run_export)


def print_report(report: ImportReport) -> None:
    """Notes and matches on standard output; problems, every one of them, on standard error."""
    for note in report.notes:
        print(note)
    for match in report.matches[:MAX_MATCHES_SHOWN]:
        print(match)
    if len(report.matches) > MAX_MATCHES_SHOWN:
        more = len(report.matches) - MAX_MATCHES_SHOWN
        print("… et " + fr_ca.count(more, "autre ligne trouvée.", "autres lignes trouvées."))
    if report.problems:
        print("Problèmes à corriger :", file=sys.stderr)
        for problem in report.problems:
            print(f"  {problem}", file=sys.stderr)
        print(report.summary(), file=sys.stderr)
    else:
        print(report.summary())


def run_import(ctx: Context) -> int:
    kind = resolve_kind(ctx.args.kind)
    report = import_file(ctx.store, Path(ctx.args.file), kind, dry_run=ctx.args.dry_run)
    print_report(report)
    return EXIT_OK if report.ok else EXIT_USER_ERROR


def run_export(ctx: Context) -> int:
    kind = resolve_kind(ctx.args.kind)
    result = export_records(
        ctx.store,
        kind,
        Path(ctx.args.output),
        ctx.args.format,
        include_personal=ctx.args.include_names,
    )
    done = fr_ca.count(result.count, "enregistrement exporté", "enregistrements exportés")
    print(f"{done} en {result.format.upper()} : {result.path}")
    return EXIT_OK
