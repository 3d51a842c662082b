"""The server's conflict records carry exactly the fields ``domain.conflicts`` lists.

The server builds a conflict record field by field; the laptop stores the fields of that one list
and refuses any other. A field added on one side only would be dropped or kept aside without a
word: this test fails first.
"""

from __future__ import annotations

from coordinator_app.domain.conflicts import CONFLICT_FIELDS, CONFLICT_KIND
from coordinator_app.store import refused_incoming, sync_state


def test_a_pulled_conflict_fills_every_listed_field_and_nothing_is_refused(laptops):
    a, b = laptops("alice"), laptops("bruno")
    values = {"name": "Coop des Chutes", "program": "FERME_COOP", "region_code": "03"}
    project = a.store.create("project", values)
    a.sync()
    b.sync()
    a.store.update("project", project["id"], {"name": "Coop A"})
    b.store.update("project", project["id"], {"name": "Coop B"})
    for laptop in (a, b, a):
        laptop.sync()
    [conflict] = sync_state.conflicts(a.store)
    [created] = a.store.history(CONFLICT_KIND, conflict["id"])
    assert created.op == "create" and created.origin == "remote"
    assert set(created.fields) == set(CONFLICT_FIELDS)
    assert {name for name in CONFLICT_FIELDS if conflict[name] is None} <= {"details", "resolution"}
    assert refused_incoming.listing(a.store) == []
