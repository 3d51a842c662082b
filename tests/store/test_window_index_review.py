"""Adversarial checks of the window index (``store.window_index``): the first page of a search is
the full query's first page after writes the index's version must see."""

from __future__ import annotations

import contextlib
import dataclasses

import pytest

from coordinator_app.store import open_store
from coordinator_app.store import queries as q
from tests.store.test_window_index import PAGE, deep_store, first_page, full_query, window_page
from tests.store.test_window_index import store as store  # the fixture


def test_a_write_by_another_connection_to_the_profile_is_searched(store):
    """« coordinator-app sync » in a terminal while the window is open (``SyncEngine.run``: « a
    sync from another process is safe too »): its pulled visits show in the next search."""
    q.prepare_search(store, "visit", q.ListFilter(), sort="visited_at", descending=True, limit=PAGE)
    edited = window_page(store, "budget")[0]
    other = open_store(store.data_dir)
    try:
        other.update("visit", edited, {"observations": "Tempête de verglas"})
    finally:
        other.close()
    assert edited not in first_page(store, "budget")
    assert first_page(store, "budget") == full_query(store, "budget")


def test_a_deep_window_indexed_during_a_transaction_is_not_kept_for_the_next_one(tmp_path):
    """The list landed while a sync applied a page (a transaction was open: no version), and the
    user types while the sync applies the next page: the deep window indexed during the first
    page must not answer, since that page was committed (or rolled back) since."""
    store = deep_store(tmp_path)
    everything = q.ListFilter()
    zinnia = full_query(store, "zinnia")
    with contextlib.suppress(RuntimeError), store.transaction():
        store.update("visit", zinnia[0], {"observations": "Plus de fleurs"})
        q.prepare_search(store, "visit", everything, sort="visited_at", descending=True, limit=PAGE)
        raise RuntimeError("the page is rolled back")
    with store.transaction():  # the next page of the sync
        assert first_page(store, "zinnia") == full_query(store, "zinnia") == zinnia
    store.close()


def test_a_write_outside_a_store_transaction_is_searched(store):
    """``Store.write_change`` writes « in the caller's transaction »: a caller without one (as
    tests/store/test_search_index.py does for privacy's path) commits at once, and the next
    search must see it like any other write."""
    q.prepare_search(store, "visit", q.ListFilter(), sort="visited_at", descending=True, limit=PAGE)
    edited = window_page(store, "budget")[0]
    store.write_change("visit", edited, {"observations": "Anonymisé"}, {})
    assert edited not in first_page(store, "budget")
    assert first_page(store, "budget") == full_query(store, "budget")


FILTERS = [
    q.ListFilter(),
    q.ListFilter(region="02"),
    q.ListFilter(region="03", year=2026),
    q.ListFilter(program="CIEC", stage=None, year=2025),
]
TEXTS = [
    "budget",
    "e",
    "_",
    "l'",
    "'été",
    '"budget"',
    'bud"get',
    "12",
    "n1",
    "jean-",
    "-guy",
    "saguenay ete",
    "ete saguenay",
    "coop n",
    "œuvre collective",
    "KIOSQUE",
    "ß",
    "n7 n7",
]


@pytest.mark.parametrize("descending", [True, False])
@pytest.mark.parametrize("flt", FILTERS, ids=str)
def test_every_filter_text_and_order_gives_the_full_querys_pages(store, flt, descending):
    """For each filter, order and typed text: the first page is the full query's first page, and
    the second page (always the full query) continues it without a gap or a repeat."""
    q.prepare_search(store, "visit", flt, sort="visited_at", descending=descending, limit=PAGE)
    for text in TEXTS:
        this = dataclasses.replace(flt, text=text)
        both = q._page_rowids(
            store, "visit", this, "visited_at", descending, limit=2 * PAGE, offset=0
        )
        expected = [row["id"] for row in q._rows_of(store, "visit", both)]
        first = q.list_page(store, "visit", this, descending=descending, limit=PAGE)
        second = q.list_page(store, "visit", this, descending=descending, limit=PAGE, offset=PAGE)
        assert [row["id"] for row in first + second] == expected, text
