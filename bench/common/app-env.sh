# Sourced by bench/cold-start/run.sh and bench/memory/idle-memory.sh after they set $build:
# checks the two programs they compare, makes a scratch folder (removed on exit) that holds the
# settings and runtime files of the runs (not the user's), and defines median().
app=$build/bin/usagelens
bare=$build/bench/bench_cold_start_bare
for program in "$app" "$bare"; do
    [ -x "$program" ] || { echo "missing $program: build the usagelens and bench_cold_start_bare targets" >&2; exit 1; }
done

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export QT_QPA_PLATFORM=offscreen QT_LOGGING_RULES='qt.qpa.*=false'
export XDG_CONFIG_HOME=$scratch/config XDG_DATA_HOME=$scratch/data XDG_RUNTIME_DIR=$scratch/runtime
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

# median FILE COLUMN
median() {
    sort -g -k"$2","$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
