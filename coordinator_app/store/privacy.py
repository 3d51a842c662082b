"""Personal information in a profile (Québec Law 25): the retention rules, consent withdrawal and
the retention purge. The register of communications is in ``store.disclosures``, what the profile
holds about one person in ``store.person_dossier``.

Every anonymisation is an ordinary journaled change (``Store.update``), so it syncs to the server
and to the other laptops like any edit; the participant record stays, so the indicators and the
annual report still count the youth. Past journal entries of an anonymised participant that the
server already has are scrubbed of the old values too: otherwise « Historique » would still show
the names. Entries not yet sent are left whole until they are (the server merges on their old
values); the next purge scrubs them.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from coordinator_app.domain import privacy as rules
from coordinator_app.domain.entities import ENTITIES
from coordinator_app.domain.errors import NotFoundError
from coordinator_app.store.codec import to_db
from coordinator_app.store.profile import Store

__all__ = [
    "PurgeItem",
    "anonymise_participant",
    "due_for_anonymisation",
    "participant_record",
    "purge",
    "retention_rules",
    "scrub_history",
    "set_retention_rules",
    "withdraw_consent",
]

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
def participant_record(store: Store, participant_id: str) -> dict[str, Any]:
    """The participant, deleted or not (retention and access requests concern tombstones too)."""
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
        _anonymise(store, [participant_record(store, participant_id)])
        return participant_record(store, participant_id)


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
        _anonymise(store, [participant_record(store, item.participant_id) for item in items])
        _scrub_anonymising_visit_entries(store)
        for participant in store.find(
            "participant", equals={"anonymised": 1}, include_deleted=True
        ):
            scrub_history(store, participant["id"])
    return items
