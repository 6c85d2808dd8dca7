#!/usr/bin/env bash
# Takes the README's screenshots from the real app under Xvfb, driving it
# with xdotool (coordinates are for the default 1180×720 window).
# Usage: scripts/screenshots.sh [OUT_DIR] (default docs/screenshots)
# SESSIONS="workspace study" takes only those; BIN=FILE uses a built binary;
# XVFB_DISPLAY=N picks the display number (default 93).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
export OUT=$(realpath -m "${1:-$here/docs/screenshots}") BIN="${BIN:-$here/aoce-desktop}"
mkdir -p "$OUT"
[ "$BIN" != "$here/aoce-desktop" ] || (cd "$here" && go build -o aoce-desktop ./cmd/aoce-desktop)

# demo_db NAME: a fresh database with the demo network in $WORK/NAME; sets db.
demo_db() {
  db=$WORK/$1/s.db
  mkdir -p "$WORK/$1"
  "$BIN" demo --db "$db" >/dev/null
}
# open_app: starts the app on $db and waits for its window; sets pid and win.
open_app() {
  "$BIN" --db "$db" >"$WORK/app.log" 2>&1 &
  pid=$!
  win=$(timeout 20 xdotool search --sync --onlyvisible --name "AoCE Desktop" | head -1)
}

session() {
  set -euo pipefail
  db=$WORK/s.db
  open_app
  sleep 1; import -window "$win" "$OUT/welcome.png"
  xdotool mousemove 590 434 click 1; sleep 1           # Open the demo network
  import -window "$win" "$OUT/overview.png"
  xdotool key --window "$win" ctrl+2; sleep 0.6        # Partners
  xdotool mousemove 320 495 click 1; sleep 0.6         # Genk
  import -window "$win" "$OUT/partners.png"
  xdotool mousemove 1000 303 click 1; sleep 0.2        # Population field
  xdotool key --window "$win" ctrl+a; xdotool type --window "$win" "about 67 000"; sleep 0.4
  import -window "$win" "$OUT/partner-validation.png"
  xdotool mousemove 1053 694 click 1; sleep 0.3        # Revert
  xdotool key --window "$win" ctrl+i; sleep 0.6        # Import…
  xdotool mousemove 590 406 click 1; sleep 0.6         # Paste lines
  for line in "PARTNERS :" "LEAD PARTNER : Braga - Portugal" "* Varna - Bulgaria" "* Gdansk - Poland"; do
    xdotool type --window "$win" -- "$line"; xdotool key --window "$win" Return
  done
  xdotool mousemove 640 516 click 1; sleep 0.8         # Preview
  import -window "$win" "$OUT/import-preview.png"
  xdotool mousemove 543 606 click 1; sleep 0.4         # Cancel
  xdotool key --window "$win" ctrl+3; sleep 0.8        # Matrix
  xdotool mousemove 600 240 click 1; sleep 0.4         # Genk × 1.1
  import -window "$win" "$OUT/matrix.png"
  xdotool key --window "$win" F11; sleep 1             # Presenter
  xdotool key --window "$win" Right Down Down bracketright; sleep 0.6
  import -window "$win" "$OUT/presenter-theme.png"
  xdotool key --window "$win" p; sleep 0.6
  import -window "$win" "$OUT/presenter-peers.png"
  xdotool key --window "$win" Escape; sleep 0.5
  xdotool key --window "$win" ctrl+4; sleep 0.6        # Peer learning
  import -window "$win" "$OUT/peer-learning.png"
  kill -TERM "$pid"; wait "$pid" || true
  "$BIN" matrix export --db "$db" --out "$WORK/matrix.png" >/dev/null
  convert "$WORK/matrix.png" "$OUT/matrix-slide.png"
  convert "$WORK/matrix.png" -colorspace Gray "$OUT/matrix-slide-grayscale.png"
}
# The Surveys screen on the example Online Academy survey: the import
# wizard, results of every question kind, the answers with search, the
# presenter, a chart PNG and a page of the PDF report.
surveys() {
  set -euo pipefail
  demo_db surveys
  cp "$EXAMPLE" "$WORK/surveys/"
  open_app
  sleep 1
  xdotool mousemove 60 330 click 1; sleep 0.8          # Surveys
  xdotool key --window "$win" ctrl+u; sleep 1.2        # Import… opens in the database's folder
  xdotool mousemove 502 215 click 1; sleep 0.3         # the example file
  xdotool mousemove 934 617 click 1; sleep 1.2         # Open
  import -window "$win" "$OUT/survey-wizard.png"
  xdotool mousemove 636 605 click 1; sleep 2           # Import
  import -window "$win" "$OUT/survey-results.png"
  xdotool mousemove 840 450; for _ in $(seq 16); do xdotool click 5; done; sleep 0.5
  import -window "$win" "$OUT/survey-results-scales-words.png"
  for _ in $(seq 40); do xdotool click 5; done; sleep 0.5
  import -window "$win" "$OUT/survey-results-ranking-points.png"
  for _ in $(seq 40); do xdotool click 5; done; sleep 0.5
  import -window "$win" "$OUT/survey-answers.png"
  xdotool mousemove 1125 100 click 1; sleep 1.2        # Present
  xdotool key --window "$win" Right Right Right Right; sleep 0.8
  import -window "$win" "$OUT/survey-presenter.png"
  xdotool key --window "$win" Escape; sleep 0.5
  kill -TERM "$pid"; wait "$pid" || true
  "$BIN" survey export online-academy-2 --db "$db" --question 6 --out "$OUT/survey-chart.png" >/dev/null
  "$BIN" survey export online-academy-2 --db "$db" --out "$WORK/report.pdf" >/dev/null
  pdftoppm -r 70 -png -f 1 -l 1 -singlefile "$WORK/report.pdf" "$OUT/survey-report-page1"
}
# A live session on a 1920×1080 screen: the presenter with the join
# address, code and QR code while phones (curl) vote, and the results after.
livesession() {
  set -euo pipefail
  demo_db live
  "$BIN" survey import "$TEMPLATE" --db "$db" --title "Online Academy 4 — learning needs" >/dev/null
  open_app
  sleep 1
  xdotool mousemove 60 330 click 1; sleep 0.8           # Surveys
  xdotool mousemove 300 100 click 1; sleep 1            # the survey
  xdotool mousemove 842 139 click 1; sleep 1            # Questions…
  xdotool mousemove 300 207 click 1; sleep 0.5          # the scales question
  import -window "$win" "$OUT/question-editor.png"
  xdotool mousemove 527 625 click 1; sleep 0.5          # Cancel
  xdotool mousemove 1065 139 click 1; sleep 1           # Run live…
  xdotool mousemove 622 493 click 1; sleep 1.5          # Start
  xdotool windowunmap "$(xdotool search --name "Live controls" | head -1)"  # the controls window, off the projector
  line=$(grep "live session" "$WORK/app.log")
  url=$(echo "$line" | sed -E 's/.*join at (\S+) with the code ([0-9]+).*/\1/')
  code=$(echo "$line" | sed -E 's/.*join at (\S+) with the code ([0-9]+).*/\2/')
  opts=("Working together with citizens" "Innovators coming into government" "Focus on staff" "New working methods")
  for i in $(seq 23); do
    jar=$WORK/live/jar$i
    curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "code=$code" "${url}join"
    curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "q=0" --data-urlencode "v=${opts[$(( (i * 7 % 10) / 3 ))]}" "${url}vote"
  done
  sleep 1.2
  import -window root "$OUT/live-presenter.png"
  xdotool key --window "$win" Escape; sleep 0.4
  xdotool key --window "$win" Return; sleep 0.8         # end the session
  kill -TERM "$pid"; wait "$pid" || true
}
# The learning grids of the demo: Genk's grid of Core Network Meeting 2,
# then Gdańsk's actions reviewed at Core Network Meeting 3.
grids() {
  set -euo pipefail
  demo_db grids
  open_app
  sleep 1
  xdotool mousemove 60 409 click 1; sleep 1            # Learning grids
  import -window "$win" "$OUT/learning-grid.png"
  # The choosers' lists are walked with the keyboard: positions change as meetings are added.
  xdotool mousemove 560 100 click 1; sleep 0.6          # partner…
  xdotool key --window "$win" --delay 60 Down Down Down Down Down Down Return; sleep 0.6   # …Gdańsk (6th)
  xdotool mousemove 330 100 click 1; sleep 0.6          # meeting…
  xdotool key --window "$win" --delay 60 $(printf 'Down %.0s' $(seq 16)) Return; sleep 0.8 # …Core Network Meeting 3 (16th)
  import -window "$win" "$OUT/learning-grid-review.png"
  kill -TERM "$pid"; wait "$pid" || true
}
# The roadmap area: the roadmap, a ULG meeting opened from it, the
# milestones, and the presenter on a 1080p screen.
roadmap() {
  set -euo pipefail
  demo_db roadmap
  open_app
  sleep 1
  xdotool mousemove 60 487 click 1; sleep 1            # Roadmap
  import -window "$win" "$OUT/roadmap.png"
  xdotool mousemove 916 659 click 1; sleep 1           # Iași's first ULG meeting
  import -window "$win" "$OUT/roadmap-meeting.png"
  xdotool mousemove 436 97 click 1; sleep 1            # Milestones
  import -window "$win" "$OUT/roadmap-milestones.png"
  xdotool mousemove 260 97 click 1; sleep 0.6          # Roadmap
  xdotool mousemove 1128 146 click 1; sleep 1.5        # Present
  import -window root "$OUT/roadmap-presenter.png"
  xdotool key Right; sleep 1
  import -window root "$OUT/roadmap-presenter-2.png"
  xdotool key Escape; sleep 0.5
  kill -TERM "$pid"; wait "$pid" || true
}
# The Baseline Study: the editor with its preview, the generated partner
# profiles, the versions and a section compared; then pages of its PDF.
study() {
  set -euo pipefail
  demo_db study
  open_app
  sleep 1
  xdotool mousemove 60 526 click 1; sleep 1.5          # Baseline Study
  xdotool mousemove 330 213 click 1; sleep 1           # The policy challenge
  import -window "$win" "$OUT/study-editor.png"
  xdotool mousemove 330 370 click 1; sleep 1.5         # Partner profiles
  import -window "$win" "$OUT/study-profiles.png"
  xdotool mousemove 330 643 click 1; sleep 1           # Local work with the URBACT Local Groups
  xdotool mousemove 1015 97 click 1; sleep 1           # Versions…
  import -window "$win" "$OUT/study-versions.png"
  xdotool mousemove 614 516 click 1; sleep 1.5         # Compare a section…
  import -window "$win" "$OUT/study-compare.png"
  kill -TERM "$pid"; wait "$pid" || true
  "$BIN" study export --db "$db" --out "$WORK/study.pdf" >/dev/null
  pdftoppm -r 60 -png -f 1 -l 1 "$WORK/study.pdf" "$WORK/p" && mv "$WORK"/p-*1.png "$OUT/study-pdf-page1.png"
  pdftoppm -r 60 -png -f 11 -l 11 "$WORK/study.pdf" "$WORK/m" && mv "$WORK"/m-*11.png "$OUT/study-pdf-matrix.png"
}
# The workspace on a 1280×720 laptop screen: the new-network wizard's
# three steps, the network switcher, the search (everything, then the
# study's own with the word found selected) and the light theme.
workspace() {
  set -euo pipefail
  demo_db workspace
  "$BIN" network create --db "$db" --name "Cities of Water" --acronym CoW >/dev/null
  "$BIN" survey import "$EXAMPLE" --db "$db" --network "Agents of Co-Existence" >/dev/null
  open_app
  xdotool windowsize "$win" 1280 720; sleep 1.5
  xdotool key --window "$win" ctrl+shift+n; sleep 1     # File → New network…
  for f in "Cities of Tomorrow" "CoT" "1.6.2023" "31/05/2026" "Ana Horvat"; do
    xdotool type --window "$win" --delay 30 "$f"; xdotool key --window "$win" Tab
  done; sleep 0.6
  import -window root "$OUT/wizard-network.png"
  xdotool mousemove 672 605 click 1; sleep 1             # Next
  for line in "LEAD PARTNER : Genk - Belgium" "* Osijek - Croatia" "* Gdansk - Poland" "* Varna - Bulgaria" "* Braga - Portugal"; do
    xdotool type --window "$win" --delay 20 -- "$line"; xdotool key --window "$win" Return
  done; sleep 0.6
  import -window root "$OUT/wizard-partners.png"
  xdotool key --window "$win" ctrl+Return; sleep 1      # Next
  for line in "1 Working with citizens" "  1.1 Participatory budgets" "  1.2 Youth councils" "2 Open administration" \
    "  2.1 Transparency" "  2.2 Data for all" "3 Digital (horizontal)" "  3.1 Online participation"; do
    xdotool type --window "$win" --delay 20 -- "$line"; xdotool key --window "$win" Return
  done; sleep 0.6
  import -window root "$OUT/wizard-themes.png"
  xdotool key --window "$win" ctrl+Return; sleep 1.5    # Create
  xdotool key --window "$win" ctrl+shift+o; sleep 1     # Switch network…
  import -window root "$OUT/network-switcher.png"
  xdotool type --window "$win" --delay 40 "agents"; sleep 0.5; xdotool key --window "$win" Return; sleep 1.5
  xdotool key --window "$win" ctrl+k; sleep 1           # Search everything
  xdotool type --window "$win" --delay 60 "gdansk"; sleep 1
  import -window root "$OUT/search.png"
  xdotool key --window "$win" Escape; sleep 0.4
  xdotool mousemove 84 525 click 1; sleep 1.2           # Baseline Study
  xdotool key --window "$win" ctrl+f; sleep 1           # its search
  xdotool type --window "$win" --delay 60 "residents"; sleep 1
  import -window root "$OUT/search-screen.png"
  xdotool key --window "$win" Down; sleep 0.3; xdotool key --window "$win" Return; sleep 1.2
  import -window root "$OUT/search-study.png"
  xdotool key --window "$win" ctrl+comma; sleep 1       # Settings…
  xdotool mousemove 644 259 click 1; sleep 0.3          # Light
  xdotool mousemove 672 495 click 1; sleep 1            # Save
  xdotool key --window "$win" ctrl+3; sleep 1.5         # Matrix
  import -window root "$OUT/light-matrix.png"
  kill -TERM "$pid"; wait "$pid" || true
}
export -f demo_db open_app session surveys livesession grids roadmap study workspace
export TEMPLATE="$here/assets/examples/survey-template.csv"
export EXAMPLE="$here/assets/examples/online-academy-2.csv"
for s in ${SESSIONS:-session surveys livesession grids roadmap study workspace}; do
  case $s in
    livesession | roadmap) screen=1920x1080x24 ;;
    workspace) screen=1280x720x24 ;;
    *) screen=1366x768x24 ;;
  esac
  XVFB_SCREEN=$screen "$here/scripts/xvfb-session.sh" "${XVFB_DISPLAY:-93}" bash -c "$s"
done
ls -1 "$OUT"
