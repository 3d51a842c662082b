"""The window starts without loading what only some actions need.

Start-up time and memory are benchmarks (``benchmarks/fig_window.py``), never asserted here. What is
asserted is the cause the profile found: building the window used to import the sync client
(httpx, pydantic), reportlab, openpyxl and numpy, which cost about a second and 115 MB. A fresh
process is needed because the test process has imported them all already.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from coordinator_app.ui.features import FEATURE_MODULES

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from coordinator_app.ui import create_main_window
from coordinator_app.ui.tasks import running_tasks
window = create_main_window(sys.argv[1])
window.show()
def poll():
    if running_tasks():
        QTimer.singleShot(5, poll)
        return
    menus = [action.text() for action in window.menuBar().actions()]
    heavy = sorted(name for name in json.loads(sys.argv[2]) if name in sys.modules)
    print(json.dumps({"heavy": heavy, "features": window.installed_features, "menus": menus}))
    app.quit()
QTimer.singleShot(0, poll)
app.exec()
"""

#: Imported on first use only: by a sync, a report, an import or export, a keyring profile.
HEAVY = [
    "httpx",
    "pydantic",
    "coordinator_app.protocol",
    "coordinator_app.sync.engine",
    "reportlab",
    "openpyxl",
    "python_calamine",  # the spreadsheet reader (issue 15)
    "xlsxwriter",  # the XLSX export (issue 15)
    "icalendar",  # the agenda's calendar files
    "coordinator_app.exchange.importer",
    "PySide6.QtPdf",
    "coordinator_app.ui.forms.visit_editor",
    "cryptography",  # the attachments' encryption, through the visit editor
    "numpy",
    "keyring",  # the test profiles are keyed by a passphrase (tests/conftest.py)
    "icalendar",  # the agenda's export, on demand
    # Pages and dialogs built on first use (issue 17): the start-up shows the dashboard.
    "coordinator_app.ui.agenda.page",
    "coordinator_app.ui.agenda.dialogs",
    "coordinator_app.ui.sync_conflicts_view",
    "coordinator_app.ui.reports_dialogs",
    "PySide6.QtPrintSupport",
]


def test_window_shows_without_loading_sync_reports_or_spreadsheets(demo_dir: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(demo_dir), json.dumps(HEAVY)],
        capture_output=True,
        text=True,
        timeout=240,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["heavy"] == []
    # every feature installed its menus all the same
    assert len(result["features"]) == len(FEATURE_MODULES)
    assert any("Rapports" in text for text in result["menus"])


CLI_CHILD = """
import json, sys
from coordinator_app.cli import main as cli
seen = {}
def open_window(ctx):  # stands in for the window: what was imported to get here, and where to
    seen["heavy"] = sorted(name for name in json.loads(sys.argv[2]) if name in sys.modules)
    seen["data_dir"] = ctx.args.data_dir
    return 0
cli.open_window = open_window
code = cli.main(["--data-dir", sys.argv[1]])
print(json.dumps(seen))
sys.exit(code)
"""


def test_coordinator_app_without_a_command_reaches_the_window_without_the_commands(
    tmp_path: Path,
) -> None:
    """`coordinator-app` with no command used to import every command module (sync, reports,
    import/export) to build its parser before opening the window."""
    done = subprocess.run(
        [sys.executable, "-c", CLI_CHILD, str(tmp_path), json.dumps(HEAVY)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen == {"heavy": [], "data_dir": str(tmp_path)}


def test_a_command_still_goes_through_the_full_parser(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "coordinator_app", "--data-dir", str(tmp_path), "commande-inconnue"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert done.returncode == 2
    assert "commande-inconnue" in done.stderr


def test_the_window_reads_the_server_address_where_sync_writes_it() -> None:
    """The window decides « never connected, no automatic sync » without importing the client."""
    from coordinator_app.sync import settings
    from coordinator_app.ui import sync_actions

    assert sync_actions.SERVER_URL_META == settings.META_URL


def test_a_closed_window_does_not_sync_on_its_timer(qtbot, demo_dir: Path) -> None:
    """The automatic sync's timer outlives a closed window; its profile may be closed by then."""
    from coordinator_app.ui import create_main_window

    window = create_main_window(demo_dir)
    qtbot.addWidget(window)
    window.show()
    window.close()
    window.store.close()
    controller = window.sync_controller
    controller.timer.timeout.emit()  # used to read the closed profile: ProgrammingError
    window.agenda.timer.timeout.emit()  # nor does the agenda's daily reminder
    assert controller.task is None


def test_the_list_pages_are_built_when_first_shown(qtbot, demo_dir: Path, open_window) -> None:
    """Start-up builds the dashboard only (issue 17); a list page comes on its first visit, opens
    on its rows, and reloads on F5 like the pages built with the window."""
    from PySide6.QtCore import Qt

    from tests.ui.conftest import wait_loaded

    window = open_window(demo_dir)
    assert window.current_page() is window.dashboard
    lists = ("ciec", "jeune_coop", "ferme_coop", "visits", "suivis")
    assert not any(window.lazy_pages.is_built(key) for key in lists)
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    page = window.current_page()
    assert window.lazy_pages.is_built("visits") and page is window.visits_page
    assert page.isVisible()
    wait_loaded(qtbot, page)
    assert page.model.rowCount() > 0
    assert not window.lazy_pages.is_built("suivis")  # only what was shown
    with qtbot.waitSignal(page.model.loaded, timeout=20000):  # F5 reloads it like the others
        window.refresh()
    assert window.refresher.refreshed[:6] == ["dashboard", *lists]
