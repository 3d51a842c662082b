"""Fixtures of the report tests: a real profile on disk filled through ``store.create``."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from coordinator_app.store import attachments, open_store
from coordinator_app.store.profile import Store

NOW = dt.datetime(2026, 11, 26, 15, 0, tzinfo=dt.UTC)


def pdf_text(path: Path) -> str:
    """All the text of a PDF with whitespace normalised (pypdf turns U+00A0 into a space)."""
    reader = PdfReader(str(path))
    raw = "\n".join(page.extract_text() or "" for page in reader.pages)
    return re.sub(r"\s+", " ", raw.replace("\u00a0", " ").replace("\u202f", " "))


def page_count(path: Path) -> int:
    return len(PdfReader(str(path)).pages)


def add_photo(store: Store, project_id: str, visit_id: str, path: Path, color, size) -> str:
    """Attach a real JPEG to a visit through the store's attachment API."""
    Image.new("RGB", size, color).save(path, format="JPEG")
    stored = attachments.import_file(store, path)
    store.create("attachment", stored.record_values(project_id, visit_id))
    return stored.sha256


@pytest.fixture
def store(tmp_path: Path):
    profile = open_store(tmp_path / "profil", clock=lambda: NOW)
    yield profile
    profile.close()


@pytest.fixture
def sample(store: Store) -> dict[str, str]:
    return build_sample(store)


def build_sample(store: Store) -> dict[str, str]:
    """A small profile: one project per program, participants, contracts, funding, visits."""
    ids: dict[str, str] = {}
    c1 = store.create("coordinator", {"name": "Émilie Tremblay", "regions": ["03"]})
    c2 = store.create("coordinator", {"name": "Louis Côté", "regions": ["03"]})
    school = store.create(
        "school",
        {"name": "École secondaire de la Cité", "municipality": "Québec", "region_code": "03"},
    )
    caisse = store.create(
        "organisation",
        {
            "name": "Caisse Desjardins de Limoilou",
            "org_kind": "caisse",
            "region_code": "03",
            "municipality": "Québec",
        },
    )
    ciec = store.create(
        "project",
        {
            "name": "CIEC de Limoilou",
            "program": "CIEC",
            "region_code": "03",
            "municipality": "Québec",
            "coordinator_ids": [c1["id"], c2["id"]],
            "partner_ids": [caisse["id"]],
            "stage": "comite_local",
            "season_year": 2026,
            "youth_count": 12,
            "school_ids": [school["id"]],
            "services": ["Entretien paysager", "Gardiennage"],
        },
    )
    # revenue is set with the stage change: the store's update re-parses money (see report)
    store.update("project", ciec["id"], {"stage": "operation", "revenue": "5 234,56"})
    ids["ciec"] = ciec["id"]
    for first, last, birth, consent in (
        ("Léa", "Gagnon", "2013-03-02", True),
        ("Noé", "Roy", "2012-05-10", False),
        ("Zoé", "Bélanger", "2011-01-15", False),
        ("Éric", "Pelletier", "2010-06-30", False),
    ):
        values = {
            "project_id": ciec["id"],
            "first_name": first,
            "last_name": last,
            "birth_date": birth,
        }
        if consent:
            values |= {
                "consent_by": "Parent",
                "consent_date": "2026-05-01",
                "consent_purposes": ["Suivi du projet"],
            }
        store.create("participant", values)
    for service, client, hours, amount in (
        ("Tonte de pelouse", "residentiel", 10, "150"),
        ("Lavage de vitres", "entreprise", 6.5, "1234,56"),
        ("Gardiennage", "residentiel", 20, "300"),
    ):
        store.create(
            "contract",
            {
                "project_id": ciec["id"],
                "client_type": client,
                "service": service,
                "contract_date": "2026-07-10",
                "hours": hours,
                "amount": amount,
            },
        )
    visit = store.create(
        "visit",
        {
            "project_id": ciec["id"],
            "visited_at": "2026-11-26T14:30",
            "place": "Centre communautaire de Limoilou",
            "mode": "sur_place",
            "coordinator_id": c1["id"],
            "people_present": [
                "Émilie Tremblay",
                "Comité local (3 personnes)",
                "Conseil d'administration",
            ],
            "observations": "Le groupe a tenu son assemblée.\nLes finances sont à jour ; l'œuvre avance.",
            "decisions": "Ouvrir un deuxième point de service « centre-ville ».",
        },
    )
    ids["visit"] = visit["id"]
    store.create(
        "action_item",
        {
            "project_id": ciec["id"],
            "visit_id": visit["id"],
            "text": "Envoyer le budget révisé",
            "owner": "Émilie Tremblay",
            "due_date": "2026-12-05",
        },
    )
    store.create(
        "action_item",
        {
            "project_id": ciec["id"],
            "text": "Relancer la municipalité",
            "owner": "Louis Côté",
            "due_date": "2026-10-01",
        },
    )
    photos = store.data_dir.parent
    add_photo(store, ciec["id"], visit["id"], photos / "assemblee.jpg", (200, 80, 40), (1600, 1200))
    add_photo(store, ciec["id"], visit["id"], photos / "kiosque.jpg", (40, 120, 200), (900, 1200))

    jeune = store.create(
        "project",
        {
            "name": "Coop-café de la Cité",
            "program": "JEUNE_COOP",
            "region_code": "03",
            "season_year": 2026,
            "youth_count": 25,
            "school_id": school["id"],
            "stage": "operation",
        },
    )
    ids["jeune"] = jeune["id"]
    farm = store.create(
        "project",
        {
            "name": "Ferme coopérative du Rang 4",
            "program": "FERME_COOP",
            "region_code": "05",
            "coop_type": "travailleurs",
            "production": "Maraîchage",
            "hectares": 3.5,
            "land_tenure": "location",
            "members_count": 6,
            "founding_date": "2024-04-01",
            "stage": "demarrage",
            "coordinator_ids": [c2["id"]],
        },
    )
    ids["farm"] = farm["id"]
    store.create(
        "funding",
        {
            "project_id": farm["id"],
            "funder": "MAPAQ",
            "program": "Relève agricole",
            "requested": "25000",
            "granted": "20000",
            "paid": "10000",
            "status": "accordee",
            "report_due_dates": ["2027-03-31"],
        },
    )
    store.create(
        "visit",
        {
            "project_id": farm["id"],
            "visited_at": "2026-09-15T09:00",
            "place": "Ferme",
            "mode": "a_distance",
            "coordinator_id": c2["id"],
        },
    )
    return ids
