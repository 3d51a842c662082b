"""An export reads records page by page in creation order; each page comes from an index (laptop
migration 12), not from sorting the whole table again (a 50 000-visit export spent most of its
time there)."""

from __future__ import annotations

from pathlib import Path

from coordinator_app.domain.entities import ENTITIES
from coordinator_app.store import lookup, open_store


def test_every_kind_pages_through_its_index_without_sorting(tmp_path: Path) -> None:
    store = open_store(tmp_path / "profil")
    try:
        with store.reading() as conn:
            for kind in ENTITIES:
                if kind == "access_log":
                    continue
                plan = " | ".join(
                    str(row[-1])
                    for row in conn.execute(
                        "EXPLAIN QUERY PLAN " + lookup.PAGE_SQL.format(kind=kind), ("", "", 10)
                    )
                )
                assert f"idx_{kind}_live_created" in plan, (kind, plan)
                assert "TEMP B-TREE" not in plan, (kind, plan)
    finally:
        store.close()


def test_pages_give_every_live_record_once_in_creation_order(tmp_path: Path) -> None:
    store = open_store(tmp_path / "profil")
    try:
        created = [
            store.create("municipality", {"name": f"Ville {n:02d}", "region_code": "03"})["id"]
            for n in range(23)
        ]
        store.delete("municipality", created[5])
        read = [r["id"] for r in lookup.iter_records(store, "municipality", batch=4)]
        assert sorted(read) == sorted(i for i in created if i != created[5])
        assert read == [r["id"] for r in store.find("municipality")]  # (created_at, id) order
    finally:
        store.close()
