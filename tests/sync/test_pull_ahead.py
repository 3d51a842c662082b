"""The next pull page is requested while the laptop applies the current one (``sync.prefetch``),
against the live server: pages still arrive once and in order, the cursor moves with each page,
a failure on a later page leaves the earlier ones applied, and nothing runs on after a sync."""

from __future__ import annotations

import threading
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from coordinator_app.server import db
from coordinator_app.store import sync_state
from coordinator_app.sync import settings
from coordinator_app.sync.errors import SyncError, SyncErrorKind
from coordinator_app.sync.prefetch import THREAD_NAME
from tests.sync.conftest import FaultyTransport, live_rows

PAGE = 4
PROJECTS = 25  # seven pages of four


class RecordingTransport(FaultyTransport):
    """The real transport (with its faults), noting each pull: its query and the thread it
    was sent from."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pulls: list[dict[str, Any]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.step(request) == "pull":
            query = dict(request.url.params)
            query["thread"] = threading.current_thread().name
            self.pulls.append(query)
        return super().handle_request(request)


def fill(laptop, count=PROJECTS):
    for number in range(count):
        values = {"name": f"Coop {number:02d}", "program": "FERME_COOP", "region_code": "03"}
        laptop.store.create("project", values)
    laptop.sync()


def remote_seqs(store) -> list[int]:
    """Server seqs of the pulled journal entries, in the order the laptop applied them."""
    with store.reading() as conn:
        rows = conn.execute("SELECT server_seq FROM journal WHERE origin = 'remote' ORDER BY seq")
        return [seq for (seq,) in rows]


def seen_by_server(server, store) -> int:
    """What the server records the laptop as holding (``server.device_seen``)."""
    device_id = settings.require(store)[0].device_id
    with db.reading(server.engine) as conn:
        table = db.device_seen
        row = conn.execute(sa.select(table.c.seq).where(table.c.device_id == device_id)).first()
    return int(row[0]) if row else 0


def remote_seqs_of_server(server) -> list[int]:
    with db.reading(server.engine) as conn:
        return [seq for (seq,) in conn.execute(sa.select(db.changes.c.seq))]


def ahead_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith(THREAD_NAME)]


def test_many_pages_arrive_once_in_order_each_asked_for_while_the_last_applies(laptops, server):
    a, b = laptops("alice"), laptops("bruno")
    fill(a)
    logged = sorted(remote_seqs_of_server(server))
    b.transport = RecordingTransport(server.ca_path)
    report = b.sync(pull_limit=PAGE)
    assert report.received == PROJECTS
    assert remote_seqs(b.store) == logged  # every change once, in the server's order
    assert sync_state.cursor(b.store) == logged[-1]
    assert live_rows(b.store) == live_rows(a.store)
    sinces = [int(pull["since"]) for pull in b.transport.pulls]
    assert sinces == [0, *logged[PAGE - 1 :: PAGE]]  # one request a page, none after the last
    threads = [pull["thread"] for pull in b.transport.pulls]
    assert threads[0] == "MainThread"
    assert all(name.startswith(THREAD_NAME) for name in threads[1:])  # requested ahead
    # each request ahead says the cursor the profile held then: the server never counts a page
    # the laptop had not committed as seen
    assert [pull.get("held") for pull in b.transport.pulls[1:]] == [str(s) for s in sinces[:-1]]
    assert seen_by_server(server, b.store) == sinces[-2]
    assert ahead_threads() == []


def test_a_pull_cut_on_a_later_page_keeps_the_earlier_pages_and_resumes(laptops, server):
    a, b = laptops("alice"), laptops("bruno")
    fill(a)
    logged = sorted(remote_seqs_of_server(server))
    b.transport = RecordingTransport(server.ca_path, {"pull#4": "lose"})
    with pytest.raises(SyncError) as failure:
        b.sync(pull_limit=PAGE)
    assert failure.value.kind == SyncErrorKind.INTERRUPTED
    assert str(failure.value) == (
        f"La connexion au serveur {server.url} a été interrompue (ReadError). Rien n'est perdu : "
        "relancez la synchronisation."
    )
    assert b.transport.pulls[3]["thread"].startswith(THREAD_NAME)  # the cut request was ahead
    assert len(b.transport.pulls) == 4  # nothing requested after the failure
    assert remote_seqs(b.store) == logged[: 3 * PAGE]  # pages 1–3, in order
    assert sync_state.cursor(b.store) == logged[3 * PAGE - 1]
    assert b.store.count("project") == 3 * PAGE
    assert ahead_threads() == []
    b.transport = None
    b.sync(pull_limit=PAGE)
    assert remote_seqs(b.store) == logged
    assert live_rows(b.store) == live_rows(a.store)


class Stop(Exception):
    """The sync stopped from outside while it applies a page (a crash, a user's stop)."""


def test_a_sync_stopped_while_a_page_applies_leaves_that_page_out_and_no_thread(
    laptops, server, monkeypatch
):
    a, b = laptops("alice"), laptops("bruno")
    fill(a)
    logged = sorted(remote_seqs_of_server(server))
    b.transport = RecordingTransport(server.ca_path)
    apply_page, calls = sync_state.apply_page, []

    def stopped_at_the_third_page(store, changes, **options):
        calls.append(options["since"])
        if len(calls) == 3:
            raise Stop()
        return apply_page(store, changes, **options)

    monkeypatch.setattr(sync_state, "apply_page", stopped_at_the_third_page)
    with pytest.raises(Stop):
        b.sync(pull_limit=PAGE)
    monkeypatch.setattr(sync_state, "apply_page", apply_page)
    assert ahead_threads() == []  # the request ahead ended with the sync
    assert len(b.transport.pulls) == 4  # page 4 was requested while page 3 applied
    assert remote_seqs(b.store) == logged[: 2 * PAGE]
    cursor = sync_state.cursor(b.store)
    assert cursor == logged[2 * PAGE - 1]
    # the server got the request for page 4, yet counts only what the profile committed
    assert seen_by_server(server, b.store) <= cursor
    b.transport = None
    b.sync(pull_limit=PAGE)
    assert remote_seqs(b.store) == logged
    assert live_rows(b.store) == live_rows(a.store)


def test_pages_asked_for_ahead_name_the_own_changes_the_pull_would_name(laptops, server):
    a, b = laptops("alice"), laptops("bruno")
    fill(a, 6)
    for number in range(6):
        values = {"name": f"Coop de Bruno {number}", "program": "FERME_COOP", "region_code": "03"}
        b.store.create("project", values)
    b.transport = RecordingTransport(server.ca_path)
    report = b.sync(pull_limit=2)  # pushes its six, then pulls Alice's six in pages of two
    with b.store.reading() as conn:
        mine = [s for (s,) in conn.execute("SELECT server_seq FROM journal WHERE origin = 'local'")]
    runs = f"{min(mine)}-{max(mine)}"
    assert report.received == 6
    a.sync()
    assert live_rows(b.store) == live_rows(a.store)
    pulls = b.transport.pulls
    assert [pull.get("own") for pull in pulls] == [runs] * len(pulls)
    assert all(pull["thread"].startswith(THREAD_NAME) for pull in pulls[1:])
    # the last page is empty: the server left my six out, reading on past them
    assert [int(pull["since"]) for pull in pulls] == [0, 2, 4, 6]  # none dropped, none after
    assert sync_state.cursor(b.store) == max(mine)
