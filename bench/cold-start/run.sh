#!/usr/bin/env bash
# Cold start of UsageLens against a bare Qt Widgets window, offscreen, as whole processes.
#
#   bench/cold-start/run.sh [BUILD_DIR] [RUNS]      (defaults: build/release, 15)
#
# Needs the targets usagelens and bench_cold_start_bare built in BUILD_DIR. Each run times:
#   - the bare window (QMainWindow + menu bar + QTableView);
#   - usagelens on a fresh data folder: the first run, which also creates the demo data;
#   - usagelens again on that folder: the cold start of an existing installation.
# Both programs print "window shown after N ms" (from the start of main()) and the wall-clock
# moment the window was shown. Per program this prints the medians of
#   exec → shown   from just before exec to the window shown: dynamic loading included
#   exec → exit    the whole process, including (for usagelens) stopping the sandbox cleanly,
#                  which waits for it to finish opening its database if it has not yet
#   main → shown   the program's own figure
# and the ratios to the bare window. Target: usagelens exec → shown ≤ 2× the bare window's.
# Prints figures, never asserts.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${1:-$root/build/release}
runs=${2:-15}
# shellcheck source=../common/app-env.sh
source "$root/bench/common/app-env.sh" # $app, $bare, $scratch, median()

# time_run FILE COMMAND...: runs COMMAND once, appends "<exec→shown> <exec→exit> <main→shown>" (ms) to FILE.
# $EPOCHREALTIME is read by bash itself, so no extra process sits between it and the exec.
time_run() {
    local file=$1 start end output
    shift
    start=$EPOCHREALTIME
    output=$("$@" 2>/dev/null)
    end=$EPOCHREALTIME
    awk -v start="$start" -v end="$end" -v file="$file" '
        /^window shown after [0-9]+ ms$/ { main = $4 }
        /^window shown at [0-9.]+ / { shown = $4 }
        END {
            if (main == "" || shown == "") { print "no cold-start report in the output" > "/dev/stderr"; exit 1 }
            printf "%.2f %.2f %s\n", (shown - start) * 1000, (end - start) * 1000, main >> file
        }' <<<"$output" || { echo "from: $*" >&2; exit 1; }
}

# Warm the page cache, so the first timed run is not the only one reading the binaries from disk.
"$bare" >/dev/null 2>&1
"$app" --data-dir "$scratch/warm-up" --quit-after-shown >/dev/null 2>&1

for ((i = 1; i <= runs; i++)); do
    time_run "$scratch/bare" "$bare"
    time_run "$scratch/first" "$app" --data-dir "$scratch/run-$i" --quit-after-shown
    time_run "$scratch/existing" "$app" --data-dir "$scratch/run-$i" --quit-after-shown
    rm -rf "$scratch/run-$i"
done

row() { # LABEL FILE
    local shown wall main
    shown=$(median "$2" 1) wall=$(median "$2" 2) main=$(median "$2" 3)
    awk -v l="$1" -v s="$shown" -v w="$wall" -v m="$main" \
        -v bs="$(median "$scratch/bare" 1)" -v bw="$(median "$scratch/bare" 2)" -v bm="$(median "$scratch/bare" 3)" \
        'BEGIN { printf "%-46s %7.1f ms %5.2f×  %7.1f ms %5.2f×  %5.0f ms %5.2f×\n", l, s, s / bs, w, w / bw, m, (bm > 0 ? m / bm : 0) }'
}

echo "Cold start, offscreen, medians of $runs runs ($build, $(nproc) cores)"
printf '%-46s %16s  %16s  %14s\n' "" "exec → shown" "exec → exit" "main → shown"
row "bare window (QMainWindow, menu bar, table)" "$scratch/bare"
row "usagelens, existing data (the cold start)" "$scratch/existing"
row "usagelens, first run (creates the demo data)" "$scratch/first"
echo "Ratios are to the bare window. Target: usagelens exec → shown ≤ 2× the bare window's."
