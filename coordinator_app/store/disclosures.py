"""The register of communications of personal information (Québec Law 25): who exported or
printed participants' names, when, what, for whom and why.

Each entry is an ``access_log`` record (append-only, synced like any record), one per region
concerned, so the server files it under that region's history. Callers write the entry where the
file is written, after the user confirmed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from coordinator_app.domain.entities import ENTITIES
from coordinator_app.domain.errors import UserError
from coordinator_app.domain.people import UNNAMED_ACTOR
from coordinator_app.store.profile import Store

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
