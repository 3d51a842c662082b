"""The next pull page, requested while the laptop applies the current one (issue 17).

A pull used to take turns: request page N, wait for the server (10–30 ms) and the transfer, apply
it (65–75 ms of the laptop's CPU per 1 000 changes and a commit's fsync), then request page N+1.
Each answer carries ``next_since`` before the page is applied, so the engine asks for page N+1
in one worker thread while it applies page N.

The request ahead is only a guess. ``take`` hands its answer over only when the request the
engine would send now, after applying page N, is exactly the one sent ahead (same ``since``,
``limit`` and ``own``); otherwise that answer, or its error, is dropped and the request is sent
as before. So a page is applied, in order, only from the request the sequential pull would have
sent; an error of the request ahead is raised by ``take``, where the sequential request would
have raised it (the same ``SyncError`` from ``ServerClient``); and the cursor is still saved
with each page by ``sync_state.apply_page``. Closing (the end of a pull, an error, a stop) waits
for the request ahead: no thread outlives the pull, and the client is never used after it is
closed. ``ServerClient`` carries one request at a time (its lock), whichever thread sends it.

A pull from ``since`` tells the server the device holds everything up to it (deletes are checked
against that, ``server.device_seen``); a request sent ahead names the cursor the profile holds
in ``held`` (``protocol.held``), and is sent only to a server that says it records that instead.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field

from coordinator_app.protocol import PullResponse
from coordinator_app.store.sync_state import UnreadableEntry
from coordinator_app.sync.client import ServerClient

Page = tuple[PullResponse, list[UnreadableEntry]]
#: The worker thread's name (tests check that none is left once a sync ended).
THREAD_NAME = "carnet-pull-ahead"


@dataclass(frozen=True)
class PullRequest:
    """What one pull request names: the cursor, the page size and the own-echo runs. ``held``
    (``protocol.held``), the cursor the profile holds when the request is sent ahead, changes
    only what the server records of the device, never the page: it is left out of ``==``."""

    since: int
    limit: int
    own: str | None
    held: int | None = field(default=None, compare=False)


class PullAhead:
    """At most one pull request in flight ahead of the engine; use as a context manager."""

    def __init__(self, client: ServerClient) -> None:
        self._client = client
        self._executor: ThreadPoolExecutor | None = None
        self._ahead: tuple[PullRequest, Future[Page]] | None = None

    def __enter__(self) -> PullAhead:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self, request: PullRequest) -> None:
        """Send ``request`` in the worker thread; its answer waits for ``take``."""
        self._drop()
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=THREAD_NAME)
        future = self._executor.submit(self._send, request)
        self._ahead = (request, future)

    def take(self, request: PullRequest) -> Page:
        """The answer to ``request``: the one sent ahead when it is the same request (its error
        raised here), else a request sent now (what was sent ahead is dropped)."""
        ahead, self._ahead = self._ahead, None
        if ahead is not None:
            sent, future = ahead
            if sent == request:
                return future.result()
            wait([future])  # its answer or error is not this request's: dropped
        return self._send(request)

    def close(self) -> None:
        """Wait for the request ahead, if any (its outcome dropped), and end the thread."""
        self._drop()
        if self._executor is not None:
            self._executor.shutdown(wait=True)
            self._executor = None

    def _drop(self) -> None:
        ahead, self._ahead = self._ahead, None
        if ahead is not None:
            wait([ahead[1]])

    def _send(self, request: PullRequest) -> Page:
        return self._client.pull_page(request.since, request.limit, request.own, request.held)
