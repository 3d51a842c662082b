"""The server app for ``uvicorn --workers N`` in the load figure: its database from the
environment (``CARNET_LOAD_DB``), since each worker process imports this module afresh.

Every simulated laptop connects from 127.0.0.1, so the per-address login limit (20 attempts in
flight or failed per window: each attempt is reserved before its password is checked) would
refuse most of 200 simultaneous logins with 429 — as it would an office of laptops behind one
NAT address (see benchmarks/README.md). ``CARNET_LOAD_PER_ADDRESS`` raises it for the run."""

from __future__ import annotations

import os

from coordinator_app.server.app import create_app
from coordinator_app.server.settings import Settings

app = create_app(
    Settings(
        db_url=os.environ["CARNET_LOAD_DB"],
        login_failures_per_address=int(os.environ.get("CARNET_LOAD_PER_ADDRESS", 20)),
    )
)
