"""A sync cut at every step resumes with no loss and no duplicate (real server over TLS)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from coordinator_app.store import sync_state
from coordinator_app.sync.errors import SyncError, SyncErrorKind
from tests.sync.conftest import FaultyTransport, live_rows


def project(store, name="Coop des Chutes", **extra):
    values = {"name": name, "program": "FERME_COOP", "region_code": "03", **extra}
    return store.create("project", values)


def assert_converged(server, *laptops):
    """Every laptop holds exactly what the server holds; the server logged each change once."""
    first = live_rows(laptops[0].store)
    for laptop in laptops[1:]:
        assert live_rows(laptop.store) == first
    server_projects = server.records().get("project", {})
    assert {k: v[0]["name"] for k, v in server_projects.items()} == {
        k: v[0]["name"] for k, v in first["project"].items()
    }
    ids = server.change_ids()
    assert len(ids) == len(set(ids))
    for laptop in laptops:
        assert laptop.store.pending_count() == 0


def edits(a, b):
    """Offline work on two laptops: new records, edits of a shared one, a deletion."""
    shared = project(a.store, name="Coop partagée", stage="idee")
    a.sync()
    b.sync()
    project(a.store, name="Coop d'Alice")
    project(b.store, name="Coop de Bruno")
    a.store.update("project", shared["id"], {"notes": "Notes d'Alice"})
    b.store.update("project", shared["id"], {"stage": "comite_provisoire"})
    doomed = project(b.store, name="À supprimer")
    b.store.delete("project", doomed["id"])
    return shared


@pytest.mark.parametrize(
    "fault", ["drop push", "lose push", "drop pull", "lose pull", "lose pull#2", "drop push#2"]
)
def test_a_sync_cut_at_any_request_resumes_without_loss_or_duplicate(laptops, server, fault):
    a, b = laptops("alice"), laptops("bruno")
    shared = edits(a, b)
    action, step = fault.split(" ")
    b.transport = FaultyTransport(server.ca_path, {step: action})
    a.sync()
    with pytest.raises(SyncError) as failure:
        b.sync(push_batch=2, pull_limit=2)
    assert failure.value.kind == SyncErrorKind.INTERRUPTED or failure.value.kind == (
        SyncErrorKind.UNREACHABLE
    )
    assert b.transport.faults == [fault.replace("#2", "")]
    for _ in range(2):
        b.sync(push_batch=2, pull_limit=2)
        a.sync()
    assert_converged(server, a, b)
    record = a.store.require("project", shared["id"])
    assert (record["notes"], record["stage"]) == ("Notes d'Alice", "comite_provisoire")
    assert sync_state.conflicts(a.store) == []


def test_a_lost_push_reply_is_acknowledged_as_duplicate_not_applied_twice(laptops, server):
    a, b = laptops("alice"), laptops("bruno")
    mine = project(a.store)
    a.transport = FaultyTransport(server.ca_path, {"push": "lose"})
    with pytest.raises(SyncError):
        a.sync()
    assert a.store.pending_count() == 1  # not marked sent without the server's acknowledgement
    a.transport = None
    report = a.sync()
    assert (report.sent, report.duplicates) == (1, 1)
    b.sync()
    assert b.store.require("project", mine["id"])["name"] == "Coop des Chutes"
    assert_converged(server, a, b)


def test_an_interrupted_attachment_upload_resumes_and_the_record_follows_the_file(
    laptops, server, tmp_path
):
    from coordinator_app.protocol.models import CHUNK_BYTES
    from coordinator_app.store.attachments import import_file, read_file

    a, b = laptops("alice"), laptops("bruno")
    mine = project(a.store)
    source = tmp_path / "photo.jpg"
    source.write_bytes(os.urandom(CHUNK_BYTES * 2 + 1000))
    stored = import_file(a.store, source)
    a.store.create("attachment", stored.record_values(mine["id"], None))
    a.transport = FaultyTransport(server.ca_path, {"chunks#2": "drop"})
    with pytest.raises(SyncError):
        a.sync()
    assert a.transport.counts.get("push") is None  # the record never went before its file
    report = a.sync()
    assert report.uploaded == 1
    b.transport = FaultyTransport(server.ca_path, {"download": "lose"})
    with pytest.raises(SyncError):
        b.sync()
    b.transport = None
    assert b.sync().downloaded == 1
    assert read_file(b.store, stored.sha256) == source.read_bytes()
    assert_converged(server, a, b)


def test_an_attachment_file_is_fetched_on_demand(laptops, tmp_path):
    from coordinator_app.store.attachments import file_path, import_file
    from coordinator_app.sync.engine import fetch_attachment

    a, b = laptops("alice"), laptops("bruno")
    mine = project(a.store)
    source = tmp_path / "plan.pdf"
    source.write_bytes(b"%PDF-1.4 plan d'affaires")
    stored = import_file(a.store, source)
    a.store.create("attachment", stored.record_values(mine["id"], None))
    a.sync()
    b.sync()
    file_path(b.store.data_dir, stored.sha256).unlink()  # e.g. removed to save space
    assert fetch_attachment(b.store, stored.sha256) == source.read_bytes()
    assert file_path(b.store.data_dir, stored.sha256).exists()


KILL_BETWEEN_APPLY_AND_CHECKPOINT = textwrap.dedent(
    """
    import os, sys
    from coordinator_app.store import open_store, sync_state
    from coordinator_app.sync.engine import SyncEngine

    original = sync_state._set_meta
    def killed(conn, key, value):
        if key == sync_state.META_CURSOR:
            os._exit(9)  # the process dies with the page applied but not committed
        original(conn, key, value)
    sync_state._set_meta = killed
    SyncEngine(open_store(sys.argv[1]), snapshot=False).run()
    """
)


def test_client_killed_between_apply_and_checkpoint_loses_and_duplicates_nothing(laptops, server):
    a, b = laptops("alice"), laptops("bruno")
    for number in range(5):
        project(a.store, name=f"Coop {number}")
    a.sync()
    b_dir = b.store.data_dir
    b.store.close()
    killed = subprocess.run(
        [sys.executable, "-c", KILL_BETWEEN_APPLY_AND_CHECKPOINT, str(b_dir)],
        env={**os.environ, "PYTHONPATH": os.getcwd()},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert killed.returncode == 9, killed.stderr
    from coordinator_app.store import open_store

    b.store = open_store(b_dir)
    assert b.store.count("project") == 0  # nothing half-applied
    assert sync_state.cursor(b.store) == 0
    b.sync()
    assert b.store.count("project") == 5
    assert len(b.store.history("project", a.store.find("project")[0]["id"])) == 1
    assert_converged(server, a, b)


def test_server_restarted_in_the_middle_of_a_sync(laptops, server):
    a, b = laptops("alice"), laptops("bruno")
    edits(a, b)
    b.transport = FaultyTransport(server.ca_path)
    b.transport.before["pull"] = server.restart
    try:
        b.sync()
    except SyncError as error:  # the kept-alive connection died with the old process
        assert error.kind in (SyncErrorKind.INTERRUPTED, SyncErrorKind.UNREACHABLE)
    b.transport = None
    for _ in range(2):
        a.sync()
        b.sync()
    assert_converged(server, a, b)


def test_server_restored_from_an_older_backup_gets_back_what_it_lost(laptops, server):
    a, b = laptops("alice"), laptops("bruno")
    early = project(a.store, name="Avant la sauvegarde")
    a.sync()
    b.sync()
    backup = server.backup()
    late_a = project(a.store, name="Après la sauvegarde, Alice")
    a.store.update("project", early["id"], {"notes": "Ajout d'Alice"})
    a.sync()
    late_b = project(b.store, name="Après la sauvegarde, Bruno")
    b.sync()
    old_generation = server.generation()
    server.restore(backup)
    assert server.generation() != old_generation
    assert late_a["id"] not in server.records()["project"]  # lost by the restore
    report_a = a.sync()
    assert report_a.generation_reset
    b.sync()
    a.sync()
    names = {r["name"] for r in b.store.find("project")}
    assert names == {
        "Avant la sauvegarde",
        "Après la sauvegarde, Alice",
        "Après la sauvegarde, Bruno",
    }
    assert b.store.require("project", early["id"])["notes"] == "Ajout d'Alice"
    assert late_b["id"] in server.records()["project"]
    assert_converged(server, a, b)
