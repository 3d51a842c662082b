"""Forms of the window: the generic entity form, the field-visit editor, the project page.

Each widget takes the open ``Store`` and a parent, so it runs inside the main window (wired by
``actions.install``) or on its own in tests. Validation and its French messages come from the
domain; unsaved input is kept as a draft in the profile (``store.drafts``).
"""

from __future__ import annotations

import importlib
from typing import Any

# Imported on first use (PEP 562), so that installing the forms in the window does not load
# every dialog at start-up.
_HOMES = {
    "EntityForm": "entity_form",
    "EntityFormDialog": "entity_form",
    "HistoryView": "history",
    "ProjectDialog": "project_page",
    "ProjectPage": "project_page",
    "VisitDialog": "visit_editor",
    "VisitEditor": "visit_editor",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)


__all__ = [
    "EntityForm",
    "EntityFormDialog",
    "HistoryView",
    "ProjectDialog",
    "ProjectPage",
    "VisitDialog",
    "VisitEditor",
]
