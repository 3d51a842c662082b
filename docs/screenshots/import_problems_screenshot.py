"""docs/screenshots/import-problemes.png: the import window after « Vérifier » on a CSV with four
problems (run by hand under Xvfb, like tests/ui/forms_screenshots.py).

    xvfb-run -a -s "-screen 0 1366x768x24" python docs/screenshots/import_problems_screenshot.py
"""

from __future__ import annotations

import functools
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("COORDINATOR_APP_PASSPHRASE", "captures d'écran")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from coordinator_app.store import open_store
from coordinator_app.ui import tasks
from coordinator_app.ui.import_export_actions import ImportDialog

LINES = [
    "Nom du projet;Programme;Région;Année;Municipalité;Chiffre d'affaires;Date de début",
    "CIEC de Rimouski;CIEC;01;2026;Rimouski;1 234,56 $;26/06/2026",
    "CIEC de Gaspé;CIEC;Gaspesie-Iles;2026;Gaspé;;2026-06-20",
    "CIEC de Matane;CIEC;01;2026;Matane;mille;2026-06-31",
    "CIEC des Îles;CIJS;Îles-de-la-Madeleine;2026;Cap-aux-Meules;980 $;2026-07-02",
]


def wait(app: QApplication, done) -> None:
    """Let the background read or check finish (a QEventLoop, as qtbot.waitUntil does)."""
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: loop.quit() if done() else None)
    timer.start(20)
    loop.exec()
    timer.stop()


def main(target: Path) -> None:
    app = QApplication(sys.argv[:1])
    work = Path(tempfile.mkdtemp(prefix="carnet-captures-"))
    store = open_store(work / "profil")
    path = work / "projets.csv"
    path.write_bytes(("\r\n".join(LINES) + "\r\n").encode("cp1252"))
    parent = QWidget()
    dialog = ImportDialog(store, functools.partial(tasks.run_in_background, parent), parent)
    dialog.set_file(path, "project")
    wait(app, lambda: dialog.preview_task is not None and dialog.preview_task.done)
    dialog.resize(960, 600)
    dialog.show()
    dialog.check()
    wait(app, lambda: dialog.task is not None and dialog.task.done)
    dialog.path_edit.setText("C:/Users/coordo/Documents/projets.csv")  # as on a coordinator's PC
    dialog.resize(960, 600)
    dialog.show()
    for _ in range(10):
        app.processEvents()
    dialog.grab().save(str(target / "import-problemes.png"))
    dialog.close()
    store.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
