"""Where a profile lives: ``--data-dir``, else ``COORDINATOR_APP_DATA_DIR``, else the platform's
user data folder (platformdirs), so IT can point the app at a folder without touching code."""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATA_DIR = "COORDINATOR_APP_DATA_DIR"
DATABASE_NAME = "carnet.db"


def default_data_dir() -> Path:
    import platformdirs  # here: ≈ 7 ms of the window's start-up, for a folder given explicitly

    return Path(platformdirs.user_data_dir("carnet-coop", "CQCM"))


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The profile folder from an explicit argument, the environment, or the platform default."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(ENV_DATA_DIR)
    return Path(from_env).expanduser() if from_env else default_data_dir()


def database_path(data_dir: Path) -> Path:
    return data_dir / DATABASE_NAME


def logs_dir(data_dir: Path) -> Path:
    return data_dir / "logs"


def attachments_dir(data_dir: Path) -> Path:
    return data_dir / "attachments"


def backups_dir(data_dir: Path) -> Path:
    return data_dir / "backups"
