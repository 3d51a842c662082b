"""One entry of the server's log that a laptop cannot apply no longer stops a region's sync.

The attack of issue 13: a coordinator pushed ``contract.amount = 2**63``; the server logged it, and
from then on every laptop pulling from before that entry failed every sync (SQLite cannot store the
integer). The server now refuses such values at push, so the poison is written here straight into
the real server's log through its own database layer (SQLite and PostgreSQL), with its friends: a
value the domain refuses, a field and a kind this version does not know, and an entry that does not
even parse. Then two new laptops sync from 0 (in small pages): each gets every other change, keeps
the bad ones aside (« Modification reçue refusée »), moves its cursor past them, and syncs again
without failing; a later good change of the same record applies; a dismissed one stays dismissed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from coordinator_app.server.settings import Settings
from coordinator_app.store import refused_incoming, sync_state
from tests.support.live_server import postgres_reachable, postgres_schema_url
from tests.sync.conftest import SyncServer, live_rows
from tests.sync.poisoned_log import (
    POISON,
    log_top,
    make_region_03_data,
    poison,
    says_too_large,
)


@pytest.fixture(params=["sqlite", "postgresql"])
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SyncServer]:
    """The live server of these tests on each database the server supports (overrides the
    SQLite-only fixture of ``conftest.py``, so ``laptops`` log in to it)."""
    folder = tmp_path / "serveur"
    if request.param == "sqlite":
        url = f"sqlite:///{folder / 'server.sqlite3'}"
        yield from _serve(folder, url)
        return
    problem = postgres_reachable()
    assert problem is None, problem  # PostgreSQL is part of the test environment
    with postgres_schema_url() as url:
        yield from _serve(folder, url)


def _serve(folder: Path, url: str) -> Iterator[SyncServer]:
    folder.mkdir(parents=True, exist_ok=True)
    started = SyncServer(folder, url, Settings(db_url=url))
    started.users = set()
    started.start()
    try:
        yield started
    finally:
        started.close()


def problems_of(store: Any) -> dict[str, list[dict[str, Any]]]:
    return {r["change_id"]: r["problems"] for r in refused_incoming.listing(store)}


def test_poisoned_log_entries_are_kept_aside_and_the_region_keeps_syncing(laptops, server):
    alice = laptops("alice")
    records = make_region_03_data(alice)
    bad = poison(server, records)
    contract_id = records["contract"]["id"]
    # after the poison, Alice sets the amount right: a later good change of the same record
    alice.store.update("contract", contract_id, {"amount": 250000})
    alice.sync(allow_refused_incoming=True)

    bruno = laptops("bruno")  # a new laptop of region 03, from 0, in pages of 2 entries
    claire = laptops("claire", role="admin", regions=[])  # a new admin laptop, from 0
    for laptop in (bruno, claire):
        report = laptop.sync(pull_limit=2, allow_refused_incoming=True)
        assert report.completed
        assert sync_state.cursor(laptop.store) == log_top(server)  # past every bad entry
        contract = laptop.store.get("contract", contract_id)
        assert contract["amount"] == 250000  # the later good change applied
        assert contract["service"] == "Déneigement"  # the good field beside a refused one
        project = laptop.store.get("project", records["project"]["id"])
        assert project["notes"] == "Comité le 3 juin"
        assert laptop.store.get("visit", records["visit"]["id"])["mode"] == "sur_place"

        problems = problems_of(laptop.store)
        assert set(problems) == set(bad.values())
        [too_large] = problems[bad["too_large"]]
        assert too_large["field"] == "amount"
        assert too_large["value"] == str(POISON)
        assert says_too_large(too_large["reason"])
        [refused] = problems[bad["refused"]]
        assert (refused["field"], refused["value"]) == ("amount", "-500")
        assert refused["reason"] == "valeur refusée : un nombre positif ou nul est attendu"
        assert problems[bad["unknown_field"]][0]["field"] == "couleur"
        assert "champ inconnu" in problems[bad["unknown_field"]][0]["reason"]
        assert "type d'enregistrement inconnu" in problems[bad["unknown_kind"]][0]["reason"]
        assert "entrée illisible" in problems[bad["unreadable"]][0]["reason"]
        assert "valeur « archive » inconnue" in problems[bad["unreadable"]][0]["reason"]

        again = laptop.sync(allow_refused_incoming=True)  # the next sync does not fail
        assert again.completed and again.received == 0
        assert len(again.refused_incoming) == 5

    # every laptop holds the same data: nothing else was lost on the way
    assert live_rows(bruno.store) == live_rows(alice.store) == live_rows(claire.store)


def test_one_bad_entry_never_blocks_the_cursor_even_alone_in_its_page(laptops, server):
    alice = laptops("alice")
    records = make_region_03_data(alice)
    poison(server, records)
    newer = alice.store.create(
        "contract",
        {
            "project_id": records["project"]["id"],
            "client_type": "entreprise",
            "service": "Gardiennage",
        },
    )
    alice.sync(allow_refused_incoming=True)
    bruno = laptops("bruno")
    bruno.sync(pull_limit=1, allow_refused_incoming=True)  # each poison entry is a page alone
    assert bruno.store.get("contract", newer["id"])["service"] == "Gardiennage"
    assert sync_state.cursor(bruno.store) == log_top(server)


def test_a_dismissed_refusal_stays_dismissed_even_when_pulled_again(laptops, server):
    alice = laptops("alice")
    records = make_region_03_data(alice)
    bad = poison(server, records)
    bruno = laptops("bruno")
    bruno.sync(allow_refused_incoming=True)
    assert refused_incoming.dismiss(bruno.store, bad["too_large"]) == 1
    assert bad["too_large"] not in problems_of(bruno.store)
    server.new_generation()  # a restored server: the laptop pulls everything again from 0
    report = bruno.sync(allow_refused_incoming=True)
    assert report.generation_reset
    assert set(problems_of(bruno.store)) == set(bad.values()) - {bad["too_large"]}
    assert refused_incoming.dismiss(bruno.store) == 4
    assert bruno.sync().refused_incoming == []


def test_the_command_line_shows_and_dismisses_refused_incoming_changes(laptops, server):
    from tests.sync.test_cli import app, ok

    alice = laptops("alice")
    records = make_region_03_data(alice)
    bad = poison(server, records)
    bruno = laptops("bruno")
    bruno.store.close()  # the command line opens the profile itself
    folder = bruno.store.data_dir
    synced = ok(app(folder, "sync"))
    assert "Reçues mais refusées par cet ordinateur : 5 (voir coordinator-app conflicts)" in synced
    assert "Modifications reçues refusées par cet ordinateur : 5" in ok(app(folder, "status"))
    listing = ok(app(folder, "conflicts"))
    [line] = [line for line in listing.splitlines() if f"({POISON})" in line]
    assert line.startswith(
        f"Modification reçue refusée — Contrat : Déneigement — champ « Montant » ({POISON}) : "
    )
    assert says_too_large(line)
    assert "champ « couleur » (bleu) : champ inconnu de cette version" in listing
    assert (
        "modification entière : entrée illisible pour cette version de Carnet COOP "
        "(op : valeur « archive » inconnue de cette version)"
    ) in listing
    as_json = json.loads(ok(app(folder, "conflicts", "--json")))
    assert {r["change_id"] for r in as_json["refused_incoming"]} == set(bad.values())
    ok(app(folder, "conflicts", "--dismiss-incoming", bad["too_large"]))
    assert f"({POISON})" not in ok(app(folder, "conflicts"))
    wrong = app(folder, "conflicts", "--dismiss-incoming", "pas-un-identifiant")
    assert wrong.returncode == 2
    assert "introuvable : pas-un-identifiant" in wrong.stderr
    assert "Reçues mais refusées par cet ordinateur : 4" in ok(app(folder, "sync"))
    ok(app(folder, "conflicts", "--dismiss-incoming", "toutes"))
    assert "Aucun conflit à résoudre." in ok(app(folder, "conflicts"))
