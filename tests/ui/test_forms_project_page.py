"""The project page: consent flags, contracts, funding, visits timeline, history and restore."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from coordinator_app.ui.forms.project_page import ProjectDialog
from tests.ui import forms_helpers as cf
from tests.ui.forms_helpers import seed_ciec, seed_farm, show_active, type_text

profile_dir, store = cf.profile_dir, cf.store  # fixtures


def open_page(qtbot, store, project_id):
    """The page in its window; the window is returned too, to keep it alive (qtbot holds weakly)."""
    dialog = ProjectDialog(store, project_id)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    return dialog, dialog.page


def column_texts(table, column):
    return [table.item(row, column).text() for row in range(table.rowCount())]


def test_participant_under_14_without_consent_is_flagged(qtbot, store):
    project = seed_ciec(store)["project"]
    today = store.today()
    young = store.create(
        "participant",
        {
            "project_id": project["id"],
            "first_name": "Léa",
            "last_name": "Simard",
            "birth_date": dt.date(today.year - 12, 1, 5).isoformat(),
            "consent_by": "Mère",
            "consent_date": today.isoformat(),
            "consent_purposes": ["Suivi"],
        },
    )
    store.create(
        "participant",
        {
            "project_id": project["id"],
            "first_name": "Noah",
            "last_name": "Tremblay",
            "birth_date": dt.date(today.year - 15, 1, 5).isoformat(),
        },
    )
    # A record as it may arrive from an older laptop through sync: consent never recorded.
    with store.transaction() as conn:
        conn.execute(
            "UPDATE participant SET consent_by = NULL, consent_date = NULL WHERE id = ?",
            (young["id"],),
        )
    _window, page = open_page(qtbot, store, project["id"])
    assert page.tabs.tabText(1) == "Participants (2)"
    assert column_texts(page.participants, 0) == ["Léa Simard", "Noah Tremblay"]
    assert column_texts(page.participants, 4) == [
        "⚠ Consentement manquant",
        "Non requis (14 ans ou plus)",
    ]
    assert "1 participant de moins de 14 ans sans consentement" in page.consent_warning.text()
    assert "1 participant de moins de 14 ans sans consentement" in page.alerts.text()
    assert page.alerts.isVisibleTo(page)
    page.tabs.setCurrentIndex(1)
    assert page.consent_warning.isVisibleTo(page)


def test_restore_an_old_value_from_history(qtbot, store):
    project = seed_ciec(store)["project"]
    _window, page = open_page(qtbot, store, project["id"])
    form_dialog = page.edit_project()
    show_active(qtbot, form_dialog)
    form = form_dialog.form
    name = form.panel.editor("name").focus_widget()
    name.clear()
    type_text(qtbot, name, "CIEC Jonquière–Arvida")
    with qtbot.waitSignal(form.saved):
        qtbot.keyClick(name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert page.title.text() == "CIEC Jonquière–Arvida"

    page.tabs.setCurrentIndex(5)
    top = page.history.topLevelItem(0)
    # « Marie Tremblay — le 3 décembre 2026, 14 h 05 — Modification » (no name yet: said so)
    assert top.text(0).startswith(f"{store.author or 'Auteur inconnu'} — le ")
    assert top.text(0).endswith(" — Modification")
    change = top.child(0)
    assert (change.text(0), change.text(1), change.text(2)) == (
        "Nom du projet",
        "CIEC Jonquière",
        "CIEC Jonquière–Arvida",
    )
    assert not page.restore_button.isEnabled()
    page.history.setCurrentItem(change)
    assert page.restore_button.isEnabled()
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.changed):
        page.history_view.confirm.button(QMessageBox.StandardButton.Yes).click()

    restored = store.get("project", project["id"])
    assert restored["name"] == "CIEC Jonquière"
    assert restored["revenue"] == 425000  # other fields, money included, untouched
    assert page.title.text() == "CIEC Jonquière"
    newest = page.history.topLevelItem(0).child(0)
    assert (newest.text(1), newest.text(2)) == ("CIEC Jonquière–Arvida", "CIEC Jonquière")


def test_contracts_revenue_and_visits_timeline(qtbot, store):
    project = seed_ciec(store)["project"]
    for service, amount, hours in (
        ("Tonte de pelouse", "120,00 $", 4),
        ("Gardiennage", "80,50 $", 6),
    ):
        store.create(
            "contract",
            {
                "project_id": project["id"],
                "client_type": "residentiel",
                "service": service,
                "amount": amount,
                "hours": hours,
            },
        )
    first = store.create(
        "visit",
        {
            "project_id": project["id"],
            "visited_at": "2026-06-01T10:00",
            "mode": "sur_place",
            "place": "École",
            "observations": "Recrutement.",
        },
    )
    store.create(
        "visit",
        {
            "project_id": project["id"],
            "visited_at": "2026-07-03T14:30",
            "mode": "a_distance",
            "observations": "Ouverture réussie.\nDétails…",
        },
    )
    store.create(
        "action_item",
        {
            "project_id": project["id"],
            "visit_id": first["id"],
            "text": "Affiches",
            "owner": "Julie",
        },
    )
    _window, page = open_page(qtbot, store, project["id"])
    assert page.tabs.tabText(2) == "Contrats (2)"
    text = page.revenue.text().replace("\u00a0", " ")
    assert "Total des contrats : 200,50 $" in text
    assert "Chiffre d'affaires déclaré : 4 250,00 $" in text
    assert page.tabs.tabText(4) == "Visites (2)"
    assert column_texts(page.visits, 0) == ["2026-07-03 14:30", "2026-06-01 10:00"]
    assert column_texts(page.visits, 1) == ["À distance", "Sur place"]
    assert column_texts(page.visits, 3) == ["0", "1"]
    assert column_texts(page.visits, 4) == ["0", "0"]
    assert column_texts(page.visits, 5) == ["Ouverture réussie.", "Recrutement."]
    assert not page.tabs.isTabVisible(3)  # no funding tab for a CIEC without funding

    page.visits.selectRow(1)
    dialog = page.open_selected_visit()
    qtbot.addWidget(dialog)
    assert dialog.editor.panel.editor("observations").raw() == "Recrutement."
    assert dialog.editor.actions.row_values(0)["text"] == "Affiches"


def test_farm_funding_and_overdue_report(qtbot, store):
    project = seed_farm(store)["project"]
    store.create(
        "funding",
        {
            "project_id": project["id"],
            "funder": "MAPAQ",
            "program": "PSES",
            "requested": "25 000 $",
            "granted": "20 000 $",
            "status": "accordee",
            "report_due_dates": ["2020-03-31", "2099-03-31"],
        },
    )
    _window, page = open_page(qtbot, store, project["id"])
    assert page.tabs.isTabVisible(3) and not page.tabs.isTabVisible(2)
    assert page.funding_button.isVisibleTo(page) and not page.contract_button.isVisibleTo(page)
    assert page.tabs.tabText(3) == "Financement (1)"
    row = [page.funding.item(0, c).text().replace("\u00a0", " ") for c in range(7)]
    assert row[:6] == ["MAPAQ", "PSES", "25 000,00 $", "20 000,00 $", "—", "Accordée"]
    assert row[6] == "2099-03-31 (en retard : 2020-03-31)"
    assert page.alerts.text() == "⚠ 1 reddition de comptes en retard (onglet Financement)."


def test_add_participant_from_the_page(qtbot, store):
    project = seed_ciec(store)["project"]
    _window, page = open_page(qtbot, store, project["id"])
    dialog = page.add_participant()
    form = dialog.form
    type_text(qtbot, form.panel.editor("first_name").focus_widget(), "Émile")
    type_text(qtbot, form.panel.editor("last_name").focus_widget(), "Côté")
    form.panel.editor("birth_date").set_raw("2010-05-05")
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert column_texts(page.participants, 0) == ["Émile Côté"]
    assert store.find("participant")[0]["project_id"] == project["id"]


@pytest.mark.slow
def test_project_with_100000_visits_shows_the_newest(qtbot, big_template, tmp_path):
    """The page summarises; it never loads every visit of a long-followed project into widgets."""
    import shutil

    from tests.ui.forms_helpers import open_profile

    folder = tmp_path / "gros-profil"
    shutil.copytree(big_template, folder)
    big = open_profile(folder)
    [project] = big.find("project")
    _window, page = open_page(qtbot, big, project["id"])
    assert page.visits.rowCount() == 200
    assert page.tabs.tabText(4) == "Visites (100\u00a0000)"
    newest = big.find("visit", order_by="visited_at", descending=True, limit=1)[0]["visited_at"]
    assert page.visits.item(0, 0).text().startswith(str(newest)[:10])
    assert "Les 200 visites les plus récentes sur 100\u00a0000" in page.visits_note.text()
    big.close()


def test_ctrl_n_on_the_page_opens_a_visit_of_this_project(qtbot, store):
    project = seed_ciec(store)["project"]
    _window, page = open_page(qtbot, store, project["id"])
    qtbot.keyClick(page.tabs, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    [dialog] = page.dialogs
    qtbot.addWidget(dialog)
    assert dialog.editor.project_id == project["id"]
    assert dialog.windowTitle() == "Nouvelle visite — CIEC Jonquière"
