"""Per-kind refresh: each page says which record kinds it shows, and reloads only for those.

Before, one coarse ``data_changed`` signal (now gone) reloaded the dashboard, five lists and the status bar after
any write. Now a finished operation announces its ``Changes`` (``ui.operations.bus``) and the
window's ``PageRefresher`` calls the refresh of the pages whose kinds intersect them: ticking
« Fait » reloads « Suivis », the dashboard and the status bar, not the three project lists. An
import reloads the pages of the kind it wrote; a sync, a backup copy put back or F5 reload
everything (``Changes(ALL)``). A hidden page marks itself stale and reloads when shown, as before.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from coordinator_app.operations import ALL, PERSON, Changes

#: What each page of the window shows (the names are ``NAVIGATION`` keys, plus « status »).
PROJECT_LIST_KINDS = frozenset({"project", "coordinator"})
VISIT_LIST_KINDS = frozenset({"visit", "project", "coordinator", PERSON})
SUIVIS_KINDS = frozenset({"action_item", "project", PERSON})
AGENDA_KINDS = frozenset({"visit", "action_item", "project", PERSON})
#: The indicators count projects, visits, follow-ups, participants, workshops, fundings…: any
#: record may move a figure, so the dashboard watches them all (it recomputes only when shown).
DASHBOARD_KINDS = ALL
#: Every write adds a journal entry: « N modifications à synchroniser » changes each time.
STATUS_KINDS = ALL


@dataclass(frozen=True)
class Watcher:
    """One page (by name) and how to refresh it."""

    name: str
    kinds: frozenset[str]
    refresh: Callable[[], None]


class PageRefresher:
    """The window's registry of pages by kind; ``apply`` refreshes those an operation touched."""

    def __init__(self) -> None:
        self.watchers: list[Watcher] = []
        #: The names refreshed by the last ``apply`` (what a test or a log reads).
        self.refreshed: list[str] = []

    def watch(self, name: str, kinds: frozenset[str], refresh: Callable[[], None]) -> None:
        """Call ``refresh`` after an operation that changed one of ``kinds``."""
        self.watchers.append(Watcher(name, frozenset(kinds), refresh))

    def apply(self, changes: Changes) -> list[str]:
        """Refresh every page that shows a changed kind; returns their names."""
        self.refreshed = [w.name for w in self.watchers if changes.touches(w.kinds)]
        for watcher in self.watchers:
            if changes.touches(watcher.kinds):
                watcher.refresh()
        return self.refreshed
