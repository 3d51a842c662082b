"""A pulled entry as the profile applies it (``sync_state.RemoteChange``), with whether it is in
the user's scope: the page's ``scope`` says the role and regions, the entry its region."""

from __future__ import annotations

from coordinator_app.protocol import REFERENCE_KINDS, PullEntry
from coordinator_app.store import sync_state


def remote_change(entry: PullEntry, role: str, regions: set[str]) -> sync_state.RemoteChange:
    in_scope = (
        role == "admin"
        or entry.kind in REFERENCE_KINDS
        or entry.region_code is None
        or entry.region_code in regions
    )
    values = dict(entry.values)
    return sync_state.RemoteChange(
        seq=entry.seq,
        change_id=entry.change_id,
        kind=entry.kind,
        record_id=entry.record_id,
        op=entry.op,
        values=values,
        deleted=entry.deleted,
        at=entry.at,
        author=entry.author,
        device_id=entry.device_id,
        in_scope=in_scope,
        author_id=entry.author_id,
    )
