"""Retention of personal data (Québec Law 25): shared rule for the server and the laptops.

The server stores retention settings set by an administrator (``coordinator-server set-retention``)
and returns them in every pull response as ``retention``. The server applies them itself
(``coordinator-server privacy purge``) by writing ordinary changes that sync; laptops may apply the
same rule to their own copy with the helpers below so that both sides compute the same values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

#: Retention keys and their defaults, in months after the end of the project's season.
RETENTION_DEFAULTS: dict[str, int] = {"participant_personal_months": 24}

ANONYMISED_NAME = "Anonyme"


def season_end(project: Mapping[str, Any]) -> dt.date | None:
    """When a project's season ends: its ``end_date``, else December 31 of ``season_year``."""
    if project.get("end_date"):
        return dt.date.fromisoformat(str(project["end_date"])[:10])
    if project.get("season_year"):
        return dt.date(int(project["season_year"]), 12, 31)
    return None


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus ``months`` calendar months (clamped to the month's last day)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def participant_due(project: Mapping[str, Any], months: int, today: dt.date) -> bool:
    """True when a participant of ``project`` must be anonymised on ``today``."""
    end = season_end(project)
    return end is not None and add_months(end, months) <= today


def anonymised_participant(values: Mapping[str, Any]) -> dict[str, Any]:
    """The changed fields that anonymise a participant (names replaced, birth date reduced to the
    year, consent giver removed); counts and ages by year in the indicators still work."""
    birth = values.get("birth_date")
    changes: dict[str, Any] = {
        "first_name": ANONYMISED_NAME,
        "last_name": ANONYMISED_NAME,
        "consent_by": None,
        "anonymised": True,
    }
    if birth:
        changes["birth_date"] = f"{str(birth)[:4]}-01-01"
    return {k: v for k, v in changes.items() if values.get(k) != v}
