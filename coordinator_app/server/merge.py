"""The deterministic winner of a same-field conflict.

Each field of a server record remembers the stamp ``(at, change_id, author, device_id)`` of the change
that last wrote it. When a change's base value is neither the server's value nor its own new value,
the later ``at`` wins, and on a tie the greater ``change_id``: every server and every order of
arrival picks the same winner, so laptops converge.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coordinator_app.protocol.models import Change, utc_iso

CLOCK_SKEW = dt.timedelta(minutes=5)


@dataclass(frozen=True)
class Stamp:
    at: str  # ISO UTC with microseconds (``utc_iso``): compares correctly as text
    change_id: str
    author: str | None
    device_id: str | None

    @classmethod
    def of(cls, change: Change, device_id: str, received: dt.datetime | None = None) -> Stamp:
        """The stamp of a change; a time more than a few minutes after its arrival (a laptop
        whose clock is far ahead) counts as its arrival time, so it cannot win every conflict."""
        at = change.at
        if received is not None and at > received + CLOCK_SKEW:
            at = received
        return cls(utc_iso(at), change.change_id, change.author, device_id)

    @classmethod
    def from_list(cls, value: list | None) -> Stamp | None:
        return cls(*value) if value else None

    def as_list(self) -> list:
        return [self.at, self.change_id, self.author, self.device_id]

    def key(self) -> tuple[str, str]:
        return (self.at, self.change_id)


def stamp_wins(incoming: Stamp, existing: Stamp | None) -> bool:
    """True when ``incoming`` beats ``existing`` (a field never stamped always loses)."""
    return existing is None or incoming.key() > existing.key()
