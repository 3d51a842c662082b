"""Who is who in the window (issue 14): « Mes suivis » and « Mes visites » keep the signed-in
person's own, the visit editor says who made the visit, the history names who changed what; and a
profile used without a server asks « Votre nom » once."""

from __future__ import annotations

import os
from pathlib import Path

from coordinator_app.store import people
from tests.ui.conftest import column_values, wait_loaded

SHOTS = Path(os.environ.get("CARNET_SHOTS", "")) if os.environ.get("CARNET_SHOTS") else None


def _shot(widget, name: str) -> None:
    """Keep a screenshot when CARNET_SHOTS names a folder (to look at them)."""
    if SHOTS is not None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(SHOTS / name))


def test_mes_suivis_shows_only_the_signed_in_persons_follow_ups(qtbot, demo_dir, open_window):
    window = open_window(demo_dir)
    store = window.store
    me = store.person
    assert (me.account, me.name) == ("demo-03", people.names(store, ["demo-03"])[0])
    window.show_page("suivis")
    suivis = window.suivis_page
    suivis.extra.setCurrentIndex(suivis.extra.findData("all"))  # « Tous »
    wait_loaded(qtbot, suivis)
    assert suivis.mine.isVisible() and suivis.mine.isChecked()
    assert suivis.mine.text().replace("&", "") == "Mes suivis"
    mine = store.count("action_item", equals={"owner_account": "demo-03"})
    assert mine > 0
    qtbot.waitUntil(lambda: suivis.model.rowCount() == mine, timeout=10000)
    assert set(column_values(suivis.model, "owner")) == {me.name}
    everyone = store.count("action_item")
    suivis.mine.setChecked(False)
    wait_loaded(qtbot, suivis)
    qtbot.waitUntil(lambda: suivis.model.total == everyone, timeout=10000)
    assert len(set(column_values(suivis.model, "owner"))) > 1

    window.show_page("visits")
    visits = window.visits_page
    wait_loaded(qtbot, visits)
    assert visits.mine.isChecked()
    made = column_values(visits.model, "made_by")
    assert made and set(made) == {me.name}
    _shot(window, "mes-visites.png")


def test_visit_editor_and_history_name_the_staff(qtbot, demo_dir, open_window):
    window = open_window(demo_dir)
    store = window.store
    visit = store.find("visit", equals={"made_by": '["demo-03"]'}, limit=1)[0]
    project = store.require("project", visit["project_id"])
    from coordinator_app.ui.forms.visit_editor import VisitDialog

    dialog = VisitDialog(store, project_id=project["id"], parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    editor = dialog.editor
    made_by = editor.panel.editor("made_by")
    assert made_by.raw() == ["demo-03"]  # a new visit: made by the signed-in person
    assert f"{store.person.name} — vous" in made_by.chosen.text()
    assert editor.panel.editor("coordinator_id").raw() in (None, "")
    _shot(dialog, "nouvelle-visite.png")
    dialog.close()

    store.update("visit", visit["id"], {"decisions": "Former le conseil d'administration."})
    window.open_record("visit", visit["id"])
    opened = window.forms.dialogs[-1].editor
    assert opened.panel.editor("made_by").raw() == ["demo-03"]
    from coordinator_app.ui.forms.history import HistoryView

    history = HistoryView(store, "visit", visit["id"])
    qtbot.addWidget(history)
    history.resize(900, 400)
    history.show()
    top = history.tree.topLevelItem(0).text(0)
    assert top.startswith(f"{store.person.name} — le ") and " h" in top
    assert top.endswith("— Modification")
    _shot(history, "historique-visite.png")


def test_a_profile_without_server_asks_votre_nom_once(qtbot, tmp_path, open_window):
    from coordinator_app.store import open_store

    folder = tmp_path / "seule"
    store = open_store(folder)
    store.create("project", {"name": "Coop", "program": "FERME_COOP", "region_code": "03"})
    store.close()
    window = open_window(folder)
    bar = window.person.bar
    assert bar.isVisible()
    _shot(window, "votre-nom.png")
    prompt = window.person.prompt
    prompt.name.setText("  ")
    prompt.save_button.click()
    assert prompt.error.isVisible() and "obligatoire" in prompt.error.text()
    prompt.name.setText("Marie Tremblay")
    prompt.save_button.click()
    assert not bar.isVisible()
    assert window.store.author == "Marie Tremblay"
    project = window.store.find("project")[0]
    window.store.update("project", project["id"], {"notes": "Vu"})
    assert window.store.history("project", project["id"])[-1].author == "Marie Tremblay"
