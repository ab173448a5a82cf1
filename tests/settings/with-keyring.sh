#!/bin/sh
# Runs "$@" on a private D-Bus session bus with an unlocked gnome-keyring: a real Secret Service
# whose files live in a temporary folder, so a test never reads, changes or depends on the user's
# own keyring, and parallel runs never share one. The folder is exported as UL_TEST_KEYRING_HOME
# (XDG_DATA_HOME, XDG_CONFIG_HOME, XDG_CACHE_HOME and XDG_RUNTIME_DIR point inside it).
set -u
for tool in dbus-run-session gnome-keyring-daemon; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "with-keyring.sh: $tool is missing (Debian: apt-get install dbus gnome-keyring)" >&2
        exit 1
    fi
done
home=$(mktemp -d "${TMPDIR:-/tmp}/usagelens-keyring.XXXXXX") || exit 1
trap 'rm -rf "$home"' EXIT INT TERM
mkdir -p "$home/data" "$home/config" "$home/cache" "$home/run"
chmod 700 "$home" "$home/run"
export UL_TEST_KEYRING_HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" \
       XDG_CACHE_HOME="$home/cache" XDG_RUNTIME_DIR="$home/run"
# gnome-keyring creates and unlocks the "login" collection only for a non-empty password; with an
# empty one every write fails with "Object does not exist at path .../collection/login".
dbus-run-session -- sh -c '
    printf %s usagelens-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1 || {
        echo "with-keyring.sh: gnome-keyring-daemon did not start" >&2; exit 1; }
    "$@"' sh "$@"
