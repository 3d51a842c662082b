"""« Bilan annuel »: the program report of a year, with the indicator blocks of the organisation's
presentation (Jeune COOP, CIEC, farm co-ops, survival), computed by the same domain function as the
dashboard (``compute_indicators``) so the figures agree everywhere.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable

from coordinator_app.domain import fr_ca
from coordinator_app.domain.errors import UserError
from coordinator_app.domain.indicators import Indicators, compute_indicators
from coordinator_app.domain.regions import REGIONS
from coordinator_app.reports import blocks as b
from coordinator_app.reports import charts
from coordinator_app.reports.common import (
    ALL_PROGRAMS,
    Composed,
    ReportOptions,
    make_frame,
    region_label,
    write_report,
)
from coordinator_app.reports.style import content_width
from coordinator_app.store import report_queries as q
from coordinator_app.store.profile import Store

REPORT_NAME = "Bilan annuel"
FARM_YEARS_SHOWN = 15
#: Published comparison (MEIE study quoted in the presentation): Québec SMEs alive after 10 years.
SME_SURVIVAL_10Y = "19,5 %"


def parse_year(value: object) -> int:
    try:
        year = int(str(value).strip())
    except ValueError:
        raise UserError(f"Année invalide : « {value} » (format attendu : AAAA).") from None
    if not 1990 <= year <= 2100:
        raise UserError(f"Année invalide : {year} (entre 1990 et 2100).")
    return year


def _has_data(ind: Indicators) -> bool:
    return bool(ind.jeune_coop_count or ind.ciec_projects or ind.farm_coops_created_by_year)


def _farm_section(ind: Indicators, width: float) -> list[Flowable]:
    first = ind.year - FARM_YEARS_SHOWN + 1
    years = [str(y) for y in range(first, ind.year + 1)]
    counts = [ind.farm_coops_created_by_year.get(y, 0) for y in years]
    this_year = ind.farm_coops_created_by_year.get(str(ind.year), 0)
    total = sum(counts)
    average = total / len(years)
    return [
        b.text(
            fr_ca.count(
                this_year, "coopérative agricole constituée", "coopératives agricoles constituées"
            )
            + f" en {ind.year} ; "
            f"{fr_ca.number(total)} de {first} à {ind.year}, soit {fr_ca.number(average, 1)} par année "
            "en moyenne (objectif : 4 à 5 par année)."
        ),
        charts.bar_chart(
            [y[2:] if len(years) > 10 else y for y in years],
            [counts],
            width=width,
            height=160,
            title="Coopératives agricoles constituées par année",
        ),
        b.text(f"Années {first} à {ind.year} (deux derniers chiffres de l'année).", "caption"),
    ]


def _survival_section(ind: Indicators, width: float) -> list[Flowable]:
    def cohort(n: int) -> str:
        return (
            "cohorte de " + fr_ca.count(n, "coopérative", "coopératives") if n else "aucune cohorte"
        )

    return [
        b.tiles(
            [
                (fr_ca.percent(ind.survival_5y_pct), "toujours actives après 5 ans"),
                (fr_ca.percent(ind.survival_10y_pct), "toujours actives après 10 ans"),
            ],
            width,
        ),
        b.text(
            f"Coopératives agricoles constituées au moins cinq ans (ou dix ans) avant le 31 décembre "
            f"{ind.year} : {cohort(ind.survival_5y_cohort)} à cinq ans, {cohort(ind.survival_10y_cohort)} "
            f"à dix ans. À titre de comparaison, {SME_SURVIVAL_10Y} des PME québécoises sont toujours "
            "actives après dix ans (étude du MEIE).",
            "caption",
        ),
    ]


def _region_rows(projects: list[dict[str, Any]], year: int) -> list[tuple[str, Indicators]]:
    rows = []
    for code in REGIONS:
        ind = compute_indicators(projects, year, region=code)
        if ind.jeune_coop_count or ind.ciec_projects or ind.farm_coops_created_by_year:
            rows.append((code, ind))
    return rows


def _region_section(
    projects: list[dict[str, Any]], total: Indicators, width: float
) -> list[Flowable]:
    rows = _region_rows(projects, total.year)
    year = str(total.year)
    table_rows = [
        [
            region_label(code),
            fr_ca.number(ind.jeune_coop_count),
            fr_ca.number(ind.jeune_coop_youth),
            fr_ca.number(ind.ciec_projects),
            fr_ca.number(ind.ciec_youth),
            fr_ca.number(ind.farm_coops_created_by_year.get(year, 0)),
        ]
        for code, ind in rows
    ]
    table_rows.append(
        [
            "Ensemble du Québec",
            fr_ca.number(total.jeune_coop_count),
            fr_ca.number(total.jeune_coop_youth),
            fr_ca.number(total.ciec_projects),
            fr_ca.number(total.ciec_youth),
            fr_ca.number(total.farm_coops_created_by_year.get(year, 0)),
        ]
    )
    youth = [(region_label(code), ind.jeune_coop_youth + ind.ciec_youth) for code, ind in rows]
    youth.sort(key=lambda item: -item[1])
    return [
        charts.hbar_chart(
            [name for name, _ in youth],
            [n for _, n in youth],
            width=width,
            title=f"Jeunes rejoints en {total.year} (Jeune COOP et CIEC) par région",
            label_width=170,
        ),
        b.gap(8),
        b.data_table(
            [
                "Région",
                "Jeune COOP",
                "Jeunes (Jeune COOP)",
                "Projets CIEC",
                "Jeunes (CIEC)",
                f"Coop. agricoles constituées en {total.year}",
            ],
            table_rows,
            [w * width for w in (0.34, 0.11, 0.13, 0.11, 0.11, 0.2)],
            numeric=(1, 2, 3, 4, 5),
            total_row=True,
        ),
    ]


def compose(store: Store, year_value: object, options: ReportOptions) -> Composed:
    """The page frame and content of the annual report (UserError for a year without data)."""
    options = options.validated()
    year = parse_year(year_value)
    projects = q.all_projects(store)
    ind = compute_indicators(projects, year)
    if not _has_data(ind):
        raise UserError(
            f"Aucune donnée pour l'année {year} : aucun projet Jeune COOP ou CIEC de cette année "
            "et aucune coopérative agricole constituée."
        )
    frame = make_frame(
        store,
        options,
        report_name=f"{REPORT_NAME} {year}",
        program=ALL_PROGRAMS,
        title=f"{REPORT_NAME} {year} — CQCM",
    )
    width = content_width(options.page_size)
    story: list[Flowable] = [
        b.text(f"{REPORT_NAME} {year}", "title"),
        b.text(
            "Service Entrepreneuriat jeunesse et coopératives agricoles — figures calculées à partir "
            "des données du carnet.",
            "subtitle",
        ),
    ]
    story += b.section(
        "Programme Jeune COOP",
        b.tiles(
            [
                (fr_ca.number(ind.jeune_coop_count), "Jeune COOP"),
                (fr_ca.number(ind.jeune_coop_youth), "jeunes participants et participantes"),
                (fr_ca.number(ind.jeune_coop_schools), "écoles"),
            ],
            width,
        ),
        keep=True,
    )
    story += b.section(
        "COOP d'initiation à l'entrepreneuriat collectif (CIEC)",
        b.tiles(
            [
                (fr_ca.number(ind.ciec_regions), "régions"),
                (fr_ca.number(ind.ciec_projects), "projets"),
                (fr_ca.number(ind.ciec_coordinators), "coordonnateurs et coordonnatrices"),
                (fr_ca.number(ind.ciec_youth), "jeunes"),
            ],
            width,
        ),
        keep=True,
    )
    story += b.section("Coopératives agricoles constituées", *_farm_section(ind, width), keep=True)
    story += b.section(
        "Survie des coopératives agricoles", *_survival_section(ind, width), keep=True
    )
    story += b.section("Par région", *_region_section(projects, ind, width))
    return frame, story


def generate(store: Store, year: object, output: Path | str, options: ReportOptions) -> Path:
    """Write the annual report of ``year`` to ``output`` (atomically)."""
    frame, story = compose(store, year, options)
    return write_report(output, frame, story)
