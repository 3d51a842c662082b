"""The open profile's connection: transactions, the reader for other threads, metadata.

The base of ``Store`` (``store.profile``). The connection is shared by threads (the window's
database worker, the sync worker) behind one re-entrant lock: SQLite has one writer anyway, and one
lock keeps transactions from interleaving; a second, read-only connection serves the reads of the
threads that would otherwise wait for a writer.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from coordinator_app.domain.people import Person
from coordinator_app.store import paths
from coordinator_app.store.connection import open_reader
from coordinator_app.store.migrations import schema_version

Clock = Callable[[], dt.datetime]
BULK_CACHE_KIB = -65536  # SQLite page cache during bulk writes: 64 MiB (negative: KiB)
META_PERSON = "person"  # the profile's person, JSON of ``domain.people.Person``


def utc_now() -> dt.datetime:
    """The default clock (tests give the store their own)."""
    return dt.datetime.now(dt.UTC)


def new_id() -> str:
    """A new record or change id: random, so two laptops never pick the same one."""
    return str(uuid.uuid4())


class _SignalledLock:
    """A re-entrant lock that wakes the threads waiting for a connection when it is let go.

    ``StoreSession.reading`` waits for whichever connection frees first; a plain RLock says
    nothing when it is released. Only the owner's outermost release notifies: a bulk import
    joins its outer transaction tens of thousands of times, and waking every waiting reader at
    each nested exit would make them spin for nothing.
    """

    def __init__(self, freed: threading.Condition) -> None:
        self._lock = threading.RLock()
        self._held = 0  # the owner's acquisitions; only the owner changes it
        self._owner: int | None = None
        self._freed = freed

    def acquire(self, blocking: bool = True) -> bool:
        if not self._lock.acquire(blocking):
            return False
        self._held += 1
        self._owner = threading.get_ident()
        return True

    def owned(self) -> bool:
        """True in the thread that holds it."""
        return self._owner == threading.get_ident()

    def release(self) -> None:
        self._held -= 1
        outermost = self._held == 0
        if outermost:
            self._owner = None
        self._lock.release()
        if outermost:
            with self._freed:
                self._freed.notify_all()

    def __enter__(self) -> bool:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


class StoreSession:
    """The connection of one open profile, its transactions and its metadata."""

    def __init__(self, conn: sqlite3.Connection, data_dir: Path, *, clock: Clock = utc_now) -> None:
        self.conn = conn
        self.data_dir = data_dir
        self.clock = clock
        # Notified when the main connection or the reader is let go (``reading``).
        self._freed = threading.Condition()
        self._lock = _SignalledLock(self._freed)
        self._depth = 0
        self._bulk = False
        self._reader: sqlite3.Connection | None = None
        # Re-entrant: a thread reading on it may call ``reading`` again (a read made of reads).
        self._reader_lock = _SignalledLock(self._freed)
        self._written = 0  # write transactions ended (``content_version``)
        self._watch: sqlite3.Connection | None = None  # commits of other connections
        self._watch_lock = threading.Lock()
        self._closed = False  # no connection is opened again once the store is closed
        self.device_id = self.get_meta("device_id") or self._init_device()
        # The person behind this profile (``store.people``): the name and account that author
        # every change. Never the operating system's login: a profile with no person yet writes
        # no author until « Votre nom » is answered or the profile signs in to a server.
        self.person: Person | None = Person.from_json(self.get_meta(META_PERSON))

    @property
    def author(self) -> str | None:
        """The name of the person writing now (kept in every journal entry as it is today)."""
        return self.person.name if self.person else None

    @property
    def author_id(self) -> str | None:
        """The account of the person writing now (None for a profile used without a server)."""
        return self.person.account if self.person else None

    # -- plumbing -------------------------------------------------------------------------------
    @property
    def path(self) -> Path:
        return paths.database_path(self.data_dir)

    @property
    def schema_version(self) -> int:
        return schema_version(self.conn)

    def now(self) -> str:
        return self.clock().astimezone(dt.UTC).isoformat(timespec="milliseconds")

    def today(self) -> dt.date:
        return self.clock().astimezone().date()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; nested calls join the outer one, so a bulk import is atomic."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self.conn
                finally:
                    self._depth -= 1
                return
            self.conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield self.conn
            except BaseException:
                self._depth = 0
                self.conn.execute("ROLLBACK")
                self._written += 1  # after it ended: see ``content_version``
                raise
            self._depth = 0
            self.conn.execute("COMMIT")
            self._written += 1

    @contextmanager
    def bulk_transaction(self) -> Iterator[sqlite3.Connection]:
        """``transaction()`` for many writes (imports): a larger page cache while it lasts.

        With SQLite's default 2 MB cache, a transaction writing tens of thousands of rows (random
        ids, several indexes, full-text index, journal) spills dirty pages to the WAL and writes
        them again and again, each time encrypted: half the cost of a bulk insert. The cache
        grows only as pages are used, and is set back when the outermost bulk transaction ends,
        so the window's memory is unchanged afterwards.
        """
        with self._lock:
            if self._bulk:
                with self.transaction() as conn:
                    yield conn
                return
            previous = self.conn.execute("PRAGMA cache_size").fetchone()[0]
            self.conn.execute(f"PRAGMA cache_size = {BULK_CACHE_KIB}")
            self._bulk = True
            try:
                with self.transaction() as conn:
                    yield conn
            finally:
                self._bulk = False
                self.conn.execute(f"PRAGMA cache_size = {int(previous)}")

    @contextmanager
    def exclusive(self) -> Iterator[sqlite3.Connection]:
        """The main connection with no transaction of another thread open (backups, restores)."""
        with self._lock:
            try:
                yield self.conn
            finally:
                self._written += 1  # a restored snapshot replaces the content

    def content_version(self) -> tuple[int, int] | None:
        """What the profile holds now, for caches of reads (``store.window_index``): numbers
        that change when a write transaction or a restore of this store ends, or when another
        connection commits (« coordinator-app sync » in a terminal while the window is open);
        None while a transaction is open, as its rows may still change or be rolled back. Never
        asks the main or reading connection: that would wait for another thread's read on it
        (measured: 27–37 ms while the window filled); a third connection of its own answers
        ``PRAGMA data_version``. Read before, then after a read: equal values mean no write
        ended in between."""
        written = self._written  # read first: it grows only once a transaction has ended
        if self._depth:
            return None
        with self._watch_lock:
            if self._closed:
                return None
            if self._watch is None:
                self._watch = open_reader(self.conn, self.path)
            # fetchall: the statement is done, so no read transaction is left open on the WAL
            external = self._watch.execute("PRAGMA data_version").fetchall()[0][0]
        return written, external

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A connection to read from: never one with another thread's transaction half-done.

        The thread inside a write transaction reads its own uncommitted rows on the main
        connection. While another thread holds the main connection (an import, a sync), reads go
        to a second, read-only connection that sees the last committed state (WAL), so the window
        never waits for the writer. When both are busy (a list page, a count and the search's
        background window at once), the read takes whichever frees first: waiting for the reader
        alone once cost a read 65 ms while the main connection stood free.
        """
        conn, lock = self._free_connection()
        try:
            yield conn
        finally:
            lock.release()

    def _free_connection(self) -> tuple[sqlite3.Connection, _SignalledLock]:
        """The main connection or the reader, whichever this thread can take first, taken.

        Both are tried without blocking, under ``_freed``, then the thread sleeps until one is
        let go: a release notifies only once it holds ``_freed``, so it cannot slip in between
        the tries and the wait. Both locks are re-entrant: the thread in a transaction gets the
        main connection again, the thread already on the reader gets the reader again (waiting
        for it would wait for itself). The main connection is given only when no other thread
        holds it, so a read never sees another thread's uncommitted rows.
        """
        with self._freed:
            while True:
                if self._lock.acquire(blocking=False):
                    return self.conn, self._lock
                if self._reader_lock.acquire(blocking=False):
                    break
                self._freed.wait()
        try:
            return self._opened_reader(), self._reader_lock
        except BaseException:
            self._reader_lock.release()
            raise

    @contextmanager
    def reading_aside(self) -> Iterator[sqlite3.Connection]:
        """A connection for a long read in the background (the search's window of 16 000 visits,
        100–300 ms from a cold cache): the reader, so that a save on the main connection never
        waits for it (a save runs on the GUI thread). The thread inside a write transaction
        reads on the main connection, its own uncommitted rows."""
        if self._lock.owned():
            with self._lock:
                yield self.conn
            return
        with self._reader_lock:
            yield self._opened_reader()

    def _opened_reader(self) -> sqlite3.Connection:
        """The reader, opened on first use (a key, a file to open); its lock is held."""
        if self._reader is None:
            self._reader = open_reader(self.conn, self.path)
        return self._reader

    def close(self) -> None:
        with self._lock:
            self.conn.close()
            with self._reader_lock:
                if self._reader is not None:
                    self._reader.close()
                    self._reader = None
            with self._watch_lock:
                self._closed = True
                if self._watch is not None:
                    self._watch.close()
                    self._watch = None

    def _init_device(self) -> str:
        device = new_id()
        self.set_meta("device_id", device)
        return device

    # -- metadata -------------------------------------------------------------------------------
    def get_meta(self, key: str, default: str | None = None) -> str | None:
        with self.reading() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str | None) -> None:
        with self.transaction():
            if value is None:
                self.conn.execute("DELETE FROM meta WHERE key = ?", (key,))
            else:
                self.conn.execute(
                    "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (key, value),
                )
