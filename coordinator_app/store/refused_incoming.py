"""Pulled changes this laptop could not apply — « Modification reçue refusée » — kept aside.

Why this exists: the server's log replays every entry to every pull that starts before it, so one
entry a laptop cannot store (an integer beyond SQLite's 64 bits, a field or a kind this version
does not know, a value the domain refuses) used to fail that pull, and every later one, for good.
Now each pulled entry is checked field by field before it is written (``check``):

- the fields that are fine apply as usual; each refused field is left out and the entry is
  recorded here with the field, the value (as text; never for a personal field) and why;
- an entry that cannot be applied at all (a kind this version does not know, an entry that does
  not even parse, a write SQLite refuses) applies nothing and is recorded here whole.

Either way the page's other entries apply and the cursor moves past it, in the page's transaction
(``store.sync_state.apply_page``). The Conflits screen, ``coordinator-app sync`` / ``conflicts`` /
``status`` show each one until the coordinator dismisses it; a later change of the same record
applies normally. A re-pull of the same entry (server restored, regions gained) updates its row
and keeps it dismissed if it was.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from coordinator_app.domain import validation
from coordinator_app.domain.conflicts import (
    CONFLICT_FIELDS,
    CONFLICT_JSON_FIELDS,
    CONFLICT_METADATA,
)
from coordinator_app.domain.entities import ENTITIES
from coordinator_app.domain.schema import FieldSpec
from coordinator_app.domain.values import ValueProblem

if TYPE_CHECKING:
    import sqlite3

    from coordinator_app.store.profile import Store

TABLE = "sync_refused_incoming"
#: SQLite stores integers in 64 bits; a larger one raises ``OverflowError`` at the write.
INT_MIN, INT_MAX = -(2**63), 2**63 - 1
SHOWN_CHARS = 200  # a refused value is kept as text, cut to this length

UNKNOWN_KIND = "type d'enregistrement inconnu de cette version de Carnet COOP"
UNKNOWN_FIELD = "champ inconnu de cette version de Carnet COOP"
TOO_LARGE = "nombre trop grand pour être enregistré sur cet ordinateur (limite : 2⁶³ − 1)"
UNSTORABLE = "valeur impossible à enregistrer sur cet ordinateur"


@dataclass(frozen=True)
class Problem:
    """Why one field of a pulled entry (or the whole entry, ``field`` None) was refused."""

    field: str | None
    reason: str
    value: str | None = None  # the refused value as text (None for a personal field)

    def as_dict(self) -> dict[str, Any]:
        return {"field": self.field, "value": self.value, "reason": self.reason}


def shown(value: Any) -> str:
    """A refused value as text, cut to ``SHOWN_CHARS`` (it may not even be storable as is)."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    text = text.encode("utf-8", "replace").decode("utf-8")  # a lone surrogate becomes "?"
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"


def storable(column_value: Any) -> bool:
    """Whether SQLite can bind ``column_value`` (already encoded for its column) as it is."""
    if column_value is None or isinstance(column_value, bool | float):
        return not isinstance(column_value, float) or not math.isnan(column_value)
    if isinstance(column_value, int):
        return INT_MIN <= column_value <= INT_MAX
    if isinstance(column_value, str):
        try:
            column_value.encode("utf-8")
        except UnicodeEncodeError:
            return False
        return True
    return False


def _problem(kind: str, name: str, value: Any, reason: str) -> Problem:
    """The problem of one field; a personal field's value is not kept (Law 25: it would escape the
    anonymisation of the participant's history)."""
    entity = ENTITIES[kind]
    personal = entity.has_field(name) and entity.field(name).personal
    return Problem(name, reason, None if personal else shown(value))


@functools.cache
def _fields(kind: str) -> dict[str, tuple[FieldSpec, Callable[[object], Any], bool]]:
    """Field name → (spec, domain parser, has bounds), built once per kind: a pull checks every
    value of every entry (``parse_field`` would hash the spec on each call)."""
    return {spec.name: (spec, parser, bounded) for spec, parser, bounded in
            validation._field_parsers(kind)}  # fmt: skip


def _check_entity(kind: str, values: Mapping[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    """Each value through the domain's parser and bounds, then SQLite's integer range. Text that
    SQLite cannot take (a lone surrogate, rare) is not looked for here: its write fails and the
    page is applied again entry by entry (``sync_state.apply_page``), the entry kept aside whole."""
    fields = _fields(kind)
    clean: dict[str, Any] = {}
    problems: list[Problem] = []
    for name, value in values.items():
        known = fields.get(name)
        if known is None:
            problems.append(_problem(kind, name, value, UNKNOWN_FIELD))
            continue
        spec, parser, bounded = known
        try:
            parsed = parser(value)
            if bounded:
                parsed = validation._checked(spec, parsed)  # the domain's bounds
        except ValueProblem as problem:
            problems.append(_problem(kind, name, value, f"valeur refusée : {problem}"))
            continue
        except (TypeError, ValueError, OverflowError, RecursionError):
            problems.append(_problem(kind, name, value, UNSTORABLE))
            continue
        if type(parsed) is int and not INT_MIN <= parsed <= INT_MAX:
            problems.append(_problem(kind, name, value, TOO_LARGE))
            continue
        clean[name] = parsed
    return clean, problems


def _check_conflict(values: Mapping[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    clean: dict[str, Any] = {}
    problems: list[Problem] = []
    for name, value in values.items():
        if name in CONFLICT_METADATA:
            continue
        if name not in CONFLICT_FIELDS:
            problems.append(Problem(name, UNKNOWN_FIELD, shown(value)))
            continue
        if name in CONFLICT_JSON_FIELDS:
            try:
                column: Any = json.dumps(value, ensure_ascii=False)
            except (TypeError, ValueError, RecursionError):
                column = object()
        else:
            column = value
        if not storable(column):
            too_large = isinstance(column, int) and not isinstance(column, bool)
            problems.append(Problem(name, TOO_LARGE if too_large else UNSTORABLE, shown(value)))
            continue
        clean[name] = value
    return clean, problems


def check(kind: str, values: Mapping[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    """The values of a pulled entry this laptop can apply (canonical, storable) and the refused
    ones. ``kind`` is an entity kind, or ``conflict``."""
    if kind in ENTITIES:
        return _check_entity(kind, values)
    return _check_conflict(values)


# -- the table -------------------------------------------------------------------------------------
def record(
    conn: sqlite3.Connection,
    *,
    change_id: str,
    seq: int | None,
    kind: str,
    record_id: str,
    op: str,
    at: str | None,
    author: str | None,
    problems: list[Problem],
    whole: bool,
    now: str,
) -> None:
    """Keep a refused entry (or refresh it when the same entry is pulled again: a dismissed one
    stays dismissed). Runs in the page's transaction."""
    conn.execute(
        f"INSERT INTO {TABLE} (change_id, seq, kind, record_id, op, at, author, problems, whole, "
        "received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(change_id) DO UPDATE SET "
        "seq = excluded.seq, problems = excluded.problems, whole = excluded.whole",
        (
            shown(change_id),
            seq if isinstance(seq, int) and INT_MIN <= seq <= INT_MAX else None,
            shown(kind),
            shown(record_id),
            shown(op),
            shown(at) if at is not None else None,
            shown(author) if author is not None else None,
            json.dumps([p.as_dict() for p in problems], ensure_ascii=False),
            int(whole),
            now,
        ),
    )


def forget(conn: sqlite3.Connection, kind: str, record_id: str) -> None:
    """A record left this laptop (out of the user's regions): its refusals are no longer theirs."""
    conn.execute(f"DELETE FROM {TABLE} WHERE kind = ? AND record_id = ?", (kind, record_id))


def listing(store: Store, *, include_dismissed: bool = False) -> list[dict[str, Any]]:
    """Refused incoming changes, newest first (seq order), problems decoded."""
    sql = f"SELECT * FROM {TABLE}"
    if not include_dismissed:
        sql += " WHERE dismissed_at IS NULL"
    with store.reading() as conn:
        cursor = conn.execute(sql + " ORDER BY received_at DESC, seq DESC, change_id")
        names = [d[0] for d in cursor.description]
        rows = [dict(zip(names, row, strict=True)) for row in cursor]
    for row in rows:
        row["problems"] = json.loads(row["problems"])
        row["whole"] = bool(row["whole"])
    return rows


def open_count(store: Store) -> int:
    with store.reading() as conn:
        return conn.execute(f"SELECT count(*) FROM {TABLE} WHERE dismissed_at IS NULL").fetchone()[
            0
        ]


def dismiss(store: Store, change_id: str | None = None) -> int:
    """The coordinator has seen it: hide one refused incoming change (all when ``change_id`` is
    None). Nothing is sent to the server; returns how many were dismissed."""
    now = store.now()
    with store.transaction() as conn:
        if change_id is None:
            return conn.execute(
                f"UPDATE {TABLE} SET dismissed_at = ? WHERE dismissed_at IS NULL", (now,)
            ).rowcount
        return conn.execute(
            f"UPDATE {TABLE} SET dismissed_at = ? WHERE change_id = ? AND dismissed_at IS NULL",
            (now, change_id),
        ).rowcount
