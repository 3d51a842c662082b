"""Creating and editing records through the generic form: bad input first, then good input.

Each test types into the form's widgets, presses Ctrl+S or clicks « Enregistrer », and checks what
the coordinator sees (the French message under the field) and what the profile holds.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QMessageBox

from coordinator_app.ui.forms.entity_form import EntityFormDialog
from coordinator_app.ui.forms.fields import (
    BoolEditor,
    ChoiceEditor,
    DateEditor,
    LineEditor,
    LongTextEditor,
    RefEditor,
)
from tests.ui import forms_helpers as cf
from tests.ui.forms_helpers import seed_ciec, show_active, type_text

profile_dir, store = cf.profile_dir, cf.store  # fixtures


def open_form(qtbot: Any, store: Any, kind: str, record_id: str | None = None, **defaults: Any):
    dialog = EntityFormDialog(store, kind, record_id, defaults=defaults or None)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    return dialog.form


def type_into(qtbot: Any, form: Any, name: str, value: Any) -> None:
    """Enter a value as a person would: typing into text boxes, choosing in lists."""
    editor = form.panel.editor(name)
    if isinstance(editor, LineEditor | LongTextEditor):
        widget = editor.focus_widget()
        widget.clear()
        type_text(qtbot, widget, str(value))
    elif isinstance(editor, RefEditor):
        editor.combo.lineEdit().clear()
        type_text(qtbot, editor.combo.lineEdit(), str(value))
    elif isinstance(editor, ChoiceEditor):
        combo: QComboBox = editor.combo
        index = combo.findText(str(value), Qt.MatchFlag.MatchStartsWith)
        if index < 0:
            index = combo.findData(value)
        assert index >= 0, f"{value!r} is not offered for {name}"
        combo.setFocus()
        combo.setCurrentIndex(index)
    elif isinstance(editor, DateEditor | BoolEditor):
        editor.set_raw(value)
    else:
        editor.set_raw(value)


def error_text(form: Any, name: str) -> str:
    row = form.panel.rows[name]
    return row.error.text() if row.error.isVisibleTo(form) else ""


def save_with_keyboard(qtbot: Any, form: Any) -> None:
    qtbot.keyClick(
        form.panel.editor(next(iter(form.panel.rows))).focus_widget(),
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier,
    )


def test_new_project_bad_then_good(qtbot, store):
    form = open_form(qtbot, store, "project")
    type_into(qtbot, form, "program", "CIEC")
    type_into(qtbot, form, "season_year", "deux mille")
    type_into(qtbot, form, "revenue", "beaucoup")
    save_with_keyboard(qtbot, form)

    assert error_text(form, "name") == "Ce champ est obligatoire"
    assert "un nombre entier est attendu" in error_text(form, "season_year").casefold()
    assert "un montant est attendu" in error_text(form, "revenue").casefold()
    assert "Rien n'a été enregistré" in form.summary.text()
    assert form.panel.editor("name").focus_widget().hasFocus()
    name_widget = form.panel.editor("name").focus_widget()
    assert name_widget.accessibleDescription() == "Ce champ est obligatoire"
    assert store.count("project") == 0

    type_into(qtbot, form, "name", "CIEC de Jonquière")
    type_into(qtbot, form, "region_code", "02")
    type_into(qtbot, form, "season_year", "2026")
    type_into(qtbot, form, "revenue", "1 234,56 $")
    with qtbot.waitSignal(form.saved):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    [project] = store.find("project")
    assert project["name"] == "CIEC de Jonquière"
    assert (project["region_code"], project["season_year"], project["revenue"]) == (
        "02",
        2026,
        123456,
    )
    assert error_text(form, "season_year") == ""


def test_program_shows_only_its_own_fields_and_stages(qtbot, store):
    form = open_form(qtbot, store, "project")
    type_into(qtbot, form, "program", "Coopérative agricole")
    assert form.panel.is_field_visible("hectares")
    assert not form.panel.is_field_visible("season_year")
    assert not form.panel.is_field_visible("school_id")
    stages = form.panel.editor("stage").combo
    offered = [stages.itemText(i) for i in range(stages.count())]
    assert "Comité provisoire" in offered and "Ouverture" not in offered
    type_into(qtbot, form, "program", "Jeune COOP")
    assert form.panel.is_field_visible("school_id") and not form.panel.is_field_visible("hectares")
    assert form.panel.rows["school_id"].label.text().endswith("*")


def test_edit_project_keeps_money_and_refuses_bad_amount(qtbot, store):
    seeded = seed_ciec(store)
    project = seeded["project"]
    form = open_form(qtbot, store, "project", project["id"])
    assert form.panel.editor("revenue").raw() == "4\u00a0250,00\u00a0$"
    type_into(qtbot, form, "revenue", "12,345")
    form.save()
    assert "au plus deux décimales" in error_text(form, "revenue").casefold()
    assert store.get("project", project["id"])["revenue"] == 425000

    type_into(qtbot, form, "revenue", "5 000,50")
    type_into(qtbot, form, "municipality", "Jonquière")
    with qtbot.waitSignal(form.saved):
        form.save()
    saved = store.get("project", project["id"])
    assert (saved["revenue"], saved["municipality"]) == (500050, "Jonquière")
    assert saved["coordinator_ids"] == [seeded["coordinator"]["id"]]


def _young(store, years: int) -> str:
    today = store.today()
    return dt.date(today.year - years, 3, 2).isoformat()


def test_participant_under_14_without_consent_is_refused(qtbot, store):
    project = seed_ciec(store)["project"]
    form = open_form(qtbot, store, "participant", project_id=project["id"])
    assert "CIEC Jonquière" in form.context_label.text()
    assert "project_id" not in form.panel.rows
    type_into(qtbot, form, "first_name", "Léa")
    type_into(qtbot, form, "last_name", "Simard")
    type_into(qtbot, form, "birth_date", _young(store, 12))
    form.save()
    message = error_text(form, "consent_by")
    assert "moins de 14 ans exige le consentement d'un parent ou tuteur" in message
    assert store.count("participant") == 0

    type_into(qtbot, form, "consent_by", "Nathalie Simard (mère)")
    type_into(qtbot, form, "consent_date", store.today().isoformat())
    form.save()  # the message follows what is still missing: the purposes
    assert not error_text(form, "consent_by")
    assert "moins de 14 ans" in error_text(form, "consent_purposes")
    type_into(qtbot, form, "consent_purposes", "Suivi du projet\nPhotos")
    with qtbot.waitSignal(form.saved):
        form.save()
    [participant] = store.find("participant")
    assert participant["project_id"] == project["id"]
    assert participant["consent_purposes"] == ["Suivi du projet", "Photos"]


# kind -> (bad input, field that must show a message, fragment of it, good input)
CASES: dict[str, tuple[dict, str, str, dict]] = {
    "municipality": ({"name": "Alma"}, "region_code", "obligatoire", {"region_code": "02"}),
    "organisation": (
        {"name": "CJE Lac-Saint-Jean", "org_kind": "cje", "region_code": "02", "email": "cje@"},
        "email",
        "une adresse courriel est attendue",
        {"email": "info@cje.qc.ca"},
    ),
    "school": (
        {"name": "École Jean-Gauthier", "region_code": "02"},
        "municipality",
        "obligatoire",
        {"municipality": "Alma"},
    ),
    "coordinator": (
        {"name": "Sophie Roy", "phone": "555-12"},
        "phone",
        "10 chiffres",
        {"phone": "418 555-1234"},
    ),
    "contract": (
        {"client_type": "residentiel", "service": "Gardiennage", "hours": "-3"},
        "hours",
        "positif ou nul",
        {"hours": "3,5", "amount": "45,00 $"},
    ),
    "funding": (
        {
            "funder": "Secrétariat à la jeunesse",
            "program": "Fonds étudiant II",
            "status": "deposee",
            "report_due_dates": "2026-13-40",
        },
        "report_due_dates",
        "n'est pas une date qui existe",
        {"report_due_dates": "2026-12-15\n2027-06-30", "requested": "15 000 $"},
    ),
    "action_item": (
        {"text": "Appeler la caisse"},
        "owner",
        "obligatoire",
        {"owner": "Julie"},
    ),
    "workshop": (
        {
            "theme": "Gouvernance coopérative",
            "held_on": "2026-10-02",
            "format": "webinaire",
            "region_code": "04",
            "attendance": "beaucoup",
        },
        "attendance",
        "un nombre entier est attendu",
        {"attendance": "27"},
    ),
}


@pytest.mark.parametrize("kind", sorted(CASES))
def test_each_kind_bad_then_good(qtbot, store, kind):
    project = seed_ciec(store)["project"]
    bad, field, fragment, good = CASES[kind]
    defaults = {"project_id": project["id"]} if "project_id" in _fields(kind) else {}
    form = open_form(qtbot, store, kind, **defaults)
    before = store.count(kind)
    for name, value in bad.items():
        type_into(qtbot, form, name, value)
    assert form.save() is None
    assert fragment in error_text(form, field).casefold()
    assert store.count(kind) == before

    for name, value in good.items():
        type_into(qtbot, form, name, value)
    with qtbot.waitSignal(form.saved):
        record = form.save()
    assert error_text(form, field) == ""
    assert store.count(kind) == before + 1
    assert store.get(kind, record["id"]) is not None


def _fields(kind: str) -> set[str]:
    from coordinator_app.domain.entities import ENTITIES

    return set(ENTITIES[kind].field_names)


def test_edit_each_kind_then_see_change(qtbot, store):
    seeded = seed_ciec(store)
    coordinator = seeded["coordinator"]
    form = open_form(qtbot, store, "coordinator", coordinator["id"])
    type_into(qtbot, form, "email", "pas un courriel")
    form.save()
    assert "une adresse courriel est attendue" in error_text(form, "email").casefold()
    assert store.get("coordinator", coordinator["id"])["email"] == coordinator["email"]
    type_into(qtbot, form, "email", "julie@cqcm.coop")
    type_into(qtbot, form, "regions", "02\n04")
    with qtbot.waitSignal(form.saved):
        form.save()
    saved = store.get("coordinator", coordinator["id"])
    assert (saved["email"], saved["regions"]) == ("julie@cqcm.coop", ["02", "04"])


def test_reference_picker_searches_and_refuses_unknown_names(qtbot, store):
    seeded = seed_ciec(store)
    form = open_form(qtbot, store, "visit", project_id=seeded["project"]["id"])
    type_into(qtbot, form, "coordinator_id", "Personne Inconnue")
    form.save()
    assert "Aucun choix ne correspond à « Personne Inconnue »" in error_text(form, "coordinator_id")
    assert store.count("visit") == 0
    assert "obligatoire" in error_text(form, "mode")
    type_into(qtbot, form, "mode", "Sur place")
    type_into(qtbot, form, "coordinator_id", "Marc Gagnon")
    with qtbot.waitSignal(form.saved):
        record = form.save()
    marc = store.find("coordinator", equals={"name": "Marc Gagnon"})[0]
    assert record["coordinator_id"] == marc["id"]


def test_every_input_has_an_accessible_name(qtbot, store):
    seed_ciec(store)
    form = open_form(qtbot, store, "project")
    type_into(qtbot, form, "program", "CIEC")
    for name, row in form.panel.rows.items():
        assert row.editor.focus_widget().accessibleName(), name
    assert form.save_button.text() == "Enregistrer (Ctrl+S)"
    assert form.cancel_button.text() == "Annuler (Échap)"


def test_date_field_typed_with_the_keyboard_and_emptied(qtbot):
    from coordinator_app.domain.entities import ENTITIES

    editor = DateEditor(ENTITIES["project"].field("start_date"))
    qtbot.addWidget(editor)
    editor.show()
    box = editor.focus_widget()
    box.setFocus()
    assert (editor.raw(), box.text()) == (None, "—")
    qtbot.keyClicks(box, "2027-05-09")
    assert editor.raw() == "2027-05-09"
    qtbot.keyClick(box, Qt.Key.Key_Delete)
    assert (editor.raw(), box.text()) == (None, "—")
    qtbot.keyClicks(box, "20280131")
    assert editor.raw() == "2028-01-31"
    qtbot.mouseClick(editor.clear_button, Qt.MouseButton.LeftButton)
    assert editor.raw() is None


def test_several_references_show_the_choice_and_keep_their_order(qtbot, store):
    seeded = seed_ciec(store)
    marc = store.find("coordinator", equals={"name": "Marc Gagnon"})[0]
    project = store.update(
        "project",
        seeded["project"]["id"],
        {"coordinator_ids": [marc["id"], seeded["coordinator"]["id"]], "revenue": "4 250,00 $"},
    )
    history_before = len(store.history("project", project["id"]))
    form = open_form(qtbot, store, "project", project["id"])
    editor = form.panel.editor("coordinator_ids")
    assert editor.chosen.text() == "Choisis : Julie Tremblay, Marc Gagnon"
    type_text(qtbot, editor.search, "julie")
    visible = [
        editor.list.item(r).text()
        for r in range(editor.list.count())
        if not editor.list.item(r).isHidden()
    ]
    assert visible == ["Julie Tremblay"]
    with qtbot.waitSignal(form.saved):
        form.save()
    assert len(store.history("project", project["id"])) == history_before  # nothing changed
    assert store.get("project", project["id"])["coordinator_ids"] == project["coordinator_ids"]


def test_visit_reference_offers_only_the_project_visits(qtbot, store):
    seeded = seed_ciec(store)
    other = seed_ciec(store)["project"]
    project = seeded["project"]
    mine = store.create(
        "visit",
        {
            "project_id": project["id"],
            "visited_at": "2026-06-01T10:00",
            "mode": "sur_place",
            "place": "École",
        },
    )
    store.create(
        "visit", {"project_id": other["id"], "visited_at": "2026-06-02T10:00", "mode": "sur_place"}
    )
    form = open_form(qtbot, store, "action_item", project_id=project["id"])
    combo = form.panel.editor("visit_id").combo
    assert [combo.itemData(i) for i in range(combo.count())] == [None, mine["id"]]
    assert combo.itemText(1) == "2026-06-01 10:00 École"


def test_edit_form_shows_history_and_restores_a_value(qtbot, store):
    project = seed_ciec(store)["project"]
    contract = store.create(
        "contract",
        {
            "project_id": project["id"],
            "client_type": "residentiel",
            "service": "Tonte",
            "amount": "120,00 $",
        },
    )
    store.update("contract", contract["id"], {"amount": "95,00 $"})
    form = open_form(qtbot, store, "contract", contract["id"])
    assert [form.tabs.tabText(i) for i in range(form.tabs.count())] == [
        "Fiche",
        "Historique des modifications",
    ]
    form.tabs.setCurrentIndex(1)
    tree = form.history_view.tree
    change = tree.topLevelItem(0).child(0)
    assert [change.text(c).replace("\u00a0", " ") for c in range(3)] == [
        "Montant",
        "120,00 $",
        "95,00 $",
    ]
    type_into(qtbot, form, "service", "Tonte de pelouse")  # typing elsewhere is kept
    tree.setCurrentItem(change)
    qtbot.mouseClick(form.history_view.restore_button, Qt.MouseButton.LeftButton)
    confirm = form.history_view.confirm  # asked first, naming the field and the value
    assert confirm.text().replace("\u00a0", " ") == "Remettre « 120,00 $ » dans « Montant » ?"
    assert store.get("contract", contract["id"])["amount"] == 9500  # nothing yet
    with qtbot.waitSignal(form.changed):
        confirm.button(QMessageBox.StandardButton.Yes).click()
    assert store.get("contract", contract["id"])["amount"] == 12000
    assert form.panel.editor("amount").raw().replace("\u00a0", " ") == "120,00 $"
    assert form.panel.editor("service").raw() == "Tonte de pelouse"
    assert form.isVisible()
    assert tree.topLevelItem(0).child(0).text(2).replace("\u00a0", " ") == "120,00 $"


def test_new_record_form_has_no_history_tab(qtbot, store):
    form = open_form(qtbot, store, "school")
    assert form.history_view is None


def test_every_problem_is_listed_in_the_summary(qtbot, store):
    form = open_form(qtbot, store, "project")
    assert form.panel.editor("season_year").edit.placeholderText() == f"ex. {dt.date.today().year}"
    form.save()
    summary = form.summary.text()
    lines = [line for line in summary.splitlines() if line.startswith("• ")]
    count = int(summary.split(" : ", 1)[1].split()[0])
    assert count >= 2 and len(lines) == count  # the second problem is named, not off-screen
    assert "• Nom du projet : ce champ est obligatoire" in lines
    assert "problèmes à corriger" in summary and "(s)" not in summary
