#!/usr/bin/env bash
# Starts Xvfb with a private HOME and runtime folder and runs the given
# command in it; used by the smoke test, the start-up benchmark and for
# screenshots. Usage: scripts/xvfb-session.sh DISPLAY_NUMBER COMMAND...
set -euo pipefail
num=$1; shift
work=$(mktemp -d)
trap 'kill $xvfb_pid ${DBUS_SESSION_BUS_PID:-} 2>/dev/null || true; rm -rf "$work"' EXIT
export DISPLAY=:$num HOME="$work/home" XDG_RUNTIME_DIR="$work/run" LANG=${LANG:-C}
export XDG_CACHE_HOME="$HOME/.cache" XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share"
mkdir -p "$XDG_RUNTIME_DIR" "$XDG_CACHE_HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" && chmod 700 "$XDG_RUNTIME_DIR"
Xvfb "$DISPLAY" -screen 0 "${XVFB_SCREEN:-1366x768x24}" -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 100); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.05; done
eval "$(dbus-launch --sh-syntax)" # one session bus, ended with the session
WORK="$work" "$@"
