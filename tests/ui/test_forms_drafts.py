"""Drafts: unsaved input survives a crash; « Reprendre le brouillon ? » brings it back."""

from __future__ import annotations

from PySide6.QtCore import Qt

from coordinator_app.store import drafts
from coordinator_app.ui.forms.entity_form import EntityFormDialog
from coordinator_app.ui.forms.visit_editor import VisitDialog
from tests.ui import forms_helpers as cf
from tests.ui.forms_helpers import open_profile, seed_ciec, show_active, type_text

profile_dir, store = cf.profile_dir, cf.store  # fixtures


def form_dialog(qtbot, store, kind, record_id=None, **defaults):
    dialog = EntityFormDialog(store, kind, record_id, defaults=defaults or None)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    return dialog


def test_draft_recovered_after_a_crash(qtbot, profile_dir):
    first = open_profile(profile_dir)
    dialog = form_dialog(qtbot, first, "project")
    form = dialog.form
    form.panel.editor("program").set_raw("CIEC")
    with qtbot.waitSignal(form.keeper.saved, timeout=3000):
        type_text(qtbot, form.panel.editor("name").focus_widget(), "CIEC de Chicoutimi")
    type_text(qtbot, form.panel.editor("notes").focus_widget(), "Comité à former")
    qtbot.waitUntil(
        lambda: drafts.load_draft(first, "project", None).values.get("notes") == "Comité à former"
    )
    # The crash: the window disappears without closing anything, nothing was saved.
    form.keeper.timer.stop()
    form.keeper.enabled = False
    dialog.deleteLater()

    reopened = open_profile(profile_dir)  # a new process opens the same profile
    assert reopened.count("project") == 0
    again = form_dialog(qtbot, reopened, "project").form
    assert again.banner.isVisible()
    assert "Reprendre le brouillon ?" in again.banner.label.text()
    assert again.panel.editor("name").raw() == ""
    qtbot.mouseClick(again.banner.yes, Qt.MouseButton.LeftButton)
    assert not again.banner.isVisible()
    assert again.panel.editor("name").raw() == "CIEC de Chicoutimi"
    assert again.panel.editor("notes").raw() == "Comité à former"
    assert again.panel.editor("program").raw() == "CIEC"
    again.panel.editor("region_code").set_raw("02")
    type_text(qtbot, again.panel.editor("season_year").focus_widget(), "2026")
    with qtbot.waitSignal(again.saved):
        qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    assert drafts.list_drafts(reopened) == []
    assert reopened.find("project")[0]["notes"] == "Comité à former"
    first.close()
    reopened.close()


def test_closing_the_window_keeps_the_draft_and_cancelling_forgets_it(qtbot, store):
    project = seed_ciec(store)["project"]
    dialog = form_dialog(qtbot, store, "project", project["id"])
    type_text(qtbot, dialog.form.panel.editor("municipality").focus_widget(), " (secteur Kénogami)")
    dialog.close()  # the window's ✕: not a deliberate cancel
    kept = drafts.load_draft(store, "project", project["id"])
    assert kept is not None and kept.values["municipality"] == "Saguenay (secteur Kénogami)"
    assert store.get("project", project["id"])["municipality"] == "Saguenay"

    second = form_dialog(qtbot, store, "project", project["id"])
    assert second.form.banner.isVisible()
    qtbot.mouseClick(second.form.banner.no, Qt.MouseButton.LeftButton)
    assert drafts.load_draft(store, "project", project["id"]) is None
    assert second.form.panel.editor("municipality").raw() == "Saguenay"

    type_text(qtbot, second.form.panel.editor("municipality").focus_widget(), "!")
    second.form.keeper.flush()
    assert drafts.load_draft(store, "project", project["id"]) is not None
    municipality = second.form.panel.editor("municipality").focus_widget()
    qtbot.keyClick(municipality, Qt.Key.Key_Escape)
    # Typed input is not thrown away on one keystroke: Échap asks, a second Échap confirms.
    assert second.isVisible() and second.form.discard_banner.isVisible()
    assert "Abandonner ce que vous avez tapé ?" in second.form.discard_banner.label.text()
    assert drafts.load_draft(store, "project", project["id"]) is not None
    qtbot.mouseClick(second.form.discard_banner.no, Qt.MouseButton.LeftButton)
    assert second.isVisible() and not second.form.discard_banner.isVisible()
    qtbot.keyClick(municipality, Qt.Key.Key_Escape)
    qtbot.keyClick(second.form.discard_banner.yes, Qt.Key.Key_Escape)
    assert not second.isVisible()
    assert drafts.load_draft(store, "project", project["id"]) is None


def test_new_visit_draft_keeps_follow_ups(qtbot, store):
    project = seed_ciec(store)["project"]
    dialog = VisitDialog(store, project["id"])
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    editor = dialog.editor
    type_text(qtbot, editor.panel.editor("observations").focus_widget(), "Visite écourtée")
    editor.actions.add_row({"text": "Rappeler Julie", "owner": "Marc", "due_date": "2027-01-10"})
    dialog.close()
    [kept] = drafts.list_drafts(store, new_only=True)
    assert (kept.kind, kept.scope) == ("visit", project["id"])

    again = VisitDialog(store, project["id"])
    qtbot.addWidget(again)
    show_active(qtbot, again)
    assert again.editor.banner.isVisible()
    qtbot.mouseClick(again.editor.banner.yes, Qt.MouseButton.LeftButton)
    assert again.editor.panel.editor("observations").raw() == "Visite écourtée"
    assert again.editor.actions.row_values(0)["text"] == "Rappeler Julie"
    with qtbot.waitSignal(again.editor.saved):
        again.editor.save()
    assert drafts.list_drafts(store) == []
    assert store.find("action_item")[0]["due_date"] == "2027-01-10"


def test_escape_on_an_untouched_form_closes_at_once(qtbot, store):
    dialog = form_dialog(qtbot, store, "school")
    qtbot.keyClick(dialog.form.panel.editor("name").focus_widget(), Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert drafts.list_drafts(store) == []
