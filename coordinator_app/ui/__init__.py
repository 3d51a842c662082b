"""The desktop window (PySide6): the only package that imports Qt.

``create_main_window(data_dir)`` is the entry point used by ``ui.app.run_app`` and by the tests.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coordinator_app.ui.main_window import MainWindow


def create_main_window(data_dir: str | Path | None, *, passphrase: str | None = None) -> MainWindow:
    """Open the profile in ``data_dir`` and build the main window over it (not shown yet)."""
    from coordinator_app.ui.main_window import create_main_window as create

    return create(data_dir, passphrase=passphrase)


__all__ = ["create_main_window"]
