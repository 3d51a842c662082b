"""Rules about personal information (Québec Law 25): retention and anonymisation.

Pure functions shared by the laptop (``store.privacy``) and, through the same values, the server
(``protocol/retention.py`` states the same rule): both sides must compute the *same* anonymised
values, or an anonymisation made on the server and one made on a laptop would conflict.

Choices (documented for the privacy officer in ``docs/privacy.md``):

- a project's season ends on its ``end_date``, else on December 31 of its ``season_year``; a
  project with neither (a farm co-op) has no season end, and its participants are not purged by
  this rule;
- a participant is anonymised ``participant_personal_months`` months (default 24) after that end;
- anonymising keeps the record (so counts and ages by year in the indicators still hold): first and
  last names become « Anonyme », the birth date keeps only its year (« YYYY-01-01 »), the name of
  the person who gave consent is removed, and ``anonymised`` is set.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from typing import Any

from coordinator_app.domain.entities import ENTITIES
from coordinator_app.domain.text import fold

#: Retention keys and their defaults, in months after the end of the project's season.
RETENTION_DEFAULTS: dict[str, int] = {"participant_personal_months": 24}
ANONYMISED_NAME = "Anonyme"
PERSONAL_FIELDS: tuple[str, ...] = tuple(
    f.name for f in ENTITIES["participant"].fields if f.personal
)
MAX_RETENTION_MONTHS = 1200


def retention_rules(stored: str | Mapping[str, Any] | None) -> dict[str, int]:
    """The rules in force: the defaults, overridden by ``stored`` (the JSON the sync engine keeps
    from the server). Unknown keys and values that are not a whole number of months between 0 and
    ``MAX_RETENTION_MONTHS`` are ignored, so a bad setting never purges everything."""
    rules = dict(RETENTION_DEFAULTS)
    if not stored:
        return rules
    if isinstance(stored, str):
        try:
            stored = json.loads(stored)
        except json.JSONDecodeError:
            return rules
    if not isinstance(stored, Mapping):
        return rules
    for name in RETENTION_DEFAULTS:
        value = stored.get(name)
        whole = isinstance(value, int) and not isinstance(value, bool)
        if whole and 0 <= value <= MAX_RETENTION_MONTHS:
            rules[name] = value
    return rules


def season_end(project: Mapping[str, Any]) -> dt.date | None:
    """When a project's season ends: its ``end_date``, else December 31 of ``season_year``."""
    if project.get("end_date"):
        return dt.date.fromisoformat(str(project["end_date"])[:10])
    if project.get("season_year"):
        return dt.date(int(project["season_year"]), 12, 31)
    return None


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus ``months`` calendar months (clamped to the month's last day)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def anonymise_on(project: Mapping[str, Any], months: int) -> dt.date | None:
    """The day a participant of ``project`` is to be anonymised (None: never by this rule)."""
    end = season_end(project)
    return None if end is None else add_months(end, months)


def anonymised_value(field: str, value: Any) -> Any:
    """What an anonymised participant holds in place of ``value`` in personal field ``field``
    (an empty value stays empty)."""
    if value in (None, ""):
        return value
    if field in ("first_name", "last_name"):
        return ANONYMISED_NAME
    if field == "birth_date":
        return f"{str(value)[:4]}-01-01"
    if field in PERSONAL_FIELDS:
        return None
    return value


def anonymised_participant(values: Mapping[str, Any]) -> dict[str, Any]:
    """The changes that anonymise a participant (only the fields that differ)."""
    changes: dict[str, Any] = {
        name: anonymised_value(name, values.get(name)) for name in PERSONAL_FIELDS
    }
    changes["anonymised"] = True
    return {name: value for name, value in changes.items() if values.get(name) != value}


def full_name(participant: Mapping[str, Any]) -> str:
    return f"{participant.get('first_name') or ''} {participant.get('last_name') or ''}".strip()


def folded_names(participant: Mapping[str, Any]) -> tuple[str, str] | None:
    """The participant's first and last names folded for matching (None when anonymised)."""
    if participant.get("anonymised"):
        return None
    first, last = (
        fold(participant.get("first_name") or ""),
        fold(participant.get("last_name") or ""),
    )
    return (first, last) if first and last else None


def _names_any(entry: str, names: Iterable[tuple[str, str]]) -> bool:
    words = f" {fold(str(entry))} "
    return any(f" {first} " in words and f" {last} " in words for first, last in names)


def names_person(entries: Iterable[str], participant: Mapping[str, Any]) -> bool:
    """True when one of ``entries`` (a visit's « Personnes présentes ») names the participant:
    first and last names both present, in either order, ignoring case, accents and dashes."""
    names = folded_names(participant)
    return names is not None and any(_names_any(entry, [names]) for entry in entries)


def without_people(entries: Iterable[str], names: Iterable[tuple[str, str]]) -> list[str]:
    """A visit's « Personnes présentes » with the entries naming any of ``names`` (from
    ``folded_names``) replaced by « Anonyme » (the number of people present stays right)."""
    names = list(names)
    return [ANONYMISED_NAME if _names_any(entry, names) else entry for entry in entries]
