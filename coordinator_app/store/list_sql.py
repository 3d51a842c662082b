"""What each list reads: its columns, its joins, its sort keys (whitelists: every column name and
sort key used in SQL comes from here, never from the caller). Used by ``store.queries``."""

from __future__ import annotations

_COORDINATOR_NAMES = (
    "(SELECT group_concat(c.name, ', ') FROM json_each(p.coordinator_ids) j"
    " JOIN coordinator c ON c.id = j.value)"
)
_META = "(SELECT value FROM meta WHERE key = '{0}')"
#: « Visite faite par »: each staff account of ``v.made_by`` by its name in the staff directory
#: (or the profile's own person), else by the account id itself.
_MADE_BY_NAMES = (
    "(SELECT group_concat(coalesce(json_extract(s.value, '$.name'),"
    f" CASE WHEN j.value = json_extract({_META.format('person')}, '$.account')"
    f" THEN json_extract({_META.format('person')}, '$.name') END, j.value), ', ')"
    " FROM json_each(v.made_by) j"
    f" LEFT JOIN json_each(coalesce({_META.format('staff_directory')}, '[]')) s"
    " ON json_extract(s.value, '$.account') = j.value)"
)
PROJECT_YEAR = "coalesce(p.season_year, CAST(substr(p.founding_date, 1, 4) AS INTEGER))"

SELECT_SQL: dict[str, str] = {
    "project": (
        "SELECT p.rowid AS _rowid, p.id, p.name, p.program, p.region_code, p.municipality, p.stage, p.season_year,"
        " p.founding_date, p.closure_date, p.youth_count, p.members_count, p.coop_type,"
        f" {_COORDINATOR_NAMES} AS coordinators"
        " FROM project p"
    ),
    "visit": (
        "SELECT v.rowid AS _rowid, v.id, v.visited_at, v.project_id, p.name AS project_name, p.program,"
        " p.region_code, v.place, v.mode, c.name AS coordinator, v.status, v.purpose,"
        f" {_MADE_BY_NAMES} AS made_by,"
        " substr(replace(coalesce(v.observations, ''), char(10), ' '), 1, 160) AS observations"
        " FROM visit v JOIN project p ON p.id = v.project_id"
        " LEFT JOIN coordinator c ON c.id = v.coordinator_id"
    ),
    "action_item": (
        "SELECT a.rowid AS _rowid, a.id, a.done, a.due_date, a.text, a.owner, a.project_id, a.visit_id,"
        " p.name AS project_name, p.program, p.region_code"
        " FROM action_item a JOIN project p ON p.id = a.project_id"
    ),
}
COUNT_SQL: dict[str, str] = {
    "project": "SELECT count(*) FROM project p",
    "visit": "SELECT count(*) FROM visit v JOIN project p ON p.id = v.project_id",
    "action_item": "SELECT count(*) FROM action_item a JOIN project p ON p.id = a.project_id",
}
ALIAS = {"project": "p", "visit": "v", "action_item": "a"}

#: Sort keys a list may ask for → SQL expression (the rowid breaks ties for a stable order: it
#: is in every index, so the date index alone serves « newest first »).
SORT_KEYS: dict[str, dict[str, str]] = {
    "project": {
        "name": "p.name COLLATE NOCASE",
        "region_code": "p.region_code",
        "municipality": "p.municipality COLLATE NOCASE",
        "stage": "p.stage",
        "year": PROJECT_YEAR,
        "youth_count": "p.youth_count",
        "members_count": "p.members_count",
        "coordinators": f"{_COORDINATOR_NAMES} COLLATE NOCASE",
        "founding_date": "p.founding_date",
        "coop_type": "p.coop_type",
    },
    "visit": {
        "visited_at": "v.visited_at",
        "project_name": "p.name COLLATE NOCASE",
        "region_code": "p.region_code",
        "place": "v.place COLLATE NOCASE",
        "mode": "v.mode",
        "coordinator": "c.name COLLATE NOCASE",
        "made_by": f"{_MADE_BY_NAMES} COLLATE NOCASE",
        "observations": "v.observations",
    },
    "action_item": {
        "done": "a.done",
        "due_date": "a.due_date",
        "text": "a.text COLLATE NOCASE",
        "owner": "a.owner COLLATE NOCASE",
        "project_name": "p.name COLLATE NOCASE",
        "region_code": "p.region_code",
    },
}
DEFAULT_SORT = {
    "project": ("name", False),
    "visit": ("visited_at", True),
    "action_item": ("due_date", False),
}
