"""Hypothesis stateful test: three laptops make random edits, deletions and restorations offline
and sync in random order while requests fail at random; at the end, after every laptop syncs
twice, all profiles hold identical data, nothing is left unsent, and every value ever written
is, on every laptop, either current, in a conflict record, or in the history (journal).

The server is the real one over TLS, shared by the examples and emptied for each (see
``ResettableServer``); each laptop keeps one connection for the whole run. The profiles are plain
SQLite (``encrypted=False``): the key derivation of encrypted profiles would dominate the run, and
sync does not depend on encryption (the other sync tests use encrypted profiles).
"""

from __future__ import annotations

import itertools
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, rule, run_state_machine_as_test

from coordinator_app.domain.stages import FERME_COOP, stage_values
from coordinator_app.store import open_store, sync_state
from coordinator_app.sync import account
from coordinator_app.sync.engine import SyncEngine
from coordinator_app.sync.errors import SyncError, SyncErrorKind
from tests.support.live_server import PASSWORD
from tests.sync.conftest import FaultyTransport, live_rows

LAPTOPS = ("alice", "bruno", "chloe")
TEXT_FIELDS = ("name", "notes", "municipality")
STAGES = stage_values(FERME_COOP)
FAULTS = (None, None, "drop push", "lose push", "drop pull", "lose pull", "lose pull#2")
MAX_EXAMPLES = 200


def values_seen(store: Any) -> set[tuple[str, str, Any]]:
    """(record, field, value) that a laptop shows: current values, conflicts, history."""
    seen: set[tuple[str, str, Any]] = set()
    for record in store.find("project", include_deleted=True):
        seen |= {(record["id"], f, _key(record[f])) for f in (*TEXT_FIELDS, "stage")}
    for conflict in sync_state.conflicts(store, status=None):
        for side in ("kept_value", "other_value"):
            seen.add((conflict["target_id"], conflict["field"], _key(conflict[side])))
        for name, value in (conflict["details"] or {}).items():
            seen.add((conflict["target_id"], name, _key(value)))
    with store.reading() as conn:
        ids = [r[0] for r in conn.execute("SELECT DISTINCT record_id FROM journal")]
    for record_id in ids:
        for entry in store.history("project", record_id):
            seen |= {(record_id, f, _key(v[1])) for f, v in entry.fields.items()}
    return seen


def _key(value: Any) -> Any:
    return json.dumps(value, sort_keys=True) if isinstance(value, list | dict) else value


def make_machine(server: Any, transports: dict[str, FaultyTransport], base: Path) -> type:
    class ThreeLaptops(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            server.reset()
            folder = Path(tempfile.mkdtemp(dir=base))
            self.counter = itertools.count(1)
            self.written: list[tuple[str, str, Any]] = []
            self.stores = {}
            for name in LAPTOPS:
                server.add_user(name, regions=["03"])
                store = open_store(folder / name, encrypted=False)
                account.login(
                    store, server.url, name, PASSWORD, ca_file=server.ca_path,
                    transport=transports[name],
                )  # fmt: skip
                self.stores[name] = store

        def _live(self, laptop: str, *, deleted: bool = False) -> list[dict[str, Any]]:
            rows = self.stores[laptop].find("project", include_deleted=True, order_by="id")
            return [r for r in rows if r["deleted"] == deleted]

        @rule(laptop=st.sampled_from(LAPTOPS))
        def create(self, laptop: str) -> None:
            name = f"Coop {laptop} {next(self.counter)}"
            record = self.stores[laptop].create(
                "project", {"name": name, "program": FERME_COOP, "region_code": "03"}
            )
            self.written.append((record["id"], "name", name))

        @rule(
            laptop=st.sampled_from(LAPTOPS),
            index=st.integers(0, 20),
            field=st.sampled_from((*TEXT_FIELDS, "stage")),
            stage=st.sampled_from(STAGES),
        )
        def edit(self, laptop: str, index: int, field: str, stage: str) -> None:
            live = self._live(laptop)
            if not live:
                return
            record = live[index % len(live)]
            value = stage if field == "stage" else f"{field} {laptop} {next(self.counter)}"
            self.stores[laptop].update("project", record["id"], {field: value})
            self.written.append((record["id"], field, value))

        @rule(laptop=st.sampled_from(LAPTOPS), index=st.integers(0, 20))
        def delete(self, laptop: str, index: int) -> None:
            live = self._live(laptop)
            if live:
                self.stores[laptop].delete("project", live[index % len(live)]["id"])

        @rule(laptop=st.sampled_from(LAPTOPS), index=st.integers(0, 20))
        def restore(self, laptop: str, index: int) -> None:
            gone = self._live(laptop, deleted=True)
            if gone:
                self.stores[laptop].restore("project", gone[index % len(gone)]["id"])

        @rule(laptop=st.sampled_from(LAPTOPS), fault=st.sampled_from(FAULTS))
        def sync(self, laptop: str, fault: str | None) -> None:
            transport = transports[laptop]
            transport.counts.clear()
            transport.faults.clear()
            if fault:
                action, step = fault.split(" ")
                transport.plan = {step: action}
            try:
                self._sync(laptop)
            except SyncError as error:
                assert transport.faults, f"sync failed without an injected fault: {error}"
                assert error.kind in (SyncErrorKind.INTERRUPTED, SyncErrorKind.UNREACHABLE)
            finally:
                transport.plan = {}

        def _sync(self, laptop: str) -> None:
            SyncEngine(
                self.stores[laptop], transport=transports[laptop], snapshot=False,
                push_batch=3, pull_limit=4,
            ).run()  # fmt: skip

        def teardown(self) -> None:
            try:
                for _ in range(2):
                    for laptop in LAPTOPS:
                        self._sync(laptop)
                rows = {laptop: live_rows(self.stores[laptop]) for laptop in LAPTOPS}
                assert rows["alice"] == rows["bruno"] == rows["chloe"]
                for laptop, store in self.stores.items():
                    assert store.pending_count() == 0, laptop
                    seen = values_seen(store)
                    missing = [w for w in self.written if (w[0], w[1], _key(w[2])) not in seen]
                    assert not missing, (laptop, missing)
            finally:
                for store in self.stores.values():
                    store.close()

    return ThreeLaptops


@pytest.mark.slow
def test_three_laptops_random_edits_syncs_and_failures_converge(shared_server, tmp_path):
    transports = {name: FaultyTransport(shared_server.ca_path) for name in LAPTOPS}
    machine = make_machine(shared_server, transports, tmp_path)
    try:
        run_state_machine_as_test(
            machine,
            settings=settings(
                max_examples=MAX_EXAMPLES,
                stateful_step_count=10,
                deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
                database=None,
            ),
        )
    finally:
        for transport in transports.values():
            transport.close()
