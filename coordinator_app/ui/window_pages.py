"""The window's navigation entries and its pages by name, built on first use (``ui.lazy_pages``).

Split from ``ui.main_window`` (400 lines). The list pages and the agenda are built the first time
they are shown or asked for (``window.agenda_page``, ``window.visits_page``…): start-up builds the
dashboard only (issue 17); the agenda's modules alone took ≈ 17 ms to import and 5 ms to build.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP

from coordinator_app.domain.stages import CIEC, FERME_COOP, JEUNE_COOP

if TYPE_CHECKING:
    from coordinator_app.store import Store
    from coordinator_app.ui.agenda.page import AgendaPage
    from coordinator_app.ui.lazy_pages import LazyPages
    from coordinator_app.ui.lists.pages import ProjectListPage, SuivisPage, VisitListPage

#: Navigation entries: (key, French title). Titles are translated when shown.
NAVIGATION: tuple[tuple[str, str], ...] = (
    ("dashboard", QT_TRANSLATE_NOOP("Navigation", "Tableau de bord")),
    ("ciec", QT_TRANSLATE_NOOP("Navigation", "Projets CIEC")),
    ("jeune_coop", QT_TRANSLATE_NOOP("Navigation", "Jeune COOP")),
    ("ferme_coop", QT_TRANSLATE_NOOP("Navigation", "Coopératives agricoles")),
    ("visits", QT_TRANSLATE_NOOP("Navigation", "Visites")),
    ("suivis", QT_TRANSLATE_NOOP("Navigation", "Suivis")),
    ("conflicts", QT_TRANSLATE_NOOP("Navigation", "Conflits")),
    ("agenda", QT_TRANSLATE_NOOP("Navigation", "Agenda")),
)
#: The project list of each program and its navigation key.
PROJECT_PAGE_KEYS: tuple[tuple[str, str], ...] = (
    (CIEC, "ciec"),
    (JEUNE_COOP, "jeune_coop"),
    (FERME_COOP, "ferme_coop"),
)


class PageAccess:
    """The window's pages by name (mixed into ``MainWindow``, which sets both attributes)."""

    store: Store
    lazy_pages: LazyPages

    @property
    def project_pages(self) -> dict[str, ProjectListPage]:
        """The three programs' project lists, by program (built on first use)."""
        return {program: self.lazy_pages.page(key) for program, key in PROJECT_PAGE_KEYS}  # type: ignore[misc]

    def _build_agenda(self) -> AgendaPage:
        from coordinator_app.ui.agenda.page import AgendaPage  # imported on first use

        return AgendaPage(self.store)

    @property
    def agenda_page(self) -> AgendaPage:
        """The agenda (built on first use; ``ui.agenda.actions`` wires it then)."""
        return self.lazy_pages.page("agenda")  # type: ignore[return-value]

    @property
    def visits_page(self) -> VisitListPage:
        return self.lazy_pages.page("visits")  # type: ignore[return-value]

    @property
    def suivis_page(self) -> SuivisPage:
        return self.lazy_pages.page("suivis")  # type: ignore[return-value]
