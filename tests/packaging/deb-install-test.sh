#!/usr/bin/env bash
# Builds the .deb, installs it with apt (which pulls the dependencies it declares), runs the
# installed app and sandbox, and removes the package again, checking nothing is left behind.
#   deb-install-test.sh BUILD_DIR VERSION
set -euo pipefail
build=$1
version=$2
fail() { echo "FAIL: $*" >&2; exit 1; }

if [ "$(id -u)" -eq 0 ]; then as_root() { "$@"; }
elif sudo -n true 2>/dev/null; then as_root() { sudo -n "$@"; }
else fail "installing a package needs root or password-less sudo"; fi

if dpkg-query -W usagelens >/dev/null 2>&1; then
    fail "a usagelens package is already installed on this machine; remove it first (apt-get remove usagelens)"
fi

work=$(mktemp -d)
trap 'as_root apt-get remove -y -qq usagelens >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" >cpack.log 2>&1) || { cat "$work/cpack.log"; fail "cpack -G DEB failed"; }
deb=$(ls "$work"/usagelens_*.deb)
echo "built $(basename "$deb")"

depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for lib in libqt6widgets6 libqt6httpserver6 libqt6network6 libsqlite3-0; do
    [[ "$depends" == *"$lib"* ]] || fail "the package does not declare $lib"
done
contents=$(dpkg-deb -c "$deb")
for path in ./usr/bin/usagelens ./usr/bin/usagelens-sandbox \
            ./usr/share/applications/org.usagelens.UsageLens.desktop \
            ./usr/share/metainfo/org.usagelens.UsageLens.metainfo.xml \
            ./usr/share/icons/hicolor/scalable/apps/org.usagelens.UsageLens.svg \
            ./usr/share/icons/hicolor/256x256/apps/org.usagelens.UsageLens.png; do
    grep -q " $path\$" <<<"$contents" || fail "the package lacks $path"
done

as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >"$work/apt.log" 2>&1 \
    || { cat "$work/apt.log"; fail "apt-get install failed"; }

[ "$(/usr/bin/usagelens --version)" = "usagelens $version" ] || fail "usagelens --version printed '$(/usr/bin/usagelens --version)'"
/usr/bin/usagelens-sandbox --version | grep -qx "usagelens-sandbox $version" || fail "usagelens-sandbox --version"

# The installed app opens its window on the embedded sandbox with demo data, then quits.
QT_QPA_PLATFORM=offscreen timeout 60 /usr/bin/usagelens --data-dir "$work/data" --quit-after-shown >"$work/app.log" 2>&1 \
    || { cat "$work/app.log"; fail "the installed app did not start"; }
grep -q "window shown after" "$work/app.log" || { cat "$work/app.log"; fail "the installed app showed no window"; }

# The installed sandbox serves the API.
/usr/bin/usagelens-sandbox --listen 127.0.0.1:0 --db :memory: --token pkg-test >"$work/sandbox.out" 2>"$work/sandbox.err" &
sandbox=$!
for _ in $(seq 50); do grep -q '^listening on ' "$work/sandbox.out" && break; sleep 0.1; done
url=$(sed -n 's/^listening on //p' "$work/sandbox.out")
[ -n "$url" ] || { kill $sandbox; cat "$work/sandbox.err"; fail "the installed sandbox did not start"; }
status=$(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer pkg-test' "$url/v1/customers")
kill $sandbox
[ "$status" = 200 ] || fail "the installed sandbox answered $status"

as_root env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq usagelens >"$work/remove.log" 2>&1 \
    || { cat "$work/remove.log"; fail "apt-get remove failed"; }
for path in /usr/bin/usagelens /usr/bin/usagelens-sandbox /usr/share/applications/org.usagelens.UsageLens.desktop \
            /usr/share/metainfo/org.usagelens.UsageLens.metainfo.xml; do
    [ ! -e "$path" ] || fail "$path is still there after removal"
done
echo "PASS: $(basename "$deb") installs, runs and uninstalls"
