"""Sync in the window (offscreen Qt, live server over TLS): F5 syncs in the background and the
status bar says what happened in plain French; the Conflits screen resolves a conflict with a
change that syncs; the connection dialog logs in; a snapshot can be restored."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from coordinator_app.store import open_store, sync_state
from coordinator_app.store.snapshots import list_snapshots
from coordinator_app.ui.main_window import MainWindow
from coordinator_app.ui.sync_actions import ConnectionDialog, RollbackDialog
from tests.support.live_server import PASSWORD

pytestmark = pytest.mark.gui


def project(store, name="Coop des Chutes", **extra):
    values = {"name": name, "program": "FERME_COOP", "region_code": "03", **extra}
    return store.create("project", values)


def open_window(qtbot, store):
    window = MainWindow(store, store.data_dir)
    qtbot.addWidget(window)
    window.show()
    controller = window.sync_controller
    # a sync may have started by itself (network reachable): let it finish first
    qtbot.waitUntil(lambda: controller.task is None or controller.task.done, timeout=30000)
    return window, controller


def test_sync_action_syncs_in_the_background_and_the_status_bar_reports_it(qtbot, laptops):
    alice = laptops("alice")
    window, controller = open_window(qtbot, alice.store)
    assert controller.sync_action.shortcut().toString() == "Ctrl+Shift+S"  # F5 is Actualiser
    project(alice.store)
    with qtbot.waitSignal(controller.synced, timeout=30000) as done:
        controller.sync_action.trigger()
    assert done.args[0].sent == 1
    message = window.statusBar().currentMessage()
    assert message.startswith("Synchronisé : 1 envoyées, 0 reçues, 0 fusionnées, 0 en conflit")
    assert alice.store.pending_count() == 0
    assert list_snapshots(alice.store.data_dir)  # taken before the sync


def test_unreachable_server_is_said_plainly_and_nothing_is_lost(qtbot, laptops, server):
    alice = laptops("alice")
    window, controller = open_window(qtbot, alice.store)
    project(alice.store)
    server.stop()
    with qtbot.waitSignal(controller.failed, timeout=60000):
        controller.sync_action.trigger()
    assert window.statusBar().currentMessage().startswith("Serveur injoignable")
    assert alice.store.pending_count() == 1
    server.start()


def test_conflicts_screen_keep_the_other_value_and_the_choice_syncs(qtbot, laptops):
    alice, bruno = laptops("alice"), laptops("bruno")
    shared = project(alice.store)
    alice.sync()
    bruno.sync()
    alice.store.update("project", shared["id"], {"name": "Nom d'Alice"})
    bruno.store.update("project", shared["id"], {"name": "Nom de Bruno"})
    alice.sync()
    bruno.sync()
    alice.sync()
    _window, controller = open_window(qtbot, bruno.store)
    screen = controller.conflicts
    screen.reload()
    assert screen.list.count() == 1
    assert "Nom du projet" in screen.list.item(0).text()
    # « La mienne » is what this laptop typed, whichever value won the merge (two edits in the
    # same millisecond are decided by change id, so either may be the one kept).
    assert screen.mine_value.text() == "Nom de Bruno"
    other = "Nom d'Alice"
    assert screen.other_value.text() == other
    qtbot.mouseClick(screen.keep_other, Qt.MouseButton.LeftButton)
    assert screen.list.count() == 0
    assert bruno.store.require("project", shared["id"])["name"] == other
    bruno.sync()
    alice.sync()
    assert alice.store.require("project", shared["id"])["name"] == other
    assert sync_state.conflicts(alice.store) == []


def test_connection_dialog_logs_in_then_syncs(qtbot, server, tmp_path):
    server.add_user("claire", regions=["03"])
    store = open_store(tmp_path / "claire")
    try:
        _window, controller = open_window(qtbot, store)
        dialog = controller.open_connection_dialog()
        assert isinstance(dialog, ConnectionDialog)
        dialog.url.setText(server.url)
        dialog.user.setText("claire")
        dialog.password.setText("mauvais")
        dialog.ca_file.setText(str(server.ca_path))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        qtbot.waitUntil(lambda: "Mauvais" in dialog.message.text(), timeout=30000)
        dialog.password.setText(PASSWORD)
        with qtbot.waitSignal(controller.synced, timeout=30000):
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        assert store.get_meta("server_url") == server.url
    finally:
        store.close()


def test_roll_back_to_the_snapshot_taken_before_a_sync(qtbot, laptops):
    alice = laptops("alice")
    _window, controller = open_window(qtbot, alice.store)
    mine = project(alice.store, notes="avant")
    with qtbot.waitSignal(controller.synced, timeout=30000):
        controller.sync_action.trigger()
    alice.store.update("project", mine["id"], {"notes": "après, par erreur"})
    dialog = controller.open_rollback_dialog()
    assert isinstance(dialog, RollbackDialog)
    dialog.list.setCurrentRow(0)  # newest: just before the last sync
    dialog._restore()
    assert alice.store.get("project", mine["id"]) is not None
    assert alice.store.require("project", mine["id"])["notes"] == "avant"


@pytest.mark.parametrize("problem", ["certificate", "too_old", "revoked"])
def test_sync_errors_read_as_plain_french_in_the_status_bar(
    qtbot, laptops, server, problem, monkeypatch
):
    from coordinator_app.protocol import versions

    alice = laptops("alice")
    window, controller = open_window(qtbot, alice.store)
    expected = {
        "certificate": "Certificat non reconnu",
        "too_old": "Application trop ancienne",
        "revoked": "Accès refusé",
    }[problem]
    if problem == "certificate":
        alice.store.set_meta("sync_ca_file", None)  # the test CA is not in the system store
    elif problem == "too_old":
        monkeypatch.setattr(versions, "PROTOCOL_VERSION", versions.PROTOCOL_VERSION - 1)
    else:
        server.revoke_user("alice")
    with qtbot.waitSignal(controller.failed, timeout=30000):
        controller.sync_action.trigger()
    assert window.statusBar().currentMessage().startswith(expected)


def test_network_coming_back_starts_a_sync_only_for_a_connected_profile(qtbot, laptops):
    from PySide6.QtNetwork import QNetworkInformation

    from coordinator_app.sync import account

    alice = laptops("alice")
    _window, controller = open_window(qtbot, alice.store)
    project(alice.store)
    with qtbot.waitSignal(controller.synced, timeout=30000):
        controller._reachability_changed(QNetworkInformation.Reachability.Online)
    assert controller.timer.isActive()
    controller._reachability_changed(QNetworkInformation.Reachability.Disconnected)
    assert not controller.timer.isActive()
    assert alice.store.pending_count() == 0
    account.logout(alice.store)
    controller.task = None
    controller._reachability_changed(QNetworkInformation.Reachability.Online)
    assert controller.task is None  # not connected any more: nothing is tried


def test_a_laptop_reported_lost_is_wiped_and_the_user_is_told(qtbot, laptops, server):
    from PySide6.QtWidgets import QMessageBox

    alice = laptops("alice")
    window, controller = open_window(qtbot, alice.store)
    data_dir = alice.store.data_dir
    server.revoke_device(alice.store.get_meta("sync_device_id"), wipe=True)
    with qtbot.waitSignal(controller.failed, timeout=30000):
        controller.sync_action.trigger()
    assert not (data_dir / "carnet.db").exists()
    boxes = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    assert boxes and "le profil local a été effacé" in boxes[0].text()
