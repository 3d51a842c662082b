"""Forms of the window: the generic entity form, the field-visit editor, the project page.

Each widget takes the open ``Store`` and a parent, so it runs inside the main window (wired by
``actions.install``) or on its own in tests. Validation and its French messages come from the
domain; unsaved input is kept as a draft in the profile (``store.drafts``).
"""

from coordinator_app.ui.forms.entity_form import EntityForm, EntityFormDialog
from coordinator_app.ui.forms.history import HistoryView
from coordinator_app.ui.forms.project_page import ProjectDialog, ProjectPage
from coordinator_app.ui.forms.visit_editor import VisitDialog, VisitEditor

__all__ = [
    "EntityForm",
    "EntityFormDialog",
    "HistoryView",
    "ProjectDialog",
    "ProjectPage",
    "VisitDialog",
    "VisitEditor",
]
