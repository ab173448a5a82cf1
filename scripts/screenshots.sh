#!/usr/bin/env bash
# Takes the user guide's screenshots (docs/images/*.png) from the real app on demo data.
#
#   scripts/screenshots.sh                 every view, in English, into docs/images
#   scripts/screenshots.sh --lang ru       the same in Russian, as docs/images/<view>-ru.png
#   scripts/screenshots.sh --only events,settings
#   scripts/screenshots.sh --list          the views it knows
#
# The views and how to reach each are one list in tools/screenshots/main.cpp (views()); add a
# view there and it is pictured here. Builds the usagelens-screenshots tool with the dev preset
# (build dir: $UL_BUILD_DIR, default build/dev) and runs it offscreen, or under xvfb-run when
# UL_SCREENSHOTS_X11=1 (real X11 rendering of fonts and styles).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
build=${UL_BUILD_DIR:-build/dev}
out=docs/images
lang=en
args=()
while (($#)); do
    case $1 in
        --lang) lang=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        --only|--list) args+=("$@"); break ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
done
suffix=""
[[ $lang == en ]] || suffix="-$lang"

if [[ ! -f $build/build.ninja ]]; then
    cmake --preset dev -B "$build"
fi
cmake --build "$build" --target usagelens-screenshots

tool=("$build/bin/usagelens-screenshots" --out "$out" --lang "$lang" --suffix "$suffix" "${args[@]}")
if [[ ${UL_SCREENSHOTS_X11:-0} == 1 ]]; then
    xvfb-run -a -s "-screen 0 1600x1000x24" "${tool[@]}"
else
    QT_QPA_PLATFORM=offscreen QT_LOGGING_RULES='qt.qpa.*=false' "${tool[@]}"
fi
