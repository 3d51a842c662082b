"""Entry script of the PyInstaller bundle: the same ``main()`` as ``coordinator-app``.

Kept apart from the repository's ``main.py`` so the bundle's start-up does not depend on files
outside ``installers/`` and ``coordinator_app/``.
"""

import multiprocessing
import sys

from coordinator_app.cli.main import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a frozen app that ever spawns processes needs this first
    sys.exit(main())
