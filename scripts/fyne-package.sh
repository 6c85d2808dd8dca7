#!/usr/bin/env bash
# Runs 'fyne package' on cmd/aoce-desktop with the top-level FyneApp.toml:
# fyne reads FyneApp.toml beside main, so a copy (its icon path made relative
# to it) sits there for the build only. The package is left in cmd/aoce-desktop.
# Usage: scripts/fyne-package.sh FYNE-BINARY [fyne package flags]
set -euo pipefail
cd "$(dirname "$0")/.."
fyne=$(realpath "$1")
shift
copy=$PWD/cmd/aoce-desktop/FyneApp.toml
sed 's#"assets/#"../../assets/#' FyneApp.toml > "$copy"
trap 'rm -f "$copy"' EXIT
cd cmd/aoce-desktop
"$fyne" package "$@"
