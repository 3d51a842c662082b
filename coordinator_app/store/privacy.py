"""Personal information in a profile (Québec Law 25): consent withdrawal, retention purge, the
register of communications, and everything the profile holds about one person.

Every anonymisation is an ordinary journaled change (``Store.update``), so it syncs to the server
and to the other laptops like any edit; the participant record stays, so the indicators and the
annual report still count the youth. Past journal entries of an anonymised participant that the
server already has are scrubbed of the old values too: otherwise « Historique » would still show
the names. Entries not yet sent are left whole until they are (the server merges on their old
values); the next purge scrubs them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from coordinator_app.domain import privacy as rules
from coordinator_app.domain.entities import ENTITIES
from coordinator_app.domain.errors import NotFoundError, UserError
from coordinator_app.domain.people import UNNAMED_ACTOR
from coordinator_app.domain.text import fold
from coordinator_app.store.codec import to_db
from coordinator_app.store.profile import Store

RETENTION_META_KEY = "retention_rules"


# -- retention rules ----------------------------------------------------------------------------
def retention_rules(store: Store) -> dict[str, int]:
    """The rules in force on this laptop: the server's (kept in meta by the sync engine), else the
    defaults (24 months)."""
    return rules.retention_rules(store.get_meta(RETENTION_META_KEY))


def set_retention_rules(store: Store, received: Mapping[str, Any]) -> dict[str, int]:
    """Keep the rules the server sent in a pull response (``PullResponse.retention``)."""
    clean = rules.retention_rules(received)
    store.set_meta(RETENTION_META_KEY, json.dumps(clean, sort_keys=True))
    return clean


# -- anonymisation --------------------------------------------------------------------------------
def _participant(store: Store, participant_id: str) -> dict[str, Any]:
    record = store.get("participant", participant_id, include_deleted=True)
    if record is None:
        raise NotFoundError(f"Participant ou participante introuvable : {participant_id}")
    return record


def _write_fields(store: Store, kind: str, record: dict[str, Any], changes: dict[str, Any]) -> None:
    """The row update and journal entry of ``Store.update``, for a record that may be deleted (a
    tombstone still holds the names, and retention applies to it too) and without re-validating
    the rest of a record written under older rules: only personal values are replaced."""
    spec = ENTITIES[kind]
    diff = {name: [record[name], value] for name, value in changes.items()}
    columns = {name: to_db(spec.field(name), value) for name, value in changes.items()}
    store.write_change(kind, record["id"], columns, diff)


def _scrub_entries(store: Store, kind: str, record_id: str, scrub: Any) -> int:
    """Rewrite the ``fields`` of a record's journal entries the server already has."""
    changed = 0
    rows = store.conn.execute(
        "SELECT seq, fields FROM journal WHERE kind = ? AND record_id = ? "
        "AND (sent_at IS NOT NULL OR origin = 'remote')",
        (kind, record_id),
    ).fetchall()
    for seq, text in rows:
        fields = json.loads(text)
        scrubbed = {name: scrub(name, values) for name, values in fields.items()}
        if scrubbed != fields:
            store.conn.execute(
                "UPDATE journal SET fields = ? WHERE seq = ?",
                (json.dumps(scrubbed, ensure_ascii=False), seq),
            )
            changed += 1
    return changed


def _remove_from_visits(store: Store, participants: Sequence[dict[str, Any]]) -> int:
    """Replace these participants' names in the « Personnes présentes » of every visit (and in
    the visits' history the server has); returns how many visits changed. One pass over the
    visits whatever the number of participants, so a purge of a whole season stays quick."""
    names = [n for n in (rules.folded_names(p) for p in participants) if n]
    if not names:
        return 0

    def scrub(name: str, values: list[Any]) -> list[Any]:
        if name != "people_present":
            return values
        return [rules.without_people(v, names) if v else v for v in values]

    changed = 0
    for visit in store.find("visit", include_deleted=True, order_by="id"):
        present = visit["people_present"] or []
        kept = rules.without_people(present, names)
        if kept != present:
            _write_fields(store, "visit", visit, {"people_present": kept})
            changed += 1
        _scrub_entries(store, "visit", visit["id"], scrub)
    return changed


def _scrub_anonymising_visit_entries(store: Store) -> None:
    """An anonymising change of a visit keeps the name in its « old » value until the server has
    it (the server merges on it); once sent, the name is replaced, position by position, where the
    new value says « Anonyme »."""

    def scrub(name: str, values: list[Any]) -> list[Any]:
        old, new = values if name == "people_present" else (None, None)
        if not (isinstance(old, list) and isinstance(new, list) and len(old) == len(new)):
            return values
        anonymised = rules.ANONYMISED_NAME
        return [[anonymised if n == anonymised else o for o, n in zip(old, new, strict=True)], new]

    rows = store.conn.execute(
        "SELECT DISTINCT record_id FROM journal WHERE kind = 'visit' AND op = 'update' "
        "AND fields LIKE ? AND (sent_at IS NOT NULL OR origin = 'remote')",
        (f'%"{rules.ANONYMISED_NAME}"%',),
    ).fetchall()
    for (visit_id,) in rows:
        _scrub_entries(store, "visit", visit_id, scrub)


def _anonymise(store: Store, records: Sequence[dict[str, Any]]) -> None:
    """Anonymise participants (one transaction, held by the caller)."""
    _remove_from_visits(store, records)
    for record in records:
        changes = rules.anonymised_participant(record)
        if changes:
            _write_fields(store, "participant", record, changes)
        scrub_history(store, record["id"])


def anonymise_participant(store: Store, participant_id: str) -> dict[str, Any]:
    """Replace a participant's personal fields (names « Anonyme », birth year only, no consent
    giver) and their name among the people present at visits, by journaled changes that sync;
    returns the participant's record as it now is. Free text (observations) is not rewritten."""
    with store.transaction():
        _anonymise(store, [_participant(store, participant_id)])
        return _participant(store, participant_id)


def withdraw_consent(store: Store, participant_id: str) -> dict[str, Any]:
    """A parent (or the youth) withdrew consent: the participant is anonymised at once. The record
    stays, so the project's and the organisation's counts do not change."""
    return anonymise_participant(store, participant_id)


def scrub_history(store: Store, participant_id: str) -> int:
    """Replace the personal values in the journal entries of an anonymised participant that the
    server already has (sent or received); returns how many entries changed."""

    def scrub(name: str, values: list[Any]) -> list[Any]:
        if name not in rules.PERSONAL_FIELDS:
            return values
        return [rules.anonymised_value(name, v) for v in values]

    with store.transaction():
        return _scrub_entries(store, "participant", participant_id, scrub)


# -- retention purge -------------------------------------------------------------------------------
@dataclass(frozen=True)
class PurgeItem:
    """One participant the retention rule anonymises (or would, in a dry run)."""

    participant_id: str
    project_id: str
    project_name: str
    season_end: str
    due_on: str
    deleted: bool

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def due_for_anonymisation(
    store: Store, *, today: dt.date | None = None, retention: Mapping[str, int] | None = None
) -> list[PurgeItem]:
    """Participants not yet anonymised whose retention period is over on ``today``."""
    today = today or store.today()
    months = (retention or retention_rules(store))["participant_personal_months"]
    candidates = [
        p
        for p in store.find("participant", include_deleted=True, order_by="id")
        if not p["anonymised"]
    ]
    if not candidates:  # the usual case at sync: no project needs reading
        return []
    projects = {p["id"]: p for p in store.find("project", include_deleted=True)}
    found = []
    for participant in candidates:
        project = projects.get(participant["project_id"], {})
        due = rules.anonymise_on(project, months)
        if due is not None and due <= today:
            found.append(
                PurgeItem(
                    participant["id"],
                    participant["project_id"],
                    project.get("name") or "",
                    str(rules.season_end(project)),
                    due.isoformat(),
                    participant["deleted"],
                )
            )
    return found


def purge(
    store: Store, *, dry_run: bool = False, retention: Mapping[str, int] | None = None
) -> list[PurgeItem]:
    """Apply the retention rule (``retention`` or the rules in meta) on the store's today: each
    participant past its period is anonymised, all in one transaction. ``dry_run`` only lists."""
    items = due_for_anonymisation(store, retention=retention)
    if dry_run:
        return items
    with store.transaction():
        _anonymise(store, [_participant(store, item.participant_id) for item in items])
        _scrub_anonymising_visit_entries(store)
        for participant in store.find(
            "participant", equals={"anonymised": 1}, include_deleted=True
        ):
            scrub_history(store, participant["id"])
    return items


# -- register of communications ------------------------------------------------------------------
DISCLOSURE_ACTIONS = dict(ENTITIES["access_log"].field("action").choices)


def _regions_of(store: Store, participant_ids: Iterable[str]) -> dict[str, list[str]]:
    """Participant ids grouped by the region of their project."""
    by_region: dict[str, list[str]] = {}
    for participant_id in participant_ids:
        participant = store.get("participant", participant_id, include_deleted=True)
        project = participant and store.get(
            "project", participant["project_id"], include_deleted=True
        )
        if project and project.get("region_code"):
            by_region.setdefault(project["region_code"], []).append(participant_id)
    return by_region


def log_disclosure(
    store: Store,
    *,
    action: str,
    subject: str,
    participant_ids: Sequence[str] = (),
    project_id: str | None = None,
    region_code: str | None = None,
    recipient: str | None = None,
    purpose: str | None = None,
) -> list[dict[str, Any]]:
    """Record in the register that personal information left the app (an export or a report
    with names, an answer to an access request): who, when, what, for whom, why. One entry per
    region concerned, so the server files each under the region's history. Call it in the same
    place the file is written, after the user confirmed."""
    if action not in DISCLOSURE_ACTIONS:
        raise ValueError(f"unknown disclosure action {action!r}")
    groups = (
        {region_code: list(participant_ids)} if region_code else _regions_of(store, participant_ids)
    )
    if not groups and project_id:
        project = store.get("project", project_id, include_deleted=True)
        if project and project.get("region_code"):
            groups = {project["region_code"]: []}
    if not groups:
        raise UserError(
            "Impossible d'inscrire cette communication au registre : aucune région n'est associée "
            "aux renseignements communiqués."
        )
    logged_at = store.clock().astimezone().strftime("%Y-%m-%dT%H:%M")
    entries = []
    with store.transaction():
        for region, ids in sorted(groups.items()):
            entries.append(
                store.create(
                    "access_log",
                    {
                        "logged_at": logged_at,
                        # the profile's person (a profile never named says so plainly)
                        "actor": store.author or UNNAMED_ACTOR,
                        "action": action,
                        "subject": subject[:500],
                        "participant_ids": ids,
                        "project_id": project_id,
                        "region_code": region,
                        "recipient": recipient,
                        "purpose": purpose,
                    },
                )
            )
    return entries


def log_names_export(store: Store, kind: str, fmt: str, file_name: str) -> list[dict[str, Any]]:
    """Register an export of ``kind`` that includes personal fields (called by the exporter when
    names are included): one entry per region, naming every exported participant."""
    if not any(f.personal for f in ENTITIES[kind].fields) or kind != "participant":
        return []
    ids = [p["id"] for p in store.find("participant", order_by="id")]
    if not ids:
        return []
    return log_disclosure(
        store,
        action="export_participants",
        subject=f"Exportation des participants avec leurs noms ({fmt.upper()}, {len(ids)} "
        f"personnes) : {file_name}",
        participant_ids=ids,
    )


def log_report_with_names(store: Store, project_id: str, report_name: str) -> list[dict[str, Any]]:
    """Register a report printed or saved with the names of a project's participants."""
    ids = [p["id"] for p in store.find("participant", equals={"project_id": project_id})]
    if not ids:
        return []
    return log_disclosure(
        store,
        action="report_with_names",
        subject=f"{report_name} avec les noms des participants ({len(ids)} personnes)",
        participant_ids=ids,
        project_id=project_id,
    )


def disclosures_about(store: Store, participant_id: str) -> list[dict[str, Any]]:
    """Register entries that name this participant, oldest first."""
    return [
        entry
        for entry in store.find("access_log", order_by="created_at", include_deleted=True)
        if participant_id in (entry["participant_ids"] or [])
    ]


# -- what the profile holds about one person ----------------------------------------------------
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
    participant = _participant(store, participant_id)
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
