"""Lists as a coordinator uses them: filters, search as you type, sort, open, Suivis."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from coordinator_app.store import queries as q
from tests.ui.conftest import BIG_VISITS, WORDS, column_values, wait_loaded

NBSP = "\u00a0"


def choose(qtbot, combo, value) -> None:
    """Pick the item holding ``value`` the way a keyboard user does: focus, then arrow keys."""
    combo.setFocus()
    target = combo.findData(value)
    assert target >= 0, value
    while combo.currentIndex() != target:
        key = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)


def test_ciec_list_filters_by_region_and_searches_as_you_type(qtbot, demo_dir, open_window):
    window = open_window(demo_dir)
    window.show_page("ciec")
    page = window.current_page()
    wait_loaded(qtbot, page)
    everything = page.model.total
    assert page.count_label.text() == f"{everything} projets"
    choose(qtbot, page.region, "02")
    wait_loaded(qtbot, page)
    assert 0 < page.model.total < everything
    assert set(column_values(page.model, "region_code")) == {"02 Saguenay–Lac-Saint-Jean"}

    qtbot.keyClicks(page.search, "alma")
    qtbot.waitUntil(lambda: page.model.filter.text == "alma", timeout=5000)
    wait_loaded(qtbot, page)
    names = column_values(page.model, "name")
    assert names and all("Alma" in name for name in names)
    assert page.count_label.text().endswith("projet" if len(names) == 1 else "projets")

    page.reset_button.click()
    wait_loaded(qtbot, page)
    assert page.model.total == everything
    assert page.search.text() == ""


def test_search_ignores_accents_and_finds_visit_text(qtbot, demo_dir, open_window):
    window = open_window(demo_dir)
    window.show_page("visits")
    page = window.current_page()
    wait_loaded(qtbot, page)
    word = "comptabilite"  # typed without accent; the demo writes « comptabilité »
    qtbot.keyClicks(page.search, word)
    qtbot.waitUntil(lambda: page.model.filter.text == word, timeout=5000)
    wait_loaded(qtbot, page)
    assert page.model.total > 0
    for row in range(page.model.rowCount()):
        record = window.store.get("visit", page.model.record_id(row))
        project = window.store.get("project", record["project_id"])
        text = " ".join(
            str(v or "")
            for v in (record["observations"], record["decisions"], record["place"], project["name"])
        ).lower()
        assert "comptabilité" in text or "comptabilite" in text


def test_year_and_coordinator_filters_and_sort(qtbot, demo_dir, open_window):
    window = open_window(demo_dir)
    window.show_page("jeune_coop")
    page = window.current_page()
    wait_loaded(qtbot, page)
    year = page.year.itemData(1)
    choose(qtbot, page.year, year)
    wait_loaded(qtbot, page)
    assert set(column_values(page.model, "year")) == {str(year)}
    coordinator_id = page.coordinator.itemData(1)
    coordinator_name = page.coordinator.itemText(1)
    choose(qtbot, page.coordinator, coordinator_id)
    wait_loaded(qtbot, page)
    assert all(coordinator_name in names for names in column_values(page.model, "coordinators"))
    page.reset_button.click()
    wait_loaded(qtbot, page)
    header = page.view.horizontalHeader()
    names_col = [c.key for c in page.model.columns].index("name")
    header.setSortIndicator(names_col, Qt.SortOrder.DescendingOrder)
    wait_loaded(qtbot, page)
    names = column_values(page.model, "name")
    assert names == sorted(names, key=str.casefold, reverse=True)


def test_enter_and_double_click_open_the_record(qtbot, demo_dir, open_window):
    window = open_window(demo_dir)
    opened: list[tuple[str, str]] = []
    window.record_openers["project"] = lambda w, rid: opened.append(("project", rid))
    window.show_page("ferme_coop")
    page = window.current_page()
    wait_loaded(qtbot, page)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Down)
    first = page.model.record_id(page.view.currentIndex().row())
    assert window.current_project_id() == first
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert opened == [("project", first)]
    rect = page.view.visualRect(page.model.index(1, 0))
    qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened[-1] == ("project", page.model.record_id(1))


def test_suivis_shows_due_and_overdue_items_and_done_saves(qtbot, tmp_path, open_window):
    from coordinator_app.store import open_store

    folder = tmp_path / "profile"
    store = open_store(folder)
    today = store.today()
    project = store.create(
        "project",
        {"name": "CIEC de Dolbeau-Mistassini", "program": "CIEC", "region_code": "02",
         "season_year": today.year, "municipality": "Dolbeau-Mistassini"},
    )  # fmt: skip

    def item(text: str, days: int, done: bool = False) -> dict:
        due = (today + dt.timedelta(days=days)).isoformat()
        return store.create(
            "action_item",
            {"project_id": project["id"], "text": text, "owner": "Léa Simard",
             "due_date": due, "done": done},
        )  # fmt: skip

    late = item("Envoyer le procès-verbal", -3)
    item("Réserver la salle", 5)
    item("Bilan de fin de saison", 90)
    item("Déjà fait", -10, done=True)
    store.close()

    window = open_window(folder)
    window.show_page("suivis")
    page = window.suivis_page
    wait_loaded(qtbot, page)
    assert page.extra.currentText() == "Dus et en retard"
    assert column_values(page.model, "text") == ["Envoyer le procès-verbal", "Réserver la salle"]
    assert page.count_label.text() == "2 suivis"
    late_index = page.model.index(0, 1)
    assert late_index.data(Qt.ItemDataRole.ForegroundRole) is not None  # shown in red
    assert page.model.index(1, 1).data(Qt.ItemDataRole.ForegroundRole) is None

    choose(qtbot, page.extra, "open")
    wait_loaded(qtbot, page)
    assert page.model.total == 3

    choose(qtbot, page.extra, "due")
    wait_loaded(qtbot, page)
    page.view.setFocus()
    page.view.setCurrentIndex(page.model.index(0, 0))
    with qtbot.waitSignal(page.item_changed, timeout=5000):
        qtbot.keyClick(page.view, Qt.Key.Key_Space)  # ticks « Fait »
    assert window.store.get("action_item", late["id"])["done"] is True
    qtbot.waitUntil(
        lambda: column_values(page.model, "text") == ["Réserver la salle"], timeout=5000
    )
    assert window.status.pending_label.text().endswith("modifications à synchroniser")


@pytest.mark.slow
def test_list_over_100000_visits_pages_and_filters_by_search(qtbot, big_template, open_window):
    window = open_window(big_template)  # read only: no copy of the 90 MB profile
    window.show_page("visits")
    page = window.current_page()
    wait_loaded(qtbot, page)
    assert page.model.total == BIG_VISITS
    assert page.count_label.text() == f"100{NBSP}000 visites"
    assert page.model.rowCount() <= page.model.PAGE_SIZE * 2  # never all rows at once
    page.view.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() > page.model.PAGE_SIZE, timeout=5000)
    assert page.model.rowCount() < BIG_VISITS

    qtbot.keyClicks(page.search, "zebre")
    qtbot.waitUntil(lambda: page.model.filter.text == "zebre", timeout=5000)
    wait_loaded(qtbot, page)
    assert page.model.total == BIG_VISITS // 10_000
    assert page.count_label.text() == "10 visites"
    assert all("zèbre" in text for text in column_values(page.model, "observations"))

    page.search.clear()
    qtbot.keyClicks(page.search, "roberval kiosque")  # project name + visit word
    qtbot.waitUntil(lambda: page.model.filter.text == "roberval kiosque", timeout=5000)
    wait_loaded(qtbot, page)
    # Every visit is of the Roberval project; « kiosque » is in one visit out of 8, and in the
    # rare « zèbre » sentence.
    expected = sum(1 for n in range(BIG_VISITS) if n % len(WORDS) == 5 or n % 10_000 == 0)
    assert expected > q.COUNT_CAP
    # A search is counted up to 1 000 only (a broad word's full count cost 0.5 s a keystroke)...
    qtbot.waitUntil(lambda: page.model.counted, timeout=5000)
    assert page.count_label.text() == f"Plus de 1{NBSP}000 résultats"
    # ...and its rows still page in past the first thousand, every one a match.
    while page.model.rowCount() <= q.COUNT_CAP:
        before = page.model.rowCount()
        page.view.scrollToBottom()
        qtbot.waitUntil(lambda: page.model.rowCount() > before, timeout=5000)  # noqa: B023
    texts = column_values(page.model, "observations")
    assert all("kiosque" in text or "zèbre" in text for text in texts)


def test_follow_up_saved_elsewhere_shows_in_suivis_after_f5(qtbot, demo_dir, open_window):
    window = open_window(demo_dir)
    window.show_page("ciec")
    page = window.current_page()
    wait_loaded(qtbot, page)
    choose(qtbot, page.region, "02")
    wait_loaded(qtbot, page)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Down)
    project_id = window.current_project_id()
    assert window.store.get("project", project_id)["region_code"] == "02"
    tomorrow = (window.store.today() + dt.timedelta(days=1)).isoformat()
    # What the visit editor does on « Enregistrer la visite », then its signal to the window.
    visit = window.store.create(
        "visit",
        {"project_id": project_id, "visited_at": f"{tomorrow}T10:00", "mode": "sur_place",
         "observations": "Rencontre du comité local au sous-sol de l'église."},
    )  # fmt: skip
    window.store.create(
        "action_item",
        {"project_id": project_id, "visit_id": visit["id"], "text": "Rappeler la caisse populaire",
         "owner": "Léa Simard", "due_date": tomorrow},
    )  # fmt: skip
    window.refresh()  # F5
    window.show_page("suivis")
    suivis = window.suivis_page
    suivis.mine.setChecked(False)  # a partner's follow-up: not in « Mes suivis »
    qtbot.waitUntil(
        lambda: "Rappeler la caisse populaire" in column_values(suivis.model, "text"),
        timeout=10000,
    )
    row = column_values(suivis.model, "text").index("Rappeler la caisse populaire")
    suivis.view.setCurrentIndex(suivis.model.index(row, 0))
    assert window.current_project_id() == project_id
    assert window.current_visit_id() == visit["id"]


def test_typing_a_region_name_finds_its_projects(qtbot, demo_dir, open_window):
    window = open_window(demo_dir)
    window.show_page("ciec")
    page = window.current_page()
    wait_loaded(qtbot, page)
    choose(qtbot, page.region, "02")
    wait_loaded(qtbot, page)
    in_region = page.model.total
    page.reset_button.click()
    wait_loaded(qtbot, page)
    qtbot.keyClicks(page.search, "Saguenay")
    qtbot.waitUntil(lambda: page.model.filter.text == "Saguenay", timeout=5000)
    wait_loaded(qtbot, page)
    assert page.model.total == in_region > 0
    assert set(column_values(page.model, "region_code")) == {"02 Saguenay–Lac-Saint-Jean"}


def test_text_columns_share_a_wide_window_and_keep_it_after_resizes(qtbot, demo_dir, open_window):
    # The stretched last column used to swallow the spare width (« Région » 570 px beside an
    # « Action » cut to 150 px) once Qt's own stretch was taken for the user's hand.
    window = open_window(demo_dir)
    window.resize(1366, 768)
    window.show_page("suivis")
    page = window.current_list()
    wait_loaded(qtbot, page)
    window.resize(1100, 700)
    window.resize(1366, 768)
    columns = page.model.columns
    action = next(i for i, c in enumerate(columns) if c.key == "text")
    qtbot.waitUntil(lambda: page.view.columnWidth(action) > (columns[action].width or 100))
    last = len(columns) - 1
    assert page.view.columnWidth(last) < 2 * page.view.columnWidth(action)
