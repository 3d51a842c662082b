"""The server app for ``uvicorn --workers N`` in the load figure: its database from the
environment (``CARNET_LOAD_DB``), since each worker process imports this module afresh."""

from __future__ import annotations

import os

from coordinator_app.server.app import create_app
from coordinator_app.server.settings import Settings

app = create_app(Settings(db_url=os.environ["CARNET_LOAD_DB"]))
