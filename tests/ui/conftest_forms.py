"""Fixtures and helpers of the forms' tests: a real temporary profile with a few records.

Imported by the ``test_forms_*`` files (``from tests.ui.conftest_forms import ...``) so that they
do not depend on the window's own ``conftest.py``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from coordinator_app.store import Store, open_store


def open_profile(folder: Path) -> Store:
    """Open (or reopen) a clear profile in ``folder``, as the app would."""
    try:
        return open_store(folder, encrypted=False)  # type: ignore[call-arg]
    except TypeError:
        return open_store(folder)


@pytest.fixture
def profile_dir(tmp_path: Path) -> Path:
    return tmp_path / "profil"


@pytest.fixture
def store(profile_dir: Path) -> Iterator[Store]:
    opened = open_profile(profile_dir)
    yield opened
    opened.close()


def seed_ciec(store: Store) -> dict[str, Any]:
    """A CIEC project in Saguenay–Lac-Saint-Jean with a coordinator, a school and a partner."""
    coordinator = store.create(
        "coordinator", {"name": "Julie Tremblay", "email": "julie.tremblay@exemple.qc.ca"}
    )
    store.create("coordinator", {"name": "Marc Gagnon"})
    school = store.create(
        "school", {"name": "Polyvalente Arvida", "municipality": "Saguenay", "region_code": "02"}
    )
    partner = store.create(
        "organisation",
        {"name": "Caisse Desjardins du Fjord", "org_kind": "caisse", "region_code": "02"},
    )
    project = store.create(
        "project",
        {
            "name": "CIEC Jonquière",
            "program": "CIEC",
            "region_code": "02",
            "municipality": "Saguenay",
            "season_year": 2026,
            "stage": "comite_local",
            "coordinator_ids": [coordinator["id"]],
            "partner_ids": [partner["id"]],
            "school_ids": [school["id"]],
            "youth_count": 12,
            "revenue": "4 250,00 $",
        },
    )
    return {"project": project, "coordinator": coordinator, "school": school, "partner": partner}


def seed_farm(store: Store) -> dict[str, Any]:
    project = store.create(
        "project",
        {
            "name": "Coop maraîchère La Fourche",
            "program": "FERME_COOP",
            "region_code": "04",
            "municipality": "Saint-Élie-de-Caxton",
            "coop_type": "solidarite",
            "stage": "etude_viabilite",
            "hectares": 3.5,
        },
    )
    return {"project": project}
