"""Build the Debian package of Carnet COOP from the PyInstaller bundle, with dpkg-deb.

Layout of the package:
- ``/opt/carnet-coop/``: the one-folder bundle (``carnet-coop`` + ``_internal/``);
- ``/usr/bin/coordinator-app``: a two-line launcher (``installers/linux/coordinator-app``);
- ``/usr/share/applications/carnet-coop.desktop``: the « Carnet COOP » menu entry;
- ``/usr/share/icons/hicolor/{256x256,scalable}/apps/carnet-coop.{png,svg}``: its icon;
- ``DEBIAN/postinst`` and ``postrm`` refresh the menu and never touch users' profiles.

``Depends`` is computed the way ``dpkg-shlibdeps`` would: every library the bundle's ELF files load
from outside the bundle (``ldd``) is mapped to the Debian package that owns it (``dpkg -S``). A
library that resolves nowhere fails the build, so a broken bundle never becomes a package.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

PACKAGE = "carnet-coop"
INSTALL_DIR = Path("opt") / PACKAGE
HERE = Path(__file__).resolve().parent
LINUX_FILES = HERE / "linux"
ICONS = HERE.parent / "resources" / "icons"
MAINTAINER = "CQCM — soutien informatique <informatique@cqcm.coop>"
DESCRIPTION = """Carnet COOP — carnet de terrain des coordonnateurs du CQCM
 Suivi hors ligne des projets CIEC, Jeune COOP et des coopératives agricoles :
 visites, actions, financements, rapports PDF et synchronisation avec le
 serveur central. Les profils des utilisateurs restent dans leur dossier
 personnel et ne sont jamais supprimés par la désinstallation."""
# Packages the bundle always needs even though ldd cannot see them (loaded with dlopen by Qt).
ALWAYS_DEPENDS = ("libc6 (>= 2.34)", "libegl1", "libgl1", "libfontconfig1", "fonts-dejavu-core")


class PackagingError(RuntimeError):
    """The package cannot be built; the message says what is missing."""


def build_deb(bundle: Path, out_dir: Path, version: str) -> Path:
    """Build ``carnet-coop_<version>_<arch>.deb`` from ``bundle`` into ``out_dir``."""
    for tool in ("dpkg-deb", "dpkg", "ldd"):
        if shutil.which(tool) is None:
            raise PackagingError(f"{tool} is needed to build the .deb (apt-get install dpkg-dev)")
    arch = _run(["dpkg", "--print-architecture"]).strip()
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{PACKAGE}_{version}_{arch}.deb"
    with tempfile.TemporaryDirectory(prefix="carnet-deb-") as tmp:
        root = Path(tmp) / PACKAGE
        _lay_out(bundle, root)
        found = system_dependencies(root / INSTALL_DIR)
        named = {d.split()[0] for d in ALWAYS_DEPENDS}
        depends = [*ALWAYS_DEPENDS, *(d for d in found if d not in named)]
        _write_control(root, version, arch, depends)
        command = ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(target)]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return target


def _lay_out(bundle: Path, root: Path) -> None:
    shutil.copytree(bundle, root / INSTALL_DIR, symlinks=True)
    _install(LINUX_FILES / "coordinator-app", root / "usr/bin/coordinator-app", 0o755)
    _install(
        LINUX_FILES / "carnet-coop.desktop",
        root / "usr/share/applications/carnet-coop.desktop",
        0o644,
    )
    hicolor = root / "usr/share/icons/hicolor"
    png, svg = ICONS / "carnet-coop-256.png", ICONS / "carnet-coop.svg"
    if not png.is_file():
        raise PackagingError(f"app icon missing: {png}")
    _install(png, hicolor / "256x256/apps/carnet-coop.png", 0o644)
    if svg.is_file():
        _install(svg, hicolor / "scalable/apps/carnet-coop.svg", 0o644)
    doc = root / "usr/share/doc" / PACKAGE
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(
        "Carnet COOP — © Conseil québécois de la coopération et de la mutualité (CQCM).\n"
        "Bundled third-party components keep their own licences (Qt/PySide6: LGPLv3; "
        "DejaVu fonts: Bitstream Vera licence; Python: PSF).\n",
        encoding="utf-8",
    )
    for script in ("postinst", "postrm"):
        _install(LINUX_FILES / script, root / "DEBIAN" / script, 0o755)
    for folder in root.rglob("*"):
        if folder.is_dir():
            folder.chmod(0o755)


def _install(source: Path, target: Path, mode: int) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    target.chmod(mode)


def _write_control(root: Path, version: str, arch: str, depends: list[str]) -> None:
    files = (p for p in root.rglob("*") if p.is_file() and not p.is_symlink())
    size_kib = sum(p.stat().st_size for p in files) // 1024
    control = (
        f"Package: {PACKAGE}\n"
        f"Version: {version}\n"
        "Section: misc\n"
        "Priority: optional\n"
        f"Architecture: {arch}\n"
        f"Maintainer: {MAINTAINER}\n"
        f"Installed-Size: {size_kib}\n"
        f"Depends: {', '.join(depends)}\n"
        "Homepage: https://www.cqcm.coop\n"
        f"Description: {DESCRIPTION}\n"
    )
    (root / "DEBIAN" / "control").write_text(control, encoding="utf-8")


def _elf_files(folder: Path) -> list[Path]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def system_dependencies(bundle: Path) -> list[str]:
    """Debian packages owning the libraries the bundle loads from the system, sorted."""
    internal = bundle / "_internal"
    library_dirs = sorted({str(p.parent) for p in internal.rglob("*.so*")} | {str(internal)})
    env = {**os.environ, "LD_LIBRARY_PATH": os.pathsep.join(library_dirs)}
    external: set[str] = set()
    missing: dict[str, set[str]] = {}
    for elf in _elf_files(bundle):
        result = subprocess.run(["ldd", str(elf)], capture_output=True, text=True, env=env)
        for line in result.stdout.splitlines():
            match = re.match(r"\s*(\S+) => (not found|(/\S+))", line)
            if not match:
                continue
            name, resolved = match.group(1), match.group(3)
            if resolved is None:
                missing.setdefault(name, set()).add(elf.name)
            elif not Path(resolved).resolve().is_relative_to(bundle.resolve()):
                external.add(str(Path(resolved).resolve()))
    if missing:
        detail = "; ".join(
            f"{lib} (needed by {', '.join(sorted(by))})" for lib, by in missing.items()
        )
        raise PackagingError(f"libraries found neither in the bundle nor on this system: {detail}")
    return sorted({_owning_package(path) for path in external} - {"libc6"})


def _owning_package(path: str) -> str:
    """The package that installed ``path`` (tries the /usr-merged twin of /lib paths too)."""
    candidates = [path]
    if path.startswith("/usr/lib/"):
        candidates.append(path.removeprefix("/usr"))
    elif path.startswith("/lib/"):
        candidates.append("/usr" + path)
    for candidate in candidates:
        result = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
        if result.returncode == 0:
            package = result.stdout.split(":", 1)[0].strip()
            return package.split(",")[0].strip()
    raise PackagingError(f"no Debian package owns {path}: cannot declare it in Depends")


def _run(command: list[str]) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout
