#!/usr/bin/env bash
# Start-up benchmark: time from launch to the window being mapped, for an
# empty Fyne window and for AoCE Desktop on the demo network, under Xvfb.
# Launches alternate so both see the same machine load. Prints the medians
# and the ratio. Usage: scripts/bench-startup.sh [RUNS] (default 9)
set -euo pipefail
runs=${1:-9}
here=$(cd "$(dirname "$0")/.." && pwd)
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
(cd "$here" && go build -o "$bin/aoce-desktop" ./cmd/aoce-desktop && go build -o "$bin/emptywindow" ./tools/emptywindow)

measure() { # measure TITLE COMMAND... → milliseconds to a visible window
  local title=$1; shift
  local start end pid
  start=$(date +%s%N)
  "$@" >"$WORK/launch.log" 2>&1 &
  pid=$!
  until xdotool search --onlyvisible --name "$title" >/dev/null 2>&1; do
    sleep 0.005
    if ! kill -0 $pid 2>/dev/null; then
      echo "$title exited before showing a window:" >&2; cat "$WORK/launch.log" >&2; exit 1
    fi
    if (( ($(date +%s%N) - start) > 30000000000 )); then echo "timeout: $title" >&2; cat "$WORK/launch.log" >&2; kill $pid; exit 1; fi
  done
  end=$(date +%s%N)
  kill -TERM $pid; wait $pid 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

bench() {
  db="$WORK/bench.db"
  "$bin/aoce-desktop" demo --db "$db" >/dev/null
  # one warm-up each: the first launch pays for disk caches
  measure "Empty Fyne window" "$bin/emptywindow" >/dev/null
  measure "AoCE Desktop" "$bin/aoce-desktop" --db "$db" >/dev/null
  : >"$WORK/empty.txt"; : >"$WORK/aoce.txt"
  for _ in $(seq "$runs"); do
    measure "Empty Fyne window" "$bin/emptywindow" >>"$WORK/empty.txt"
    measure "AoCE Desktop" "$bin/aoce-desktop" --db "$db" >>"$WORK/aoce.txt"
  done
  e=$(median <"$WORK/empty.txt"); a=$(median <"$WORK/aoce.txt")
  echo "empty Fyne window: median ${e} ms  (runs: $(tr '\n' ' ' <"$WORK/empty.txt"))"
  echo "AoCE Desktop:      median ${a} ms  (runs: $(tr '\n' ' ' <"$WORK/aoce.txt"))"
  awk -v a="$a" -v e="$e" 'BEGIN {printf "ratio AoCE / empty window: %.2f\n", a / e}'
}
export -f measure median bench
export bin runs
"$here/scripts/xvfb-session.sh" 96 bash -c bench
