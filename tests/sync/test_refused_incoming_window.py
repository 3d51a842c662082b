"""The Conflits screen shows a change received from the server that this laptop refused
(« Modification reçue refusée »: record, field, value, why), the sync still succeeds and says so in
the status bar, and the coordinator removes it from the list once seen (offscreen Qt, live server
over TLS, the poison written straight into the server's log)."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt

from coordinator_app.store import refused_incoming
from coordinator_app.ui.main_window import MainWindow
from tests.sync.poisoned_log import POISON, make_region_03_data, poison, says_too_large

pytestmark = pytest.mark.gui


def open_window(qtbot, store):
    window = MainWindow(store, store.data_dir)
    qtbot.addWidget(window)
    window.show()
    controller = window.sync_controller
    # a sync may have started by itself (network reachable): let it finish first
    qtbot.waitUntil(lambda: controller.task is None or controller.task.done, timeout=30000)
    return window, controller


def sync_in_window(qtbot, controller):
    with qtbot.waitSignal(controller.synced, timeout=60000) as done:
        controller.sync_now(manual=True)
    return done.args[0]


def test_conflits_lists_refused_incoming_changes_until_dismissed(qtbot, laptops, server):
    alice = laptops("alice")
    records = make_region_03_data(alice)
    bad = poison(server, records)
    bruno = laptops("bruno")
    window, controller = open_window(qtbot, bruno.store)
    report = sync_in_window(qtbot, controller)
    assert report.completed and len(report.refused_incoming) == 5
    message = window.statusBar().currentMessage()
    assert message.startswith("Synchronisé :")
    assert "5 reçues refusées (voir Conflits)." in message
    # the good changes arrived beside the refused ones
    assert bruno.store.get("contract", records["contract"]["id"])["service"] == "Déneigement"

    box = controller.conflicts.incoming
    assert not box.isHidden()
    lines = [box.list.item(i).text() for i in range(box.list.count())]
    assert len(lines) == 5
    [too_large] = [line for line in lines if f"({POISON})" in line]
    assert too_large.startswith(
        f"Modification reçue refusée — Contrat : Déneigement — champ « Montant » ({POISON}) : "
    )
    assert says_too_large(too_large)
    assert "(de alice, le " in too_large
    assert any("champ « couleur » (bleu) : champ inconnu" in line for line in lines)
    assert any("type d'enregistrement inconnu" in line for line in lines)

    row = lines.index(too_large)
    box.list.setCurrentRow(row)
    assert box.list.currentItem().data(256) == bad["too_large"]
    qtbot.mouseClick(box.dismiss_button, Qt.MouseButton.LeftButton)
    assert box.list.count() == 4
    assert all(f"({POISON})" not in box.list.item(i).text() for i in range(4))

    # the next sync does not fail, and what was dismissed stays dismissed
    again = sync_in_window(qtbot, controller)
    assert again.completed and again.received == 0
    assert box.list.count() == 4
    for _ in range(4):
        qtbot.mouseClick(box.dismiss_button, Qt.MouseButton.LeftButton)
    assert box.isHidden()
    assert refused_incoming.listing(bruno.store) == []
