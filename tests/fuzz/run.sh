#!/usr/bin/env bash
# Runs every libFuzzer target of a USAGELENS_FUZZ build for a short, fixed time, starting from
# its corpus in tests/fuzz/corpus/<name>/ (copied: new inputs stay in a scratch directory), and
# prints executions per second. A crash fails the run and leaves its input in
# <build>/fuzz/artifacts/; after the fix, add that file to the target's corpus as a regression case.
#
#   tests/fuzz/run.sh BUILD_DIR [SECONDS_PER_TARGET=15] [TARGET...]
set -euo pipefail

build=$(cd "${1:?usage: run.sh BUILD_DIR [SECONDS] [TARGET...]}" && pwd)
seconds=${2:-15}
shift $(( $# >= 2 ? 2 : 1 ))
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    for exe in "$build"/fuzz/fuzz_*; do
        [ -x "$exe" ] && targets+=("$(basename "$exe" | sed 's/^fuzz_//')")
    done
fi
[ ${#targets[@]} -gt 0 ] || { echo "no fuzz targets in $build/fuzz (configure with USAGELENS_FUZZ=ON)" >&2; exit 1; }

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$build/fuzz/artifacts"
failed=0
printf '%-20s %12s %10s %8s %s\n' target executions "execs/s" corpus result
for name in "${targets[@]}"; do
    work="$scratch/$name"
    mkdir -p "$work"
    [ -d "$here/corpus/$name" ] && cp -r "$here/corpus/$name/." "$work/"
    logfile="$scratch/$name.log"
    status=ok
    if ! "$build/fuzz/fuzz_$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
        -print_final_stats=1 -artifact_prefix="$build/fuzz/artifacts/$name-" "$work" >"$logfile" 2>&1; then
        status=CRASH
        failed=1
    fi
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$logfile" | tail -1)
    took=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$logfile" | tail -1)
    rate=$(( ${runs:-0} / ( ${took:-$seconds} > 0 ? ${took:-$seconds} : 1 ) ))
    printf '%-20s %12s %10s %8s %s\n' "$name" "${runs:-?}" "$rate" "$(ls "$work" | wc -l)" "$status"
    if [ "$status" != ok ]; then
        grep -E 'ERROR|SUMMARY|fuzz check failed|Test unit written' "$logfile" | head -20 >&2
        tail -60 "$logfile" >&2
    fi
done
exit $failed
