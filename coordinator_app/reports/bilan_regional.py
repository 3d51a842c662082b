"""« Bilan régional »: one region (or all) over a period, for head office and funders.

Figures are aggregated in SQL (``store.report_queries``) so the report stays quick on a profile
with thousands of visits; the only per-record lists are the overdue follow-ups (capped) and the
farm co-ops, which are few.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable, KeepTogether

from coordinator_app.domain import fr_ca
from coordinator_app.domain.errors import UserError
from coordinator_app.domain.regions import region_name
from coordinator_app.domain.stages import (
    CIEC,
    FERME_COOP,
    JEUNE_COOP,
    PROGRAM_SHORT_LABELS,
    STAGES,
    stage_label,
)
from coordinator_app.reports import blocks as b
from coordinator_app.reports import charts
from coordinator_app.reports.common import (
    ALL_PROGRAMS,
    Composed,
    ReportOptions,
    make_frame,
    parse_day,
    region_label,
    require_region,
    short_date,
    write_report,
)
from coordinator_app.reports.style import content_width
from coordinator_app.store import report_queries as q
from coordinator_app.store.profile import Store

REPORT_NAME = "Bilan régional"
OVERDUE_LIMIT = 200
CHART_COORDINATORS = 15
MONTHS = (
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
)


def period_text(period: q.Period) -> str:
    """« du 1er janvier 2026 au 31 décembre 2026 »."""
    start = fr_ca.long_date(period.start).removeprefix("le ")
    end = fr_ca.long_date(period.end).removeprefix("le ")
    return f"du {start} au {end}"


def make_period(start: str | dt.date, end: str | dt.date) -> q.Period:
    first, last = parse_day(start, "--from (début)"), parse_day(end, "--to (fin)")
    if first > last:
        raise UserError(
            f"Période invalide : le début ({first.isoformat()}) est après la fin ({last.isoformat()})."
        )
    return q.Period(first.isoformat(), last.isoformat())


def _stage_table(projects: list[dict[str, Any]], width: float) -> Flowable:
    counts = Counter((p["program"], p.get("stage") or "") for p in projects)
    rows: list[list[Any]] = []
    for program in (CIEC, JEUNE_COOP, FERME_COOP):
        order = [value for value, _ in STAGES[program]] + [""]
        for stage in order:
            if counts[(program, stage)]:
                label = stage_label(program, stage) if stage else "Étape non précisée"
                rows.append(
                    [PROGRAM_SHORT_LABELS[program], label, fr_ca.number(counts[(program, stage)])]
                )
    rows.append(["Total", "", fr_ca.number(len(projects))])
    return b.data_table(
        ["Programme", "Étape", "Projets"],
        rows,
        [0.28 * width, 0.56 * width, 0.16 * width],
        numeric=(2,),
        total_row=True,
    )


def _youth(projects: list[dict[str, Any]], width: float) -> tuple[int, Flowable]:
    rows, total = [], 0
    for program in (CIEC, JEUNE_COOP):
        mine = [p for p in projects if p["program"] == program]
        youth = sum(p.get("youth_count") or 0 for p in mine)
        total += youth
        rows.append([PROGRAM_SHORT_LABELS[program], fr_ca.number(len(mine)), fr_ca.number(youth)])
    rows.append(["Total", "", fr_ca.number(total)])
    table = b.data_table(
        ["Programme", "Projets", "Jeunes rejoints"],
        rows,
        [0.5 * width, 0.25 * width, 0.25 * width],
        numeric=(1, 2),
        total_row=True,
    )
    return total, table


def _months(period: q.Period, per_month: dict[str, int]) -> tuple[list[str], list[int]]:
    labels, values = [], []
    year, month = int(period.start[:4]), int(period.start[5:7])
    while (year, month) <= (int(period.end[:4]), int(period.end[5:7])):
        key = f"{year:04d}-{month:02d}"
        labels.append(f"{MONTHS[month - 1]} {str(year)[2:]}")
        values.append(per_month.get(key, 0))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return labels, values


def _visits(store: Store, region: str | None, period: q.Period, width: float) -> list[Flowable]:
    per_coordinator = q.visits_per_coordinator(store, region, period)
    if not per_coordinator:
        return [b.none_line("Aucune visite pendant la période.")]
    items: list[Flowable] = []
    labels, values = _months(period, q.visits_per_month(store, region, period))
    if len(labels) <= 24:
        items.append(
            charts.bar_chart(labels, [values], width=width, height=150, title="Visites par mois")
        )
    top = per_coordinator[:CHART_COORDINATORS]
    title = "Visites par coordonnateur ou coordonnatrice"
    if len(per_coordinator) > CHART_COORDINATORS:
        title += f" ({CHART_COORDINATORS} plus actifs)"
    items.append(b.gap(8))
    items.append(
        charts.hbar_chart(
            [r["name"] for r in top], [r["total"] for r in top], width=width, title=title
        )
    )
    rows = [
        [
            r["name"],
            fr_ca.number(r["on_site"] or 0),
            fr_ca.number(r["remote"] or 0),
            fr_ca.number(r["total"]),
        ]
        for r in per_coordinator
    ]
    totals = [sum(r[k] or 0 for r in per_coordinator) for k in ("on_site", "remote", "total")]
    rows.append(["Total", *(fr_ca.number(t) for t in totals)])
    items.append(b.gap(6))
    items.append(
        b.data_table(
            ["Coordonnateur ou coordonnatrice", "Sur place", "À distance", "Total"],
            rows,
            [0.52 * width, 0.16 * width, 0.16 * width, 0.16 * width],
            numeric=(1, 2, 3),
            total_row=True,
        )
    )
    return items


def _overdue(
    store: Store, region: str | None, today: dt.date, width: float
) -> tuple[int, list[Flowable]]:
    rows, total = q.overdue_action_items(store, region, today.isoformat(), OVERDUE_LIMIT)
    if not rows:
        return 0, [b.none_line("Aucun suivi en retard.")]
    shown = [
        [
            short_date(r["due_date"]),
            fr_ca.number((today - dt.date.fromisoformat(r["due_date"][:10])).days),
            r["project"],
            r["text"],
            r["owner"],
        ]
        for r in rows
    ]
    intro = b.text(
        fr_ca.count(total, "suivi non fait", "suivis non faits") + " dont l'échéance est passée "
        f"au {short_date(today.isoformat())}."
    )
    table = b.data_table(
        ["Échéance", "Jours de retard", "Projet", "Action", "Responsable"],
        shown,
        [w * width for w in (0.14, 0.1, 0.25, 0.33, 0.18)],
        numeric=(1,),
    )
    # the sentence, and the heading the section adds, start on the same page as the table
    items: list[Flowable] = [KeepTogether([intro, table])]
    if total > len(rows):
        items.append(
            b.text(
                "… et "
                + fr_ca.count(total - len(rows), "autre, plus récent.", "autres, plus récents."),
                "muted",
            )
        )
    return total, items


def _farms(
    store: Store, projects: list[dict[str, Any]], region: str | None, period: q.Period, width: float
) -> list[Flowable]:
    farms = [p for p in projects if p["program"] == FERME_COOP]
    if not farms:
        return [b.none_line("Aucune coopérative agricole active pendant la période.")]
    counts = Counter(p.get("stage") or "" for p in farms)
    stages = [(v, lab) for v, lab in STAGES[FERME_COOP] if counts[v]]
    items: list[Flowable] = [
        charts.hbar_chart(
            [lab for _, lab in stages],
            [counts[v] for v, _ in stages],
            width=width,
            title="Coopératives agricoles par étape",
            label_width=190,
        )
    ]
    visits = q.visits_per_project(store, region, period)
    money = q.funding_totals(store, [p["id"] for p in farms])
    rows = [
        [
            p["name"],
            region_label(p.get("region_code")) if region is None else p.get("municipality") or "",
            stage_label(FERME_COOP, p.get("stage") or ""),
            short_date(p.get("founding_date")) or "—",
            fr_ca.number(visits.get(p["id"], 0)),
            fr_ca.money_cents(money.get(p["id"], {}).get("granted", 0)),
        ]
        for p in farms
    ]
    items.append(b.gap(6))
    items.append(
        b.data_table(
            [
                "Coopérative",
                "Région" if region is None else "Municipalité",
                "Étape",
                "Constituée",
                "Visites",
                "Financement accordé",
            ],
            rows,
            [w * width for w in (0.21, 0.22, 0.18, 0.14, 0.09, 0.16)],
            numeric=(4, 5),
        )
    )
    return items


def _per_region(
    store: Store, projects: list[dict[str, Any]], period: q.Period, width: float
) -> list[Flowable]:
    visits = q.visits_per_project(store, None, period)
    per: dict[str, list[int]] = {}
    for p in projects:
        acc = per.setdefault(p["region_code"], [0, 0, 0])
        acc[0] += 1
        acc[1] += (p.get("youth_count") or 0) if p["program"] != FERME_COOP else 0
        acc[2] += visits.get(p["id"], 0)
    rows = [
        [region_label(code), *(fr_ca.number(v) for v in values)]
        for code, values in sorted(per.items())
    ]
    rows.append(["Total", *(fr_ca.number(sum(v[i] for v in per.values())) for i in range(3))])
    return [
        b.data_table(
            ["Région", "Projets", "Jeunes rejoints", "Visites des projets"],
            rows,
            [0.46 * width, 0.18 * width, 0.18 * width, 0.18 * width],
            numeric=(1, 2, 3),
            total_row=True,
        )
    ]


def _headline(
    title: str, period: q.Period, counts: tuple[int, int, int, int], width: float
) -> list[Flowable]:
    """Title, period and the four tiles (``counts``: projects, youth, visits, overdue
    follow-ups), with what « actif » means for each program."""
    projects, youth, visits, overdue = counts
    return [
        b.text(title, "title"),
        b.text(f"Période {period_text(period)}", "subtitle"),
        b.tiles(
            [
                (fr_ca.number(projects), "projets actifs"),
                (fr_ca.number(youth), "jeunes rejoints"),
                (fr_ca.number(visits), "visites"),
                (fr_ca.number(overdue), "suivis en retard"),
            ],
            width,
        ),
        b.text(
            "Projets actifs : CIEC et Jeune COOP dont l'année de saison tombe dans la période ; "
            "coopératives agricoles constituées avant la fin de la période (ou en démarrage) et non "
            "fermées avant son début.",
            "caption",
        ),
    ]


def _programs_section(projects: list[dict[str, Any]], width: float) -> list[Flowable]:
    """The active projects by program (a bar chart) and by stage (a table)."""
    by_program = Counter(p["program"] for p in projects)
    return b.section(
        "Projets par programme et par étape",
        charts.bar_chart(
            [PROGRAM_SHORT_LABELS[p] for p in (CIEC, JEUNE_COOP, FERME_COOP)],
            [[by_program[p] for p in (CIEC, JEUNE_COOP, FERME_COOP)]],
            width=width,
            height=140,
            title="Projets actifs par programme",
        ),
        b.gap(6),
        _stage_table(projects, width),
    )


def compose(
    store: Store,
    region_text: str | None,
    start: str | dt.date,
    end: str | dt.date,
    options: ReportOptions,
) -> Composed:
    """The page frame and content of the regional summary (UserError when there is no data)."""
    options = options.validated()
    region = require_region(region_text)
    period = make_period(start, end)
    where = f"la région {region_label(region)}" if region else "l'ensemble des régions"
    projects = q.projects_in_period(store, region, period)
    visit_total = q.visit_count(store, region, period)
    if not projects and not visit_total:
        raise UserError(
            f"Aucune donnée pour {where} {period_text(period)} : aucun projet actif ni visite."
        )
    name = f"{region_name(region)} ({region})" if region else "Toutes les régions"
    frame = make_frame(
        store,
        options,
        report_name=REPORT_NAME,
        program=ALL_PROGRAMS,
        title=f"{REPORT_NAME} — {name} — {period.start} au {period.end}",
    )
    today = frame.printed_on
    width = content_width(options.page_size)
    youth_total, youth_table = _youth(projects, width)
    overdue_total, overdue_items = _overdue(store, region, today, width)
    counts = (len(projects), youth_total, visit_total, overdue_total)
    story = _headline(f"{REPORT_NAME} — {name}", period, counts, width)
    story += _programs_section(projects, width)
    story += b.section("Jeunes rejoints", youth_table)
    if region is None:
        story += b.section("Par région", *_per_region(store, projects, period, width))
    story += b.section("Visites", *_visits(store, region, period, width))
    story += b.section("Suivis en retard", *overdue_items)
    story += b.section(
        "Progression des coopératives agricoles", *_farms(store, projects, region, period, width)
    )
    return frame, story


def generate(
    store: Store,
    region: str | None,
    start: str | dt.date,
    end: str | dt.date,
    output: Path | str,
    options: ReportOptions,
) -> Path:
    """Write the regional summary to ``output`` (atomically)."""
    frame, story = compose(store, region, start, end, options)
    return write_report(output, frame, story)
