"""What every command receives: the parsed arguments and a lazily opened profile."""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from pathlib import Path

from coordinator_app.store import Store, open_store
from coordinator_app.store.paths import resolve_data_dir


@dataclass
class Context:
    args: argparse.Namespace
    _store: Store | None = field(default=None, repr=False)

    @property
    def data_dir(self) -> Path:
        return resolve_data_dir(self.args.data_dir)

    @property
    def store(self) -> Store:
        """The profile, opened (and migrated) on first use only, so ``--version`` touches nothing."""
        if self._store is None:
            self._store = open_store(self.data_dir)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
