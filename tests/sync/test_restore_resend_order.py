"""After a restore from an older backup, laptops re-send what the server lost in whatever order
they sync (issue 13, point 5): an edit of a record whose creation another laptop has not re-sent
yet waits on the server and applies by itself; nothing is left refused for good."""

from __future__ import annotations

from coordinator_app.store import sync_state
from tests.sync.test_faults import assert_converged


def test_an_edit_re_sent_before_its_record_applies_when_the_record_comes_back(laptops, server):
    a, b = laptops("alice"), laptops("bruno")
    backup = server.backup()
    made = a.store.create(
        "project", {"name": "Après la sauvegarde", "program": "FERME_COOP", "region_code": "03"}
    )
    a.sync()
    b.sync()
    b.store.update("project", made["id"], {"notes": "Notes de Bruno"})
    b.sync()
    server.restore(backup)
    report = b.sync()  # Bruno first: the project is not on the server any more
    assert report.generation_reset
    assert sync_state.refused(b.store) == []  # not refused: kept by the server until it can apply
    assert b.store.pending_count() == 0
    a.sync()  # Alice re-sends the creation: Bruno's edit applies with it
    b.sync()
    a.sync()
    assert a.store.require("project", made["id"])["notes"] == "Notes de Bruno"
    assert b.store.require("project", made["id"])["notes"] == "Notes de Bruno"
    assert_converged(server, a, b)
