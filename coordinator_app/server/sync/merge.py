"""The merge: pure functions over in-memory records, and the deterministic tie-break.

They read no database (import-linter keeps this module away from the unit of work and SQL): each
takes a record and an incoming change's stamp, updates the record in memory and returns the
``Conflict`` to record, if any. The unit of work saves the record and ``conflicts`` turns each
``Conflict`` into a conflict record.

The winner of a same-field conflict is the change the server received last. Each field of a server
record remembers the stamp ``(at, change_id, author, device_id, rank)`` of the change that last
wrote it. ``rank`` is the server's receive order: the log position the change was merged at
(``seq`` space, so it only grows, across batches, processes and servers sharing one database).
When a change's base value is neither the server's value nor its own new value, the change received
later wins; the laptops' clocks play no part, so a laptop whose clock is fast (by hours, or by
minutes inside any tolerance) never beats an honest edit (issue 13, point 8). ``at`` is kept,
clamped to the arrival time, for people to read in the conflict and the history.

Stamps written before receive order existed have four items: they count as rank 0, older than any
change received since, which is what they are.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from coordinator_app.protocol.models import Change, utc_iso
from coordinator_app.server.sync.record import Record

CLOCK_SKEW = dt.timedelta(minutes=5)
#: Namespace of conflict ids: a conflict's id is derived from the changes it is about, so the same
#: conflict re-created (changes re-sent after a restore) keeps its id and laptops keep one copy.
CONFLICT_NAMESPACE = uuid.UUID("5b0c6c1e-3c1d-4d0e-9a57-43415241434f")


@dataclass(frozen=True)
class Stamp:
    at: str  # ISO UTC with microseconds (``utc_iso``): shown to people, not compared
    change_id: str
    author: str | None
    device_id: str | None
    rank: int = 0  # receive order on the server (0: stamped before ranks existed)

    @classmethod
    def of(
        cls, change: Change, device_id: str, received: dt.datetime | None = None, rank: int = 0
    ) -> Stamp:
        """The stamp of a change received at ``rank``; a time after its arrival (a laptop whose
        clock is ahead) is shown as its arrival time."""
        at = change.at
        if received is not None and at > received + CLOCK_SKEW:
            at = received
        return cls(utc_iso(at), change.change_id, change.author, device_id, rank)

    @classmethod
    def from_list(cls, value: list | None) -> Stamp | None:
        return cls(*value) if value else None

    def as_list(self) -> list:
        return [self.at, self.change_id, self.author, self.device_id, self.rank]

    def key(self) -> tuple[int, str]:
        return (self.rank, self.change_id)


def stamp_wins(incoming: Stamp, existing: Stamp | None) -> bool:
    """True when ``incoming`` beats ``existing``: it was received later (a field never stamped
    always loses)."""
    return existing is None or incoming.key() > existing.key()


@dataclass(frozen=True)
class Conflict:
    """Two changes that disagreed on one field (``deleted`` for edit-versus-delete): the value
    kept (the winner's) and the other one, for people to settle."""

    field: str
    kept: Any
    other: Any
    winner: Stamp
    loser: Stamp
    details: dict[str, Any] | None = None


def merge_fields(
    record: Record, parsed: dict[str, tuple[Any, Any]], stamp: Stamp
) -> list[Conflict]:
    """Three-way merge of a create or update's ``[old, new]`` values into ``record``."""
    conflicts: list[Conflict] = []
    for name, (old, new) in parsed.items():
        current = record.data.get(name) if record.exists else None
        if current == new:
            continue
        if not record.exists or current == old or (_empty(current) and _empty(old)):
            record.data[name] = new
            record.stamps[name] = stamp.as_list()
            continue
        existing = Stamp.from_list(record.stamps.get(name))
        incoming_wins = stamp_wins(stamp, existing)
        if incoming_wins:
            record.data[name] = new
            record.stamps[name] = stamp.as_list()
            conflicts.append(Conflict(name, new, current, stamp, existing))  # type: ignore[arg-type]
        else:
            conflicts.append(Conflict(name, current, new, existing, stamp))  # type: ignore[arg-type]
    return conflicts


def edit_on_deleted(record: Record, parsed: dict[str, tuple[Any, Any]], stamp: Stamp) -> Conflict:
    """An edit of a record deleted meanwhile: the change received last decides (the edit brings
    the record back, or it stays deleted); the conflict keeps the edited values in ``details``."""
    deletion = Stamp.from_list(record.stamps.get("deleted"))
    edit_wins = stamp_wins(stamp, deletion)
    details = {name: record.data.get(name) for name in parsed}
    if edit_wins:
        record.deleted = False
        record.stamps["deleted"] = stamp.as_list()
        return Conflict("deleted", False, True, stamp, deletion, details)  # type: ignore[arg-type]
    return Conflict("deleted", True, False, deletion, stamp, details)  # type: ignore[arg-type]


def delete_against_edits(
    record: Record, stamp: Stamp, edits: Iterable[tuple[Stamp, Iterable[str]]]
) -> Conflict | None:
    """A delete of ``record``, given the other devices' edits its sender had not seen (each as its
    stamp and the fields it wrote): a conflict when there are any, the later change winning."""
    record.deleted = True
    record.stamps["deleted"] = stamp.as_list()
    edits = list(edits)
    if not edits:
        return None
    latest = max((edit_stamp for edit_stamp, _names in edits), key=Stamp.key)
    details: dict[str, Any] = {}
    for _edit_stamp, names in edits:
        details.update({k: record.data.get(k) for k in names})
    if stamp_wins(stamp, latest):
        return Conflict("deleted", True, False, stamp, latest, details)
    record.deleted = False
    record.stamps["deleted"] = latest.as_list()
    return Conflict("deleted", False, True, latest, stamp, details)


def conflict_id_for(target: Record, field_name: str, winner: Stamp, loser: Stamp) -> str:
    """A conflict's id, derived from the two changes it is about (in either order) and the field:
    the conflict re-created by the same changes keeps its id (issue 13, point 5)."""
    first, second = sorted((winner.change_id, loser.change_id))
    name = f"{target.kind}/{target.record_id}/{field_name}/{first}/{second}"
    return str(uuid.uuid5(CONFLICT_NAMESPACE, name))


def _empty(value: Any) -> bool:
    return value is None or value == [] or value == ""
