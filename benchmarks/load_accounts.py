"""Accounts and changes of the load figures' Locust runs (``fig_load``): one fresh account per
laptop, changes under new ids, password hashes at the production Argon2 cost."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from benchmarks.fig_sync import _renamed, _wire_changes, fill

PASSWORD = "mot-de-passe-de-charge"
SMALL_BATCH = 10  # changes of a steady-phase sync


def fast_hash() -> bool:
    """``CARNET_LOAD_HASH=fast``: the cheapest Argon2 cost (the test suites'), not a real one."""
    return os.environ.get("CARNET_LOAD_HASH") == "fast"


def template(work: Path) -> list[dict[str, Any]]:
    """100 changes as the sync engine sends them: one farm co-op in region 03 and 99 visits."""
    from coordinator_app.store import open_store

    store = open_store(work / "template-laptop")
    try:
        fill(store, 100, "03", tag="charge-")
        return _wire_changes(store)
    finally:
        store.close()


def laptop_changes(template: list[dict[str, Any]], region: str) -> list[dict[str, Any]]:
    changes = _renamed(template)
    for change in changes:
        if "region_code" in change["fields"]:
            change["fields"]["region_code"] = [None, region]
    return changes


class Accounts:
    """Accounts and changes of each Locust run: one fresh account per laptop (a login registers a
    device), changes under new ids, Argon2 hashes at the production cost."""

    def __init__(self, server: Any, template: list[dict[str, Any]], work: Path) -> None:
        self.server, self.template, self.work = server, template, work
        self.count = 0
        self.hash = self._password_hash()
        self.regions: dict[str, str] = {}

    @staticmethod
    def _password_hash() -> str:
        from argon2 import PasswordHasher
        from argon2.profiles import CHEAPEST

        hasher = PasswordHasher.from_parameters(CHEAPEST) if fast_hash() else PasswordHasher()
        return hasher.hash(PASSWORD)

    def run(self, name: str, laptops: int, small_syncs: int) -> Path:
        """A folder with ``laptops.json`` for ``laptops`` new accounts."""
        from coordinator_app.server import db

        run = self.work / name
        run.mkdir()
        data, names = [], []
        for _ in range(laptops):
            i, region = self.count, f"{self.count % 17 + 1:02d}"
            self.count += 1
            names.append(f"coord{i}")
            self.regions[names[-1]] = region
            self.server.add_user(names[-1], regions=[region], password=PASSWORD)
            more = [laptop_changes(self.template[:SMALL_BATCH], region) for _ in range(small_syncs)]
            changes = laptop_changes(self.template, region)
            data.append({"username": names[-1], "changes": changes, "more": more})
        with self.server.engine.begin() as conn:  # one hash for all: the same password
            conn.execute(
                db.users.update()
                .where(db.users.c.username.in_(names))
                .values(password_hash=self.hash)
            )
        self.server.engine.dispose()
        (run / "laptops.json").write_text(json.dumps(data), encoding="utf-8")
        return run

    def steady_run(self, burst: Path, laptops: int, small_syncs: int) -> Path:
        """The steady phase's laptops: those of the burst that synced, with their token and
        cursor (a laptop logs in once, then syncs with its token), each with ``1 +
        small_syncs`` batches of ``SMALL_BATCH`` changes; new accounts without a burst."""
        done = burst / "results.txt"
        lines = [json.loads(x) for x in done.read_text().splitlines()] if done.exists() else []
        lines = [x for x in lines if x.get("token") and not x["error"]]
        if len(lines) < laptops:
            return self.run("steady", laptops, small_syncs)
        data = []
        for line in lines:
            region = self.regions[line["username"]]
            batches = [
                laptop_changes(self.template[:SMALL_BATCH], region) for _ in range(1 + small_syncs)
            ]
            keep = ("username", "token", "device_id", "since")
            data.append({**{k: line[k] for k in keep}, "changes": batches[0], "more": batches[1:]})
        run = self.work / "steady"
        run.mkdir()
        (run / "laptops.json").write_text(json.dumps(data), encoding="utf-8")
        return run
