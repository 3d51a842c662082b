"""Saving a field visit with three action items, against raw SQLite inserts of the same rows."""

from __future__ import annotations

import statistics
import time
import uuid

from benchmarks.common import Context, Row, thousands
from benchmarks.profiles import large_profile

TARGET = "< 20 ms"


def save_visit(ctx: Context) -> Row:
    from coordinator_app.store import open_store

    size = f"{thousands(ctx.n(100_000))} visits"
    figure = "save a visit with 3 action items"
    store = open_store(large_profile(ctx))
    try:
        project_id = store.find("project", limit=1)[0]["id"]
        repeat = 20 if ctx.quick else 50

        def ours(index: int) -> None:
            # What the visit editor's « Enregistrer » does: one transaction, validated, journaled.
            with store.transaction():
                visit = store.create(
                    "visit",
                    {
                        "project_id": project_id,
                        "visited_at": "2026-05-04T14:30",
                        "mode": "sur_place",
                        "place": "Serre du rang 4",
                        "observations": f"Visite de suivi {index} : semis en retard, comité motivé.",
                    },
                )
                for text in ("Envoyer le budget", "Appeler la caisse", "Réserver la salle"):
                    store.create(
                        "action_item",
                        {
                            "project_id": project_id,
                            "visit_id": visit["id"],
                            "text": text,
                            "owner": "Coordination",
                            "due_date": "2026-06-01",
                        },
                    )

        conn = store.conn
        columns = ("id", "created_at", "updated_at", "author", "deleted")

        def baseline(index: int) -> None:
            # The same four rows inserted raw: no validation, no journal, one transaction.
            now = "2026-05-04T14:30:00.000+00:00"
            visit_id = str(uuid.uuid4())
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(
                f"INSERT INTO visit ({', '.join(columns)}, project_id, visited_at, mode, place, observations)"
                " VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, ?)",
                (visit_id, now, now, "bench", project_id, "2026-05-04T14:30", "sur_place",
                 "Serre du rang 4", f"Visite de suivi {index} : semis en retard, comité motivé."),
            )  # fmt: skip
            for text in ("Envoyer le budget", "Appeler la caisse", "Réserver la salle"):
                conn.execute(
                    f"INSERT INTO action_item ({', '.join(columns)}, project_id, visit_id, text, owner, due_date)"
                    " VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, ?)",
                    (str(uuid.uuid4()), now, now, "bench", project_id, visit_id, text,
                     "Coordination", "2026-06-01"),
                )  # fmt: skip
            conn.execute("COMMIT")

        ours_t, base_t = [], []
        for index in range(repeat):
            started = time.perf_counter()
            ours(index)
            ours_t.append(time.perf_counter() - started)
            started = time.perf_counter()
            baseline(index)
            base_t.append(time.perf_counter() - started)
        conn.execute("DELETE FROM action_item WHERE author = 'bench'")
        conn.execute("DELETE FROM visit WHERE author = 'bench'")
    finally:
        store.close()
    ours_s, base_s = statistics.median(ours_t), statistics.median(base_t)
    note = f"median of {repeat}; worst {max(ours_t) * 1000:.1f} ms"
    return Row(figure, size, ours_s, base_s, TARGET, ours_s < 0.020, note)
