"""Fixtures and helpers of the forms' tests: a real temporary profile with a few records.

Imported by the ``test_forms_*`` files (``from tests.ui.forms_helpers import ...``) so that they
do not depend on the window's own ``conftest.py``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from coordinator_app.store import Store, open_store


def open_profile(folder: Path) -> Store:
    """Open (or reopen) the profile in ``folder`` as the app does (encrypted, test passphrase)."""
    return open_store(folder)


@pytest.fixture
def profile_dir(tmp_path: Path) -> Path:
    return tmp_path / "profil"


@pytest.fixture
def store(profile_dir: Path) -> Iterator[Store]:
    opened = open_profile(profile_dir)
    yield opened
    opened.close()


def seed_ciec(store: Store) -> dict[str, Any]:
    """A CIEC project in Saguenay–Lac-Saint-Jean with a coordinator, a school and a partner."""
    coordinator = store.create(
        "coordinator", {"name": "Julie Tremblay", "email": "julie.tremblay@exemple.qc.ca"}
    )
    store.create("coordinator", {"name": "Marc Gagnon"})
    school = store.create(
        "school", {"name": "Polyvalente Arvida", "municipality": "Saguenay", "region_code": "02"}
    )
    partner = store.create(
        "organisation",
        {"name": "Caisse Desjardins du Fjord", "org_kind": "caisse", "region_code": "02"},
    )
    project = store.create(
        "project",
        {
            "name": "CIEC Jonquière",
            "program": "CIEC",
            "region_code": "02",
            "municipality": "Saguenay",
            "season_year": 2026,
            "stage": "comite_local",
            "coordinator_ids": [coordinator["id"]],
            "partner_ids": [partner["id"]],
            "school_ids": [school["id"]],
            "youth_count": 12,
            "revenue": "4 250,00 $",
        },
    )
    return {"project": project, "coordinator": coordinator, "school": school, "partner": partner}


def seed_farm(store: Store) -> dict[str, Any]:
    project = store.create(
        "project",
        {
            "name": "Coop maraîchère La Fourche",
            "program": "FERME_COOP",
            "region_code": "04",
            "municipality": "Saint-Élie-de-Caxton",
            "coop_type": "solidarite",
            "stage": "etude_viabilite",
            "hectares": 3.5,
        },
    )
    return {"project": project}


def show_active(qtbot: Any, window: Any) -> None:
    """Show a window and wait until it is the active one (its keyboard shortcuts work then)."""
    from PySide6.QtWidgets import QApplication

    window.show()
    window.windowHandle().requestActivate()
    try:
        qtbot.waitUntil(window.isActiveWindow)
    except Exception:
        app = QApplication.instance()
        visible = [
            (type(w).__name__, w.windowTitle(), w.isModal(), w.windowModality())
            for w in app.topLevelWidgets()
            if w.isVisible()
        ]
        raise AssertionError(
            f"not active; active={app.activeWindow()!r} modal={app.activeModalWidget()!r} "
            f"visible={visible}"
        ) from None


def type_text(qtbot: Any, widget: Any, text: str) -> None:
    """Type ``text`` into ``widget`` key by key, accents included.

    ``QTest.keyClicks`` knows only ASCII keys (it aborts on « è »), so other characters are sent as
    the key events a keyboard layout produces for them: a key press carrying the character.
    """
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for char in text:
        if char.isascii() and char != "\n":
            qtbot.keyClicks(widget, char)
        elif char == "\n":
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(
                    widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
                )


def make_photo(folder: Path) -> Path:
    """A real JPEG, as a camera card would hold."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "kiosque.jpg"
    image = Image.new("RGB", (640, 480), (30, 120, 60))
    for x in range(0, 640, 40):
        for y in range(0, 480, 40):
            image.putpixel((x, y), (250, 250, 0))
    image.save(path, format="JPEG")
    return path


def cell_editor(table: Any) -> QLineEdit:
    """The text box Qt opens over the cell being edited."""
    [editor] = [w for w in table.viewport().findChildren(QLineEdit) if w.isVisible()]
    return editor


def type_cell(qtbot: Any, table: Any, row: int, column: int, text: str) -> None:
    """Open a cell (F2), type into it, then Entrée, as a person does in a table."""
    table.setFocus()
    table.setCurrentCell(row, column)
    if not [w for w in table.viewport().findChildren(QLineEdit) if w.isVisible()]:
        qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = cell_editor(table)
    editor.selectAll()
    type_text(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: not [w for w in table.viewport().findChildren(QLineEdit) if w.isVisible()]
    )
