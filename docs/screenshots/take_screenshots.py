"""Screenshots of every screen of the window at 1366×768, for the README and the user guide.

Run under Xvfb from the repository root:

    xvfb-run -a -s "-screen 0 1366x768x24" python docs/screenshots/take_screenshots.py

It builds throw-away profiles (an empty one for the welcome page, one with the demo data) and
writes PNG files next to this script.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("COORDINATOR_APP_PASSPHRASE", "captures d'écran")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from coordinator_app.store import open_store
from coordinator_app.store.demo import load_demo
from coordinator_app.ui import tasks
from coordinator_app.ui.app import make_application
from coordinator_app.ui.main_window import create_main_window

OUT = Path(__file__).resolve().parent
SIZE = (1366, 768)


def settle(app, seconds: float = 0.6) -> None:
    """Let queued queries land and the window paint (a script, not a test: waiting is fine)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end or tasks.running_tasks():
        app.processEvents()
        time.sleep(0.02)


def shoot(app, window, name: str) -> None:
    settle(app)
    window.grab().save(str(OUT / f"{name}.png"))
    print("wrote", OUT / f"{name}.png")


def main() -> int:
    app = make_application()
    with tempfile.TemporaryDirectory() as empty, tempfile.TemporaryDirectory() as demo:
        window = create_main_window(empty)
        window.resize(*SIZE)
        window.show()
        shoot(app, window, "welcome")
        window.close()
        window.store.close()

        store = open_store(demo)
        load_demo(store, seed=1)
        store.close()
        window = create_main_window(demo)
        window.resize(*SIZE)
        window.show()
        shoot(app, window, "dashboard")
        window.show_page("ciec")
        page = window.current_page()
        page.region.setCurrentIndex(page.region.findData("02"))
        shoot(app, window, "projets-ciec-saguenay")
        page.reset_filters()
        for key in ("jeune_coop", "ferme_coop", "visits", "suivis", "conflicts"):
            window.show_page(key)
            shoot(app, window, key.replace("_", "-"))
        window.show_page("visits")
        window.current_page().search.setText("comptabilite")
        settle(app, 0.4)
        shoot(app, window, "visites-recherche")
        window.show_page("dashboard")
        shoot(app, window, "main-window")
        window.set_language("en")
        shoot(app, window, "dashboard-en")
        window.set_language("fr")
        settle(app)
        window.close()
        window.store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
