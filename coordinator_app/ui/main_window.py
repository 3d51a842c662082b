"""The main window: navigation, pages, menus, toolbar and status bar over one profile.

The window is a thin shell: lists and dashboard read through ``store.queries`` off the GUI thread,
long work goes through ``run_task`` (``ui.tasks``), errors through ``show_error`` (``ui.errors``).
Feature modules (forms, import/export, reports, sync) plug in through ``ui.features`` and use the
stable names below: ``store``, ``data_dir``, ``menu_file``, ``menu_reports``, ``menu_tools``,
``toolbar``, ``run_task``, ``show_error``, ``current_project_id``, ``current_visit_id``,
``refresh``, ``open_record``, ``record_openers``, ``records_changed``, ``watch``,
``request_server_login``, ``conflicts_page``, ``refresh_status``.

After a user action (``ui.operations.run_operation``) the window refreshes only the pages that show
the kinds it changed (``ui.refresh``); F5 (``refresh``) reloads them all.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import methodcaller
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from coordinator_app import APP_NAME
from coordinator_app.domain.stages import CIEC, FERME_COOP, JEUNE_COOP
from coordinator_app.operations import ALL, Changes
from coordinator_app.store import Store, keys, open_store
from coordinator_app.store import queries as q
from coordinator_app.store.paths import resolve_data_dir
from coordinator_app.ui import errors, i18n, keyboard, refresh
from coordinator_app.ui.about import app_icon, show_about
from coordinator_app.ui.conflicts_page import ConflictsPage
from coordinator_app.ui.dashboard import Dashboard
from coordinator_app.ui.features import import_features, install_features
from coordinator_app.ui.lazy_pages import LazyPages
from coordinator_app.ui.lists.page import ListPage
from coordinator_app.ui.lists.pages import ProjectListPage, SuivisPage, VisitListPage
from coordinator_app.ui.menus import build_menus
from coordinator_app.ui.operations import bus
from coordinator_app.ui.status import StatusBar, network_information
from coordinator_app.ui.tasks import ProgressReporter, Task, run_in_background
from coordinator_app.ui.undo import UndoOffer
from coordinator_app.ui.welcome import WelcomePage
from coordinator_app.ui.window_pages import NAVIGATION, PROJECT_PAGE_KEYS, PageAccess

if TYPE_CHECKING:
    from coordinator_app.operations.demo import DemoLoaded

Opener = Callable[["MainWindow", str], None]

META_WELCOME_DONE = "welcome_done"


class MainWindow(PageAccess, QMainWindow):
    """The coordinator's window over one open profile."""

    records_changed = Signal(object)  # an operation's ``Changes``, after the pages refreshed
    request_server_login = Signal()  # « Se connecter au serveur » (the sync feature connects)
    request_preferences_server = Signal()  # Préférences → Serveur de synchronisation
    language_changed = Signal(str)
    demo_loaded = Signal(int)  # the demo data landed (number of records)

    def __init__(self, store: Store, data_dir: Path) -> None:
        super().__init__()
        keyboard.install()
        self.store = store
        self.data_dir = Path(data_dir)
        self.record_openers: dict[str, Opener] = {}
        self.installed_features: list[str] = []
        self._demo = store.get_meta("demo") == "1"
        errors.set_data_dir(self.data_dir)
        self.setObjectName("main-window")
        self.setWindowIcon(app_icon())
        self.resize(1366, 768)
        self.setMinimumSize(QSize(1024, 600))

        self.stack = QStackedWidget()
        self.welcome = WelcomePage()
        self.workspace = QWidget()
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.workspace)
        self.setCentralWidget(self.stack)
        self._build_workspace()
        self.status = StatusBar(store, self)
        self.setStatusBar(self.status)
        self.undo = UndoOffer(self)
        self._build_menus()

        self.welcome.load_demo_requested.connect(self.load_demo_data)
        self.welcome.server_login_requested.connect(self.request_server_login)
        self.welcome.start_empty_requested.connect(self.start_without_data)
        self.refresher = refresh.PageRefresher()
        self._watch_pages()
        bus().changed.connect(self._operation_done)

        self.installed_features = install_features(self)
        self._hide_empty_menus()
        self.retranslate_ui()
        if q.is_empty(store) and not store.get_meta(META_WELCOME_DONE):
            self.stack.setCurrentWidget(self.welcome)
            self.refresh_status()
        else:
            self.show_workspace()  # refreshes the status bar with the pages

    # -- building -------------------------------------------------------------------------------
    def _build_workspace(self) -> None:
        layout = QHBoxLayout(self.workspace)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(210)
        self.nav.setIconSize(QSize(18, 18))
        self.pages = QStackedWidget()
        self.dashboard = Dashboard(self.store)
        self.conflicts_page = ConflictsPage()
        # The list pages are built on first use (``ui.lazy_pages``): start-up shows the dashboard.
        self.lazy_pages = LazyPages(self.pages, [key for key, _title in NAVIGATION])
        builders: dict[str, Callable[[], QWidget]] = {
            "ciec": lambda: ProjectListPage(self.store, CIEC),
            "jeune_coop": lambda: ProjectListPage(self.store, JEUNE_COOP),
            "ferme_coop": lambda: ProjectListPage(self.store, FERME_COOP),
            "visits": lambda: VisitListPage(self.store),
            "suivis": lambda: SuivisPage(self.store),
            "agenda": self._build_agenda,  # wired by ui.agenda.actions when built
        }
        built = {"dashboard": self.dashboard, "conflicts": self.conflicts_page}
        for key, _title in NAVIGATION:
            self.lazy_pages.add(key, built.get(key), builders.get(key))
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
        self.lazy_pages.on_built(self._page_built)
        # The agenda's is connected by its feature (ui.agenda.actions), once.
        self.dashboard.open_requested.connect(self.open_record)
        self.nav.currentRowChanged.connect(self.lazy_pages.show)
        self.nav.setCurrentRow(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)

    def _page_built(self, key: str, page: QWidget) -> None:
        """A list page built on first use: wire it like the pages built with the window."""
        if isinstance(page, ListPage):
            page.open_requested.connect(self.open_record)
        if key == "suivis":
            page.undo = self.undo  # type: ignore[attr-defined]

    def _build_menus(self) -> None:
        build_menus(self, [key for key, _title in NAVIGATION])

    def _hide_empty_menus(self) -> None:
        for menu in (self.menu_reports, self.menu_tools):
            menu.menuAction().setVisible(not menu.isEmpty())
        self.toolbar.setVisible(bool(self.toolbar.actions()))

    def _update_title(self) -> None:
        """« Carnet COOP — données de démonstration » on a demo profile, so nobody takes the
        demo's figures for real ones."""
        if self._demo:
            self.setWindowTitle(self.tr("{app} — données de démonstration").format(app=APP_NAME))
        else:
            self.setWindowTitle(APP_NAME)

    def retranslate_ui(self) -> None:
        self._update_title()
        self.undo.retranslate()
        self.menu_file.setTitle(self.tr("&Fichier"))
        self.menu_view.setTitle(self.tr("&Affichage"))
        self.menu_reports.setTitle(self.tr("&Rapports"))
        self.menu_tools.setTitle(self.tr("&Outils"))
        self.menu_preferences.setTitle(self.tr("&Préférences"))
        self.menu_help.setTitle(self.tr("Ai&de"))
        self.menu_language.setTitle(self.tr("&Langue"))
        self.action_quit.setText(self.tr("&Quitter"))
        self.action_find.setText(self.tr("&Rechercher"))
        self.action_refresh.setText(self.tr("&Actualiser"))
        self.action_server_preferences.setText(self.tr("&Serveur de synchronisation…"))
        self.action_about.setText(self.tr("À &propos de Carnet COOP"))
        self.toolbar.setWindowTitle(self.tr("Barre d'outils"))
        self.nav.setAccessibleName(self.tr("Navigation"))
        for row, (_key, title) in enumerate(NAVIGATION):
            text = QCoreApplication.translate("Navigation", title)
            item = self.nav.item(row)
            item.setText(text)
            item.setToolTip(self.tr("{page} (Ctrl+{number})").format(page=text, number=row + 1))
            self.page_actions[row].setText(text)
        self._fit_navigation()

    def _fit_navigation(self) -> None:
        """As wide as its longest entry, no wider: every pixel goes to the page on 1024 pixels."""
        self.nav.ensurePolished()
        widest = self.nav.sizeHintForColumn(0)
        self.nav.setFixedWidth(max(widest, 120) + 2 * self.nav.frameWidth() + 4)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- pages ----------------------------------------------------------------------------------
    def show_workspace(self) -> None:
        self.stack.setCurrentWidget(self.workspace)
        self.refresh()

    def show_page(self, key: str) -> None:
        if self.stack.currentWidget() is not self.workspace:
            return
        self.nav.setCurrentRow([k for k, _t in NAVIGATION].index(key))
        page = self.pages.currentWidget()
        if page is not None:
            page.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def current_page(self) -> QWidget:
        return self.pages.currentWidget()

    def current_list(self) -> ListPage | None:
        page = self.pages.currentWidget()
        return page if isinstance(page, ListPage) else None

    def focus_search(self) -> None:
        page = self.current_list()
        if page is not None:
            page.focus_search()

    def current_project_id(self) -> str | None:
        """The project selected in the current list (a visit's or follow-up's project), if any."""
        page = self.current_list()
        return page.current_project_id() if page is not None else None

    def current_visit_id(self) -> str | None:
        """The visit selected in the visits list (or the follow-up's visit in Suivis), if any."""
        page = self.current_list()
        if page is None:
            return None
        row = page.current_row()
        if row is None:
            return None
        if page.kind == "visit":
            return row["id"]
        return row.get("visit_id")

    # -- data -----------------------------------------------------------------------------------
    def _watch_pages(self) -> None:
        """Which kinds each page shows (``ui.refresh``); features add theirs through ``watch``."""
        self.watch("dashboard", refresh.DASHBOARD_KINDS, self.dashboard.refresh)
        kinds_by_key = {key: refresh.PROJECT_LIST_KINDS for _program, key in PROJECT_PAGE_KEYS}
        kinds_by_key.update(visits=refresh.VISIT_LIST_KINDS, suivis=refresh.SUIVIS_KINDS)
        for key, kinds in kinds_by_key.items():
            self.watch(key, kinds, self.lazy_pages.refresh_if_built(key, methodcaller("refresh")))
        self.watch("status", refresh.STATUS_KINDS, self.refresh_status)

    def watch(self, name: str, kinds: frozenset[str], refresh_page: Callable[[], None]) -> None:
        """Refresh ``refresh_page`` after any operation that changed one of ``kinds``."""
        self.refresher.watch(name, kinds, refresh_page)

    def _operation_done(self, store: Store, changes: Changes) -> None:
        """An operation over this window's profile finished: refresh what shows its kinds."""
        if store is not self.store:
            return  # another window's profile (tests open several)
        if self.stack.currentWidget() is not self.workspace and not q.is_empty(self.store):
            self.stack.setCurrentWidget(self.workspace)
        self.refresher.apply(changes)
        self.records_changed.emit(changes)

    def refresh(self) -> None:
        """Reload every page and the status (F5, a sync, an import; reads off the GUI thread)."""
        if self.stack.currentWidget() is not self.workspace and not q.is_empty(self.store):
            self.stack.setCurrentWidget(self.workspace)
        self._demo = self.store.get_meta("demo") == "1"
        self._update_title()
        self.refresher.apply(Changes(ALL))

    def refresh_status(self) -> None:
        self.status.refresh()

    def run_task(
        self,
        work: Callable[[ProgressReporter], Any],
        *,
        on_success: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        label: str = "",
        cancellable: bool = False,
    ) -> Task[Any]:
        """``ui.tasks.run_in_background`` with this window as parent."""
        return run_in_background(
            self,
            work,
            on_success=on_success,
            on_error=on_error,
            label=label,
            cancellable=cancellable,
        )

    def show_error(self, error: BaseException) -> QMessageBox:
        return errors.show_error(self, error)

    def open_record(self, kind: str, record_id: str) -> None:
        """Open a record through the opener the forms registered for its kind.

        A follow-up or visit without an opener of its own opens its project.
        """
        try:
            opener = self.record_openers.get(kind)
            if opener is None and kind != "project" and "project" in self.record_openers:
                record = self.store.require(kind, record_id)
                if record.get("project_id"):
                    kind, record_id = "project", record["project_id"]
                    opener = self.record_openers["project"]
            if opener is None:
                self.statusBar().showMessage(
                    self.tr("Cette fiche ne peut pas encore être ouverte dans cette version."),
                    5000,
                )
                return
            opener(self, record_id)
        except Exception as error:
            self.show_error(error)

    # -- welcome --------------------------------------------------------------------------------
    def load_demo_data(self) -> Task[DemoLoaded]:
        """Load the demo data set in the background, then show the dashboard."""
        from coordinator_app.ui.demo_loading import load_demo_data  # its data: ≈ 7 ms of start-up

        return load_demo_data(self)

    def start_without_data(self) -> None:
        self.store.set_meta(META_WELCOME_DONE, "1")
        self.show_workspace()

    # -- preferences and help -------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        """Switch language now (widgets retranslate on LanguageChange) and remember it."""
        if not i18n.apply_language(lang):
            self.statusBar().showMessage(self.tr("Cette langue n'est pas disponible."), 5000)
            self.language_actions[i18n.current_language()].setChecked(True)
            return
        self.store.set_meta(i18n.META_KEY, lang)
        self.language_actions[lang].setChecked(True)
        self.language_changed.emit(lang)

    def show_about(self) -> QMessageBox:
        return show_about(self, self.data_dir)


def create_main_window(data_dir: str | Path | None, *, passphrase: str | None = None) -> MainWindow:
    """Open (creating and migrating if needed) the profile and build the window over it.

    ``passphrase`` unlocks a profile on a laptop without an OS keyring (``run_app`` asks for it).
    Its key derivation (≈ 45 ms, GIL released) runs while the features and network backend load.
    """
    folder = resolve_data_dir(data_dir)
    keys.derive_ahead(folder, passphrase)
    import_features()
    network_information()  # the status bar's « En ligne » hint (a Qt plugin: ≈ 10 ms)
    store = open_store(folder, passphrase=passphrase) if passphrase else open_store(folder)
    saved = store.get_meta(i18n.META_KEY)
    # Always through apply_language: it also installs Qt's own French (« Annuler »).
    i18n.apply_language(saved or i18n.current_language())
    return MainWindow(store, folder)
