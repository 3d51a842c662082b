"""The first page of a visit search read from a window of newest visits (``store.search_window``,
issue 17) is exactly the page the full query gives: same visits, same order, every filter kept;
a search too rare for the window goes to the full query."""

from __future__ import annotations

import random

import pytest

from coordinator_app.store import open_store
from coordinator_app.store import queries as q
from coordinator_app.store.search_window import WINDOW_PAGES, newest_matches

PAGE = 10
WORDS = ["serre", "récolte", "kiosque", "bleuets", "comité", "budget"]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    store = open_store(tmp_path_factory.mktemp("window"))
    projects = [
        store.create(
            "project",
            {"name": name, "program": "CIEC", "region_code": region, "season_year": 2026},
        )["id"]
        for name, region in (
            ("Coop Serre du Lac", "02"),
            ("Coop Kiosque 12", "03"),
            ("Coop Bleuets 123", "11"),
            ("Coop Budget", "16"),
        )
    ]
    rng = random.Random(5)
    visits = [
        {
            "project_id": rng.choice(projects),
            # many visits share a date: the rowid must break the ties the same way
            "visited_at": f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 5):02d}T10:00",
            "mode": "sur_place",
            "observations": f"Visite {n} : " + " ".join(rng.choice(WORDS) for _ in range(3)),
        }
        for n in range(900)
    ]
    q.bulk_create(store, "visit", visits)
    yield store
    store.close()


def full_query(store, flt: q.ListFilter, desc: bool) -> list[str]:
    """The same page without the window: the full query, as for every later page."""
    rowids = q._page_rowids(store, "visit", flt, "visited_at", desc, limit=PAGE, offset=0)
    return [row["id"] for row in q._rows_of(store, "visit", rowids)]


@pytest.mark.parametrize(
    "text",
    ["v", "s", "se", "serre", "serre r", "Visite 1", "kiosque", "bleu", "saguenay", "coop"],
)
@pytest.mark.parametrize("desc", [True, False])
def test_the_window_gives_the_first_page_of_the_full_query(store, text, desc):
    flt = q.ListFilter(text=text)
    window = newest_matches(store, flt, descending=desc, limit=PAGE)
    assert window is not None, "a word in most visits fills the window"
    page = q.list_page(store, "visit", flt, descending=desc, limit=PAGE)
    assert [row["id"] for row in page] == full_query(store, flt, desc)
    assert len(page) == PAGE


def test_the_other_filters_hold_in_the_window(store):
    flt = q.ListFilter(text="serre", region="02", year=2026)
    page = q.list_page(store, "visit", flt, limit=PAGE)
    assert [row["id"] for row in page] == full_query(store, flt, True)
    assert {row["region_code"] for row in page} == {"02"}


@pytest.mark.parametrize("text", ["Visite 123", "Visite 8", "zebre", "Visite 12 budget"])
def test_a_rare_search_goes_to_the_full_query(store, text):
    flt = q.ListFilter(text=text)
    page = q.list_page(store, "visit", flt, limit=PAGE)
    assert [row["id"] for row in page] == full_query(store, flt, True)
    if text == "zebre":
        assert page == [] and newest_matches(store, flt, descending=True, limit=PAGE) is None


def test_the_window_is_a_few_pages(store):
    # « Visite 12 » matches 12, 120–129 and the project « Kiosque 12 »: about a quarter of the
    # visits, more than one in WINDOW_PAGES
    assert WINDOW_PAGES * PAGE < 900
    assert newest_matches(store, q.ListFilter(text="Visite 12"), descending=True, limit=PAGE)
