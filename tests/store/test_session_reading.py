"""Which connection a read gets when other threads hold them (``StoreSession.reading``).

Real threads on a real profile: a write transaction held open on the main connection, a long read
held open on the reader, and a third read arriving while both are busy. The events say when each
holder is inside; timeouts bound every wait, so a read stuck behind the wrong connection (or
behind itself) fails the test instead of hanging the suite.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager

import pytest

from coordinator_app.store import open_store

PATIENCE = 10.0  # seconds: far beyond any wait that passes; reached only by a failing read
SETTLE = 0.3  # seconds left to the third read to start waiting (its result does not depend on it)


@pytest.fixture
def store(tmp_path):
    opened = open_store(tmp_path)
    opened.create("project", {"name": "Déjà là", "program": "FERME_COOP", "region_code": "17"})
    yield opened
    # A read stuck for good (the failure ``test_a_read_inside_a_read_*`` guards) would keep
    # ``close`` waiting: close from a thread that is let go after a while.
    closer = threading.Thread(target=opened.close, daemon=True)
    closer.start()
    closer.join(PATIENCE)


def names(conn) -> list[str]:
    return [row[0] for row in conn.execute("SELECT name FROM project ORDER BY name")]


class Holder:
    """A thread inside ``hold()`` until ``let_go``: what it saw there, and whether it got in."""

    def __init__(self, hold: Callable[[], AbstractContextManager], body: Callable = names) -> None:
        self.inside, self.let_go = threading.Event(), threading.Event()
        self.done = threading.Event()
        self.conn = None
        self.seen: list[str] | None = None
        self.cpu = 0.0  # this thread's CPU time from calling ``hold()`` to getting in
        self._hold, self._body = hold, body
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        started = time.thread_time()
        try:
            with self._hold() as conn:
                self.cpu = time.thread_time() - started
                self.conn, self.seen = conn, self._body(conn)
                self.inside.set()
                self.let_go.wait(PATIENCE)
        finally:
            self.done.set()

    def start(self) -> Holder:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.let_go.set()
        self.thread.join(PATIENCE)


def importing(store) -> Callable[[], AbstractContextManager]:
    """A write transaction with one uncommitted project, held open (an import, a sync)."""

    @contextmanager
    def hold() -> Iterator:
        with store.transaction() as conn:
            values = {"name": "En cours", "program": "FERME_COOP", "region_code": "17"}
            store.create("project", values)
            yield conn

    return hold


@pytest.fixture
def both_busy(store) -> Iterator[tuple[Holder, Holder]]:
    """Thread A in a write transaction on the main connection, thread B reading on the reader."""
    writer = Holder(importing(store)).start()
    assert writer.inside.wait(PATIENCE)
    reader = Holder(store.reading).start()
    assert reader.inside.wait(PATIENCE)
    assert reader.conn is not store.conn
    yield writer, reader
    writer.stop()
    reader.stop()


def test_a_read_takes_the_main_connection_as_soon_as_the_writer_ends(store, both_busy):
    """Both busy: the read waits, then gets the first one let go, here the main connection,
    while the long read still holds the reader; it sees the rows the writer committed."""
    writer, long_read = both_busy
    third = Holder(store.reading).start()
    assert not third.inside.wait(SETTLE)  # both connections busy: it waits

    writer.stop()
    assert third.inside.wait(PATIENCE), "the read waited for the reader, not the free main one"
    assert not long_read.done.is_set()
    assert third.conn is store.conn
    assert third.seen == ["Déjà là", "En cours"]
    assert third.cpu < SETTLE / 3, "the read spun while it waited"
    third.stop()


def test_a_read_never_sees_the_uncommitted_rows_of_another_thread(store, both_busy):
    """Both busy, the long read ends first: the waiting read gets the reader and the last
    committed state, never the writer's connection and its half-done transaction."""
    writer, long_read = both_busy
    third = Holder(store.reading).start()
    assert not third.inside.wait(SETTLE)

    long_read.stop()
    assert third.inside.wait(PATIENCE)
    assert not writer.done.is_set()
    assert third.conn is not store.conn
    assert third.seen == ["Déjà là"]
    third.stop()


def test_the_writer_reads_its_own_rows_while_the_reader_is_busy(store):
    """Inside its transaction a thread reads on its own connection (its uncommitted rows), even
    while another thread holds the reader, and the other thread does not see them."""
    first = Holder(store.reading).start()  # on the main connection: the next read gets the reader
    assert first.inside.wait(PATIENCE)
    long_read = Holder(store.reading).start()
    assert long_read.inside.wait(PATIENCE)
    first.stop()
    assert long_read.conn is not store.conn
    writer = Holder(importing(store), body=lambda _conn: names_read_again(store)).start()
    try:
        assert writer.inside.wait(PATIENCE), "the writer waited for the reader to read its rows"
        assert writer.seen == ["Déjà là", "En cours"]
        assert long_read.seen == ["Déjà là"]
    finally:
        writer.stop()
        long_read.stop()
    assert store.count("project") == 2


def names_read_again(store) -> list[str]:
    with store.reading() as conn:
        return names(conn)


def test_a_read_inside_a_read_on_the_reader_does_not_wait_for_itself(store):
    """A thread on the reader (the writer holds the main connection) reads again inside its
    read: it gets the reader again instead of waiting for itself for ever."""
    writer = Holder(importing(store)).start()
    assert writer.inside.wait(PATIENCE)
    nested = Holder(store.reading, body=lambda _conn: names_read_again(store)).start()
    try:
        assert nested.inside.wait(PATIENCE), "the read inside a read waited for itself"
        assert nested.conn is not store.conn
        assert nested.seen == ["Déjà là"]
    finally:
        nested.stop()
        writer.stop()
    assert nested.done.wait(PATIENCE)


def test_a_read_inside_a_read_on_the_main_connection_gets_it_again(store):
    """The same thread reading on the main connection reads again inside: no wait, same rows."""
    nested = Holder(store.reading, body=lambda _conn: names_read_again(store)).start()
    try:
        assert nested.inside.wait(PATIENCE)
        assert nested.conn is store.conn
        assert nested.seen == ["Déjà là"]
    finally:
        nested.stop()


def test_a_save_never_waits_for_a_long_read_aside(store):
    """The search indexes its window (16 000 visits, up to 300 ms) on ``reading_aside``: the
    reader, so a save made meanwhile (on the GUI thread) does not wait for it."""
    long_read = Holder(store.reading_aside)
    long_read.thread.start()
    assert long_read.inside.wait(PATIENCE)
    try:
        assert long_read.conn is not store.conn
        started = time.perf_counter()
        store.create("project", {"name": "Pendant", "program": "FERME_COOP", "region_code": "17"})
        assert time.perf_counter() - started < SETTLE, "the save waited for the read"
    finally:
        long_read.let_go.set()
        long_read.thread.join(PATIENCE)
    assert long_read.seen == ["Déjà là"]


def test_a_read_aside_inside_a_transaction_reads_its_own_rows(store):
    with store.transaction():
        store.create("project", {"name": "En cours", "program": "FERME_COOP", "region_code": "17"})
        with store.reading_aside() as conn:
            assert conn is store.conn
            assert names(conn) == ["Déjà là", "En cours"]
