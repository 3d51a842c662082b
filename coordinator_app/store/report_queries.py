"""The reads behind the printable reports (``coordinator_app.reports``): the only SQL they use.

The regional summary aggregates in SQL (GROUP BY over visits and follow-ups) rather than loading
every visit, so that it stays quick on a profile with thousands of visits.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from coordinator_app.domain.entities import ENTITIES
from coordinator_app.domain.errors import UserError
from coordinator_app.domain.stages import CIEC, FERME_COOP, JEUNE_COOP
from coordinator_app.store import attachments, filecrypt
from coordinator_app.store.codec import decode_row
from coordinator_app.store.profile import Store


def _rows(store: Store, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    with store.reading() as conn:
        cursor = conn.execute(sql, list(params))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]


def _region_clause(region: str | None, column: str = "p.region_code") -> tuple[str, list[Any]]:
    return (f" AND {column} = ?", [region]) if region else ("", [])


# -- one project or one visit -------------------------------------------------------------------
def names_by_id(store: Store, kind: str, ids: Iterable[str]) -> dict[str, str]:
    """``{id: name}`` for live records of a reference kind (coordinator, organisation, school)."""
    wanted = sorted({i for i in ids if i})
    if not wanted:
        return {}
    title = ENTITIES[kind].title_field
    marks = ", ".join("?" * len(wanted))
    rows = _rows(
        store,
        f'SELECT id, "{title}" AS name FROM {kind} WHERE deleted = 0 AND id IN ({marks})',
        wanted,
    )
    return {row["id"]: row["name"] for row in rows}


def organisations(store: Store, ids: Iterable[str]) -> list[dict[str, Any]]:
    """Live partner organisations among ``ids``, by name."""
    wanted = sorted({i for i in ids if i})
    if not wanted:
        return []
    marks = ", ".join("?" * len(wanted))
    rows = _rows(
        store,
        f"SELECT * FROM organisation WHERE deleted = 0 AND id IN ({marks}) ORDER BY name",
        wanted,
    )
    return [decode_row(ENTITIES["organisation"], row) for row in rows]


def children(
    store: Store, kind: str, project_id: str, order_by: str, *, visit_id: str | None = None
) -> list[dict[str, Any]]:
    """Live child records of a project (or of one of its visits), in the given column's order."""
    entity = ENTITIES[kind]
    if not entity.has_field(order_by):
        raise KeyError(order_by)
    sql = f"SELECT * FROM {kind} WHERE deleted = 0 AND project_id = ?"
    params: list[Any] = [project_id]
    if visit_id is not None:
        sql += " AND visit_id = ?"
        params.append(visit_id)
    sql += f' ORDER BY "{order_by}" IS NULL, "{order_by}", id'
    return [decode_row(entity, row) for row in _rows(store, sql, params)]


def open_action_items(store: Store, project_id: str) -> list[dict[str, Any]]:
    """Follow-ups not done yet, soonest due first (no due date last)."""
    rows = _rows(
        store,
        "SELECT * FROM action_item WHERE deleted = 0 AND done = 0 AND project_id = ? "
        "ORDER BY due_date IS NULL, due_date, id",
        [project_id],
    )
    return [decode_row(ENTITIES["action_item"], row) for row in rows]


def attachment_bytes(store: Store, sha256: str) -> bytes | None:
    """The clear content of an attachment file (decrypted when the profile is encrypted), or None
    when the file is not on this computer (not downloaded yet) or cannot be read."""
    path = attachments.file_path(store.data_dir, sha256)
    try:
        return filecrypt.read_encrypted(path, filecrypt.file_key(store.conn))
    except (OSError, UserError):
        return None


# -- regional summary ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Period:
    """An inclusive period of days, as ISO dates."""

    start: str
    end: str

    @property
    def years(self) -> tuple[int, int]:
        return int(self.start[:4]), int(self.end[:4])


def projects_in_period(store: Store, region: str | None, period: Period) -> list[dict[str, Any]]:
    """Projects active during the period (see docs/guide-rapports.md for the rule).

    CIEC and Jeune COOP: their season year falls within the period's years. Farm co-ops: founded
    before the period ends (or not founded yet) and not closed before it starts.
    """
    first, last = period.years
    clause, params = _region_clause(region)
    sql = (
        "SELECT p.* FROM project p WHERE p.deleted = 0" + clause + " AND ("
        " (p.program IN (?, ?) AND p.season_year BETWEEN ? AND ?)"
        " OR (p.program = ? AND (p.founding_date IS NULL OR p.founding_date <= ?)"
        "     AND (p.closure_date IS NULL OR p.closure_date >= ?))"
        ") ORDER BY p.program, p.name, p.id"
    )
    params += [CIEC, JEUNE_COOP, first, last, FERME_COOP, period.end, period.start]
    return [decode_row(ENTITIES["project"], row) for row in _rows(store, sql, params)]


def _visit_window(region: str | None, period: Period, joins: str = "") -> tuple[str, list[Any]]:
    """FROM/WHERE of the visits made in a period (the visit index on ``visited_at`` serves it);
    planned visits are not visits made yet."""
    clause, params = _region_clause(region)
    return (
        " FROM visit v JOIN project p ON p.id = v.project_id" + joins + ""
        " WHERE v.deleted = 0 AND p.deleted = 0 AND coalesce(v.status, '') <> 'planifiee'"
        " AND v.visited_at >= ? AND v.visited_at <= ?" + clause,
        [period.start, period.end + "T23:59", *params],
    )


def visit_count(store: Store, region: str | None, period: Period) -> int:
    body, params = _visit_window(region, period)
    return _rows(store, "SELECT count(*) AS n" + body, params)[0]["n"]


def visits_per_coordinator(
    store: Store, region: str | None, period: Period
) -> list[dict[str, Any]]:
    """Per coordinator: visits on site, at a distance, in total (most visits first)."""
    body, params = _visit_window(
        region, period, " LEFT JOIN coordinator c ON c.id = v.coordinator_id"
    )
    sql = (
        "SELECT coalesce(c.name, '(non précisé)') AS name, count(*) AS total,"
        " sum(v.mode = 'sur_place') AS on_site, sum(v.mode = 'a_distance') AS remote"
        + body
        + " GROUP BY c.id ORDER BY total DESC, name"
    )
    return _rows(store, sql, params)


def visits_per_month(store: Store, region: str | None, period: Period) -> dict[str, int]:
    """``{"YYYY-MM": count}`` of visits in the period."""
    body, params = _visit_window(region, period)
    rows = _rows(
        store,
        "SELECT substr(v.visited_at, 1, 7) AS month, count(*) AS n" + body + " GROUP BY month",
        params,
    )
    return {row["month"]: row["n"] for row in rows}


def visits_per_project(store: Store, region: str | None, period: Period) -> dict[str, int]:
    body, params = _visit_window(region, period)
    rows = _rows(
        store, "SELECT v.project_id AS id, count(*) AS n" + body + " GROUP BY v.project_id", params
    )
    return {row["id"]: row["n"] for row in rows}


def overdue_action_items(
    store: Store, region: str | None, today: str, limit: int = 200
) -> tuple[list[dict[str, Any]], int]:
    """Follow-ups not done whose due date is past, oldest first (at most ``limit``), and the total."""
    clause, params = _region_clause(region)
    body = (
        " FROM action_item a JOIN project p ON p.id = a.project_id"
        " WHERE a.deleted = 0 AND p.deleted = 0 AND a.done = 0"
        " AND a.due_date IS NOT NULL AND a.due_date < ?" + clause
    )
    total = _rows(store, "SELECT count(*) AS n" + body, [today, *params])[0]["n"]
    rows = _rows(
        store,
        "SELECT a.text, a.owner, a.due_date, p.name AS project, p.region_code"
        + body
        + " ORDER BY a.due_date, p.name LIMIT ?",
        [today, *params, limit],
    )
    return rows, total


def funding_totals(store: Store, project_ids: Iterable[str]) -> dict[str, dict[str, int]]:
    """``{project_id: {requested, granted, paid}}`` in cents, over live funding requests."""
    wanted = sorted(set(project_ids))
    if not wanted:
        return {}
    marks = ", ".join("?" * len(wanted))
    rows = _rows(
        store,
        "SELECT project_id, sum(coalesce(requested, 0)) AS requested,"
        " sum(coalesce(granted, 0)) AS granted, sum(coalesce(paid, 0)) AS paid"
        f" FROM funding WHERE deleted = 0 AND project_id IN ({marks}) GROUP BY project_id",
        wanted,
    )
    return {row.pop("project_id"): row for row in rows}


# -- annual report -------------------------------------------------------------------------------
def all_projects(store: Store) -> list[dict[str, Any]]:
    """Every live project (the indicators are computed from them in the domain)."""
    rows = _rows(store, "SELECT * FROM project WHERE deleted = 0 ORDER BY id")
    return [decode_row(ENTITIES["project"], row) for row in rows]
