"""A push copies each journal entry's fields into its body as the journal stores them (JSON text,
not decoded and encoded again): the server must read exactly the values the laptop journaled,
whatever the text holds, so the change, its merge and its content hash stay the same."""

from __future__ import annotations

import json

from coordinator_app.store import sync_state
from coordinator_app.sync.client import RawJSON, push_body
from coordinator_app.sync.engine import SyncEngine
from tests.sync.conftest import live_rows

#: Text that JSON must escape or that an encoder might write differently: quotes, backslashes,
#: control characters, line and paragraph separators, characters outside the BMP.
AWKWARD = 'Guillemets " et \\ barre ; ligne\nsuivante\ttab \u2028 \u2029 \x07 😀 — fin'
#: Text a push sends decoded and encoded again (it could be a NaN, which JSON has not).
NOT_A_NUMBER = "NaN, Infinity et -Infinity : des mots ici"


def _farm(store):
    project = store.create(
        "project",
        {"name": AWKWARD, "program": "FERME_COOP", "region_code": "03",
         "services": ["Serre « froide »", 'Rang "4"'], "notes": "Première visite"},
    )  # fmt: skip
    visit = store.create(
        "visit",
        {"project_id": project["id"], "visited_at": "2026-06-01T10:00", "mode": "sur_place",
         "observations": AWKWARD, "people_present": ["Zoé", 'Jean "Jo" Roy']},
    )  # fmt: skip
    store.update("visit", visit["id"], {"observations": "Kiosque\r\nouvert"})
    store.delete("visit", visit["id"])
    store.update("project", project["id"], {"notes": NOT_A_NUMBER})
    return project, visit


def test_the_body_holds_the_same_values_as_the_decoded_fields(laptops):
    a = laptops("alice")
    _farm(a.store)
    engine = SyncEngine(a.store)
    batch = sync_state.pending_to_push(a.store, 100)
    bases = sync_state.base_seqs(a.store, batch)
    wire = [engine._wire(e, bases[e.change_id], copied=True) for e in batch]
    copied = json.loads(push_body("dev", wire))
    decoded = [engine._wire(e, bases[e.change_id]) for e in batch]  # fields decoded, as before
    assert copied == {"device_id": "dev", "changes": decoded}
    assert [c["fields"].get("observations", [None, None])[1] for c in copied["changes"]] == [
        None, AWKWARD, "Kiosque\r\nouvert", None, None,
    ]  # fmt: skip
    assert copied["changes"][0]["fields"]["name"] == [None, AWKWARD]
    assert copied["changes"][4]["fields"]["notes"] == ["Première visite", NOT_A_NUMBER]
    copied_as_stored = [isinstance(change["fields"], RawJSON) for change in wire]
    assert copied_as_stored == [True, True, True, False, False]  # a delete sends no fields


def test_awkward_text_reaches_the_other_laptop_unchanged_and_a_resend_is_a_duplicate(laptops):
    a, b = laptops("alice"), laptops("bruno")
    project, visit = _farm(a.store)
    entries = a.store.pending_changes()
    assert a.sync().sent == len(entries) == 5
    b.sync()
    assert b.store.require("project", project["id"])["name"] == AWKWARD
    assert b.store.require("project", project["id"])["notes"] == NOT_A_NUMBER
    assert b.store.get("visit", visit["id"], include_deleted=True)["people_present"] == [
        "Zoé", 'Jean "Jo" Roy',
    ]  # fmt: skip
    assert live_rows(a.store) == live_rows(b.store)
    # the push's reply lost: the same entries sent again are the same changes to the server
    # (same content hash), so it answers « duplicate » and logs nothing new
    with a.store.transaction() as conn:
        conn.execute("UPDATE journal SET sent_at = NULL, server_seq = NULL WHERE origin = 'local'")
    report = a.sync()
    assert report.sent == report.duplicates == 5
    assert b.sync().received == 0
