"""Everything a profile holds about one participant, for an access request (Québec Law 25):
finding the person by name, then gathering the record, visits, history, register entries,
conflicts and retention date into one dossier (``reports.dossier_personne`` lays it out).
"""

from __future__ import annotations

import contextlib
import json
from typing import Any

from coordinator_app.domain import privacy as rules
from coordinator_app.domain.text import fold
from coordinator_app.store.disclosures import disclosures_about
from coordinator_app.store.privacy import participant_record, retention_rules
from coordinator_app.store.profile import Store


def find_participants(store: Store, name: str) -> list[dict[str, Any]]:
    """Participants (deleted ones too) whose first and last names contain every word of
    ``name``, ignoring case and accents: how an access request starts (« Zoé Lapointe »)."""
    words = fold(name).split()
    if not words:
        return []
    projects = {p["id"]: p for p in store.find("project", include_deleted=True)}
    found = []
    for participant in store.find("participant", include_deleted=True, order_by="last_name"):
        text = fold(rules.full_name(participant))
        if all(word in text for word in words):
            project = projects.get(participant["project_id"], {})
            found.append({**participant, "project_name": project.get("name"),
                          "region_code": project.get("region_code")})  # fmt: skip
    return found


PROJECT_IDENTITY = (
    "name",
    "program",
    "region_code",
    "municipality",
    "season_year",
    "start_date",
    "end_date",
)


VISIT_FIELDS = ("project_id", "visited_at", "place", "mode", "people_present")


def _plain_entry(entry: Any) -> dict[str, Any]:
    return {
        "at": entry.at,
        "op": entry.op,
        "author": entry.author,
        "device_id": entry.device_id,
        "origin": entry.origin,
        "fields": entry.fields,
    }


def person_dossier(store: Store, participant_id: str) -> dict[str, Any]:
    """All that this profile holds about one participant, for an access request: the record
    (deleted or not), its project's identity, the visits that list the person among the people
    present, the record's change history, the register entries that name the person, open sync
    conflicts about the record, and when the retention rule anonymises it."""
    participant = participant_record(store, participant_id)
    project = store.get("project", participant["project_id"], include_deleted=True) or {}
    visits = [
        {"id": v["id"], **{name: v[name] for name in VISIT_FIELDS}}
        for v in store.find("visit", order_by="visited_at", include_deleted=True)
        if rules.names_person(v["people_present"] or [], participant)
    ]
    months = retention_rules(store)["participant_personal_months"]
    due = rules.anonymise_on(project, months)
    return {
        "generated_at": store.now(),
        "profile": str(store.data_dir),
        "participant": participant,
        "project": {"id": project.get("id"), **{k: project.get(k) for k in PROJECT_IDENTITY}},
        "visits": visits,
        "history": [_plain_entry(e) for e in store.history("participant", participant_id)],
        "access_log": disclosures_about(store, participant_id),
        "conflicts": _conflicts_about(store, participant_id),
        "retention": {
            "participant_personal_months": months,
            "season_end": str(rules.season_end(project)) if project else None,
            "anonymise_on": due.isoformat() if due else None,
            "anonymised": participant["anonymised"],
        },
    }


def _conflicts_about(store: Store, participant_id: str) -> list[dict[str, Any]]:
    """Sync conflicts on the participant's fields (both values are personal data too)."""
    with store.reading() as conn:
        exists = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'conflict'"
        ).fetchone()
        if not exists:
            return []
        cursor = conn.execute(
            "SELECT id, field, kept_value, other_value, status, created_at FROM conflict "
            "WHERE target_kind = 'participant' AND target_id = ? ORDER BY created_at",
            (participant_id,),
        )
        names = [d[0] for d in cursor.description]
        rows = [dict(zip(names, row, strict=True)) for row in cursor]
    for row in rows:  # values are stored as JSON text
        for name in ("kept_value", "other_value"):
            with contextlib.suppress(TypeError, ValueError):
                row[name] = json.loads(row[name]) if row[name] is not None else None
    return rows
