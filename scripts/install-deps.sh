#!/usr/bin/env bash
# Installs the Debian packages AoCE Desktop needs, if any is missing:
#   build   C headers for Fyne's cgo (OpenGL, X11, Wayland)
#   test    Xvfb and tools to start the real window headless and look at it,
#           LibreOffice (Writer, Calc, Draw, Impress) and poppler to open our exports, with the metric twins
#           of the fonts our documents name (Liberation Sans for Arial in DOCX,
#           Carlito for Calibri in XLSX) so that LibreOffice lays them out as
#           Word and Excel do, DejaVu for the PDFs tests write, Chromium and
#           chromedriver for the live page, curl and zbar (zbarimg) for the smoke
#           test's phones, which scan the QR code on the screen and vote
#   dist    the MinGW-w64 cross compiler, for the Windows program 'make dist'
#           builds here (Fyne's cgo needs a C compiler for the target)
# The app itself needs no font package: it embeds its fonts, and partners'
# Word and Excel have Arial and Calibri.
# Usage: scripts/install-deps.sh [build] [test] [dist]
set -euo pipefail
build=(gcc pkg-config libgl1-mesa-dev xorg-dev libwayland-dev libxkbcommon-dev)
test=(xvfb xdotool imagemagick dbus-x11 x11-utils libreoffice-calc-nogui libreoffice-writer-nogui libreoffice-draw-nogui libreoffice-impress-nogui poppler-utils
  fonts-liberation2 fonts-crosextra-carlito fonts-dejavu-core chromium chromium-driver curl zbar-tools)
dist=(gcc-mingw-w64-x86-64 xz-utils zip)
want=()
for group in "${@:-build}"; do
  case "$group" in
    build) want+=("${build[@]}") ;;
    test) want+=("${test[@]}") ;;
    dist) want+=("${dist[@]}") ;;
    *) echo "unknown group $group" >&2; exit 2 ;;
  esac
done
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing: ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
