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
from types import ModuleType
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


def _import(name: str) -> ModuleType | None:
    """The feature module ``name``, or None when it is not part of this installation."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as error:
        if _is_missing(error, name):
            log.info("feature %s not present, skipped", name)
            return None
        raise


def import_features(modules: tuple[str, ...] = FEATURE_MODULES) -> None:
    """Import the feature modules before the window needs them: ``create_main_window`` does it
    while the profile's key is derived in another thread (``store.keys.derive_ahead``)."""
    for name in modules:
        _import(name)


def install_features(
    window: FeatureWindow, modules: tuple[str, ...] = FEATURE_MODULES
) -> list[str]:
    """Import each feature module and call its ``install(window)``; returns those installed."""
    installed = []
    for name in modules:
        module = _import(name)
        if module is not None:
            module.install(window)
            installed.append(name)
    return installed
