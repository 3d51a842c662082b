"""Migration 7 (who is who): a profile of the previous schema, full of the demo's records, keeps
every visit and follow-up, shows the old values visibly, and still gives the published figures."""

from __future__ import annotations

import datetime as dt
import json

from coordinator_app.domain.demo import generate_demo
from coordinator_app.domain.entities import ENTITIES
from coordinator_app.domain.indicators import compute_indicators
from coordinator_app.store import open_store, people
from coordinator_app.store.codec import to_db
from coordinator_app.store.connection import open_connection
from coordinator_app.store.migrations import LATEST_VERSION, MIGRATIONS, migrate
from coordinator_app.store.paths import backups_dir, database_path
from tests.privacy.support import fixed_clock

TODAY = dt.date(2026, 11, 26)


def _profile_of_schema_6(folder) -> dict[str, list]:
    """The demo as the schema-6 app stored it: visits with a « Coordonnateur » and no
    « Visite faite par », follow-ups with a free-text owner, changes by the OS login."""
    folder.mkdir(parents=True, exist_ok=True)
    conn = open_connection(database_path(folder))
    migrate(conn, backups_dir(folder), MIGRATIONS[:6])
    kept: dict[str, list] = {"visit": [], "action_item": []}
    first_coordinator = None
    for record in generate_demo(1, TODAY):
        if record.values.get("status") == "planifiee":
            continue  # planned visits came after schema 6 (migration 8)
        columns = {row[1] for row in conn.execute(f"PRAGMA table_info({record.kind})")}
        specs = [s for s in ENTITIES[record.kind].fields if s.name in columns]
        values = dict(record.values)
        if record.kind == "coordinator" and first_coordinator is None:
            first_coordinator = record.id
        if record.kind == "visit":
            values["coordinator_id"] = first_coordinator  # what the old editor defaulted to
        names = ["id", "created_at", "updated_at", "author", *(s.name for s in specs)]
        row = [record.id, "2026-01-01", "2026-01-01", "root"]
        row += [to_db(s, values.get(s.name)) for s in specs]
        marks = ", ".join("?" * len(row))
        quoted = ", ".join(f'"{n}"' for n in names)
        conn.execute(f"INSERT INTO {record.kind} ({quoted}) VALUES ({marks})", row)
        if record.kind in kept:
            kept[record.kind].append((record.id, values))
            conn.execute(
                "INSERT INTO journal (change_id, kind, record_id, op, fields, at, author,"
                " device_id, origin) VALUES (?, ?, ?, 'create', '{}', ?, 'root', 'd', 'local')",
                (f"c-{record.id}", record.kind, record.id, "2026-01-01T10:00:00.000+00:00"),
            )
    conn.execute("INSERT INTO meta (key, value) VALUES ('author', 'Marie Tremblay')")
    conn.execute("INSERT INTO meta (key, value) VALUES ('device_id', 'portable-1')")
    conn.close()
    return kept


def test_a_schema_6_profile_keeps_every_visit_and_the_published_figures(tmp_path):
    kept = _profile_of_schema_6(tmp_path)
    store = open_store(tmp_path, clock=fixed_clock("2026-11-26"))
    assert store.schema_version == LATEST_VERSION >= 7  # later migrations add beside it
    visits = {v["id"]: v for v in store.find("visit")}
    assert set(visits) == {record_id for record_id, _ in kept["visit"]}
    for record_id, old in kept["visit"]:
        visit = visits[record_id]
        # nothing mapped silently: the coordinator stays where it was, « faite par » is empty
        assert visit["coordinator_id"] == old["coordinator_id"]
        assert visit["made_by"] == []
        assert (visit["observations"], visit["visited_at"]) == (
            old["observations"],
            old["visited_at"],
        )
    items = {a["id"]: a for a in store.find("action_item")}
    assert set(items) == {record_id for record_id, _ in kept["action_item"]}
    for record_id, old in kept["action_item"]:
        assert (items[record_id]["owner"], items[record_id]["owner_kind"]) == (
            old["owner"],
            "autre",
        )
        assert items[record_id]["owner_account"] is None
    # the name the profile already used becomes its person; old changes keep their author
    assert store.person.name == "Marie Tremblay"
    assert store.person.account == "local:portable-1"  # no server yet: this laptop's account
    first_visit = kept["visit"][0][0]
    assert [e.author for e in store.history("visit", first_visit)] == ["root"]
    found = compute_indicators(store.find("project"), 2026)
    assert (found.jeune_coop_count, found.jeune_coop_youth, found.jeune_coop_schools) == (
        180,
        2576,
        123,
    )
    assert (found.ciec_projects, found.ciec_regions, found.ciec_coordinators, found.ciec_youth) == (
        40,
        13,
        66,
        388,
    )
    assert (found.survival_5y_pct, found.survival_10y_pct) == (64, 44)
    # an edit after the migration is authored by the person, not by the OS login
    store.update("visit", first_visit, {"made_by": ["mtremblay"]})
    last = store.history("visit", first_visit)[-1]
    assert (last.author, last.fields["made_by"]) == ("Marie Tremblay", [[], ["mtremblay"]])
    assert people.names(store, ["mtremblay"]) == ["mtremblay"]  # unknown account: shown by id
    backups = list(backups_dir(tmp_path).glob("carnet-avant-v7-*.db"))
    assert len(backups) == 1
    assert json.loads(store.get_meta("person"))["name"] == "Marie Tremblay"
    store.close()


def test_a_profile_never_named_writes_no_os_login(tmp_path):
    store = open_store(tmp_path)
    assert store.person is None and people.needs_name(store)
    project = store.create(
        "project", {"name": "Coop", "program": "FERME_COOP", "region_code": "03"}
    )
    assert store.history("project", project["id"])[0].author is None
    people.set_local_name(store, "  Marie   Tremblay ")
    store.update("project", project["id"], {"notes": "Vu"})
    entry = store.history("project", project["id"])[-1]
    assert (entry.author, entry.author_id) == ("Marie Tremblay", f"local:{store.device_id}")
    assert not people.needs_name(store)
    store.close()
