"""Push and pull: the server side of sync, split along its seams.

A push batch is applied in order inside one write transaction. On SQLite writers take turns
(``BEGIN IMMEDIATE``) and seqs are allocated in commit order; on PostgreSQL pushes of different
records run concurrently (row locks per record), seqs come from a sequence, and a pull serves only
up to the visibility watermark (``server.seqs``), so a pull cursor never skips a change. Any
invalid, forbidden or reused entry rolls the whole batch back.

Where things are:

- ``pushing``: the batch (transaction and retries, prefetch, all-or-nothing answer, parked changes replayed);
- ``prepare``: hashing, parsing and validation done before the lock;
- ``apply``: one change (replays, parking, then checks → merge → region → log);
- ``merge``: the merge itself, pure functions returning ``Conflict``, and the tie-break ``Stamp``;
- ``conflicts``: conflict records created from a ``Conflict``, and their resolution;
- ``checks``: the batch's problems and the access checks (« forbidden » raised in one place);
- ``regions``: a record's region, and a moved project's children;
- ``unit``: the unit of work, records loaded, saved and logged (with ``lookups``, its batched
  reads, and ``rows``, its hand-written writes, the only SQL of the push);
- ``echo``: whether a logged change is stored exactly as sent (flagged at push, checked at pull);
- ``pulling``: the entries a user may see after a cursor.

No module here imports FastAPI (import-linter): routes are in ``server.routes``.
"""

from coordinator_app.server.sync.merge import CONFLICT_NAMESPACE, conflict_id_for
from coordinator_app.server.sync.prepare import content_hash
from coordinator_app.server.sync.pulling import pull, visible
from coordinator_app.server.sync.pushing import push

__all__ = [
    "CONFLICT_NAMESPACE",
    "conflict_id_for",
    "content_hash",
    "pull",
    "push",
    "visible",
]
