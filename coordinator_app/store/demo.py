"""Loading the demo data set into an empty profile, in one transaction."""

from __future__ import annotations

from collections.abc import Callable

from coordinator_app.domain.demo import DEMO_PERSON_REGION, demo_staff, generate_demo
from coordinator_app.domain.entities import ENTITIES
from coordinator_app.domain.errors import UserError
from coordinator_app.domain.people import Person
from coordinator_app.store import people
from coordinator_app.store.profile import Store

Progress = Callable[[int, int], None]


def is_empty(store: Store) -> bool:
    return all(store.count(kind, include_deleted=True) == 0 for kind in ENTITIES)


def load_demo(store: Store, seed: int = 1, progress: Progress | None = None) -> int:
    """Fill an empty profile with the demo data; refuses (and changes nothing) on a non-empty one.

    The profile is marked as a demo (meta ``demo`` = "1") so that sync never pushes it to a server.
    Returns the number of records created.
    """
    if not is_empty(store):
        raise UserError(
            "Le profil contient déjà des données : les données de démonstration ne se chargent que dans "
            "un profil vide. Utilisez --data-dir avec un nouveau dossier."
        )
    records = list(generate_demo(seed, store.today()))
    staff = [Person.from_mapping(p) for p in demo_staff()]
    with store.transaction():
        # the demo's named person (region 03) authors the demo's records and is « moi »
        people.set_staff(store, staff)
        people.set_person(store, next(p for p in staff if DEMO_PERSON_REGION in p.regions))
        for index, record in enumerate(records, start=1):
            store.create(record.kind, record.values, record_id=record.id)
            if progress and (index % 200 == 0 or index == len(records)):
                progress(index, len(records))
        store.set_meta("demo", "1")
        store.set_meta("demo_seed", str(seed))
    return len(records)
