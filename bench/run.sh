#!/usr/bin/env bash
# Runs every benchmark from the release build and prints every figure (benchmarks never assert).
#
#   bench/run.sh [bench_sandbox_ingest options...]     e.g. bench/run.sh --events 50000
#
# Configures and builds the release preset (build/release, or $USAGELENS_BUILD_DIR; only the
# benchmark targets and what they need), installs the Orb SDK for the SDK comparison if it is missing (npm ci in
# tests/conformance), then runs (docs/performance.md explains every figure):
#   1. bench_sandbox_ingest: sandbox ingest throughput on 1,000,000 events with the app's client
#      (QNetworkAccessManager, pre-serialized bodies) at concurrency 1 and 4, the sandbox's handler
#      alone (no HTTP), the official Orb TypeScript SDK against the same kind of sandbox
#      (bench/sdk-ingest.mjs) and the app-client/SDK ratio; 500-id search latency on the 1,000,000
#      stored events from the app client and from the SDK, same sandbox; the demo seeding time;
#   2. bench_client_overhead: OrbClient vs the SDK against a server that answers at once (ratio);
#   3. bench_decode: EventCodec vs simdjson on search answers, ImportReader vs simdjson on a JSONL
#      import file (ratios to simdjson walked into structs, and to its bare parse);
#   4. bench/cold-start/run.sh (cold start vs a bare window), bench/memory/idle-memory.sh (idle
#      RSS), bench_workspace (the 1,000,000-event workspace);
#   5. bench_responsiveness: the longest GUI-thread stall while an ImportJob imports 200,000 events
#      through the outbox and 500-id searches run in the shown window.
#   6. bench_import: a 1,000,000-event JSONL file imported into a backfill through ImportJob and the
#      outbox (events/s, peak RSS) and sent by the Orb SDK in batches of 500 to the same sandbox; ratio.
# Environment: BENCH_QUICK=1 runs smaller sizes (200,000 sandbox events, 100,000 in the
# workspace, fewer runs) for a quick look; the figures in docs/performance.md are from full runs.
# The figures are noisy on shared 2-core machines (±30 %): compare ratios taken in one run.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
build=${USAGELENS_BUILD_DIR:-$root/build/release} # another build directory: USAGELENS_BUILD_DIR=...

section() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

if [ ! -f tests/conformance/node_modules/orb-billing/package.json ]; then
    if command -v npm >/dev/null; then
        section "installing the Orb SDK (npm ci --prefix tests/conformance)"
        npm ci --prefix tests/conformance --no-audit --no-fund --loglevel=error
    else
        echo "npm not found: the Orb SDK comparison will be skipped" >&2
    fi
fi

section "configuring and building the release preset ($build)"
cmake --preset release -B "$build" >/dev/null
targets=(bench_sandbox_ingest bench_client_overhead bench_decode bench_workspace bench_responsiveness usagelens bench_cold_start_bare bench_import usagelens-sandbox)
cmake --build "$build" --target "${targets[@]}"

quick=${BENCH_QUICK:-}
sandbox_args=() workspace_args=() cold_runs=15 memory_runs=5
if [ -n "$quick" ]; then
    sandbox_args=(--events 200000) workspace_args=(--events 100000 --repeat 3) cold_runs=5 memory_runs=3
fi
export QT_QPA_PLATFORM=offscreen QT_LOGGING_RULES='qt.qpa.*=false'

section "1. sandbox: ingest and 500-id search on 1,000,000 stored events, demo seeding; app client vs the Orb SDK"
"$build/bench/bench_sandbox_ingest" "${sandbox_args[@]}" "$@"

section "2. client overhead: OrbClient vs the Orb SDK against a server that answers at once"
"$build/bench/bench_client_overhead"

section "3. decode: EventCodec and ImportReader vs simdjson on the same bytes"
"$build/bench/bench_decode"

section "4a. app: cold start"
bash bench/cold-start/run.sh "$build" "$cold_runs"

section "4b. app: idle memory"
bash bench/memory/idle-memory.sh "$build" "$memory_runs"

section "4c. app: the 1,000,000-event local workspace"
"$build/bench/bench_workspace" "${workspace_args[@]}"

section "5. window responsiveness: GUI-thread stalls during a bulk import and searches"
"$build/bench/bench_responsiveness"

section "6. import: 1,000,000 JSONL events into a backfill, ImportJob + outbox vs the Orb SDK (batches of 500)"
"$build/bench/bench_import" ${quick:+--events 200000}
