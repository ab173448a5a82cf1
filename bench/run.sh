#!/usr/bin/env bash
# Runs every benchmark from the release build and prints every figure (benchmarks never assert).
#
#   bench/run.sh [bench_sandbox_ingest options...]     e.g. bench/run.sh --events 50000
#
# Configures and builds the release preset (build/release, or $USAGELENS_BUILD_DIR; only the
# benchmark targets and what they need), installs the Orb SDK for the SDK comparison if it is missing (npm ci in
# tests/conformance), then runs:
#   - bench_sandbox_ingest: sandbox ingest throughput with the app's client (QNetworkAccessManager,
#     pre-serialized bodies) at concurrency 1 and 4, the sandbox's handler alone (no HTTP), the
#     official Orb TypeScript SDK against the same kind of sandbox (bench/sdk-ingest.mjs) and the
#     app-client/SDK ratio, search latency for 500 ids, and the demo seeding time;
#   - bench/cold-start/run.sh, when it is there: the app's cold start against a bare window.
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
targets=(bench_sandbox_ingest)
if [ -f bench/cold-start/run.sh ]; then
    targets+=(usagelens bench_cold_start_bare)
fi
cmake --build "$build" --target "${targets[@]}"

section "sandbox: ingest, search, demo seeding; app client vs the Orb SDK"
"$build/bench/bench_sandbox_ingest" "$@"

if [ -f bench/cold-start/run.sh ]; then
    section "cold start"
    bash bench/cold-start/run.sh "$build"
fi
