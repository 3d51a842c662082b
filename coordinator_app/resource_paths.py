"""The one helper that finds the files the app reads (fonts, icons, translations).

The same files live in three places depending on how the app was installed, and every caller must
find them without knowing which:

- source checkout (and ``pip install -e .``): the repository's top-level ``resources/`` folder,
  beside the ``coordinator_app`` package;
- installed wheel (``pip install .``): ``coordinator_app/_resources/`` inside site-packages —
  ``setup.py``/``pyproject.toml`` map the top-level ``resources/`` folder onto that package, because
  a wheel cannot carry a folder outside its packages;
- PyInstaller bundle: ``resources/`` under ``sys._MEIPASS`` (``installers/carnet-coop.spec`` puts it
  there).

Only this module knows the three layouts; everything else calls ``resource_path("fonts", ...)``.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path

RESOURCES_FOLDER = "resources"
INSTALLED_PACKAGE_FOLDER = "_resources"


@functools.cache
def resources_root() -> Path:
    """The folder holding ``fonts/``, ``icons/`` and ``translations/`` for this installation."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / RESOURCES_FOLDER
    package = Path(__file__).resolve().parent
    installed = package / INSTALLED_PACKAGE_FOLDER
    if installed.is_dir():
        return installed
    return package.parent / RESOURCES_FOLDER


def resource_path(*parts: str) -> Path:
    """The path of a resource, e.g. ``resource_path("icons", "carnet-coop.png")``.

    The path is returned even when the file does not exist, so callers can say which file is
    missing; use ``Path.is_file()`` before reading an optional resource.
    """
    return resources_root().joinpath(*parts)
