"""The demo's building blocks: one seeded random source, deterministic ids and small helpers.

Every demo module draws from the one ``DemoBuilder.rng`` in a fixed order, so a seed always gives
the same records (ids included); the helpers here draw nothing that their callers do not see.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from dataclasses import dataclass, field
from typing import Any

from coordinator_app.domain import demo_names as names


@dataclass
class DemoRecord:
    """One generated record: its kind, its stable id and its field values."""

    kind: str
    id: str
    values: dict[str, Any]


@dataclass
class DemoBuilder:
    """The records made so far and the one random source they are drawn from, in order."""

    seed: int
    year: int
    today: dt.date
    rng: random.Random = field(init=False)
    records: list[DemoRecord] = field(default_factory=list)
    used_names: dict[str, set[str]] = field(default_factory=dict)
    _counter: int = 0

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)

    def add(self, kind: str, **values: Any) -> str:
        self._counter += 1
        record_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"carnet-demo/{self.seed}/{self._counter}"))
        self.records.append(DemoRecord(kind, record_id, values))
        return record_id

    def names_in(self, scope: str) -> set[str]:
        """Project names already given within ``scope`` (a program and season)."""
        return self.used_names.setdefault(scope, set())

    def person(self) -> tuple[str, str]:
        return self.rng.choice(names.FIRST_NAMES), self.rng.choice(names.SURNAMES)

    def day_between(self, start: dt.date, end: dt.date) -> dt.date:
        return start + dt.timedelta(days=self.rng.randint(0, max(0, (end - start).days)))


def history_so_far(
    steps: list[tuple[str, dt.date]], today: dt.date
) -> tuple[str, list[dict[str, str]]]:
    """The stages already reached by ``today`` (never a stage dated in the future) and the
    current one; before the first step, the first stage dated today."""
    reached = [(stage, day) for stage, day in steps if day <= today]
    if not reached:
        reached = [(steps[0][0], min(steps[0][1], today))]
    history = [{"stage": stage, "date": day.isoformat()} for stage, day in reached]
    return reached[-1][0], history


def of_place(town: str) -> str:
    """« de Rimouski », « d'Alma », « des Îles-de-la-Madeleine »: French elision before a place."""
    if town.startswith("Les "):
        return "des " + town[4:]
    return ("d'" if town[0] in "AEIOUÉÈÎY" else "de ") + town


def unique_name(name: str, used: set[str]) -> str:
    """``name``, or ``name (2)``, ``name (3)``… when the data set already has it."""
    candidate, n = name, 1
    while candidate in used:
        n += 1
        candidate = f"{name} ({n})"
    used.add(candidate)
    return candidate


def split_total(rng: random.Random, total: int, parts: int, low: int, high: int) -> list[int]:
    """``parts`` integers in [low, high] summing exactly to ``total``."""
    values = [low] * parts
    remaining = total - low * parts
    if remaining < 0 or remaining > (high - low) * parts:
        raise ValueError("impossible split")
    while remaining:
        i = rng.randrange(parts)
        if values[i] < high:
            values[i] += 1
            remaining -= 1
    return values
