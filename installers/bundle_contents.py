"""What goes into the PyInstaller bundle and what is left out: the logic behind carnet-coop.spec.

Kept in a plain module (the spec imports it) so that tests can check the choices without running
PyInstaller: which modules are imported lazily by name and must be listed as hidden imports, which
Qt modules are excluded, and which collected files are dropped by name — because ``excludes`` barely
shrinks a Qt bundle: Qml/Quick come back through the virtual-keyboard plugin, GTK through the
platform-theme plugin, Wayland and EGLFS through the platform plugins.
"""

from __future__ import annotations

import ast
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = "carnet-coop"
IS_WINDOWS = sys.platform == "win32"
IS_MAC = sys.platform == "darwin"
# Strip debug symbols on Linux: a Python built from source (pyenv) and some wheels carry them, e.g.
# libpython 22 MB → 4 MB. Not on macOS (it would break code signatures) nor Windows (no strip).
STRIP = sys.platform.startswith("linux")
# On Linux the bundle ships inside a .deb: libraries of the distribution itself (libstdc++, OpenSSL,
# X11/xcb, fontconfig, GLib...) come from the system through the package's Depends, which
# installers/debian.py computes with ldd + dpkg -S, instead of copies taken from the build machine
# (about 28 MB, and no two copies of GLib or OpenSSL in one process). CARNET_BUNDLE_SYSTEM_LIBS=1
# keeps them, for a self-contained folder to run on other distributions.
USE_SYSTEM_LIBS = (
    sys.platform.startswith("linux") and os.environ.get("CARNET_BUNDLE_SYSTEM_LIBS") != "1"
)
SYSTEM_LIBRARY = re.compile(r"^/(usr/)?lib(32|64)?/([^/]*-linux-gnu[^/]*/)?lib[^/]+\.so[.0-9]*$")


def string_tuple(path: Path, name: str) -> list[str]:
    """The strings of the module-level tuple/list `name` in `path`, read without importing it."""
    if not path.is_file():
        return []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets = []
        if isinstance(node, ast.Assign):
            targets = [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            targets = [node.target.id]
        if name in targets and isinstance(node.value, (ast.Tuple, ast.List)):
            return [e.value for e in node.value.elts if isinstance(e, ast.Constant)]
    return []


def lazily_imported_modules() -> list[str]:
    """Modules the app imports by name at run time (commands, optional window features)."""
    names = string_tuple(ROOT / "coordinator_app/cli/main.py", "COMMAND_MODULES")
    features = ROOT / "coordinator_app/ui/features.py"
    names += string_tuple(features, "FEATURE_MODULES")
    # A feature not written yet is skipped by ui/features.py at run time; skip it here too.
    return [n for n in names if _in_source(n)]


def _in_source(module: str) -> bool:
    path = ROOT.joinpath(*module.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def app_icon() -> str | None:
    """The app icon: PyInstaller converts a PNG to .ico/.icns itself (Pillow is installed)."""
    icons = ROOT / "resources" / "icons"
    names = ["carnet-coop.ico" if IS_WINDOWS else "", "carnet-coop.icns" if IS_MAC else ""]
    names += ["carnet-coop-256.png", "carnet-coop.png"]
    for name in filter(None, names):
        if (icons / name).is_file():
            return str(icons / name)
    pngs = sorted(icons.glob("*.png")) if icons.is_dir() else []
    return str(pngs[0]) if pngs else None


# Python modules never used by the desktop app (server side, tests, other GUI toolkits, Qt parts).
EXCLUDED_MODULES = [
    "tkinter",
    "_tkinter",
    "IPython",
    "matplotlib",
    "numpy",
    "pandas",
    "pytest",
    "_pytest",
    "hypothesis",
    "schemathesis",
    "pytestqt",
    "fastapi",
    "starlette",
    "uvicorn",
    "sqlalchemy",
    "psycopg",
    "psycopg_binary",
    "argon2",
    "trustme",
    "coordinator_app.server",
    "PIL._avif",
    "PIL.AvifImagePlugin",
    "PIL.ImageTk",
    "PIL._imagingtk",
    "PIL.ImageQt",
    # development tools some dependencies import optionally; never used at run time
    "pygments",
    "rich",
    "setuptools",
    "pkg_resources",
    "distutils",
    "trio",
    "jinja2",
    "markdown_it",
    "requests",
    "docutils",
    "sphinx",
    "pip",
    "wheel",
    *(
        f"PySide6.{m}"
        for m in [
            "Qt3DAnimation",
            "Qt3DCore",
            "Qt3DExtras",
            "Qt3DInput",
            "Qt3DLogic",
            "Qt3DRender",
            "QtBluetooth",
            "QtCanvasPainter",
            "QtDataVisualization",
            "QtDesigner",
            "QtGraphs",
            "QtGraphsWidgets",
            "QtHelp",
            "QtHttpServer",
            "QtLabsStyleKit",
            "QtLocation",
            "QtMultimedia",
            "QtMultimediaWidgets",
            "QtNetworkAuth",
            "QtNfc",
            "QtPositioning",
            "QtQml",
            "QtQmlFeatures",
            "QtQuick",
            "QtQuick3D",
            "QtQuickControls2",
            "QtQuickTest",
            "QtQuickWidgets",
            "QtRemoteObjects",
            "QtScxml",
            "QtSensors",
            "QtSerialBus",
            "QtSerialPort",
            "QtSpatialAudio",
            "QtSql",
            "QtStateMachine",
            "QtTest",
            "QtTextToSpeech",
            "QtUiTools",
            "QtWebChannel",
            "QtWebEngineCore",
            "QtWebEngineQuick",
            "QtWebEngineWidgets",
            "QtWebSockets",
            "QtWebView",
            "QtXmlPatterns",
            "QtAxContainer",
            "QtAsyncio",
        ]
    ),
]

# Collected files (by destination path) that the app never loads. Patterns are matched against
# the path inside the bundle with "/" separators, case-insensitively.
_QT_LIBS_DROPPED = (
    "WebEngine|WebView|WebChannel|WebSockets|Qml|Quick|3D|Multimedia|SpatialAudio|VirtualKeyboard"
    "|Wayland|Designer|Graphs|DataVisualization|Location|Positioning|Sensors|Bluetooth|Nfc"
    "|SerialPort|SerialBus|TextToSpeech|Scxml|StateMachine|RemoteObjects|HttpServer|ShaderTools"
    "|Test|Help|Sql|EglFS|EglFsKmsSupport|EglFsKmsGbmSupport|Labs|CanvasPainter|Pdf ?Quick"
    "|UiTools|NetworkAuth|WlShell"
)
DROPPED = [
    re.compile(p, re.IGNORECASE)
    for p in (
        rf"(^|/)(lib)?Qt6?({_QT_LIBS_DROPPED})[^/]*\.(so[.0-9]*|dll|dylib)$",
        rf"(^|/)Qt({_QT_LIBS_DROPPED})[^/]*\.framework/",
        rf"PySide6/Qt({_QT_LIBS_DROPPED})[^/]*\.(abi3\.so|pyd|pyi)$",
        r"/qml/",
        r"/plugins/(assetimporters|canbus|designer|egldeviceintegrations|geometryloaders"
        r"|geoservices|multimedia|position|qmltooling|renderers|renderplugins|sceneparsers"
        r"|scxmldatamodel|sensors|sqldrivers|texttospeech|webview|wayland-[^/]*|vectorimageformats"
        r"|qmllint)/",
        r"/plugins/platforms/(lib)?q(wayland|eglfs|linuxfb|vnc|vkkhrdisplay|minimalegl|offscreen-gl)",
        r"/plugins/platformthemes/(lib)?qgtk3",
        r"/plugins/platforminputcontexts/(lib)?qtvirtualkeyboard",
        r"/plugins/xcbglintegrations/(lib)?qxcb-egl",
        # the GTK stack the gtk3 platform theme pulled in from the build machine
        r"(^|/)lib(gtk-3|gdk-3|gdk_pixbuf|atk|atspi|cairo|pango|epoxy|wayland|avcodec|avformat"
        r"|avutil|swresample|swscale|va|vdpau|gstreamer|gst|thai|datrie|fribidi|graphite2)[-.][^/]*so",
        # translators' sources (.ts, the update script) beside our compiled .qm files
        r"resources/translations/[^/]+\.(ts|py)$",
        # Qt's own translations: keep French (the app's language) only
        r"PySide6/Qt/translations/(?!.*_fr\.qm$)[^/]+\.qm$",
        # Babel's CLDR data: the app formats in fr_CA (and English as a fallback)
        r"babel/locale-data/(?!(root|fr|fr_CA|en|en_CA)\.dat$)[^/]+\.dat$",
        # type stubs and metatypes are for development only
        r"PySide6/.*\.pyi$",
        r"PySide6/Qt/metatypes/",
        r"PySide6/(include|typesystems|glue|scripts|support/generate_pyi)",
    )
]


def keep(entry: tuple[str, str, str]) -> bool:
    """False for a collected (destination, source, typecode) entry the app never loads."""
    dest, source = str(entry[0]).replace("\\", "/"), str(entry[1])
    if USE_SYSTEM_LIBS and entry[2] == "BINARY" and SYSTEM_LIBRARY.match(source):
        return False
    return not any(p.search("/" + dest) for p in DROPPED)
