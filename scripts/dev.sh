#!/usr/bin/env bash
# UsageLens developer entry point: installs what is missing, builds, and runs the app or the tests.
#
#   scripts/dev.sh run     set up, build (release preset) and open the app on the embedded sandbox
#   scripts/dev.sh test    set up, build (dev preset) and run every test suite; then build the
#                          sanitizer configuration (asan preset: clang-14, ASan+UBSan, fuzz
#                          targets), run every suite in it and fuzz each parser briefly
#                          (UL_SKIP_SANITIZERS=1 skips that second part, e.g. on a laptop)
#   scripts/dev.sh setup   only install the system and npm dependencies
#
# Works on Debian 12 / Ubuntu 22.04+; uses sudo for apt-get when not run as root.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

# Debian packages the build, the app and the tests need. Keep in step with README.md.
packages=(
    build-essential cmake ninja-build ccache pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools qt6-translations-l10n qt6-charts-dev libqt6opengl6-dev libqt6sql6-sqlite libgl-dev
    qtkeychain-qt6-dev libsqlite3-dev libsimdjson-dev
    clang-14 libclang-rt-14-dev llvm-14
    xvfb xauth dbus dbus-x11 gnome-keyring
    rpm appstream desktop-file-utils curl dpkg-dev file
)

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_system_packages() {
    local missing=()
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    # Node.js may come from elsewhere than Debian (nvm, NodeSource): only its absence matters.
    command -v node >/dev/null || missing+=(nodejs)
    command -v npm >/dev/null || missing+=(npm)
    if [ ${#missing[@]} -eq 0 ]; then
        log "system packages: all present"
        return
    fi
    log "installing ${#missing[@]} missing packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

install_npm_packages() {
    # The official Orb TypeScript SDK drives the sandbox in the conformance test and the benchmarks.
    if [ -f tests/conformance/package-lock.json ]; then
        if [ ! -d tests/conformance/node_modules ] \
            || [ tests/conformance/package-lock.json -nt tests/conformance/node_modules/.package-lock.json ]; then
            log "installing the Orb SDK for the conformance test (npm ci)"
            npm ci --prefix tests/conformance --no-audit --no-fund --loglevel=error
        fi
    fi
}

configure_and_build() {
    local preset=$1
    log "configuring and building (preset: $preset)"
    cmake --preset "$preset" >/dev/null
    cmake --build --preset "$preset"
}

setup() {
    install_system_packages
    install_npm_packages
}

run_app() {
    setup
    configure_and_build release
    log "starting UsageLens on the embedded sandbox"
    exec "$root/build/release/bin/usagelens" "$@"
}

run_tests() {
    setup
    configure_and_build dev
    log "running the test suites"
    cd "$root/build/dev"
    export QT_QPA_PLATFORM=offscreen
    run_ctest_with_keyring --output-on-failure --timeout 600 -j2
    [ "${UL_SKIP_SANITIZERS:-0}" = 1 ] || run_sanitizer_tests
}

# ctest with the given arguments in the current directory, on a private session bus with an
# unlocked Secret Service (a non-empty password, or no login keyring is created), for anything
# that reaches the OS keychain.
run_ctest_with_keyring() {
    dbus-run-session -- bash -c '
        printf %s usagelens-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1 || true
        ctest "$@"' ctest "$@"
}

# The whole suite again under AddressSanitizer + UBSan (any report fails the test; see
# tests/sanitizers/README.md), then every fuzz target of tests/fuzz for a short fixed time.
run_sanitizer_tests() {
    local started=$SECONDS
    log "building the sanitizer configuration (preset asan)"
    cd "$root"
    configure_and_build asan
    log "sanitizer build took $((SECONDS - started)) s; running the test suites under ASan+UBSan"
    export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:strict_string_checks=1:check_initialization_order=1"
    export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$root/tests/sanitizers/ubsan.supp"
    export LSAN_OPTIONS="suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0"
    export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-14/bin/llvm-symbolizer
    # The soak runs in full in the dev build; here a fifth of it, for the sanitizers' sake.
    export USAGELENS_SOAK_EVENTS=20000
    cd "$root/build/asan"
    # Packaging tests build and install the .deb/.rpm: they test packaging, not code, and run in dev.
    run_ctest_with_keyring --output-on-failure --timeout 900 -j2 --label-exclude packaging
    log "fuzzing every parser (tests/fuzz/run.sh)"
    "$root/tests/fuzz/run.sh" "$root/build/asan" "${UL_FUZZ_SECONDS:-15}"
    log "sanitizer stage took $((SECONDS - started)) s"
}

case "${1:-}" in
    run) shift; run_app "$@" ;;
    test) run_tests ;;
    setup) setup ;;
    *) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
