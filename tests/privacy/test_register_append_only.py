"""The register of communications is append-only on the laptop too (issue 13, point 9): an entry
can be neither rewritten nor deleted nor restored through the store, so nothing to sync either."""

from __future__ import annotations

import pytest

from coordinator_app.domain.errors import UserError
from coordinator_app.store import disclosures


def _entry(store) -> dict:
    return disclosures.log_disclosure(
        store, action="export_participants", subject="Liste des jeunes", region_code="03"
    )[0]


@pytest.mark.parametrize(
    "attempt",
    [
        lambda store, rid: store.update("access_log", rid, {"subject": "Rien"}),
        lambda store, rid: store.update_many("access_log", [(rid, {"subject": "Rien"})]),
        lambda store, rid: store.delete("access_log", rid),
        lambda store, rid: store.restore("access_log", rid),
    ],
    ids=["update", "update_many", "delete", "restore"],
)
def test_an_entry_of_the_register_cannot_be_changed(store, attempt) -> None:
    entry = _entry(store)
    pending = store.pending_count()
    with pytest.raises(UserError, match="ni modifiée ni effacée"):
        attempt(store, entry["id"])
    kept = store.require("access_log", entry["id"])
    assert kept["subject"] == "Liste des jeunes" and not kept["deleted"]
    assert store.pending_count() == pending  # nothing journaled
