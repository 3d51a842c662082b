"""The first page of a visit search, newest first, without building the set of every match.

Profile (issue 17, 100 000 visits): a word that matches most visits (« visite », « s ») cost
15–20 ms per word just to build its set of up to 100 000 rowids before the date index was walked,
and the first page only needs the newest 200. Here the newest ``WINDOW_PAGES`` (or
``DEEP_PAGES``) pages of visits that pass the other filters are read along the date index, and
each word is tested on those rows only, in their own small index (``store.window_index``). When
a window holds a full page of matches, that page is exactly the first page of the full query
(same order, same filters); when it does not (a rare word), the caller runs the full query
(``store.queries.list_page``).
"""

from __future__ import annotations

from typing import Any

from coordinator_app.store import window_index
from coordinator_app.store.list_sql import SELECT_SQL
from coordinator_app.store.list_where import ListFilter, where
from coordinator_app.store.profile import Store
from coordinator_app.store.search_sql import FEW_HITS, search_terms, word_hits
from coordinator_app.store.window_index import WINDOW_SELECT

#: The short window, in pages of newest visits: indexed when a search needs it (10–15 ms).
WINDOW_PAGES = 8
#: The deep window, indexed in the background when a list lands (``prepare_window``): a search
#: whose matches are rarer than one visit in ``DEEP_PAGES`` goes to the full query. At 100 000
#: visits « Visite 12 » (3–7 % of them) went to the full query: 20–30 ms; 16 000 visits are
#: indexed in 250–350 ms off the GUI thread, 2.2 MB, and searched in 0.5–4 ms.
DEEP_PAGES = 80


def first_search_page(
    store: Store, flt: ListFilter, *, descending: bool, limit: int
) -> tuple[list[int] | None, bool]:
    """The first page of a visit search by date through a window when one holds it, else
    ``(None, look_up_last)`` for the full query: the last word typed is counted first (cheap with
    the prefix indexes); a word too rare for a window (« visite 1234 ») skips it, and when it
    keeps at most ``FEW_HITS`` visits the full query looks those up instead of walking the date
    index (measured 40 ms → 15 ms at 100 000 visits)."""
    terms = search_terms(flt.text)
    if not terms:
        return None, False
    with store.reading() as conn:
        visits = conn.execute("SELECT max(rowid) FROM visit").fetchone()[0] or 0
    # counted only as far as the two answers need (a window may hold it; few enough to look up)
    hits = word_hits(store, *terms[-1], cap=max(visits // DEEP_PAGES, FEW_HITS) + 1)
    if hits is None or hits * DEEP_PAGES >= visits:
        for pages in (WINDOW_PAGES, DEEP_PAGES):  # a window that does not hold it costs < 1 ms
            rowids = _window_matches(store, flt, pages, descending=descending, limit=limit)
            if rowids is not None:
                return rowids, False
    return None, hits is not None and hits <= FEW_HITS


def newest_matches(
    store: Store, flt: ListFilter, *, descending: bool, limit: int
) -> list[int] | None:
    """Rowids of the first ``limit`` visits matching ``flt`` by visit date (then rowid), or None
    when the newest ``WINDOW_PAGES × limit`` visits hold fewer than ``limit`` of them. The
    window's rows are searched in their own small index (``store.window_index``)."""
    return _window_matches(store, flt, WINDOW_PAGES, descending=descending, limit=limit)


def _window_matches(
    store: Store, flt: ListFilter, pages: int, *, descending: bool, limit: int
) -> list[int] | None:
    """The window of ``pages`` pages' answer when it holds a full page (the deep window only
    when it is ready: a keystroke never waits for it)."""
    if not search_terms(flt.text) or limit <= 0:
        return None
    window_sql, params = _window(store, flt, pages, descending=descending, limit=limit)
    if pages == WINDOW_PAGES:
        index = window_index.for_store(store, "near")
        rowids = index.matches(store, window_sql, params, flt.text, limit)
    else:
        index = window_index.for_store(store, "deep")
        rowids = index.matches_if_ready(store, window_sql, params, flt.text, limit)
    return rowids if rowids is not None and len(rowids) == limit else None


def prepare_window(store: Store, flt: ListFilter, *, descending: bool, limit: int) -> None:
    """Index the windows of ``flt`` (its typed text aside) now, the short one first, so that
    the first keystroke of a search does not wait for it (reading 1 600 visits from a cold
    cache took 40–50 ms)."""
    for pages, depth in ((WINDOW_PAGES, "near"), (DEEP_PAGES, "deep")):
        window_sql, params = _window(store, flt, pages, descending=descending, limit=limit)
        window_index.for_store(store, depth).prepare(store, window_sql, params)


def _window(
    store: Store, flt: ListFilter, pages: int, *, descending: bool, limit: int
) -> tuple[str, list[Any]]:
    """The query of the newest ``pages × limit`` visits that pass every filter of ``flt`` but
    its text, and its parameters."""
    where_sql, params = where(store, "visit", flt, with_text=False)
    direction = "DESC" if descending else "ASC"
    from_joins = SELECT_SQL["visit"].rsplit(" FROM ", 1)[1]
    window_sql = (
        f"{WINDOW_SELECT} FROM {from_joins}{where_sql}"
        f" ORDER BY v.visited_at {direction}, v.rowid {direction} LIMIT ?"
    )
    return window_sql, [*params, limit * pages]
