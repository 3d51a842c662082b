"""Build Carnet COOP's installer for the operating system this runs on.

    python installers/build.py [--skip-bundle] [--no-package]

1. PyInstaller builds the one-folder bundle from ``installers/carnet-coop.spec`` into
   ``installers/dist/carnet-coop/`` (``Carnet COOP.app`` on macOS).
2. The bundle is packaged: a ``.deb`` on Linux (``installers/debian.py``), an Inno Setup installer on
   Windows (``installers/windows/carnet-coop.iss``, when ``ISCC.exe`` is installed), a ``.dmg`` on macOS
   (``hdiutil``).
3. It prints where each result is and how big it is: unpacked, and compressed as downloaded.

Signing is not done here; ``installers/README.md`` lists the steps for each platform.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "carnet-coop.spec"
DIST = HERE / "dist"
WORK = HERE / "build"
APP = "carnet-coop"
MB = 1_000_000
# Targets from issue 8 (Linux): the bundle as installed, and the package as downloaded.
TARGET_UNPACKED_MB = 180
TARGET_DOWNLOAD_MB = 80

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))


def folder_size(path: Path) -> int:
    """Bytes of every regular file under ``path`` (what the installed app occupies)."""
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def build_bundle() -> Path:
    """Run PyInstaller on the spec; returns the one-folder bundle."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise SystemExit("PyInstaller is missing: pip install '.[build]'") from None
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", str(DIST), "--workpath", str(WORK), str(SPEC),
    ]  # fmt: skip
    print("$ " + " ".join(command), flush=True)
    subprocess.run(command, check=True, cwd=ROOT)
    if sys.platform == "darwin":
        return DIST / "Carnet COOP.app"
    return DIST / APP


def smoke_test(bundle: Path) -> None:
    """The bundle must at least answer --version before it is packaged."""
    if sys.platform == "win32":
        executable = bundle / "coordinator-app-cli.exe"  # the windowed .exe has no stdout
    elif sys.platform == "darwin":
        executable = bundle / "Contents" / "MacOS" / APP
    else:
        executable = bundle / APP
    result = subprocess.run(
        [str(executable), "--version"], capture_output=True, text=True, timeout=120
    )
    if result.returncode != 0:
        raise SystemExit(f"the bundle does not start: {result.stderr or result.stdout}")
    print(f"bundle answers: {result.stdout.strip()}")


def package_linux(bundle: Path, version: str) -> list[Path]:
    from debian import build_deb

    deb = build_deb(bundle, DIST, version)
    return [deb]


def package_windows(bundle: Path, version: str) -> list[Path]:
    iscc = shutil.which("ISCC") or shutil.which("iscc")
    default = Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"))
    if iscc is None and (default / "Inno Setup 6" / "ISCC.exe").is_file():
        iscc = str(default / "Inno Setup 6" / "ISCC.exe")
    if iscc is None:
        print("Inno Setup (ISCC.exe) not found: install Inno Setup 6 to build the installer.")
        return [_zip(bundle, version)]
    script = HERE / "windows" / "carnet-coop.iss"
    icon = WORK / "carnet-coop.ico"
    from PIL import Image

    Image.open(ROOT / "resources" / "icons" / "carnet-coop-256.png").save(
        icon, sizes=[(16, 16), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]
    )
    command = [iscc, f"/DAppVersion={version}", f"/DBundleDir={bundle}", f"/DIconFile={icon}"]
    if os.environ.get("CARNET_CA_FILE"):  # bake the organisation's CA into the installer
        command.append(f"/DCaFile={os.environ['CARNET_CA_FILE']}")
    command += [f"/O{DIST}", str(script)]
    subprocess.run(command, check=True)
    return [DIST / f"carnet-coop-{version}-setup.exe"]


def package_macos(bundle: Path, version: str) -> list[Path]:
    if shutil.which("hdiutil") is None:
        return [_zip(bundle, version)]
    dmg = DIST / f"carnet-coop-{version}.dmg"
    dmg.unlink(missing_ok=True)
    staging = WORK / "dmg"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    shutil.copytree(bundle, staging / bundle.name, symlinks=True)
    (staging / "Applications").symlink_to("/Applications")
    command = [
        "hdiutil", "create", "-volname", "Carnet COOP", "-srcfolder", str(staging),
        "-fs", "HFS+", "-format", "UDZO", "-ov", str(dmg),
    ]  # fmt: skip
    subprocess.run(command, check=True)
    return [dmg]


def _zip(bundle: Path, version: str) -> Path:
    archive = shutil.make_archive(
        str(DIST / f"carnet-coop-{version}"), "zip", bundle.parent, bundle.name
    )
    return Path(archive)


def report(bundle: Path, packages: list[Path], seconds: float) -> bool:
    """Print where the results are and their sizes; False when a Linux size target is missed."""
    unpacked = folder_size(bundle)
    print()
    print(f"Build finished in {seconds:.0f} s on {sys.platform}.")
    print(f"  bundle   : {bundle}")
    print(f"             {unpacked / MB:.1f} MB unpacked ({len(list(bundle.rglob('*')))} files)")
    ok = True
    for package in packages:
        size = package.stat().st_size
        print(f"  package  : {package}")
        print(f"             {size / MB:.1f} MB compressed (download)")
    if sys.platform.startswith("linux"):
        unpacked_ok = unpacked < TARGET_UNPACKED_MB * MB
        line = (
            f"  targets  : unpacked < {TARGET_UNPACKED_MB} MB {'met' if unpacked_ok else 'MISSED'}"
        )
        ok = unpacked_ok
        if packages:  # the download target applies to the package, when one was built
            download = max(p.stat().st_size for p in packages)
            download_ok = download < TARGET_DOWNLOAD_MB * MB
            line += f", download < {TARGET_DOWNLOAD_MB} MB {'met' if download_ok else 'MISSED'}"
            ok = ok and download_ok
        print(line)
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--skip-bundle", action="store_true", help="package the existing bundle, do not rebuild it"
    )
    parser.add_argument("--no-package", action="store_true", help="build the bundle only")
    args = parser.parse_args(argv)
    from coordinator_app import __version__

    started = time.monotonic()
    bundle = (
        (DIST / "Carnet COOP.app" if sys.platform == "darwin" else DIST / APP)
        if args.skip_bundle
        else build_bundle()
    )
    if not bundle.exists():
        raise SystemExit(f"no bundle at {bundle}: run without --skip-bundle")
    smoke_test(bundle)
    packages: list[Path] = []
    if not args.no_package:
        if sys.platform.startswith("linux"):
            packages = package_linux(bundle, __version__)
        elif sys.platform == "win32":
            packages = package_windows(bundle, __version__)
        elif sys.platform == "darwin":
            packages = package_macos(bundle, __version__)
    if not report(bundle, packages, time.monotonic() - started):
        print("warning: a size target is missed (see installers/README.md, 'Size').")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
