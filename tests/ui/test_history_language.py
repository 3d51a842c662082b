"""The history names who changed what and when in the window's language (issue 14 leftover):
« Marie Tremblay — le 3 décembre 2026, 14 h 05 » in French, « Marie Tremblay — December 3,
2026, 2:05 p.m. » in English (en_CA, like every English date and amount of the window)."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from coordinator_app.store import Store, open_store, people
from coordinator_app.ui import i18n
from coordinator_app.ui.forms.history import HistoryView

CHANGED_AT = dt.datetime(2026, 12, 3, 19, 5, tzinfo=dt.UTC)  # 14 h 05 in Montréal (EST)


@pytest.fixture
def montreal(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The laptop's local time is Québec's (the history shows local times)."""
    monkeypatch.setenv("TZ", "America/Montreal")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def changed(tmp_path: Path, montreal: None) -> Iterator[tuple[Store, str]]:
    store = open_store(tmp_path / "profil", clock=lambda: CHANGED_AT)
    people.set_local_name(store, "Marie Tremblay")
    project = store.create(
        "project", {"name": "Coop", "program": "FERME_COOP", "region_code": "03"}
    )
    yield store, project["id"]
    store.close()


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (i18n.FRENCH, "Marie Tremblay — le 3 décembre 2026, 14 h 05 — "),
        (i18n.ENGLISH, "Marie Tremblay — December 3, 2026, 2:05\u202fp.m. — "),
    ],
)
def test_history_line_follows_the_window_language(qapp, qtbot, changed, language, expected):
    store, project_id = changed
    assert i18n.apply_language(language)
    try:
        view = HistoryView(store, "project", project_id)
        qtbot.addWidget(view)
        assert view.tree.topLevelItem(0).text(0).startswith(expected)
    finally:
        i18n.apply_language(i18n.FRENCH)
