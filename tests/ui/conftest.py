"""Fixtures of the window's tests: offscreen Qt, real temporary profiles, the real demo data."""

from __future__ import annotations

import datetime as dt
import gc
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from coordinator_app.domain.validation import clean_record
from coordinator_app.store import open_store
from coordinator_app.store import queries as q
from coordinator_app.store.demo import load_demo

BIG_VISITS = 100_000
#: Words spread over the 100 000 visits; « zèbre » is in one visit out of 10 000.
WORDS = ("récolte", "serre", "marché", "comptabilité", "assemblée", "kiosque", "bénévoles", "vélo")


@pytest.fixture(scope="session", autouse=True)
def french_catalogues(qapp):
    """The translators the app installs at start-up (``ui.app.create_app``): Qt's own French
    and the French plural forms, for forms tested without the main window."""
    from coordinator_app.ui import i18n

    i18n.apply_language(i18n.FRENCH)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A profile holding the demo data set, built once; tests work on copies of it."""
    folder = tmp_path_factory.mktemp("demo-template")
    store = open_store(folder)
    load_demo(store, seed=1)
    store.close()
    return folder


@pytest.fixture
def demo_dir(demo_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "demo-profile"
    shutil.copytree(demo_template, target)
    return target


@pytest.fixture(scope="session")
def big_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A profile with 100 000 visits of one project (inserted in one transaction)."""
    folder = tmp_path_factory.mktemp("big-template")
    store = open_store(folder)
    coordinator = store.create("coordinator", {"name": "Rosalie Tremblay"})
    project = store.create(
        "project",
        {
            "name": "CIEC de Roberval",
            "program": "CIEC",
            "region_code": "02",
            "municipality": "Roberval",
            "season_year": 2026,
            "coordinator_ids": [coordinator["id"]],
        },
    )
    template = clean_record(
        "visit",
        {
            "project_id": project["id"],
            "visited_at": "2025-01-01T10:00",
            "mode": "sur_place",
            "place": "Local des jeunes",
            "coordinator_id": coordinator["id"],
        },
        today=dt.date.today(),
    )

    def visits() -> Iterator[dict]:
        start = dt.datetime(2014, 1, 1, 9, 0)
        for number in range(BIG_VISITS):
            moment = start + dt.timedelta(hours=number)
            rare = " Un zèbre peint sur le kiosque." if number % 10_000 == 0 else ""
            yield {
                **template,
                "visited_at": moment.strftime("%Y-%m-%dT%H:%M"),
                "observations": f"Visite {number} : {WORDS[number % len(WORDS)]}.{rare}",
            }

    q.bulk_create(store, "visit", visits(), trusted=True)
    store.close()
    return folder


@pytest.fixture
def open_window(qtbot) -> Iterator[Callable[[Path], object]]:
    """Build the real main window over a profile folder, shown, closed after the test."""
    from PySide6.QtCore import QCoreApplication

    from coordinator_app.ui import create_main_window, i18n, tasks

    windows = []

    def make(folder: Path):
        window = create_main_window(folder)
        qtbot.addWidget(window)
        window.show()
        windows.append((window, window.store))
        return window

    yield make
    qtbot.waitUntil(lambda: tasks.running_tasks() == 0, timeout=20000)
    i18n.apply_language(i18n.FRENCH)
    QCoreApplication.processEvents()
    for window, store in windows:
        if shiboken6.isValid(window):  # pytest-qt may have closed and deleted it already
            window.close()
        store.close()
    # Collect the closed windows' reference cycles here, on the GUI thread: left to chance, the
    # collector ran inside a later test's background task and deleted Qt objects off the GUI
    # thread (a segmentation fault, on main too, in whichever test came next).
    gc.collect()


def wait_loaded(qtbot, *pages) -> None:
    """Wait until each list page's latest query has landed."""
    for page in pages:
        model = page.model if hasattr(page, "model") else page
        qtbot.waitUntil(lambda m=model: not m.loading, timeout=20000)


def column_values(model, key: str) -> list[str]:
    """What the user sees in one column of the loaded rows."""
    keys = [c.key for c in model.columns]
    col = keys.index(key)
    return [model.index(row, col).data() for row in range(model.rowCount())]
