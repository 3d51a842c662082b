"""Server settings: where the database is and the limits that protect it.

One frozen object passed to ``create_app`` and the command line, so tests can start a server with
their own database and tighter limits without touching global state.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from coordinator_app.protocol import models as m

ENV_DB = "COORDINATOR_SERVER_DB"


def default_data_dir() -> Path:
    """The server's data folder (platformdirs' per-user data dir of ``carnet-coop-server``)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("carnet-coop-server", appauthor=False))


def default_db_url() -> str:
    """``COORDINATOR_SERVER_DB`` if set, else a SQLite file in the server's data folder."""
    if os.environ.get(ENV_DB):
        return os.environ[ENV_DB]
    return f"sqlite:///{default_data_dir() / 'carnet-server.sqlite3'}"


@dataclass(frozen=True)
class Settings:
    db_url: str
    max_body_bytes: int = m.MAX_BODY_BYTES
    max_batch: int = m.MAX_BATCH
    max_attachment_bytes: int = m.MAX_ATTACHMENT_BYTES
    login_failures_per_user: int = m.LOGIN_FAILURES_ALLOWED
    login_failures_per_address: int = 20  # several people may share an office's address
    login_window_seconds: int = m.LOGIN_WINDOW_SECONDS
    #: active (not revoked) devices per account; the next login is refused until one is revoked
    max_devices_per_user: int = 10
    #: bytes of unfinished uploads an account may keep on the server (all its devices together);
    #: twice the largest file, so one file can be resumed while another is under way
    max_pending_upload_bytes: int = 2 * m.MAX_ATTACHMENT_BYTES
    #: an unfinished upload older than this is swept (its laptop uploads it again)
    pending_upload_seconds: int = 7 * 24 * 3600
    #: a complete file that no attachment record names, older than this, is swept
    orphan_file_seconds: int = 30 * 24 * 3600
    #: how often a running server sweeps (also once at start)
    sweep_interval_seconds: int = 3600
