"""The in-memory index of the newest visits (``store.window_index``, issue 17) answers as the
full query does, and is never stale: every write, rollback or restore is seen by the next
search; ``prepare_search`` makes the first keystroke find it ready."""

from __future__ import annotations

import contextlib

import pytest

from coordinator_app.store import open_store
from coordinator_app.store import queries as q
from coordinator_app.store.search_window import (
    DEEP_PAGES,
    WINDOW_PAGES,
    first_search_page,
    newest_matches,
)
from coordinator_app.store.snapshots import restore_snapshot, take_snapshot

PAGE = 5
TEXTS = [
    "Réunion à l'école : l'été des jeunes",
    "Jean-Guy présente le budget du kiosque",
    "Œuvre collective ; ÉTÉ chaud, serre pleine",
    "Comité forestière — récolte des bleuets",
    "Visite de suivi : naïve question sur la coopérative",
]


def ids(rows) -> list[str]:
    return [row["id"] for row in rows]


def full_query(store, text: str) -> list[str]:
    """The first page without the window, as every later page is read."""
    flt = q.ListFilter(text=text)
    rowids = q._page_rowids(store, "visit", flt, "visited_at", True, limit=PAGE, offset=0)
    return ids(q._rows_of(store, "visit", rowids))


def first_page(store, text: str) -> list[str]:
    return ids(q.list_page(store, "visit", q.ListFilter(text=text), limit=PAGE))


@pytest.fixture
def store(tmp_path):
    store = open_store(tmp_path / "profile")
    projects = [
        store.create(
            "project",
            {"name": name, "program": "CIEC", "region_code": region, "season_year": 2026},
        )["id"]
        for name, region in (("Coop Serre du Lac", "02"), ("Coop Kiosque 12", "03"))
    ]
    visits = [
        {
            "project_id": projects[n % 2],
            "visited_at": f"2026-{n % 12 + 1:02d}-{n % 27 + 1:02d}T10:00",
            "mode": "sur_place",
            "observations": f"{TEXTS[n % len(TEXTS)]} n{n}",
        }
        for n in range(WINDOW_PAGES * PAGE * 2)
    ]
    q.bulk_create(store, "visit", visits)
    yield store
    store.close()


@pytest.mark.parametrize(
    "text",
    [
        "l'été",
        "ete",
        "ÉTÉ chaud",
        "jean-guy",
        "Jean-Guy budget",
        "œuvre",
        "naive",
        "forestiere recolte",
        "kiosque 12",
        "serre saguenay",
        "capitale",
        "coop",
    ],
)
def test_the_window_finds_what_the_full_query_finds(store, text):
    """Same tokenizer, same words: accents, case, apostrophes, hyphens, ligatures, project
    names and region names match in the window exactly as in ``visit_fts``."""
    window = newest_matches(store, q.ListFilter(text=text), descending=True, limit=PAGE)
    assert window is not None, f"« {text} » fills the window"
    assert first_page(store, text) == full_query(store, text)
    assert len(full_query(store, text)) == PAGE


def window_page(store, text: str) -> list[str]:
    """The first page, asserting it came from the window (the full query would hide a stale
    window)."""
    flt = q.ListFilter(text=text)
    assert newest_matches(store, flt, descending=True, limit=PAGE) is not None
    return first_page(store, text)


def test_an_edited_visit_leaves_the_search_at_once(store):
    edited = window_page(store, "budget")[0]
    store.update("visit", edited, {"observations": "Tempête de verglas"})
    assert edited not in window_page(store, "budget")
    assert window_page(store, "budget") == full_query(store, "budget")


def test_a_new_visit_a_renamed_project_and_a_deletion_show_in_the_next_search(store):
    assert window_page(store, "serre")
    project = store.create(
        "project",
        {"name": "Coop Érablière", "program": "CIEC", "region_code": "04", "season_year": 2026},
    )
    visit = store.create(
        "visit",
        {
            "project_id": project["id"],
            "visited_at": "2027-01-15T09:00",
            "mode": "sur_place",
            "observations": "Serre neuve",
        },
    )
    assert window_page(store, "serre")[0] == visit["id"]
    store.update("project", project["id"], {"name": "Coop Sucrerie"})
    assert first_page(store, "sucrerie serre")[:1] == [visit["id"]]
    store.delete("visit", visit["id"])
    assert visit["id"] not in window_page(store, "serre")
    assert window_page(store, "serre") == full_query(store, "serre")


def test_a_rolled_back_write_leaves_the_search_right(store):
    before = window_page(store, "budget")
    version = store.content_version()
    with contextlib.suppress(RuntimeError), store.transaction():
        store.update("visit", before[0], {"observations": "plus rien"})
        assert before[0] not in window_page(store, "budget"), "the transaction reads its own"
        assert store.content_version() is None, "no version while a transaction is open"
        raise RuntimeError("cancelled")
    assert store.content_version() != version
    assert window_page(store, "budget") == before == full_query(store, "budget")


def test_a_restored_snapshot_is_searched_as_restored(store):
    before = window_page(store, "budget")
    snapshot = take_snapshot(store)
    store.update("visit", before[0], {"observations": "Mot xylophone"})
    assert before[0] not in window_page(store, "budget")
    restore_snapshot(store, snapshot.path)
    assert window_page(store, "budget") == before == full_query(store, "budget")


def test_a_prepared_window_is_not_read_again_by_the_first_keystroke(store, monkeypatch):
    flt = q.ListFilter()
    q.prepare_search(store, "visit", flt, sort="visited_at", descending=True, limit=PAGE)
    reads: list[str] = []
    reading = type(store).reading

    @contextlib.contextmanager
    def counted(self):
        with reading(self) as conn:
            conn.set_trace_callback(reads.append)
            try:
                yield conn
            finally:
                conn.set_trace_callback(None)

    monkeypatch.setattr(type(store), "reading", counted)
    assert first_page(store, "s") == full_query(store, "s")
    monkeypatch.undo()
    assert reads, "the page itself was read"
    assert not [sql for sql in reads if "v.observations" in sql and "LIMIT" in sql]


def deep_store(tmp_path):
    """One visit in 20 mentions « zinnia »: only the deep window (80 pages) holds a page of it."""
    store = open_store(tmp_path / "deep")
    project = store.create(
        "project", {"name": "Coop Lac", "program": "CIEC", "region_code": "02", "season_year": 2026}
    )["id"]
    visits = [
        {
            "project_id": project,
            "visited_at": f"2026-{n % 12 + 1:02d}-{n % 27 + 1:02d}T{n % 10 + 8:02d}:00",
            "mode": "sur_place",
            "observations": "Kiosque zinnia" if n % 20 == 0 else "Suivi ordinaire",
        }
        for n in range(DEEP_PAGES * PAGE + 200)
    ]
    q.bulk_create(store, "visit", visits)
    return store


def test_a_search_too_rare_for_the_short_window_is_read_from_the_deep_one(tmp_path):
    """One visit in 20 among the newest: the short window (8 pages) holds too few, the deep one
    (80 pages) holds a page once it is prepared; a keystroke never builds it or waits for it."""
    store = deep_store(tmp_path)
    flt = q.ListFilter(text="zinnia")
    assert first_search_page(store, flt, descending=True, limit=PAGE)[0] is None, "not ready"
    assert first_page(store, "zinnia") == full_query(store, "zinnia")

    q.prepare_search(store, "visit", q.ListFilter(), sort="visited_at", descending=True, limit=PAGE)
    rowids, _ = first_search_page(store, flt, descending=True, limit=PAGE)
    assert rowids is not None and len(rowids) == PAGE
    assert first_page(store, "zinnia") == full_query(store, "zinnia")

    edited = first_page(store, "zinnia")[0]
    store.update("visit", edited, {"observations": "Plus de fleurs"})
    assert first_search_page(store, flt, descending=True, limit=PAGE)[0] is None, "stale"
    assert edited not in first_page(store, "zinnia")
    assert first_page(store, "zinnia") == full_query(store, "zinnia")
    store.close()
