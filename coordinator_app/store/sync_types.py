"""The values sync passes between the client and the store: pulled changes, unreadable entries,
what a page did, and the ``meta`` keys of the sync state (kept apart so every ``sync_*`` module
can share them without importing each other)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

META_CURSOR = "sync_cursor"
META_GENERATION = "server_generation"
META_LAST_SYNC = "last_sync"
META_SCOPE = "sync_scope"
#: Own changes acknowledged at a seq above this one may be named in a pull (``own_held``)
META_OWN_FROM = "own_echo_from"


@dataclass(frozen=True)
class RemoteChange:
    """One pulled change, already decoded from the wire (``values`` are canonical values)."""

    seq: int
    change_id: str
    kind: str
    record_id: str
    op: str
    values: Mapping[str, Any]
    deleted: bool | None
    at: str
    author: str | None
    device_id: str | None
    in_scope: bool = True
    author_id: str | None = None  # the author's account (``author`` is their name then)


@dataclass(frozen=True)
class UnreadableEntry:
    """A pulled entry that did not parse (``reason`` says why); its identity as far as known."""

    change_id: str
    seq: int | None
    kind: str
    record_id: str
    op: str
    reason: str
    at: str | None = None
    author: str | None = None


@dataclass
class ApplyResult:
    """What a page did to the profile (summed over a sync for the report)."""

    received: int = 0
    echoed: int = 0  # our own changes coming back: acknowledges a push whose reply was lost
    kept_local: int = 0  # changes whose fields were (partly) left alone for an unsent local edit
    removed: list[tuple[str, str]] = field(default_factory=list)  # left the scope
    kept_out_of_scope: list[tuple[str, str]] = field(default_factory=list)
    new_conflicts: int = 0
    records: set[tuple[str, str]] = field(default_factory=set)  # received (not echoed) records
    stale: bool = False  # the cursor moved under this page (another sync ran): nothing applied

    def add(self, other: ApplyResult) -> None:
        self.received += other.received
        self.echoed += other.echoed
        self.kept_local += other.kept_local
        self.removed += other.removed
        self.kept_out_of_scope += other.kept_out_of_scope
        self.new_conflicts += other.new_conflicts
        self.records |= other.records
