#!/usr/bin/env bash
# Idle memory of UsageLens: its RSS after starting on its demo data and idling 2 s, offscreen,
# against the bare Qt Widgets window of bench/cold-start.
#
#   bench/memory/idle-memory.sh [BUILD_DIR] [RUNS] [IDLE_SECONDS]    (defaults: build/release, 5, 2)
#
# Needs the targets usagelens and bench_cold_start_bare built in BUILD_DIR. A first run creates the
# demo data (the embedded sandbox seeds it; --quit-after-shown waits for the sandbox to stop). Each
# measured run starts the program in the background, waits 0.5 s (a cold start takes < 0.1 s) and
# IDLE_SECONDS more, reads VmRSS and VmHWM of /proc/PID/status, and ends that process (SIGTERM to
# its pid). Prints the medians in MB and the ratio to the bare window. Prints figures, never asserts.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${1:-$root/build/release}
runs=${2:-5}
idle=${3:-2}
# shellcheck source=../common/app-env.sh
source "$root/bench/common/app-env.sh" # $app, $bare, $scratch, median()

"$app" --data-dir "$scratch/app-data" --quit-after-shown >/dev/null 2>&1 # creates the demo data

# sample FILE COMMAND...: one run; appends "<VmRSS MB> <VmHWM MB>" to FILE.
sample() {
    local file=$1 pid
    shift
    "$@" >/dev/null 2>&1 &
    pid=$!
    sleep 0.5
    sleep "$idle"
    awk '/^VmRSS:/ { rss = $2 } /^VmHWM:/ { hwm = $2 } END { printf "%.1f %.1f\n", rss / 1024, hwm / 1024 }' \
        "/proc/$pid/status" >>"$file"
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

for ((i = 1; i <= runs; i++)); do
    sample "$scratch/bare" "$bare" --stay
    sample "$scratch/app" "$app" --data-dir "$scratch/app-data"
done

echo "Idle memory, offscreen, 0.5 + ${idle} s after launch, medians of $runs runs ($build)"
printf '%-52s %10s %8s %12s\n' "" "RSS" "ratio" "peak (HWM)"
row() {
    awk -v l="$1" -v r="$(median "$2" 1)" -v h="$(median "$2" 2)" -v br="$(median "$scratch/bare" 1)" \
        'BEGIN { printf "%-52s %7.1f MB %7.2f× %9.1f MB\n", l, r, r / br, h }'
}
row "bare window (QMainWindow, menu bar, table)" "$scratch/bare"
row "usagelens on its demo data (sandbox embedded)" "$scratch/app"
