"""What the feature modules (sync, import/export, reports, forms) may use of the main window.

``install(window)`` used to take ``Any`` and probe the window with ``hasattr``/``getattr``; the
window always has these, so the features now say so in a ``Protocol`` instead of guarding. The
attributes a feature *adds* (``window.reports``, ``window.import_export``, ``window.sync_controller``)
are not here: another feature may or may not be installed, so their readers still check.
``watch(name, kinds, refresh)`` is how a feature's page refreshes after the operations that change
what it shows (``ui.refresh``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import Qt, SignalInstance
    from PySide6.QtGui import QAction, QIcon
    from PySide6.QtWidgets import QMenu, QStackedWidget, QStatusBar, QToolBar, QWidget

    from coordinator_app.store import Store
    from coordinator_app.ui.agenda.page import AgendaPage
    from coordinator_app.ui.conflicts_page import ConflictsPage
    from coordinator_app.ui.lazy_pages import LazyPages
    from coordinator_app.ui.lists.page import ListPage
    from coordinator_app.ui.status import StatusBar
    from coordinator_app.ui.tasks import Task
    from coordinator_app.ui.undo import UndoOffer


class FeatureWindow(Protocol):
    """The main window as the feature modules see it (``ui.main_window.MainWindow``)."""

    store: Store
    status: StatusBar
    menu_file: QMenu
    menu_tools: QMenu
    menu_preferences: QMenu
    menu_reports: QMenu
    toolbar: QToolBar
    action_quit: QAction
    action_server_preferences: QAction
    conflicts_page: ConflictsPage
    undo: UndoOffer
    stack: QStackedWidget
    welcome: QWidget
    workspace: QWidget
    agenda_page: AgendaPage  # built on first use: wire it in ``lazy_pages.on_built``
    lazy_pages: LazyPages
    record_openers: dict[str, Any]
    language_changed: SignalInstance
    request_server_login: SignalInstance
    request_preferences_server: SignalInstance

    def run_task(
        self,
        work: Callable[..., Any],
        *,
        on_success: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        label: str = "",
        cancellable: bool = False,
    ) -> Task[Any]: ...

    def show_error(self, error: BaseException) -> Any: ...

    def watch(self, name: str, kinds: frozenset[str], refresh_page: Callable[[], None]) -> None: ...

    def open_record(self, kind: str, record_id: str) -> None: ...

    def show_page(self, key: str) -> None: ...

    def current_project_id(self) -> str | None: ...

    def current_visit_id(self) -> str | None: ...

    def current_list(self) -> ListPage | None: ...

    def installEventFilter(self, watcher: Any) -> None: ...

    def addAction(self, action: QAction) -> None: ...

    def isVisible(self) -> bool: ...

    def close(self) -> bool: ...

    def statusBar(self) -> QStatusBar: ...

    def addToolBar(
        self, area: Qt.ToolBarArea | QToolBar, toolbar: QToolBar | None = None
    ) -> Any: ...

    def addToolBarBreak(self, area: Qt.ToolBarArea = ...) -> None: ...

    def windowIcon(self) -> QIcon: ...

    def raise_(self) -> None: ...

    def activateWindow(self) -> None: ...
