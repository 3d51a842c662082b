"""Push and pull: the server side of sync, split along its seams.

A push batch is applied in order inside one write transaction that is serialised with every other
writer (SQLite ``BEGIN IMMEDIATE``; PostgreSQL ``pg_advisory_xact_lock``), and sequence numbers are
allocated inside it, so ``seq`` order is commit order and a pull cursor never skips a change. Any
invalid, forbidden or reused entry rolls the whole batch back.

Where things are:

- ``pushing``: the batch (lock, prefetch, all-or-nothing answer, parked changes replayed);
- ``prepare``: hashing, parsing and validation done before the lock;
- ``apply``: one change (replays, parking, then checks → merge → region → log);
- ``merge``: the merge itself, pure functions returning ``Conflict``, and the tie-break ``Stamp``;
- ``conflicts``: conflict records created from a ``Conflict``, and their resolution;
- ``checks``: the batch's problems and the access checks (« forbidden » raised in one place);
- ``regions``: a record's region, and a moved project's children;
- ``unit``: the unit of work, records loaded, saved and logged (the only SQL of the push);
- ``pulling``: the entries a user may see after a cursor.

No module here imports FastAPI (import-linter): routes are in ``server.routes``.
"""

from coordinator_app.server.sync.merge import CONFLICT_NAMESPACE, conflict_id_for
from coordinator_app.server.sync.prepare import content_hash
from coordinator_app.server.sync.pulling import pull, visible
from coordinator_app.server.sync.pushing import PUSH_LOCK_KEY, push

__all__ = [
    "CONFLICT_NAMESPACE",
    "PUSH_LOCK_KEY",
    "conflict_id_for",
    "content_hash",
    "pull",
    "push",
    "visible",
]
