"""Helpers shared by the privacy tests (test data and file checks)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from coordinator_app.store import Store

NAMES = ("Zoéline", "Tremblay-Bouchard")


def add_youth(store: Store, *, season_year: int = 2025, end_date: str | None = None) -> dict:
    """A CIEC project with one participant of 15 named ``NAMES``; returns the participant."""
    project = store.create(
        "project",
        {
            "name": "CIEC de Rimouski",
            "program": "CIEC",
            "region_code": "01",
            "season_year": season_year,
            "end_date": end_date,
            "youth_count": 12,
        },
    )
    return store.create(
        "participant",
        {
            "project_id": project["id"],
            "first_name": NAMES[0],
            "last_name": NAMES[1],
            "birth_date": f"{season_year - 15}-03-14",
            "school_level": "secondaire",
        },
    )


def fixed_clock(day: str):
    moment = dt.datetime.fromisoformat(day).replace(hour=12, tzinfo=dt.UTC)
    return lambda: moment


def folder_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())
