"""The columns of each list: title (French source, translated at display), how to show a row.

Titles are marked with ``QT_TRANSLATE_NOOP("Columns", …)`` so ``pyside6-lupdate`` collects them;
the model translates them when Qt asks for the header. Values come from ``store.queries`` rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from coordinator_app.domain.choices import COOP_TYPES, VISIT_MODES
from coordinator_app.domain.regions import region_name
from coordinator_app.domain.stages import (
    CIEC,
    FERME_COOP,
    JEUNE_COOP,
    stage_label,
)
from coordinator_app.ui import i18n

Row = dict[str, Any]


@dataclass(frozen=True)
class Column:
    key: str  # the row's field and the sort key in ``store.queries.SORT_KEYS``
    title: str
    render: Callable[[Row], str]
    numeric: bool = False
    width: int = 0  # initial width in pixels (0: fit contents)


def _text(key: str) -> Callable[[Row], str]:
    return lambda row: "" if row.get(key) is None else str(row[key])


def _number(key: str) -> Callable[[Row], str]:
    return lambda row: i18n.number(row.get(key))


def _region(row: Row) -> str:
    code = row.get("region_code")
    return f"{code} {region_name(code)}" if code else ""


def _domain(label: str) -> str:
    """A label from the domain's specs in the current language (context « domain »)."""
    return QCoreApplication.translate("domain", label) if label else ""


def _observations(row: Row) -> str:
    """A planned visit has no observations yet: « Planifiée — its purpose » instead."""
    if row.get("status") == "planifiee":
        purpose = row.get("purpose") or ""
        planned = _domain("Planifiée")
        return f"{planned} — {purpose}" if purpose else planned
    return "" if row.get("observations") is None else str(row["observations"])


def _stage(row: Row) -> str:
    if not row.get("stage"):
        return ""
    return _domain(stage_label(row.get("program") or "", row["stage"]))


def _year(row: Row) -> str:
    if row.get("season_year"):
        return str(row["season_year"])
    return (row.get("founding_date") or "")[:4]


def _datetime(key: str) -> Callable[[Row], str]:
    return lambda row: (row.get(key) or "").replace("T", " ")


def _mode(row: Row) -> str:
    return _domain(dict(VISIT_MODES).get(row.get("mode") or "", ""))


def _coop_type(row: Row) -> str:
    """« Travailleurs » for « Coopérative de travailleurs »: the column is narrow."""
    label = _domain(dict(COOP_TYPES).get(row.get("coop_type") or "", ""))
    short = label.removeprefix("Coopérative de ")
    return short[:1].upper() + short[1:]


NAME = Column("name", QT_TRANSLATE_NOOP("Columns", "Nom"), _text("name"), width=250)
REGION = Column("region_code", QT_TRANSLATE_NOOP("Columns", "Région"), _region, width=195)
MUNICIPALITY = Column(
    "municipality", QT_TRANSLATE_NOOP("Columns", "Municipalité"), _text("municipality"), width=140
)
STAGE = Column("stage", QT_TRANSLATE_NOOP("Columns", "Étape"), _stage, width=190)
YEAR = Column("year", QT_TRANSLATE_NOOP("Columns", "Année"), _year, numeric=True, width=60)
COORDINATORS = Column(
    "coordinators",
    QT_TRANSLATE_NOOP("Columns", "Coordonnateurs"),
    _text("coordinators"),
    width=220,
)

PROJECT_COLUMNS: dict[str, tuple[Column, ...]] = {
    CIEC: (
        NAME,
        REGION,
        MUNICIPALITY,
        STAGE,
        YEAR,
        Column(
            "youth_count", QT_TRANSLATE_NOOP("Columns", "Jeunes"), _number("youth_count"), True, 60
        ),
        COORDINATORS,
    ),
    JEUNE_COOP: (
        NAME,
        REGION,
        MUNICIPALITY,
        STAGE,
        YEAR,
        Column(
            "youth_count", QT_TRANSLATE_NOOP("Columns", "Jeunes"), _number("youth_count"), True, 60
        ),
        COORDINATORS,
    ),
    FERME_COOP: (
        NAME,
        REGION,
        MUNICIPALITY,
        Column("stage", QT_TRANSLATE_NOOP("Columns", "Étape"), _stage, width=160),
        Column(
            "founding_date",
            QT_TRANSLATE_NOOP("Columns", "Constitution"),
            _text("founding_date"),
            width=95,
        ),
        Column("coop_type", QT_TRANSLATE_NOOP("Columns", "Type"), _coop_type, width=100),
        Column(
            "members_count",
            QT_TRANSLATE_NOOP("Columns", "Membres"),
            _number("members_count"),
            True,
            80,
        ),
        COORDINATORS,
    ),
}

VISIT_COLUMNS: tuple[Column, ...] = (
    Column("visited_at", QT_TRANSLATE_NOOP("Columns", "Date"), _datetime("visited_at"), width=130),
    Column(
        "project_name", QT_TRANSLATE_NOOP("Columns", "Projet"), _text("project_name"), width=260
    ),
    REGION,
    Column("place", QT_TRANSLATE_NOOP("Columns", "Lieu"), _text("place"), width=150),
    Column("mode", QT_TRANSLATE_NOOP("Columns", "Type"), _mode, width=90),
    Column(
        "made_by",
        QT_TRANSLATE_NOOP("Columns", "Visite faite par"),
        _text("made_by"),
        width=170,
    ),
    Column(
        "observations",
        QT_TRANSLATE_NOOP("Columns", "Observations"),
        _observations,
        width=400,
    ),
)

ACTION_COLUMNS: tuple[Column, ...] = (
    Column("done", QT_TRANSLATE_NOOP("Columns", "Fait"), lambda _row: "", width=50),
    Column("due_date", QT_TRANSLATE_NOOP("Columns", "Échéance"), _text("due_date"), width=100),
    Column("text", QT_TRANSLATE_NOOP("Columns", "Action"), _text("text"), width=320),
    Column("owner", QT_TRANSLATE_NOOP("Columns", "Responsable"), _text("owner"), width=160),
    Column(
        "project_name", QT_TRANSLATE_NOOP("Columns", "Projet"), _text("project_name"), width=260
    ),
    REGION,
)
