"""A laptop's own changes are not pulled back (issue 17, ``protocol.own_echo``), and nothing is
lost for it: a change the merge altered comes back, another laptop (even of the same account)
gets everything, a laptop restored from a copy gets back what the copy lacks, and a laptop or a
server that does not speak it syncs as before. Real server over TLS, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from coordinator_app.protocol import own_echo
from coordinator_app.server.settings import Settings
from coordinator_app.store import sync_state
from coordinator_app.store.snapshots import restore_snapshot, take_snapshot
from coordinator_app.sync import settings
from coordinator_app.sync.client import ServerClient
from tests.support.live_server import postgres_reachable, postgres_schema_url
from tests.sync.conftest import FaultyTransport, SyncServer, live_rows


@pytest.fixture(params=["sqlite", "postgresql"])
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SyncServer]:
    """The live server on each database it supports (overrides ``conftest.server``)."""
    folder = tmp_path / "serveur"
    folder.mkdir(parents=True, exist_ok=True)
    if request.param == "sqlite":
        yield from _serve(folder, f"sqlite:///{folder / 'server.sqlite3'}")
        return
    problem = postgres_reachable()
    assert problem is None, problem  # PostgreSQL is part of the test environment
    with postgres_schema_url() as url:
        yield from _serve(folder, url)


def _serve(folder: Path, url: str) -> Iterator[SyncServer]:
    started = SyncServer(folder, url, Settings(db_url=url))
    started.users = set()
    started.start()
    try:
        yield started
    finally:
        started.close()


class Recorder(FaultyTransport):
    """The real HTTPS transport, noting each pull's ``own`` parameter and the change ids its
    page brought. ``old_server``: the answers lose the header that says the server leaves own
    changes out (what an older server sends)."""

    def __init__(self, ca_file: Path, *, old_server: bool = False) -> None:
        super().__init__(ca_file)
        self.old_server = old_server
        self.pulls: list[tuple[str | None, list[str]]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        if self.old_server:
            response.headers.pop(own_echo.OWN_HEADER, None)
        if self.step(request) == "pull":
            response.read()
            ids = [c["change_id"] for c in json.loads(response.content)["changes"]]
            self.pulls.append((request.url.params.get(own_echo.OWN_PARAM), ids))
        return response

    def pulled(self) -> set[str]:
        return {change_id for _own, ids in self.pulls for change_id in ids}


def recorded(laptop: Any, **options: Any) -> Recorder:
    laptop.transport = Recorder(laptop.server.ca_path, **options)
    return laptop.transport


def own_ids(laptop: Any) -> set[str]:
    with laptop.store.reading() as conn:
        return {r[0] for r in conn.execute("SELECT change_id FROM journal WHERE origin = 'local'")}


def new_project(store: Any, **values: Any) -> dict[str, Any]:
    base = {"name": "Coop des Chutes", "program": "FERME_COOP", "region_code": "03"}
    return store.create("project", {**base, **values})


def test_own_plain_changes_do_not_come_back_and_another_laptop_gets_them_all(laptops, server):
    alice, bruno = laptops("alice"), laptops("bruno")
    tape = recorded(alice)
    project = new_project(alice.store, notes="Première visite")
    alice.store.create(
        "visit",
        {"project_id": project["id"], "visited_at": "2026-06-01T10:00", "mode": "sur_place"},
    )
    alice.store.update("project", project["id"], {"stage": "idee"})
    mine = own_ids(alice)
    assert alice.sync().sent == 3
    [(own, ids)] = tape.pulls
    assert own  # the server said it takes ``own``, so the pull named Alice's three changes
    assert not set(ids) & mine  # none of them came back
    assert sync_state.cursor(alice.store) == max(server_seqs(server))  # but the cursor moved on
    assert alice.store.pending_count() == 0

    bruno_tape = recorded(bruno)
    bruno.sync()
    assert mine <= bruno_tape.pulled()
    assert live_rows(alice.store) == live_rows(bruno.store)


def test_a_second_laptop_of_the_same_account_gets_everything(laptops, server):
    desk, field = laptops("bureau", user="alice"), laptops("terrain", user="alice")
    desk.sync()
    new_project(desk.store, notes="Du bureau")
    desk.sync()
    tape = recorded(field)
    field.sync()
    assert own_ids(desk) <= tape.pulled()  # same account, another device: nothing left out
    assert live_rows(desk.store) == live_rows(field.store)


def test_a_change_the_merge_altered_comes_back_with_its_conflict(laptops, server):
    alice, bruno = laptops("alice"), laptops("bruno")
    project = new_project(alice.store)
    alice.sync()
    bruno.sync()
    alice.store.update("project", project["id"], {"name": "Coop Alice", "notes": "Mes notes"})
    bruno.store.update("project", project["id"], {"name": "Coop Bruno"})
    bruno.sync()
    tape = recorded(alice)
    alice.store.update("project", project["id"], {"stage": "idee"})
    alice.sync()
    conflicting = {r.change_id for r in journal_of(alice) if "name" in r.fields}
    plain = {r.change_id for r in journal_of(alice) if "stage" in r.fields}
    pulled = tape.pulled()
    assert conflicting & pulled  # merged with a conflict: served back
    assert not plain & pulled  # the plain one in the same sync is not
    assert any(c["field"] == "name" for c in sync_state.conflicts(alice.store))
    bruno.sync()
    assert live_rows(alice.store) == live_rows(bruno.store)


def test_an_older_edit_pulled_after_our_own_does_not_overwrite_it(laptops, server):
    """Bruno sets the notes to « B » and back to « A »; Alice, who never saw it, sets them to
    « C »: the server takes « C » without a conflict (its value was still Alice's « A ») and
    leaves it out of her pull, while her pull brings Bruno's two older edits. They must not
    leave her on « A »."""
    alice, bruno = laptops("alice"), laptops("bruno")
    project = new_project(alice.store, notes="A")
    alice.sync()
    bruno.sync()
    bruno.store.update("project", project["id"], {"notes": "B"})
    bruno.sync()
    bruno.store.update("project", project["id"], {"notes": "A"})
    bruno.sync()
    alice.store.update("project", project["id"], {"notes": "C"})
    tape = recorded(alice)
    alice.sync()
    assert not tape.pulled() & own_ids(alice)  # Alice's change was left out...
    assert alice.store.require("project", project["id"])["notes"] == "C"  # ...and she keeps it
    assert server.records()["project"][project["id"]][0]["notes"] == "C"
    bruno.sync()
    assert live_rows(alice.store) == live_rows(bruno.store)


def test_a_laptop_restored_from_a_copy_gets_back_what_it_had_pushed_since(laptops, server):
    alice, bruno = laptops("alice"), laptops("bruno")
    first = new_project(alice.store, notes="Avant la copie")
    alice.sync()
    copy = take_snapshot(alice.store)
    later = new_project(alice.store, name="Coop après la copie")
    alice.store.update("project", first["id"], {"notes": "Après la copie"})
    alice.sync()  # pushed, left out of her pull
    pushed_since = own_ids(alice)
    restore_snapshot(alice.store, copy.path)
    assert alice.store.get("project", later["id"]) is None
    pushed_since -= own_ids(alice)  # what the copy lacks
    tape = recorded(alice)
    alice.sync()
    assert len(pushed_since) == 2 and pushed_since <= tape.pulled()
    assert alice.store.require("project", later["id"])["name"] == "Coop après la copie"
    assert alice.store.require("project", first["id"])["notes"] == "Après la copie"
    bruno.sync()
    assert live_rows(alice.store) == live_rows(bruno.store)


def test_an_old_laptop_that_names_nothing_gets_its_own_changes(laptops, server):
    alice = laptops("alice")
    alice.sync()
    since = sync_state.cursor(alice.store)
    new_project(alice.store)
    alice.sync()
    connection, token = settings.require(alice.store)
    with ServerClient(connection.address, token) as client:
        page = client.pull(since, 100)  # what every laptop before this change asks
    assert own_ids(alice) <= {c.change_id for c in page.changes}


def test_against_an_older_server_the_laptop_names_nothing_and_syncs_as_before(laptops, server):
    alice, bruno = laptops("alice"), laptops("bruno")
    alice.sync()
    tape = recorded(alice, old_server=True)
    new_project(alice.store)
    alice.sync()
    assert [own for own, _ids in tape.pulls] == [None]
    assert own_ids(alice) <= tape.pulled()  # its changes came back, acknowledged as before
    bruno.sync()
    assert live_rows(alice.store) == live_rows(bruno.store)


def test_a_malformed_own_parameter_is_refused(laptops, server):
    alice = laptops("alice")
    connection, token = settings.require(alice.store)
    with ServerClient(connection.address, token) as client:
        for bad in ("5-3", "3,2", "a", "1-2-3", ",".join(str(n * 2) for n in range(70))):
            with pytest.raises(Exception, match="400"):
                client.pull_page(1, 10, own=bad)


def server_seqs(server: SyncServer) -> list[int]:
    import sqlalchemy as sa

    from coordinator_app.server import db

    with db.reading(server.engine) as conn:
        return sorted(r[0] for r in conn.execute(sa.select(db.changes.c.seq)))


def journal_of(laptop: Any) -> list[Any]:
    from coordinator_app.store import journal

    with laptop.store.reading() as conn:
        return journal.select(conn, "origin = 'local' ORDER BY seq", ())


def test_small_pages_read_on_past_own_changes_and_miss_nothing(laptops, server):
    alice, bruno = laptops("alice"), laptops("bruno")
    for turn in range(3):  # the log interleaves: Bruno's, Alice's, Bruno's, Alice's...
        new_project(bruno.store, name=f"Coop de Bruno {turn}")
        bruno.sync()
        for n in range(4):
            new_project(alice.store, name=f"Coop d'Alice {turn}-{n}")
        tape = recorded(alice)
        alice.sync(pull_limit=2)
    pulled = tape.pulled()
    assert not pulled & own_ids(alice)
    assert sync_state.cursor(alice.store) == max(server_seqs(server))
    bruno.sync()
    assert live_rows(alice.store) == live_rows(bruno.store)
