"""The start reminder's « suivis en retard » count (migration 16): the same follow-ups as before,
read from ``idx_action_item_live_due`` alone, and a profile of schema 15 gets the index."""

from __future__ import annotations

import datetime as dt

from coordinator_app.store import agenda_queries, open_store
from coordinator_app.store.connection import open_connection
from coordinator_app.store.paths import database_path

TODAY = dt.date(2026, 6, 10)


def _follow_ups(store) -> None:
    """Open overdue (3, one of them with no done flag at all), done, deleted, due today or later."""
    project = store.create(
        "project", {"name": "Coop du Fjord", "program": "FERME_COOP", "region_code": "02"}
    )["id"]

    def item(text: str, due: str, **more) -> str:
        values = {"project_id": project, "text": text, "owner": "Coordination", "due_date": due}
        return store.create("action_item", values | more)["id"]

    item("Envoyer le budget", "2026-06-01")
    item("Appeler la caisse", "2026-06-09")
    no_flag = item("Réserver la salle", "2026-05-02")
    item("Signer le bail", "2026-05-20", done=True)
    store.delete("action_item", item("Relancer la mairie", "2026-06-03"))
    item("Préparer l'assemblée", "2026-06-10")
    item("Commander les plants", "2026-07-01")
    with store.transaction() as conn:  # an entry written before « done » had a default
        conn.execute("UPDATE action_item SET done = NULL WHERE id = ?", (no_flag,))


def test_the_overdue_count_is_read_from_the_index_alone(tmp_path):
    store = open_store(tmp_path)
    try:
        _follow_ups(store)
        assert agenda_queries.reminder(store, TODAY) == (3, 0, 0)
        with store.reading() as conn:
            plan = [
                row[3]
                for row in conn.execute(
                    f"EXPLAIN QUERY PLAN {agenda_queries._OVERDUE_COUNT}", [TODAY.isoformat()]
                )
            ]
        searches = [step for step in plan if step.startswith("SEARCH")]
        assert len(searches) == 2, plan
        assert all("COVERING INDEX idx_action_item_live_due" in step for step in searches), plan
    finally:
        store.close()


def _back_to_schema_15(folder) -> None:
    conn = open_connection(database_path(folder))
    conn.execute("DROP INDEX idx_action_item_live_due")
    conn.execute("DELETE FROM _migrations WHERE version >= 16")
    conn.execute("PRAGMA user_version = 15")
    conn.commit()
    conn.close()


def _indexes(store) -> set[str]:
    with store.reading() as conn:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE tbl_name = 'action_item'")
        return {row[0] for row in rows}


def test_a_schema_15_profile_gets_the_index_and_counts_the_same(tmp_path):
    store = open_store(tmp_path)
    _follow_ups(store)
    store.close()
    _back_to_schema_15(tmp_path)

    store = open_store(tmp_path)
    try:
        assert store.schema_version == 16
        assert {"idx_action_item_live_due", "idx_action_item_due"} <= _indexes(store)
        assert agenda_queries.reminder(store, TODAY) == (3, 0, 0)
    finally:
        store.close()
