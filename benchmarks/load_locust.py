"""Locust file of the load figures (``benchmarks/fig_load.py``): one simulated laptop per user.

Each simulated laptop takes the next laptop of ``CARNET_LOAD_DATA`` (a JSON list of
``{"username", "changes", "since", "more"}``, with ``"token"`` and ``"device_id"`` for one that
logged in before, prepared by the figure). Its first sync: it logs in unless it has its token,
pushes ``changes`` in one request and pulls its regions' log from ``since`` (0 for a new laptop).
In the steady phase (``more`` not empty) it then syncs again every ``CARNET_LOAD_CADENCE``
seconds, on a new connection as a laptop does: it pushes the next batch of ``more`` and pulls
from its cursor. When done it writes one line (its token and cursor too) to
``CARNET_LOAD_RESULTS`` and stops. The master (or the only process) quits
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
        device_id, token, since = (
            laptop.get("device_id"),
            laptop.get("token"),
            laptop.get("since", 0),
        )
        try:
            if token is None:  # a first sync: log in (a laptop that has its token does not)
                device_id, token = self._login(laptop["username"], index)
            auth = {**HEADERS, "Authorization": f"Bearer {token}"}
            since = self._sync(device_id, auth, laptop["changes"], since)
            for batch in laptop.get("more", []):  # the steady phase: a sync every CADENCE s
                gevent.sleep(max(0.0, started + CADENCE * self.syncs - time.time()))
                self.client.close()  # a laptop opens a connection (one handshake) per sync
                since = self._sync(device_id, auth, batch, since)
        except Exception as failure:  # counted by Locust too (status) and named in the figure
            error = f"{failure.__class__.__name__}: {failure}"[:200]
        _record(
            {
                "username": laptop["username"],
                "device_id": device_id,
                "token": token,
                "since": since,
                "start": started,
                "end": time.time(),
                "pushed": self.pushed,
                "pulled": self.pulled,
                "syncs": self.syncs,
                "error": error,
            }
        )
        raise StopUser()

    def _login(self, username: str, index: int) -> tuple[str, str]:
        login = self.client.post(
            f"{API_PREFIX}/login",
            json={"username": username, "password": PASSWORD, "device_name": f"portable-{index}"},
            headers=HEADERS,
            name="login",
        )
        login.raise_for_status()
        answer = login.json()
        return answer["device_id"], answer["token"]

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
