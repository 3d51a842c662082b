"""Test profiles for the benchmarks, built once per run through the store's own bulk path.

The large profile has the shape the issue describes: many visits (100 000 at full size) spread over
a few hundred projects in every region and program, each with a paragraph of observations, plus an
action item for one visit in four — what a head-office profile looks like after a few years.
"""

from __future__ import annotations

import random
from pathlib import Path

from benchmarks.common import Context

PROGRAMS = ("CIEC", "JEUNE_COOP", "FERME_COOP")
READY_MARKER = "benchmark-profile-ready"
WORDS = [
    "serre",
    "récolte",
    "marché",
    "kiosque",
    "forestière",
    "bleuets",
    "érablière",
    "coopérative",
    "assemblée",
    "conseil",
    "budget",
    "semis",
    "irrigation",
    "clients",
    "contrats",
    "jeunes",
    "comité",
    "formation",
    "bénévoles",
    "subvention",
    "livraison",
    "paniers",
    "fromagerie",
    "boulangerie",
    "école",
    "parents",
    "municipalité",
    "caisse",
    "plan",
    "affaires",
]


def projects_for(store, count: int, rng: random.Random, region: str | None = None) -> list[str]:
    """Create ``count`` projects through ``Store.create`` (they carry a stage history), spread
    over the 17 regions unless ``region`` is given."""
    ids = []
    with store.transaction():
        for index in range(count):
            program = PROGRAMS[index % 3]
            values = {
                "name": f"Coop {WORDS[index % len(WORDS)].capitalize()} {index}",
                "program": program,
                "region_code": region or f"{index % 17 + 1:02d}",
                "municipality": f"Municipalité {index % 97}",
            }
            if program in ("CIEC", "JEUNE_COOP"):
                values["season_year"] = 2020 + index % 6
            if program == "JEUNE_COOP":
                school = store.create(
                    "school",
                    {
                        "name": f"École {index}",
                        "municipality": values["municipality"],
                        "region_code": values["region_code"],
                    },
                )
                values["school_id"] = school["id"]
            ids.append(store.create("project", values)["id"])
    return ids


def visit_values(project_ids: list[str], count: int, rng: random.Random, year: int = 2025):
    """Visits spread over ``year`` with a sentence of observations each (a generator)."""
    for index in range(count):
        words = " ".join(rng.choice(WORDS) for _ in range(14))
        yield {
            "project_id": project_ids[index % len(project_ids)],
            "visited_at": f"{year}-{index % 12 + 1:02d}-{index % 28 + 1:02d}T{9 + index % 8:02d}:00",
            "mode": "sur_place" if index % 3 else "a_distance",
            "place": f"Salle {index % 50}",
            "observations": f"Visite {index} : {words}.",
        }


def build_profile(
    folder: Path, visits: int, *, projects: int = 300, seed: int = 7, region: str | None = None
) -> Path:
    """A profile in ``folder`` with ``visits`` visits and an action item for one in four."""
    from coordinator_app.store import open_store
    from coordinator_app.store.queries import bulk_create

    ready = folder / READY_MARKER
    if ready.is_file():  # built by an earlier run with --keep
        return folder
    rng = random.Random(seed)
    store = open_store(folder)
    try:
        project_ids = projects_for(store, min(projects, max(3, visits // 10)), rng, region)
        bulk_create(store, "visit", visit_values(project_ids, visits, rng))
        visit_rows = store.conn.execute(
            "SELECT id, project_id FROM visit ORDER BY visited_at LIMIT ?", (max(1, visits // 4),)
        ).fetchall()
        bulk_create(
            store,
            "action_item",
            (
                {
                    "project_id": project_id,
                    "visit_id": visit_id,
                    "text": f"Relancer le comité ({index})",
                    "owner": "Coordination",
                    "due_date": f"2026-{index % 12 + 1:02d}-15",
                }
                for index, (visit_id, project_id) in enumerate(visit_rows)
            ),
        )
        store.set_meta("welcome_done", "1")
    finally:
        store.close()
    ready.write_text(f"{visits} visits\n", encoding="utf-8")
    return folder


def large_profile(ctx: Context) -> Path:
    """The shared profile with 100 000 visits (10 000 with --quick), built on first use."""
    visits = ctx.n(100_000)
    key = f"large-{visits}"
    if key not in ctx.cache:
        ctx.cache[key] = build_profile(ctx.work / key, visits)
    return ctx.cache[key]
