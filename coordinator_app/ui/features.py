"""Optional feature modules plugged into the main window after it is built.

Import/export, reports, sync, the forms, the person and the agenda each ship a module with
``install(window: FeatureWindow)`` (``ui.feature_window``: what they may use of the window) that adds
their menus, actions and record openers. A module that is not part of this installation (its own
import fails with ``ModuleNotFoundError`` naming exactly that module) is skipped; any other error
— including an import error *inside* the module — surfaces, because it is a bug.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coordinator_app.ui.feature_window import FeatureWindow

FEATURE_MODULES: tuple[str, ...] = (
    "coordinator_app.ui.import_export_actions",
    "coordinator_app.ui.reports_actions",
    "coordinator_app.ui.sync_actions",
    "coordinator_app.ui.forms.actions",
    "coordinator_app.ui.person_actions",
    "coordinator_app.ui.agenda.actions",
)

log = logging.getLogger(__name__)


def _is_missing(error: ModuleNotFoundError, name: str) -> bool:
    """True when ``error`` says that ``name`` itself (or its package) does not exist."""
    missing = error.name or ""
    return missing == name or name.startswith(missing + ".")


def install_features(
    window: FeatureWindow, modules: tuple[str, ...] = FEATURE_MODULES
) -> list[str]:
    """Import each feature module and call its ``install(window)``; returns those installed."""
    installed = []
    for name in modules:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if _is_missing(error, name):
                log.info("feature %s not present, skipped", name)
                continue
            raise
        module.install(window)
        installed.append(name)
    return installed
