#!/usr/bin/env bash
# Builds the .rpm and checks its files and its automatically found requirements.
#   rpm-build-test.sh BUILD_DIR VERSION
set -euo pipefail
build=$1
version=$2
fail() { echo "FAIL: $*" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && cpack -G RPM --config "$build/CPackConfig.cmake" >cpack.log 2>&1) || { cat "$work/cpack.log"; fail "cpack -G RPM failed"; }
rpm=$(ls "$work"/usagelens-*.rpm)
echo "built $(basename "$rpm")"
[ "$(rpm -qp --queryformat '%{VERSION}' "$rpm" 2>/dev/null)" = "$version" ] || fail "wrong version in the rpm"
requires=$(rpm -qpR "$rpm" 2>/dev/null)
for lib in libQt6Widgets.so.6 libQt6HttpServer.so.6 libsqlite3.so.0; do
    grep -q "$lib" <<<"$requires" || fail "the rpm does not require $lib"
done
files=$(rpm -qpl "$rpm" 2>/dev/null)
for path in /usr/bin/usagelens /usr/bin/usagelens-sandbox /usr/share/applications/org.usagelens.UsageLens.desktop \
            /usr/share/metainfo/org.usagelens.UsageLens.metainfo.xml; do
    grep -qx "$path" <<<"$files" || fail "the rpm lacks $path"
done
echo "PASS: $(basename "$rpm") has its files and declares its libraries"
