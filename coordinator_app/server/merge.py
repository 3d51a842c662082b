"""The deterministic winner of a same-field conflict: the change the server received last.

Each field of a server record remembers the stamp ``(at, change_id, author, device_id, rank)`` of
the change that last wrote it. ``rank`` is the server's receive order: the log position the change
was merged at (``seq`` space, so it only grows, across batches, processes and servers sharing one
database). When a change's base value is neither the server's value nor its own new value, the
change received later wins; the laptops' clocks play no part, so a laptop whose clock is fast (by
hours, or by minutes inside any tolerance) never beats an honest edit (issue 13, point 8). ``at``
is kept, clamped to the arrival time, for people to read in the conflict and the history.

Stamps written before receive order existed have four items: they count as rank 0, older than any
change received since, which is what they are.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coordinator_app.protocol.models import Change, utc_iso

CLOCK_SKEW = dt.timedelta(minutes=5)


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
