"""Locust file of the load figures (``benchmarks/fig_load.py``): one simulated laptop per user.

Each simulated laptop takes the next account of ``CARNET_LOAD_DATA`` (a JSON list of
``{"username", "changes", "more"}`` prepared by the figure), logs in, pushes its 100 changes in
one request and pulls its regions' log from the start (its first sync). In the steady phase
(``more`` not empty) it then syncs again every ``CARNET_LOAD_CADENCE`` seconds: it pushes the
next small batch of ``more`` and pulls from its cursor, as a laptop does at each sync. When done
it writes one line to ``CARNET_LOAD_RESULTS`` and stops. The master (or the only process) quits
as soon as every laptop wrote its line; Locust's own ``--run-time`` bounds the run when
something hangs.
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from pathlib import Path

import gevent
from locust import HttpUser, constant, events, task
from locust.exception import StopUser
from locust.runners import WorkerRunner

from coordinator_app.protocol.versions import API_PREFIX, version_headers

DATA_PATH = Path(os.environ.get("CARNET_LOAD_DATA", "load-data.json"))
RESULTS = Path(os.environ.get("CARNET_LOAD_RESULTS", "load-results.txt"))
COUNTER = Path(str(RESULTS) + ".next")
PASSWORD = os.environ.get("CARNET_LOAD_PASSWORD", "")
CADENCE = float(os.environ.get("CARNET_LOAD_CADENCE", "10"))
HEADERS = version_headers()
_data: list[dict] | None = None


def _laptops() -> list[dict]:
    global _data
    if _data is None:
        _data = json.loads(DATA_PATH.read_text(encoding="utf-8"))
    return _data


def _next_index() -> int:
    """A number unique across Locust's processes (a counter file under an exclusive lock)."""
    with open(COUNTER, "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        handle.seek(0)
        number = int(handle.read() or 0)
        handle.seek(0)
        handle.truncate()
        handle.write(str(number + 1))
        return number


def _record(line: dict) -> None:
    with open(RESULTS, "a") as handle:  # one short line per laptop: an append is atomic
        handle.write(json.dumps(line) + "\n")


class Laptop(HttpUser):
    wait_time = constant(0)

    def on_start(self) -> None:
        self.client.verify = os.environ["CARNET_LOAD_CA"]

    @task
    def sync_once(self) -> None:
        index = _next_index()
        laptops = _laptops()
        if index >= len(laptops):
            raise StopUser()
        laptop = laptops[index]
        started, error = time.time(), None
        self.pushed = self.pulled = self.syncs = 0
        try:
            login = self.client.post(
                f"{API_PREFIX}/login",
                json={
                    "username": laptop["username"],
                    "password": PASSWORD,
                    "device_name": f"portable-{index}",
                },
                headers=HEADERS,
                name="login",
            )
            login.raise_for_status()
            answer = login.json()
            auth = {**HEADERS, "Authorization": f"Bearer {answer['token']}"}
            since = self._sync(answer["device_id"], auth, laptop["changes"], 0)
            for batch in laptop.get("more", []):  # the steady phase: a sync every CADENCE s
                gevent.sleep(max(0.0, started + CADENCE * (self.syncs) - time.time()))
                since = self._sync(answer["device_id"], auth, batch, since)
        except Exception as failure:  # counted by Locust too (status) and named in the figure
            error = f"{failure.__class__.__name__}: {failure}"[:200]
        _record(
            {
                "start": started,
                "end": time.time(),
                "pushed": self.pushed,
                "pulled": self.pulled,
                "syncs": self.syncs,
                "error": error,
            }
        )
        raise StopUser()

    def _sync(self, device_id: str, auth: dict, changes: list[dict], since: int) -> int:
        """Push ``changes`` in one request, then pull from ``since`` until no page is left;
        returns the new cursor."""
        push = self.client.post(
            f"{API_PREFIX}/push",
            json={"device_id": device_id, "changes": changes},
            headers=auth,
            name="push",
        )
        push.raise_for_status()
        self.pushed += sum(1 for r in push.json()["results"] if r["server_seq"] is not None)
        while True:
            page = self.client.get(
                f"{API_PREFIX}/pull",
                params={"since": since, "limit": 500},
                headers=auth,
                name="pull",
            )
            page.raise_for_status()
            body = page.json()
            self.pulled += len(body["changes"])
            since = body["next_since"]
            if not body["has_more"]:
                break
        self.syncs += 1
        return since


def _quit_when_all_done(environment) -> None:
    expected = len(_laptops())
    while True:
        gevent.sleep(0.25)
        done = RESULTS.read_text().count("\n") if RESULTS.exists() else 0
        if done >= expected:
            environment.runner.quit()
            return


@events.init.add_listener
def _on_init(environment, **_kwargs) -> None:
    if not isinstance(environment.runner, WorkerRunner):  # the master, or the only process
        gevent.spawn(_quit_when_all_done, environment)
