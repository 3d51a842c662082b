"""A pulled page with entries this laptop cannot write applies everything else, moves its cursor,
and keeps the bad entries aside — including those only SQLite itself refuses at the write (text
with a lone surrogate), found when the page is applied again entry by entry."""

from __future__ import annotations

import uuid

from coordinator_app.store import open_store, refused_incoming, sync_state

FIRST = "2026-05-01T10:00:00+00:00"


def change(seq: int, kind: str, values: dict, record_id: str | None = None, op: str = "create"):
    return sync_state.RemoteChange(
        seq=seq, change_id=str(uuid.uuid4()), kind=kind, record_id=record_id or str(uuid.uuid4()),
        op=op, values=values, deleted=False, at=FIRST, author="bruno", device_id="d2",
    )  # fmt: skip


def workshop(theme: str) -> dict:
    return {"theme": theme, "held_on": "2026-05-01", "format": "atelier", "region_code": "03"}


def test_a_write_sqlite_refuses_is_kept_aside_whole_and_the_page_applies(tmp_path):
    store = open_store(tmp_path)
    try:
        good_before = change(1, "workshop", workshop("Gouvernance"))
        surrogate = change(2, "workshop", workshop("Finances \ud800"))  # not encodable in UTF-8
        odd_conflict = change(
            3,
            "conflict",
            {"target_kind": {"pas": "un texte"}, "kept_at": 2**63, "status": "ouvert"},
        )
        too_large = change(4, "workshop", {**workshop("Marketing"), "attendance": 2**64})
        good_after = change(5, "workshop", workshop("Ressources humaines"))
        page = [good_before, surrogate, odd_conflict, too_large, good_after]
        result = sync_state.apply_page(store, page, since=0, next_cursor=5, server_generation="g1")
        assert sync_state.cursor(store) == 5
        themes = {w["theme"] for w in store.find("workshop")}
        assert themes == {"Gouvernance", "Marketing", "Ressources humaines"}
        assert store.get("workshop", too_large.record_id)["attendance"] is None
        assert result.received == 4  # every entry but the surrogate applied (some in part)

        kept = {r["change_id"]: r for r in refused_incoming.listing(store)}
        assert set(kept) == {surrogate.change_id, odd_conflict.change_id, too_large.change_id}
        assert kept[surrogate.change_id]["whole"]
        assert "impossible à enregistrer" in kept[surrogate.change_id]["problems"][0]["reason"]
        assert not kept[odd_conflict.change_id]["whole"]
        target_kind, kept_at = kept[odd_conflict.change_id]["problems"]
        assert target_kind["field"] == "target_kind"
        assert target_kind["reason"] == refused_incoming.UNSTORABLE
        assert (kept_at["field"], kept_at["value"]) == ("kept_at", str(2**63))
        assert kept_at["reason"] == refused_incoming.TOO_LARGE  # SQLite's range, no domain here
        [problem] = kept[too_large.change_id]["problems"]
        assert (problem["field"], problem["value"]) == ("attendance", str(2**64))
        assert problem["reason"].startswith("valeur refusée : ")  # the domain's bound
        # the same page pulled again (a restored server): nothing doubles, nothing fails
        sync_state.apply_page(store, page, since=5, next_cursor=5, server_generation="g1")
        assert len(refused_incoming.listing(store)) == 3
        assert len(store.find("workshop")) == 3
    finally:
        store.close()


def test_a_personal_value_refused_is_not_kept(tmp_path):
    store = open_store(tmp_path)
    try:
        project = store.create(
            "project", {"name": "Coop des Chutes", "program": "FERME_COOP", "region_code": "03"}
        )
        participant = change(
            1, "participant",
            {"project_id": project["id"], "first_name": "Léa", "birth_date": "pas une date"},
        )  # fmt: skip
        sync_state.apply_page(store, [participant], since=0, next_cursor=1, server_generation="g")
        [row] = refused_incoming.listing(store)
        [problem] = row["problems"]
        assert problem["field"] == "birth_date"
        assert problem["value"] is None  # a birth date is personal: not copied aside
        assert store.get("participant", participant.record_id)["first_name"] == "Léa"
    finally:
        store.close()
