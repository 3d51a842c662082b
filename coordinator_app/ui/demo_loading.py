"""« Charger les données de démonstration » from the welcome page, in the background."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from coordinator_app.operations.demo import DemoLoaded
from coordinator_app.operations.demo import load_demo_data as load_demo
from coordinator_app.store import Store
from coordinator_app.ui import i18n
from coordinator_app.ui.operations import run_operation
from coordinator_app.ui.tasks import ProgressReporter, Task

if TYPE_CHECKING:
    from coordinator_app.ui.main_window import MainWindow


def load_demo_data(window: MainWindow) -> Task[DemoLoaded]:
    """Load the demo data set in the background, then show the dashboard."""

    def work(store: Store, reporter: ProgressReporter) -> DemoLoaded:
        text = QCoreApplication.translate("MainWindow", "Chargement des données de démonstration")
        return load_demo(
            store, seed=1, progress=lambda done, total: reporter.report(done, total, text)
        )

    def done(loaded: DemoLoaded) -> None:
        count = loaded.count
        window.welcome.set_busy(False)
        window.show_workspace()
        window.show_page("dashboard")
        window.statusBar().showMessage(
            i18n.plural(
                "MainWindow", "Données de démonstration chargées : %n enregistrement(s).", count
            ),
            8000,
        )
        window.demo_loaded.emit(count)

    def failed(error: BaseException) -> None:
        window.welcome.set_busy(False)
        window.show_error(error)

    window.welcome.set_busy(
        True, QCoreApplication.translate("MainWindow", "Chargement des données de démonstration…")
    )
    return run_operation(
        window,
        window.store,
        work,
        progress=True,
        on_success=done,
        on_error=failed,
        label=QCoreApplication.translate("MainWindow", "Données de démonstration"),
    )
