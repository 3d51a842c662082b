"""The participants section of the « Fiche de projet »: counts by age band and consent status, and
the list of names only when the report is made « avec les noms » (Law 25: show the minimum).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from reportlab.platypus import Flowable

from coordinator_app.domain import fr_ca
from coordinator_app.domain.choices import SCHOOL_LEVELS
from coordinator_app.domain.validation import age_on, consent_missing, needs_parental_consent
from coordinator_app.reports import blocks as b
from coordinator_app.reports.common import ReportOptions, choice_text, short_date

AGE_BANDS = (
    (0, 11, "11 ans et moins"),
    (12, 13, "12 et 13 ans"),
    (14, 15, "14 et 15 ans"),
    (16, 17, "16 et 17 ans"),
    (18, 200, "18 ans et plus"),
)
UNKNOWN_AGE = "Âge inconnu"


def age_band(birth_date: str | None, today: dt.date) -> str:
    """The participant's age band on ``today`` (« Âge inconnu » without a birth date)."""
    if not birth_date:
        return UNKNOWN_AGE
    age = age_on(birth_date, today)
    return next((label for low, high, label in AGE_BANDS if low <= age <= high), UNKNOWN_AGE)


def consent_status(participant: dict[str, Any], today: dt.date) -> str:
    """« Consentement consigné », « Consentement manquant » or « Non requis (14 ans et plus) »."""
    if consent_missing(participant, today):
        return "Consentement manquant"
    if needs_parental_consent(participant.get("birth_date"), today) and not participant.get(
        "anonymised"
    ):
        return "Consentement consigné"
    return "Non requis (14 ans et plus)"


CONSENT_COLUMNS = ("Consentement consigné", "Consentement manquant", "Non requis (14 ans et plus)")


def participants_summary(participants: list[dict[str, Any]], today: dt.date) -> list[list[Any]]:
    """Rows: age band, count per consent status, total (only bands that have someone)."""
    counts: Counter[tuple[str, str]] = Counter(
        (age_band(p.get("birth_date"), today), consent_status(p, today)) for p in participants
    )
    bands = [label for _, _, label in AGE_BANDS] + [UNKNOWN_AGE]
    rows = []
    for band in bands:
        per = [counts[(band, status)] for status in CONSENT_COLUMNS]
        if sum(per):
            rows.append([band, *per, sum(per)])
    return rows


def participants_section(
    participants: list[dict[str, Any]],
    project: dict[str, Any],
    options: ReportOptions,
    today: dt.date,
    width: float,
) -> list[Flowable]:
    """How many are in the carnet and declared, the table by age and consent, then the names
    (with ``with_names``) or a line saying why they are not shown."""
    items: list[Flowable] = [b.text(_count_sentence(participants, project, today))]
    rows = participants_summary(participants, today)
    if rows:
        items.append(_summary_table(rows, width))
    if options.with_names and participants:
        items += _named_list(participants, today, width)
    elif participants:
        items.append(
            b.text(
                "Les noms des participants ne figurent pas sur cette fiche (option « avec les noms »).",
                "caption",
            )
        )
    return items


def _count_sentence(
    participants: list[dict[str, Any]], project: dict[str, Any], today: dt.date
) -> str:
    """« 12 participants inscrits au carnet (âges au …) ; 15 jeunes déclarés pour le projet. »"""
    declared = project.get("youth_count")
    if participants:
        intro = fr_ca.count(
            len(participants), "participant inscrit au carnet", "participants inscrits au carnet"
        )
        intro += f" (âges au {short_date(today.isoformat())})"
    else:
        intro = "Aucun participant inscrit au carnet"
    if declared is not None:
        intro += " ; " + fr_ca.count(
            declared, "jeune déclaré pour le projet", "jeunes déclarés pour le projet"
        )
    return intro + "."


def _summary_table(rows: list[list[Any]], width: float) -> Flowable:
    """The counts by age band and consent status, with a total row."""
    total = ["Total", *(sum(r[i] for r in rows) for i in range(1, 5))]
    shown = [[r[0], *(fr_ca.number(v) for v in r[1:])] for r in [*rows, total]]
    return b.data_table(
        ["Tranche d'âge", *CONSENT_COLUMNS, "Total"],
        shown,
        [0.24 * width, 0.19 * width, 0.19 * width, 0.24 * width, 0.14 * width],
        numeric=(1, 2, 3, 4),
        total_row=True,
    )


def _named_list(participants: list[dict[str, Any]], today: dt.date, width: float) -> list[Flowable]:
    """The participants by name, with their age band, school level and consent status."""
    people = sorted(
        participants, key=lambda p: (p.get("last_name") or "", p.get("first_name") or "")
    )
    named = [
        [
            f"{p.get('first_name') or ''} {p.get('last_name') or ''}".strip(),
            age_band(p.get("birth_date"), today),
            choice_text(SCHOOL_LEVELS, p.get("school_level")),
            consent_status(p, today),
        ]
        for p in people
    ]
    return [
        b.heading("Liste des participants", 2),
        b.data_table(
            ["Nom", "Tranche d'âge", "Niveau scolaire", "Consentement"],
            named,
            [0.32 * width, 0.2 * width, 0.2 * width, 0.28 * width],
        ),
    ]
