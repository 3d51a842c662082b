"""The Conflits screen, the register of communications and the import are operations too: as the
user sees it, each choice writes once and the pages showing what it changed reload (only those).
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from coordinator_app.operations import SYNC_STATE
from coordinator_app.store import open_store, refused_incoming, sync_state
from tests.operations.test_conflicts_privacy_imports import open_conflict, pulled, refuse
from tests.privacy.support import add_youth
from tests.ui.conftest import column_values, wait_loaded

PROJECT_LISTS = {"ciec", "jeune_coop", "ferme_coop"}


def _profile(tmp_path, fill):
    folder = tmp_path / "profil"
    store = open_store(folder)
    made = fill(store)
    store.close()
    return folder, made


def _project(store, name="Coop des Chutes"):
    return store.create("project", {"name": name, "program": "FERME_COOP", "region_code": "03"})


def test_keeping_the_other_value_refreshes_the_project_list(qtbot, tmp_path, open_window):
    folder, target = _profile(tmp_path, _project)
    store = open_store(folder)
    open_conflict(store, target)
    store.close()
    window = open_window(folder)
    window.show_page("ferme_coop")
    page = window.project_pages["FERME_COOP"]
    wait_loaded(qtbot, page)
    assert column_values(page.model, "name") == ["Coop des Chutes"]
    screen = window.sync_controller.conflicts
    screen.reload()
    assert screen.other_value.text() == "Nom de Bruno"

    with qtbot.waitSignal(window.records_changed) as done:
        qtbot.mouseClick(screen.keep_other, Qt.MouseButton.LeftButton)

    assert done.args[0].kinds == {"project", SYNC_STATE}
    assert screen.list.count() == 0
    assert {"ferme_coop", "dashboard", "status"} <= set(window.refresher.refreshed)
    qtbot.waitUntil(lambda: column_values(page.model, "name") == ["Nom de Bruno"])
    assert window.store.require("project", target["id"])["name"] == "Nom de Bruno"


def test_sending_a_refused_change_again_updates_the_status_bar(qtbot, tmp_path, open_window):
    def fill(store):
        _project(store)
        change_id = store.pending_changes()[0].change_id
        refuse(store, change_id)
        return change_id

    folder, _change_id = _profile(tmp_path, fill)
    window = open_window(folder)
    screen = window.sync_controller.conflicts
    screen.reload()
    screen.refused_list.setCurrentRow(0)

    with qtbot.waitSignal(window.records_changed) as done:
        qtbot.mouseClick(screen.retry, Qt.MouseButton.LeftButton)

    assert done.args[0].kinds == {SYNC_STATE}
    assert screen.refused_list.count() == 0
    assert sync_state.refused(window.store) == []
    assert "status" in window.refresher.refreshed
    assert not set(window.refresher.refreshed) & PROJECT_LISTS


def test_removing_a_refused_incoming_change_from_the_list(qtbot, tmp_path, open_window):
    def fill(store):
        target = _project(store)
        pulled(store, 1, "project", target["id"], {"season_year": 10**30}, op="update")

    folder, _ = _profile(tmp_path, fill)
    window = open_window(folder)
    box = window.sync_controller.conflicts.incoming
    box.reload()
    assert box.list.count() == 1

    with qtbot.waitSignal(window.records_changed):
        qtbot.mouseClick(box.dismiss_button, Qt.MouseButton.LeftButton)

    assert box.list.count() == 0
    assert refused_incoming.listing(window.store) == []


def test_saving_a_sheet_with_names_registers_it_and_tells_the_window(qtbot, tmp_path, open_window):
    folder, youth = _profile(tmp_path, add_youth)
    window = open_window(folder)
    count = len(window.reports.previews)
    dialog = window.reports.ask("fiche-projet")
    dialog.project.setCurrentIndex(dialog.project.findData(youth["project_id"]))
    dialog.with_names.setChecked(True)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(window.reports.previews) > count, timeout=20000)
    preview = window.reports.previews[-1]

    with qtbot.waitSignal(window.records_changed) as done:
        preview.save_to(tmp_path / "avec-noms.pdf")

    assert done.args[0].kinds == {"access_log"}
    [entry] = window.store.find("access_log")
    assert entry["participant_ids"] == [youth["id"]]


def test_an_import_refreshes_the_pages_of_the_kind_it_wrote(qtbot, tmp_path, open_window):
    folder, _ = _profile(tmp_path, _project)
    window = open_window(folder)
    page = window.project_pages["FERME_COOP"]
    window.show_page("ferme_coop")
    wait_loaded(qtbot, page)
    path = tmp_path / "projets.csv"
    path.write_text(
        "Nom du projet;Programme;Région\nCoop du Fjord;FERME_COOP;03\n", encoding="utf-8"
    )
    dialog = window.import_export.open_import()
    dialog.set_file(path, "project")
    qtbot.waitUntil(lambda: dialog.preview_task is not None and dialog.preview_task.done)

    with qtbot.waitSignal(window.records_changed, timeout=60000) as done:
        dialog.run_import()

    assert done.args[0].kinds == {"project"}
    refreshed = set(window.refresher.refreshed)
    assert {"ferme_coop", "dashboard", "status"} <= refreshed
    qtbot.waitUntil(
        lambda: sorted(column_values(page.model, "name")) == ["Coop des Chutes", "Coop du Fjord"]
    )
