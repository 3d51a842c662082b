"""What an operation changed, by record kind (after pylib's ``OpChanges``).

The window refreshes a page only when the kinds it shows intersect the kinds an operation
changed: ticking « Fait » on a follow-up reloads « Suivis », not the three project lists.
"""

from __future__ import annotations

from dataclasses import dataclass

from coordinator_app.domain.entities import ENTITIES

#: Not a record kind: the profile's person (« Votre nom »), shown in « Visite faite par ».
PERSON = "person"
#: Not a record kind: what waits for the server or was refused by it (the journal's queue,
#: refused changes, open conflicts), counted by the status bar and the Conflits screen.
SYNC_STATE = "sync_state"
#: Every record kind and the two above: what a sync, an import or « Actualiser » may have changed.
ALL: frozenset[str] = frozenset(ENTITIES) | {PERSON, SYNC_STATE}


@dataclass(frozen=True)
class Changes:
    """The kinds of record one operation wrote (empty: nothing was written)."""

    kinds: frozenset[str] = frozenset()

    def touches(self, kinds: frozenset[str]) -> bool:
        """True when a page showing ``kinds`` must refresh after this operation."""
        return not self.kinds.isdisjoint(kinds)


def changed(*kinds: str) -> Changes:
    """``Changes`` of the named kinds; a name that is no kind is a bug, refused at once."""
    unknown = set(kinds) - ALL
    if unknown:
        raise ValueError(f"not a record kind: {sorted(unknown)}")
    return Changes(frozenset(kinds))
