"""The PyInstaller spec parses and its choices keep what the app loads, drop what it never does."""

from __future__ import annotations

import ast
import importlib
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installers"))

import bundle_contents  # noqa: E402  (installers/ is not a package)


def test_spec_is_valid_python_building_one_folder_windowed() -> None:
    source = (ROOT / "installers" / "carnet-coop.spec").read_text(encoding="utf-8")
    tree = ast.parse(source)
    calls = {
        n.func.id
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
    }
    assert {"Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"} <= calls
    assert "console=False" in source
    assert "exclude_binaries=True" in source  # one-folder: binaries go to COLLECT
    assert (ROOT / "installers" / "entry.py").is_file()


def test_every_lazily_imported_module_is_a_hidden_import() -> None:
    from coordinator_app.cli.main import COMMAND_MODULES
    from coordinator_app.ui.features import FEATURE_MODULES

    hidden = bundle_contents.lazily_imported_modules()
    assert set(COMMAND_MODULES) <= set(hidden)
    assert "coordinator_app.cli.self_test" in hidden
    present = [m for m in FEATURE_MODULES if bundle_contents._in_source(m)]
    assert set(present) <= set(hidden)
    for name in hidden:
        importlib.import_module(name)  # a name that does not import would break the bundle


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/lib/libQt6WebEngineCore.so.6",
        "PySide6/Qt/lib/libQt6Qml.so.6",
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "PySide6/Qt/lib/libQt63DCore.so.6",
        "PySide6/Qt/lib/libQt6Multimedia.so.6",
        "PySide6/Qt/lib/libQt6VirtualKeyboard.so.6",
        "PySide6/Qt/lib/libQt6WaylandClient.so.6",
        "PySide6/Qt/plugins/platforms/libqwayland-egl.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "PySide6/Qt/qml/QtQuick/Controls/libqtquickcontrols2plugin.so",
        "PySide6/Qt/translations/qtbase_de.qm",
        "libgtk-3.so.0",
        "babel/locale-data/de.dat",
        "resources/translations/carnet_en.ts",
    ],
)
def test_unused_parts_are_dropped(dest: str) -> None:
    assert not bundle_contents.keep((dest, "/wheel/" + dest, "BINARY"))


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt/lib/libQt6Pdf.so.6",
        "PySide6/Qt/lib/libQt6PrintSupport.so.6",
        "PySide6/Qt/lib/libQt6Svg.so.6",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/translations/qtbase_fr.qm",
        "babel/locale-data/fr_CA.dat",
        "resources/translations/carnet_en.qm",
        "resources/fonts/DejaVuSans.ttf",
        "resources/icons/carnet-coop.svg",
    ],
)
def test_what_the_app_loads_is_kept(dest: str) -> None:
    assert bundle_contents.keep((dest, "/wheel/" + dest, "DATA"))


def test_linux_system_libraries_come_from_the_package_dependencies() -> None:
    system = ("libssl.so.3", "/usr/lib/x86_64-linux-gnu/libssl.so.3", "BINARY")
    wheel_lib = ("libQt6Core.so.6", "/venv/site-packages/PySide6/Qt/lib/libQt6Core.so.6", "BINARY")
    python_lib = ("libpython3.11.so.1.0", "/opt/python/lib/libpython3.11.so.1.0", "BINARY")
    assert bundle_contents.keep(wheel_lib) and bundle_contents.keep(python_lib)
    assert bundle_contents.keep(system) is (not bundle_contents.USE_SYSTEM_LIBS)


def test_app_icon_exists() -> None:
    icon = bundle_contents.app_icon()
    assert icon is not None and Path(icon).is_file()
