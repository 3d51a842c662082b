#!/usr/bin/env bash
# Linux installer check, called by .ci/run: build the PyInstaller bundle and the .deb, install it
# with dpkg -i, run the installed app (--version, self-test), check its menu entry and icon, then
# remove and purge it and check that a user's profile made with it is still there, unchanged.
# Prints the sizes. Exits non-zero on the first failure. Works on a fresh Debian 12 machine.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
fail() { echo "ÉCHEC installers: $*" >&2; exit 1; }

echo "-- tools for building and checking the package"
# dpkg-deb builds, binutils' strip shrinks the bundle, xz compresses, desktop-file-validate checks
# the menu entry, fakeroot is the fallback for old dpkg-deb without --root-owner-group.
NEED=""
for pkg in dpkg-dev fakeroot binutils xz-utils desktop-file-utils; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || NEED="$NEED $pkg"
done
if [ -n "$NEED" ]; then
  $SUDO apt-get update -qq
  # shellcheck disable=SC2086
  $SUDO apt-get install -y -qq $NEED >/dev/null
fi
python -c "import PyInstaller" 2>/dev/null || python -m pip install --quiet "pyinstaller>=6.5"

echo "-- build"
python installers/build.py | tee /tmp/carnet-build.log
DEB=$(ls -t installers/dist/carnet-coop_*.deb | head -n1)
[ -f "$DEB" ] || fail "no .deb in installers/dist"
dpkg-deb --info "$DEB" | sed -n '/Package:/,/Description:/p'

echo "-- install with dpkg -i"
if dpkg-query -W -f='${Status}' carnet-coop 2>/dev/null | grep -q "installed"; then
  $SUDO dpkg -P carnet-coop >/dev/null
fi
if ! $SUDO dpkg -i "$DEB"; then
  echo "dpkg -i stopped on missing dependencies: letting apt install them"
  $SUDO apt-get update -qq
  $SUDO apt-get install -f -y -qq >/dev/null
fi
dpkg-query -W -f='${Status}\n' carnet-coop | grep -q "install ok installed" || fail "not installed"

echo "-- the installed app"
# (on a development machine a pip-installed coordinator-app may come first in PATH)
[ -x /usr/bin/coordinator-app ] || fail "no launcher at /usr/bin/coordinator-app"
PATH=/usr/sbin:/usr/bin:/sbin:/bin command -v coordinator-app | grep -qx /usr/bin/coordinator-app \
  || fail "launcher not on the standard PATH"
/usr/bin/coordinator-app --version | tee /tmp/carnet-version.txt
grep -q "^Carnet COOP " /tmp/carnet-version.txt || fail "--version does not name the app"
QT_QPA_PLATFORM=offscreen /usr/bin/coordinator-app self-test || fail "self-test of the installed app"

echo "-- menu entry and icon"
DESKTOP=/usr/share/applications/carnet-coop.desktop
desktop-file-validate "$DESKTOP" || fail "invalid $DESKTOP"
grep -qx "Name=Carnet COOP" "$DESKTOP" || fail "menu entry is not named « Carnet COOP »"
grep -qx "Exec=coordinator-app" "$DESKTOP" || fail "menu entry does not start coordinator-app"
[ -f /usr/share/icons/hicolor/256x256/apps/carnet-coop.png ] || fail "icon missing"

echo "-- a user's profile made with the installed app"
USER_HOME=$(mktemp -d /tmp/carnet-user-XXXX)
PROFILE="$USER_HOME/.local/share/carnet-coop"
# The passphrase is only used if the profile is encrypted without a keyring (none on CI).
HOME="$USER_HOME" XDG_DATA_HOME="$USER_HOME/.local/share" COORDINATOR_APP_PASSPHRASE="ci-profile" \
  /usr/bin/coordinator-app demo >/dev/null || fail "demo data in the user's profile"
[ -f "$PROFILE/carnet.db" ] || fail "profile not at $PROFILE"
BEFORE=$(find "$PROFILE" -type f -name 'carnet.db*' -exec sha256sum {} + | sort)

echo "-- remove and purge"
$SUDO dpkg -r carnet-coop >/dev/null
$SUDO dpkg -P carnet-coop >/dev/null
[ ! -e /opt/carnet-coop ] || fail "/opt/carnet-coop left behind"
[ ! -e /usr/bin/coordinator-app ] || fail "/usr/bin/coordinator-app left behind"
[ ! -e "$DESKTOP" ] || fail "$DESKTOP left behind"
AFTER=$(find "$PROFILE" -type f -name 'carnet.db*' -exec sha256sum {} + | sort)
[ "$BEFORE" = "$AFTER" ] || fail "the user's profile changed or vanished on uninstall"
echo "profile kept: $PROFILE ($(du -sh "$PROFILE" | cut -f1))"
rm -rf "$USER_HOME"

echo "-- sizes"
grep -E "MB (unpacked|compressed)|targets" /tmp/carnet-build.log
echo "OK installers: .deb built, installed, self-tested, removed; the user's profile was kept"
