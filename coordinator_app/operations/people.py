"""« Votre nom »: the person behind a profile used without a server."""

from __future__ import annotations

from coordinator_app.operations.changes import PERSON, Changes, changed
from coordinator_app.store import Store, people


def set_person_name(store: Store, name: str) -> Changes:
    """Name the profile's person (``UserError`` for an empty or unusable name)."""
    people.set_local_name(store, name)
    return changed(PERSON)
