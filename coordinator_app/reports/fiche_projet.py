"""« Fiche de projet »: everything about one project on a few pages, to take to a meeting.

Participants appear as counts by age band and consent status; their names only with
``with_names`` (Law 25: collect and show the minimum); that section is ``fiche_participants``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable, KeepTogether

from coordinator_app.domain import fr_ca
from coordinator_app.domain.choices import (
    CLIENT_TYPES,
    COOP_TYPES,
    FUNDING_STATUSES,
    LAND_TENURES,
    ORGANISATION_KINDS,
    SCHOOL_LEVELS,
    VISIT_MODES,
)
from coordinator_app.domain.stages import CIEC, FERME_COOP, JEUNE_COOP, stage_label
from coordinator_app.reports import blocks as b
from coordinator_app.reports.common import (
    Composed,
    ReportOptions,
    choice_text,
    excerpt,
    make_frame,
    program_label,
    region_label,
    short_date,
    write_report,
)
from coordinator_app.reports.fiche_participants import participants_section
from coordinator_app.reports.style import content_width
from coordinator_app.store import people
from coordinator_app.store import report_queries as q
from coordinator_app.store.profile import Store

REPORT_NAME = "Fiche de projet"


def _identity(project: dict[str, Any], store: Store) -> list[tuple[str, object]]:
    program = project["program"]
    pairs: list[tuple[str, object]] = [
        ("Programme", program_label(program)),
        ("Région", region_label(project.get("region_code"))),
        ("Municipalité", project.get("municipality")),
        ("Étape actuelle", stage_label(program, project.get("stage") or "") or "—"),
        ("Année", project.get("season_year")),
        ("Date de début", short_date(project.get("start_date"))),
        ("Date de fin", short_date(project.get("end_date"))),
    ]
    if program == JEUNE_COOP:
        school = q.names_by_id(store, "school", [project.get("school_id") or ""])
        pairs += [
            ("École", school.get(project.get("school_id") or "")),
            ("Enseignant ou enseignante responsable", project.get("teacher")),
            ("Ordre d'enseignement", choice_text(SCHOOL_LEVELS, project.get("level"))),
            ("Type de projet", project.get("project_kind")),
            ("Nombre de jeunes", fr_ca.number(project.get("youth_count"))),
        ]
    if program == CIEC:
        schools = q.names_by_id(store, "school", project.get("school_ids") or [])
        pairs += [
            ("Écoles", ", ".join(sorted(schools.values()))),
            ("Services offerts", ", ".join(project.get("services") or [])),
            ("Nombre de jeunes", fr_ca.number(project.get("youth_count"))),
            ("Assemblée générale", fr_ca.long_date(project.get("general_assembly_date"))),
        ]
    if program == FERME_COOP:
        hectares = project.get("hectares")
        pairs += [
            ("Type de coopérative", choice_text(COOP_TYPES, project.get("coop_type"))),
            ("Production", project.get("production")),
            ("Superficie", f"{fr_ca.number(hectares, 1)} ha" if hectares is not None else None),
            ("Mode de tenure", choice_text(LAND_TENURES, project.get("land_tenure"))),
            ("Nombre de membres", fr_ca.number(project.get("members_count"))),
            ("Date de constitution", short_date(project.get("founding_date"))),
            ("Date de fermeture", short_date(project.get("closure_date"))),
        ]
    return pairs


def _stage_history(project: dict[str, Any], width: float) -> list[Flowable]:
    history = project.get("stage_history") or []
    if not history:
        return [b.none_line("Aucune étape consignée.")]
    rows = [
        [short_date(item.get("date")), stage_label(project["program"], item.get("stage", ""))]
        for item in history
    ]
    return [b.data_table(["Date", "Étape"], rows, [0.2 * width, 0.8 * width])]


def _people(project: dict[str, Any], store: Store, width: float) -> list[Flowable]:
    coordinators = q.names_by_id(store, "coordinator", project.get("coordinator_ids") or [])
    names = [coordinators[i] for i in project.get("coordinator_ids") or [] if i in coordinators]
    items: list[Flowable] = [
        b.fields_table([("Coordination", ", ".join(names) or "Aucune personne assignée")], width)
    ]
    partners = q.organisations(store, project.get("partner_ids") or [])
    if partners:
        rows = [
            [
                o["name"],
                choice_text(ORGANISATION_KINDS, o.get("org_kind")),
                o.get("municipality") or "",
            ]
            for o in partners
        ]
        items.append(b.gap(4))
        items.append(
            b.data_table(
                ["Partenaire", "Type", "Municipalité"],
                rows,
                [0.45 * width, 0.3 * width, 0.25 * width],
            )
        )
    else:
        items.append(b.none_line("Aucun partenaire inscrit."))
    return items


def _contracts(store: Store, project: dict[str, Any], width: float) -> list[Flowable]:
    contracts = q.children(store, "contract", project["id"], "contract_date")
    if not contracts:
        items: list[Flowable] = [b.none_line("Aucun contrat inscrit.")]
    else:
        per: dict[str, list[float]] = {}
        for c in contracts:
            acc = per.setdefault(c["client_type"], [0, 0.0, 0])
            acc[0] += 1
            acc[1] += c.get("hours") or 0
            acc[2] += c.get("amount") or 0
        rows = [
            [
                choice_text(CLIENT_TYPES, kind),
                fr_ca.number(n),
                fr_ca.number(h, 1),
                fr_ca.money_cents(int(m)),
            ]
            for kind, (n, h, m) in sorted(per.items())
        ]
        totals = [sum(v[i] for v in per.values()) for i in range(3)]
        rows.append(
            [
                "Total",
                fr_ca.number(totals[0]),
                fr_ca.number(totals[1], 1),
                fr_ca.money_cents(int(totals[2])),
            ]
        )
        items = [
            b.data_table(
                ["Type de client", "Contrats", "Heures", "Montant"],
                rows,
                [0.4 * width, 0.18 * width, 0.18 * width, 0.24 * width],
                numeric=(1, 2, 3),
                total_row=True,
            ),
            b.heading("Détail des contrats", 2),
            b.data_table(
                ["Date", "Client", "Service", "Heures", "Montant"],
                [
                    [
                        short_date(c.get("contract_date")),
                        choice_text(CLIENT_TYPES, c["client_type"]),
                        c["service"],
                        fr_ca.number(c.get("hours"), 1) if c.get("hours") is not None else "",
                        fr_ca.money_cents(c.get("amount")),
                    ]
                    for c in contracts
                ],
                [0.14 * width, 0.17 * width, 0.37 * width, 0.12 * width, 0.2 * width],
                numeric=(3, 4),
            ),
        ]
    if project.get("revenue") is not None:
        revenue = b.text(f"Chiffre d'affaires déclaré : {fr_ca.money_cents(project['revenue'])}.")
        items[0] = KeepTogether([revenue, items[0]])
    return items


def _funding(store: Store, project: dict[str, Any], width: float) -> list[Flowable]:
    requests = q.children(store, "funding", project["id"], "funder")
    if not requests:
        return [b.none_line("Aucune demande de financement inscrite.")]
    rows = [
        [
            f["funder"],
            f["program"],
            choice_text(FUNDING_STATUSES, f["status"]),
            fr_ca.money_cents(f.get("requested")),
            fr_ca.money_cents(f.get("granted")),
            fr_ca.money_cents(f.get("paid")),
            ", ".join(f.get("report_due_dates") or []),
        ]
        for f in requests
    ]
    total = [sum(f.get(k) or 0 for f in requests) for k in ("requested", "granted", "paid")]
    rows.append(["Total", "", "", *(fr_ca.money_cents(t) for t in total), ""])
    return [
        b.data_table(
            ["Bailleur", "Programme", "Statut", "Demandé", "Accordé", "Versé", "Redditions dues"],
            rows,
            [w * width for w in (0.16, 0.16, 0.12, 0.14, 0.14, 0.14, 0.14)],
            numeric=(3, 4, 5),
            total_row=True,
        )
    ]


def _visits(store: Store, project: dict[str, Any], width: float) -> list[Flowable]:
    visits = q.children(store, "visit", project["id"], "visited_at")
    if not visits:
        return [b.none_line("Aucune visite consignée.")]
    rows = [
        [
            short_date(v["visited_at"]),
            choice_text(VISIT_MODES, v.get("mode")),
            v.get("place") or "",
            people.names_text(store, v.get("made_by") or [], "Non indiquée"),
            excerpt(v.get("observations")),
        ]
        for v in visits
    ]
    return [
        b.data_table(
            ["Date", "Type", "Lieu", "Visite faite par", "Observations"],
            rows,
            [w * width for w in (0.14, 0.12, 0.17, 0.16, 0.41)],
        )
    ]


def _open_items(
    store: Store, project: dict[str, Any], today: dt.date, width: float
) -> list[Flowable]:
    items = q.open_action_items(store, project["id"])
    if not items:
        return [b.none_line("Aucun suivi ouvert.")]
    rows = [
        [
            a["text"],
            a["owner"],
            short_date(a.get("due_date")),
            "En retard" if a.get("due_date") and a["due_date"] < today.isoformat() else "",
        ]
        for a in items
    ]
    return [
        b.data_table(
            ["Action", "Responsable", "Échéance", "État"],
            rows,
            [0.5 * width, 0.22 * width, 0.14 * width, 0.14 * width],
        )
    ]


def compose(store: Store, project_id: str, options: ReportOptions) -> Composed:
    """The page frame and the content of the project sheet (raises NotFoundError)."""
    options = options.validated()
    project = store.require("project", project_id)
    frame = make_frame(
        store,
        options,
        report_name=REPORT_NAME,
        program=program_label(project["program"]),
        title=f"{REPORT_NAME} — {project['name']}",
    )
    today = frame.printed_on
    width = content_width(options.page_size)
    participants = q.children(store, "participant", project["id"], "last_name")
    story: list[Flowable] = [
        b.text(project["name"], "title"),
        b.text(f"{REPORT_NAME} · {program_label(project['program'])}", "subtitle"),
        *b.section("Identification", b.fields_table(_identity(project, store), width)),
        *b.section("Étapes du projet", *_stage_history(project, width)),
        *b.section("Coordination et partenaires", *_people(project, store, width)),
        *b.section(
            "Participants", *participants_section(participants, project, options, today, width)
        ),
    ]
    if project["program"] == CIEC or q.children(store, "contract", project["id"], "contract_date"):
        story += b.section("Contrats et chiffre d'affaires", *_contracts(store, project, width))
    if project["program"] == FERME_COOP or q.children(store, "funding", project["id"], "funder"):
        story += b.section("Demandes de financement", *_funding(store, project, width))
    story += b.section("Visites", *_visits(store, project, width))
    story += b.section("Suivis ouverts", *_open_items(store, project, today, width))
    if project.get("notes"):
        story += b.section("Notes", b.text(project["notes"]))
    return frame, story


def generate(store: Store, project_id: str, output: Path | str, options: ReportOptions) -> Path:
    """Write the project sheet of ``project_id`` to ``output`` (atomically)."""
    frame, story = compose(store, project_id, options)
    return write_report(output, frame, story)
