"""Snapshots of the profile taken before each sync, so a coordinator can roll back.

A snapshot is a consistent copy made with SQLite's online backup API while the profile stays open
(no window has to close), encrypted with the profile's key like the profile itself. The last ``KEEP`` are kept. Restoring copies a snapshot back into the
open connection with the same API, under the store's lock, so readers never see half a database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from coordinator_app.domain.errors import UserError
from coordinator_app.store import paths
from coordinator_app.store.connection import copy_database, open_copy
from coordinator_app.store.migrations import LATEST_VERSION, migrate, schema_version

if TYPE_CHECKING:
    from coordinator_app.store.profile import Store

KEEP = 5
PREFIX = "avant-synchro-"


@dataclass(frozen=True)
class Snapshot:
    path: Path
    taken_at: dt.datetime

    @property
    def label(self) -> str:
        """« 2026-11-26 14:05:12 », local time: what Préférences lists."""
        return self.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def snapshots_dir(data_dir: Path) -> Path:
    return data_dir / "snapshots"


def list_snapshots(data_dir: Path) -> list[Snapshot]:
    """Snapshots, newest first."""
    found = []
    for path in snapshots_dir(data_dir).glob(f"{PREFIX}*.db"):
        stamp = path.stem.removeprefix(PREFIX)
        try:
            taken = dt.datetime.strptime(stamp, "%Y%m%dT%H%M%S%fZ").replace(tzinfo=dt.UTC)
        except ValueError:
            continue
        found.append(Snapshot(path, taken))
    return sorted(found, key=lambda s: s.taken_at, reverse=True)


META_SNAPSHOT_SEQ = "snapshot_journal_seq"


def _journal_position(store: Store) -> str:
    with store.reading() as conn:
        return str(conn.execute("SELECT coalesce(max(seq), 0) FROM journal").fetchone()[0])


def snapshot_if_changed(store: Store, keep: int = KEEP) -> Snapshot | None:
    """A snapshot unless the profile did not change since the last one (no journal entry, local
    or pulled, since): the window syncs every few minutes, and five copies of one state would
    push the useful older ones out."""
    position = _journal_position(store)
    if store.get_meta(META_SNAPSHOT_SEQ) == position and list_snapshots(store.data_dir):
        return None
    snapshot = take_snapshot(store, keep)
    store.set_meta(META_SNAPSHOT_SEQ, position)
    return snapshot


def take_snapshot(store: Store, keep: int = KEEP) -> Snapshot:
    """Copy the open profile to a new snapshot file and drop the oldest beyond ``keep``."""
    folder = snapshots_dir(store.data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now(dt.UTC)
    target = folder / f"{PREFIX}{now.strftime('%Y%m%dT%H%M%S%fZ')}.db"
    partial = target.with_suffix(".partial")
    with store.exclusive() as conn:
        copy_database(conn, partial)  # encrypted with the profile's key when it has one
    partial.replace(target)
    for old in list_snapshots(store.data_dir)[keep:]:
        old.path.unlink(missing_ok=True)
    return Snapshot(target, now)


def restore_snapshot(store: Store, snapshot: Path) -> None:
    """Replace the open profile's content with ``snapshot`` (a snapshot of now is taken first)."""
    if not snapshot.is_file():
        raise UserError(f"Copie de sécurité introuvable : {snapshot}")
    source = open_copy(snapshot, store.conn)
    try:
        if source.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise UserError(
                f"La copie de sécurité {snapshot.name} est endommagée ; rien n'a changé."
            )
        if schema_version(source) > LATEST_VERSION:
            raise UserError(
                f"La copie de sécurité {snapshot.name} vient d'une version plus récente de "
                "Carnet COOP ; rien n'a changé."
            )
        take_snapshot(store, keep=KEEP + 1)
        with store.exclusive() as conn:
            source.backup(conn)
            # a snapshot taken before an update has the older schema (migration 15: its search
            # triggers would index every write twice): brought up to date as at opening
            migrate(conn, paths.backups_dir(store.data_dir))
    finally:
        source.close()
