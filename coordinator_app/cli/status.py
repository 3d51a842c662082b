"""``coordinator-app status [--json] [--year YYYY]``: what the profile holds and its indicators."""

from __future__ import annotations

import argparse
import json
from typing import Any

from coordinator_app.cli.context import Context
from coordinator_app.cli.person import person_line
from coordinator_app.domain import fr_ca
from coordinator_app.domain.errors import UserError
from coordinator_app.domain.indicators import compute_indicators, latest_year
from coordinator_app.domain.stages import PROGRAM_SHORT_LABELS
from coordinator_app.store.summary import counts_by_program, live_projects
from coordinator_app.sync.status_info import status_lines, sync_status


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "status", help="état du profil, changements en attente et indicateurs"
    )
    parser.add_argument("--json", action="store_true", help="sortie JSON")
    parser.add_argument(
        "--year", type=int, help="année des indicateurs (défaut : la plus récente du profil)"
    )
    parser.set_defaults(handler=run)


def collect(ctx: Context) -> dict[str, Any]:
    store = ctx.store
    projects = live_projects(store)
    year = ctx.args.year or latest_year(projects)
    if ctx.args.year and not any(p.get("season_year") == year for p in projects):
        raise UserError(f"Aucun projet pour l'année {year} dans ce profil.")
    return {
        "profile": str(store.path),
        "schema_version": store.schema_version,
        "device_id": store.device_id,
        "person": {"name": store.author, "account": store.author_id},
        "demo": store.get_meta("demo") == "1",
        "projects_by_program": counts_by_program(store),
        "pending_changes": store.pending_count(),
        "last_sync": store.get_meta("last_sync"),
        "server": store.get_meta("server_url"),
        "sync": sync_status(store),
        "indicators_year": year,
        "indicators": compute_indicators(projects, year).as_dict() if year else None,
    }


def run(ctx: Context) -> int:
    status = collect(ctx)
    if ctx.args.json:
        print(json.dumps(status, ensure_ascii=False, indent=2))
        return 0
    print(f"Profil : {status['profile']} (schéma {status['schema_version']})")
    print(person_line(ctx.store))
    for program, count in status["projects_by_program"].items():
        print(f"  {PROGRAM_SHORT_LABELS.get(program, program)} : {fr_ca.number(count)} projets")
    print(f"Changements en attente de synchronisation : {fr_ca.number(status['pending_changes'])}")
    print(f"Dernière synchronisation : {status['last_sync'] or 'jamais synchronisé'}")
    for line in status_lines(ctx.store):
        print(line)
    indicators = status["indicators"]
    if indicators:
        print(f"Indicateurs {status['indicators_year']} :")
        print(
            f"  Jeune COOP : {fr_ca.number(indicators['jeune_coop_count'])} coopératives, {fr_ca.number(indicators['jeune_coop_youth'])} jeunes, {fr_ca.number(indicators['jeune_coop_schools'])} écoles"
        )
        print(
            f"  CIEC : {indicators['ciec_projects']} projets, {indicators['ciec_regions']} régions, {indicators['ciec_coordinators']} coordonnateurs, {indicators['ciec_youth']} jeunes"
        )
        print(
            f"  Coopératives agricoles : survie {fr_ca.percent(indicators['survival_5y_pct'])} à 5 ans, {fr_ca.percent(indicators['survival_10y_pct'])} à 10 ans"
        )
    return 0
