"""Saving a field visit with three action items, against raw SQLite inserts of the same rows."""

from __future__ import annotations

import statistics
import time
import uuid
from typing import Any

from benchmarks.common import Context, Row, thousands
from benchmarks.profiles import large_profile

TARGET = "< 20 ms"


def _save_visit(store: Any, project_id: str, index: int) -> None:
    """What the visit editor's « Enregistrer » does: one transaction, validated, journaled."""
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


def save_visit(ctx: Context) -> Row:
    from coordinator_app.store import open_store

    size = f"{thousands(ctx.n(100_000))} visits"
    figure = "save a visit with 3 action items"
    store = open_store(large_profile(ctx))
    try:
        project_id = store.find("project", limit=1)[0]["id"]
        repeat = 20 if ctx.quick else 50

        def ours(index: int) -> None:
            _save_visit(store, project_id, index)

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


def _set_synchronous(store: Any, mode: str) -> None:
    store.conn.execute(f"PRAGMA synchronous={mode}")


def _pulled_page(size: int, first: int) -> list[Any]:
    from coordinator_app.store.sync_state import RemoteChange

    return [
        RemoteChange(
            seq=first + i,
            change_id=str(uuid.uuid4()),
            kind="workshop",
            record_id=str(uuid.uuid4()),
            op="create",
            values={
                "theme": f"Atelier {first + i}",
                "held_on": "2026-05-01",
                "format": "atelier",
                "region_code": "03",
                "attendance": 12,
            },
            deleted=False,
            at="2026-05-01T10:00:00+00:00",
            author="bench",
            device_id="bench",
        )
        for i in range(size)
    ]


def durability_cost(ctx: Context) -> Row:
    """What ``synchronous=FULL`` (every commit fsynced: issue 13) costs against ``NORMAL``.

    Ours: the profile as the app opens it (FULL); baseline: the same connection switched to
    NORMAL, interleaved so load affects both alike. The row is the save of a visit with three
    action items (median of 50) on the 100 000-visit profile; the note adds a pulled page of 500
    changes applied with its cursor (median of 7) on a fresh profile."""
    from coordinator_app.store import open_store, sync_state

    size = f"{thousands(ctx.n(100_000))} visits"
    figure = "durability: save a visit, synchronous FULL vs NORMAL"
    store = open_store(large_profile(ctx))
    repeat = 20 if ctx.quick else 50
    full_t, normal_t = [], []
    try:
        project_id = store.find("project", limit=1)[0]["id"]
        assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        for index in range(repeat):
            for mode, times in (("FULL", full_t), ("NORMAL", normal_t)):
                _set_synchronous(store, mode)
                started = time.perf_counter()
                _save_visit(store, project_id, index)
                times.append(time.perf_counter() - started)
    finally:
        _set_synchronous(store, "FULL")
        store.close()
    page_full, page_normal = [], []
    pages = open_store(ctx.work / "durability-pages")
    try:
        page, pages_repeat = 500, 3 if ctx.quick else 7
        for _ in range(pages_repeat):
            for mode, times in (("FULL", page_full), ("NORMAL", page_normal)):
                _set_synchronous(pages, mode)
                since = sync_state.cursor(pages)
                changes = _pulled_page(page, since + 1)
                started = time.perf_counter()
                sync_state.apply_page(
                    pages, changes, since=since, next_cursor=since + page, server_generation="b"
                )
                times.append(time.perf_counter() - started)
    finally:
        _set_synchronous(pages, "FULL")
        pages.close()
    full_s, normal_s = statistics.median(full_t), statistics.median(normal_t)
    note = (
        f"save: FULL {full_s * 1000:.1f} ms vs NORMAL {normal_s * 1000:.1f} ms "
        f"(median of {repeat}; worst FULL {max(full_t) * 1000:.1f} ms); pulled page of 500: "
        f"FULL {statistics.median(page_full) * 1000:.0f} ms vs NORMAL "
        f"{statistics.median(page_normal) * 1000:.0f} ms (median of {len(page_full)})"
    )
    extra = {
        "page_full_s": statistics.median(page_full),
        "page_normal_s": statistics.median(page_normal),
    }
    return Row(figure, size, full_s, normal_s, TARGET, full_s < 0.020, note, extra)
