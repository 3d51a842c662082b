"""Counts agree with their number in French and English (Qt's %n plural forms), never « (s) »."""

from __future__ import annotations

from tests.ui.conftest import wait_loaded


def test_one_project_reads_singular_and_two_read_plural_in_both_languages(
    qtbot, tmp_path, open_window
):
    from coordinator_app.store import open_store

    folder = tmp_path / "profile"
    store = open_store(folder)
    year = store.today().year
    coordinator = store.create("coordinator", {"name": "Léa Simard"})
    store.create(
        "project",
        {"name": "CIEC d'Alma", "program": "CIEC", "region_code": "02", "season_year": year,
         "municipality": "Alma", "coordinator_ids": [coordinator["id"]], "youth_count": 1},
    )  # fmt: skip
    school = store.create(
        "school", {"name": "École Camille-Lavoie", "municipality": "Alma", "region_code": "02"}
    )
    for name in ("Café étudiant", "Friperie"):
        store.create(
            "project",
            {"name": name, "program": "JEUNE_COOP", "region_code": "02", "season_year": year,
             "school_id": school["id"]},
        )  # fmt: skip
    store.close()
    window = open_window(folder)
    dashboard = window.dashboard
    qtbot.waitUntil(lambda: dashboard.indicators is not None, timeout=20000)
    captions = [(c.value.text(), c.caption.text()) for c in dashboard.ciec_cards]
    assert captions == [("1", "région"), ("1", "projet"), ("1", "coordonnateur"), ("1", "jeune")]
    assert dashboard.jeune_cards[0].caption.text() == "coopératives"
    window.show_page("ciec")
    page = window.current_page()
    wait_loaded(qtbot, page)
    assert page.count_label.text() == "1 projet"
    window.show_page("jeune_coop")
    wait_loaded(qtbot, window.current_page())
    assert window.current_page().count_label.text() == "2 projets"

    window.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: page.count_label.text() == "1 project", timeout=5000)
    assert window.current_page().count_label.text() == "2 projects"
    assert [c.caption.text() for c in dashboard.ciec_cards] == [
        "region",
        "project",
        "coordinator",
        "youth",
    ]
