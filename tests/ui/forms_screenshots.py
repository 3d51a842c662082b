"""Screenshots of the forms for the README and the user guide (run by hand under Xvfb).

    xvfb-run -a -s "-screen 0 1366x768x24" python tests/ui/forms_screenshots.py docs/screenshots

Builds a throw-away profile with the demo data, adds a visit with a photo, and saves PNGs of the
project page, the visit editor and a form showing a validation message. Not a test: pictures are
for people to look at.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("COORDINATOR_APP_PASSPHRASE", "captures d'écran")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

from PIL import Image, ImageDraw
from PySide6.QtWidgets import QApplication, QComboBox

from coordinator_app.store import attachments, open_store
from coordinator_app.store.demo import load_demo
from coordinator_app.ui.forms.entity_form import EntityFormDialog
from coordinator_app.ui.forms.project_page import ProjectDialog
from coordinator_app.ui.forms.visit_editor import VisitDialog

SIZE = (1366, 768)


def photo(folder: Path, name: str, colour: tuple[int, int, int]) -> Path:
    image = Image.new("RGB", (800, 600), colour)
    draw = ImageDraw.Draw(image)
    for x in range(0, 800, 80):
        draw.rectangle([x, 380, x + 50, 600], fill=(240, 220, 120))
    draw.ellipse([560, 60, 720, 220], fill=(250, 240, 180))
    path = folder / name
    image.save(path, format="JPEG")
    return path


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def main(target: Path) -> None:
    app = QApplication(sys.argv[:1])
    target.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="carnet-captures-"))
    store = open_store(work / "profil")
    load_demo(store, seed=1)
    project = store.find("project", equals={"program": "CIEC", "region_code": "02"})[0]
    store.update(
        "project", project["id"], {"stage": "ouverture", "notes": "Kiosque au marché public."}
    )
    store.update("project", project["id"], {"youth_count": 11})
    # One participant as an older laptop may have synced it: under 14, consent never recorded, so
    # the page's warning shows in the pictures.
    young = [
        r
        for r in store.find("participant", equals={"project_id": project["id"]})
        if r["consent_by"]
    ][:1]
    with store.transaction() as conn:
        for record in young:
            conn.execute(
                "UPDATE participant SET consent_by = NULL, consent_date = NULL WHERE id = ?",
                (record["id"],),
            )
    pictures = [
        photo(work, "kiosque.jpg", (60, 130, 90)),
        photo(work, "affiche.jpg", (40, 90, 160)),
    ]

    visit = VisitDialog(store, project["id"], choose_files=lambda _p: [str(p) for p in pictures])
    editor = visit.editor
    editor.panel.editor("people_present").set_raw(
        "Julie Tremblay (coordonnatrice)\nComité local : 3 personnes"
    )
    editor.panel.editor("observations").set_raw(
        "Le kiosque est monté ; 11 jeunes présents à la formation SST.\n"
        "Les affiches pour le porte-à-porte sont prêtes."
    )
    editor.panel.editor("decisions").set_raw(
        "Ouverture officielle le 2 juillet.\nTarif de tonte : 25 $."
    )
    editor.actions.add_row(
        {"text": "Envoyer le guide de démarrage au CA", "owner": "Julie", "due_date": "2026-12-04"}
    )
    editor.actions.add_row(
        {
            "text": "Confirmer l'assurance responsabilité",
            "owner": "Comité local",
            "due_date": "2026-12-11",
        }
    )
    stored = [attachments.import_file(store, p) for p in pictures]
    for item in stored:
        editor.files.add_file(item.record_values(project["id"], None))
    editor.actions.add_row({"text": "Réserver la salle pour l'assemblée", "due_date": "2026-12-18"})
    visit.resize(*SIZE)
    visit.show()
    settle(app)
    # « Responsable » being picked: the region's staff, then the project's people
    editor.actions.setCurrentCell(2, 1)
    editor.actions.editItem(editor.actions.item(2, 1))
    settle(app)
    for combo in editor.actions.viewport().findChildren(QComboBox):
        combo.setEditText(combo.itemText(0))  # the first name offered: the region's staff
    settle(app)
    visit.grab().save(str(target / "visite-saisie.png"))
    editor.actions.setCurrentCell(2, 0)
    editor.actions.item(2, 1).setText("Julie Tremblay")
    editor.save()

    page = ProjectDialog(store, project["id"])
    page.resize(*SIZE)
    page.show()
    settle(app)
    for index, name in (
        (0, "projet-apercu"),
        (1, "projet-participants"),
        (4, "projet-visites"),
        (5, "projet-historique"),
    ):
        page.page.tabs.setCurrentIndex(index)
        if index == 5:
            page.page.history.setCurrentItem(page.page.history.topLevelItem(0).child(0))
        settle(app)
        page.grab().save(str(target / f"{name}.png"))

    form = EntityFormDialog(store, "participant", defaults={"project_id": project["id"]})
    form.form.panel.editor("first_name").set_raw("Léa")
    form.form.panel.editor("last_name").set_raw("Simard")
    form.form.panel.editor("birth_date").set_raw("2014-03-02")
    form.form.panel.editor("school_level").set_raw("primaire")
    form.resize(760, 700)
    form.show()
    form.form.save()
    settle(app)
    form.grab().save(str(target / "formulaire-erreur.png"))
    form.form.keeper.discard()
    for window in (form, page, visit):
        window.close()
    store.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
