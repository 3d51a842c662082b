"""The store queries behind the window's lists (``store.queries``), on real profiles."""

from __future__ import annotations

import pytest

from coordinator_app.domain.errors import ValidationFailed
from coordinator_app.store import open_store
from coordinator_app.store import queries as q


@pytest.fixture
def store(tmp_path):
    store = open_store(tmp_path / "profile")
    yield store
    store.close()


def make_project(store, name="CIEC de Roberval", region="02", municipality="Roberval"):
    return store.create(
        "project",
        {"name": name, "program": "CIEC", "region_code": region, "season_year": 2026,
         "municipality": municipality},
    )  # fmt: skip


def test_typed_operators_and_quotes_are_plain_text(store):
    make_project(store, name='Coop « NEAR » "les Bleuets" OR pas')
    for text in ('"les', "NEAR(", "OR", "bleuets OR", "-pas", "*", "AND NOT"):
        q.list_count(store, "project", q.ListFilter(text=text))  # no FTS5 syntax error
    assert q.list_count(store, "project", q.ListFilter(text='"les bleu')) == 1
    assert q.list_count(store, "project", q.ListFilter(text="***")) == 1  # nothing searchable


def test_bulk_create_is_all_or_nothing_and_journaled(store):
    project = make_project(store)
    good = {"project_id": project["id"], "visited_at": "2026-05-01T10:00", "mode": "sur_place"}
    bad = {**good, "visited_at": "2026-13-45T10:00"}
    with pytest.raises(ValidationFailed) as caught:
        q.bulk_create(store, "visit", [good, good, bad])
    assert "Date de la visite" in str(caught.value)
    assert store.count("visit") == 0
    before = store.pending_count()
    assert q.bulk_create(store, "visit", [good] * 3) == 3
    assert store.count("visit") == 3
    assert store.pending_count() == before + 3


def test_pages_follow_each_other_without_gaps_or_repeats(store):
    project = make_project(store)
    q.bulk_create(
        store,
        "visit",
        [{"project_id": project["id"], "visited_at": f"2026-0{1 + n % 9}-01T10:00",
          "mode": "sur_place", "place": f"Salle {n % 4}"} for n in range(45)],
    )  # fmt: skip
    for sort in ("visited_at", "place", "project_name"):
        seen = []
        for offset in range(0, 45, 10):
            seen += [r["id"] for r in q.list_page(store, "visit", q.ListFilter(), sort=sort,
                                                   limit=10, offset=offset)]  # fmt: skip
        assert len(seen) == len(set(seen)) == 45


def test_year_choices_and_due_scopes(store):
    project = make_project(store)
    for due, done in (("2026-11-20", False), ("2026-12-01", False), ("2027-03-01", False),
                      ("2026-01-10", True)):  # fmt: skip
        store.create(
            "action_item",
            {"project_id": project["id"], "text": f"Action {due}", "owner": "Léa",
             "due_date": due, "done": done},
        )  # fmt: skip
    today = "2026-11-26"

    def texts(scope):
        flt = q.ListFilter(scope=scope, today=today)
        return [r["text"] for r in q.list_page(store, "action_item", flt)]

    assert texts(q.SCOPE_OVERDUE) == ["Action 2026-11-20"]
    assert texts(q.SCOPE_DUE) == ["Action 2026-11-20", "Action 2026-12-01"]
    assert texts(q.SCOPE_OPEN) == ["Action 2026-11-20", "Action 2026-12-01", "Action 2027-03-01"]
    assert texts(q.SCOPE_DONE) == ["Action 2026-01-10"]
    assert q.years(store, "action_item") == [2027, 2026]
    assert q.years(store, "project", "CIEC") == [2026]
    rows, total = q.overdue_items(store, today=today)
    assert total == 1 and rows[0]["project_name"] == "CIEC de Roberval"


def test_visit_search_needs_every_word_in_the_visit_or_its_project(store):
    roberval = make_project(store)
    alma = make_project(store, name="CIEC d'Alma", region="02", municipality="Alma")
    texts = {
        "both": (roberval, "La serre est prête pour la récolte."),
        "one": (roberval, "La serre est vide."),
        "alma": (alma, "Récolte de fraises."),
    }
    ids = {}
    for key, (project, text) in texts.items():
        ids[key] = store.create(
            "visit",
            {"project_id": project["id"], "visited_at": "2026-06-01T10:00", "mode": "sur_place",
             "observations": text},
        )["id"]  # fmt: skip

    def found(text: str) -> set[str]:
        rows = q.list_page(store, "visit", q.ListFilter(text=text))
        assert q.list_count(store, "visit", q.ListFilter(text=text)) == len(rows)
        return {key for key, visit_id in ids.items() if visit_id in {r["id"] for r in rows}}

    assert found("serre recolte") == {"both"}  # only in visit text: one FTS query
    assert found("recolte alma") == {"alma"}  # a word of the project's name
    assert found("recolte saguenay") == {"both", "alma"}  # a region's name
    assert found("serre zebre") == set()
