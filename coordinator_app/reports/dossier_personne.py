"""« Renseignements personnels détenus »: the readable answer to an access request (Law 25).

Lays out, in the house style, the dossier that ``store.person_dossier`` gathers about one
participant: identity, project, visits that name the person, history of changes, register entries
and retention. The JSON export holds the same content in a structured, commonly used format.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable

from coordinator_app.domain.choices import VISIT_MODES
from coordinator_app.domain.entities import ENTITIES
from coordinator_app.domain.fr_ca import long_date
from coordinator_app.reports import blocks as b
from coordinator_app.reports.common import (
    ALL_PROGRAMS,
    ReportOptions,
    day_and_time,
    make_frame,
    program_label,
    region_label,
    short_date,
    write_report,
)
from coordinator_app.reports.style import content_width
from coordinator_app.store.profile import Store

REPORT_NAME = "Renseignements personnels détenus"
OPS = {
    "create": "Création",
    "update": "Modification",
    "delete": "Suppression",
    "restore": "Restauration",
}


def _local(moment: str) -> str:
    """« YYYY-MM-DDTHH:MM » in local time from a stored UTC timestamp."""
    return dt.datetime.fromisoformat(moment).astimezone().strftime("%Y-%m-%dT%H:%M")


def _shown(kind: str, name: str, value: Any) -> str:
    spec = ENTITIES[kind]
    if not spec.has_field(name):
        return "" if value is None else str(value)
    field = spec.field(name)
    if value in (None, "", []):
        return "—"
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if field.choices:
        return field.choice_label(value)
    return str(value)


def _identity(participant: dict[str, Any], width: float) -> Flowable:
    spec = ENTITIES["participant"]
    pairs = [("Identifiant", participant["id"])]
    pairs += [
        (f.label, _shown("participant", f.name, participant[f.name]))
        for f in spec.fields
        if f.name != "project_id"
    ]
    pairs += [
        ("Enregistré", day_and_time(_local(participant["created_at"]))),
        ("Supprimé", "oui" if participant["deleted"] else "non"),
    ]
    return b.fields_table(pairs, width)


def _project(project: dict[str, Any], width: float) -> Flowable:
    return b.fields_table(
        [
            ("Projet", project.get("name")),
            ("Programme", program_label(project.get("program"))),
            ("Région", region_label(project.get("region_code"))),
            ("Municipalité", project.get("municipality")),
            ("Saison", project.get("season_year")),
            (
                "Dates",
                " – ".join(d for d in (project.get("start_date"), project.get("end_date")) if d),
            ),
        ],
        width,
    )


def _changes(fields: dict[str, list[Any]]) -> str:
    parts = []
    for name, (old, new) in fields.items():
        label = (
            ENTITIES["participant"].field(name).label
            if ENTITIES["participant"].has_field(name)
            else name
        )
        before, after = _shown("participant", name, old), _shown("participant", name, new)
        parts.append(
            f"{label} : {after}" if old in (None, "", []) else f"{label} : {before} → {after}"
        )
    return "\n".join(parts)


def compose(store: Store, dossier: dict[str, Any], options: ReportOptions):  # type: ignore[no-untyped-def]
    """The page frame and the story: who, then each kind of thing held about the person."""
    width = content_width(options.page_size)
    participant = dossier["participant"]
    frame = make_frame(
        store,
        options,
        report_name=REPORT_NAME,
        program=ALL_PROGRAMS,
        title=f"{REPORT_NAME} — {participant['first_name']} {participant['last_name']}",
    )
    story: list[Flowable] = [
        *_introduction(dossier),
        *b.section("Identité", _identity(participant, width)),
        *b.section("Projet", _project(dossier["project"], width)),
        *b.section("Conservation", b.text(_retention_text(dossier["retention"]))),
    ]
    story += _visits_section(dossier["visits"], width)
    story += _history_section(dossier["history"], width)
    story += _register_section(dossier["access_log"], width)
    if dossier["conflicts"]:
        story += _conflicts_section(dossier["conflicts"], width)
    return frame, story


def _introduction(dossier: dict[str, Any]) -> list[Flowable]:
    """The person's name and what this document is (an answer to an access request)."""
    participant = dossier["participant"]
    return [
        b.heading(f"{participant['first_name']} {participant['last_name']}"),
        b.text(
            "Ce document rassemble tout ce que ce profil Carnet COOP détient sur la personne "
            "ci-dessous, en réponse à une demande d'accès (Loi 25). Le fichier JSON remis avec lui "
            "contient les mêmes renseignements dans un format structuré."
        ),
        b.text(
            f"Profil : {dossier['profile']} · produit {day_and_time(_local(dossier['generated_at']))}",
            "muted",
        ),
        b.gap(),
    ]


def _retention_text(retention: dict[str, Any]) -> str:
    """When the names go: already gone, on a date, or not yet known."""
    due = retention.get("anonymise_on")
    if retention.get("anonymised"):
        return "Renseignements déjà anonymisés."
    if due:
        return (
            f"Les noms et la date de naissance seront anonymisés {long_date(due)} "
            f"({retention['participant_personal_months']} mois après la fin de la saison)."
        )
    return "Aucune date de fin de saison : la règle de conservation ne s'applique pas encore."


def _visits_section(visits: list[dict[str, Any]], width: float) -> list[Flowable]:
    """The visits whose « Personnes présentes » name the person."""
    modes = dict(VISIT_MODES)
    return b.section(
        "Visites où la personne est nommée",
        b.data_table(
            ["Date", "Lieu", "Type", "Personnes présentes"],
            [
                [
                    short_date(v["visited_at"]),
                    v["place"] or "",
                    modes.get(v["mode"], v["mode"] or ""),
                    ", ".join(v["people_present"] or []),
                ]
                for v in visits
            ],
            [0.15 * width, 0.25 * width, 0.15 * width, 0.45 * width],
        )
        if visits
        else b.none_line("Aucune visite ne nomme cette personne."),
    )


def _history_section(history: list[dict[str, Any]], width: float) -> list[Flowable]:
    """Every change of the participant's record: when, by whom, what."""
    return b.section(
        "Historique des modifications",
        b.data_table(
            ["Date", "Par", "Opération", "Changements"],
            [
                [
                    short_date(e["at"]),
                    e["author"] or "",
                    OPS.get(e["op"], e["op"]),
                    _changes(e["fields"]),
                ]
                for e in history
            ],
            [0.15 * width, 0.18 * width, 0.15 * width, 0.52 * width],
        ),
    )


def _register_section(entries: list[dict[str, Any]], width: float) -> list[Flowable]:
    """The register entries that name the person: to whom the information went, and why."""
    actions = dict(ENTITIES["access_log"].field("action").choices)
    return b.section(
        "Communications de ces renseignements (registre)",
        b.data_table(
            ["Date", "Par", "Action", "Destinataire et fin"],
            [
                [
                    short_date(e["logged_at"]),
                    e["actor"],
                    actions.get(e["action"], e["action"]),
                    " — ".join(x for x in (e["recipient"], e["purpose"]) if x),
                ]
                for e in entries
            ],
            [0.15 * width, 0.18 * width, 0.3 * width, 0.37 * width],
        )
        if entries
        else b.none_line("Aucune communication inscrite au registre."),
    )


def _conflicts_section(conflicts: list[dict[str, Any]], width: float) -> list[Flowable]:
    """Sync conflicts on the person's fields (both values are personal information too)."""
    return b.section(
        "Conflits de synchronisation sur ces renseignements",
        b.data_table(
            ["Champ", "Valeur gardée", "Autre valeur", "Statut"],
            [[c["field"], c["kept_value"], c["other_value"], c["status"]] for c in conflicts],
            [0.2 * width, 0.3 * width, 0.3 * width, 0.2 * width],
        ),
    )


def write_pdf(store: Store, dossier: dict[str, Any], output: Path | str) -> Path:
    """Write the readable dossier (names included: it goes to the person themself)."""
    frame, story = compose(store, dossier, ReportOptions(with_names=True))
    return write_report(output, frame, story)


def dossier_json(dossier: dict[str, Any]) -> str:
    return json.dumps(dossier, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
