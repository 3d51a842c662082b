"""« Agenda de la semaine »: the week's visits, follow-ups due and dates, printed for the car.

One section per day (Monday to Sunday, empty days said so), each entry with its time, what it
is, the project, the place and the purpose: enough to drive from one visit to the next without
the laptop. Same house style and machinery as the other reports.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.platypus import Flowable

from coordinator_app.domain import agenda
from coordinator_app.domain.fr_ca import time_text
from coordinator_app.reports import blocks as b
from coordinator_app.reports.common import (
    ALL_PROGRAMS,
    Composed,
    ReportOptions,
    make_frame,
    region_label,
    write_report,
)
from coordinator_app.reports.style import content_width
from coordinator_app.store import agenda_queries
from coordinator_app.store.profile import Store

REPORT_NAME = "Agenda de la semaine"


def compose(
    store: Store,
    day: dt.date,
    options: ReportOptions,
    *,
    region: str | None = None,
    mine: bool = False,
) -> Composed:
    """The week of ``day`` (Monday to Sunday)."""
    options = options.validated()
    monday, sunday = agenda.week_of(day)
    entries = agenda_queries.named(
        store, agenda_queries.entries(store, monday, sunday, region=region, mine=mine)
    )
    period = f"du {agenda.day_text(monday)} au {agenda.day_text(sunday)} {sunday.year}"
    frame = make_frame(
        store,
        options,
        report_name=REPORT_NAME,
        program=ALL_PROGRAMS,
        title=f"{REPORT_NAME} — {monday.isoformat()}",
    )
    width = content_width(options.page_size)
    scope = [f"Semaine {period}."]
    if region:
        scope.append(f"Région : {region_label(region)}.")
    if mine:
        scope.append(f"Visites de {store.author or agenda_queries.me(store)} seulement.")
    story: list[Flowable] = [b.text(REPORT_NAME, "title"), b.text(" ".join(scope))]
    for offset in range(7):
        current = monday + dt.timedelta(days=offset)
        todays = [e for e in entries if e.day == current]
        title = agenda.day_text(current)
        title = title[:1].upper() + title[1:]
        if not todays:
            story += b.section(title, b.none_line("Rien de prévu."))
            continue
        rows = [
            [
                time_text(e.start) if not e.all_day else "Journée",
                e.label,
                e.project_name,
                " — ".join(x for x in (e.place, e.purpose) if x)
                or (e.title.split(" — ", 1)[1] if e.kind != agenda.VISIT else ""),
                ", ".join(e.staff),
            ]
            for e in todays
        ]
        table = b.data_table(
            ["Heure", "Quoi", "Projet", "Lieu, objet", "Qui (CQCM)"],
            rows,
            [0.1 * width, 0.17 * width, 0.27 * width, 0.31 * width, 0.15 * width],
        )
        story += b.section(title, table)
    return frame, story


def generate(
    store: Store,
    day: dt.date,
    output: Path | str,
    options: ReportOptions,
    *,
    region: str | None = None,
    mine: bool = False,
) -> Path:
    frame, story = compose(store, day, options, region=region, mine=mine)
    return write_report(output, frame, story)
