#!/usr/bin/env bash
# A full disk during a write: for run, compare and sweep, exit code 1 with one line saying the
# disk is full, the old file intact, and no temporary file left. Needs a small tmpfs, so root
# and a working mount; elsewhere it is skipped (exit 77).
set -uo pipefail
trek="$1"
source_dir="$(cd "$2" && pwd)"
if [ "$(id -u)" -ne 0 ]; then echo "skipped: needs root to mount a tmpfs"; exit 77; fi
disk="$(mktemp -d)"
if ! mount -t tmpfs -o size=400k tmpfs "$disk" 2>/dev/null; then
  rmdir "$disk"; echo "skipped: cannot mount a tmpfs here"; exit 77
fi
trap 'umount "$disk"; rmdir "$disk"' EXIT
scenarios="$source_dir/scenarios/ghent"
small="--set population.graph=follower:n=20000,seed=1 --weeks 40 --replicates 4 --quiet"
failures=0

check() {  # name, output file, files it may leave, command...
  local name="$1" out="$2" may_leave="$3"; shift 3
  echo "old results" > "$out"
  local message; message="$("$@" 2>&1)"; local code=$?
  local lines; lines="$(printf '%s\n' "$message" | wc -l)"
  if [ "$code" -ne 1 ] || [ "$lines" -ne 1 ] ||
     [[ "$message" != *"no space left on device while writing $out"* ]]; then
    echo "FAIL $name: exit $code, message: $message"; failures=$((failures + 1))
  fi
  if [ "$(cat "$out")" != "old results" ]; then
    echo "FAIL $name: the old file was changed"; failures=$((failures + 1))
  fi
  local left
  left="$(ls -A "$disk" | grep -v "^$(basename "$out")\$" | grep -v "^${may_leave}\$" || true)"
  if [ -n "$left" ]; then echo "FAIL $name: left behind: $left"; failures=$((failures + 1)); fi
  rm -f "$out"
  if [ -n "$may_leave" ]; then rm -f "$disk/$may_leave"; fi
}

check run "$disk/run.h5" "" "$trek" run "$scenarios/stay_on_x.toml" $small --snapshot-every 1 --force \
  -o "$disk/run.h5"
check compare "$disk/compare.h5" "" "$trek" compare "$scenarios/stay_on_x.toml" \
  "$scenarios/crosspost.toml" $small --force -o "$disk/compare.h5"
check graph "$disk/graph.h5" "" "$trek" graph generate follower:n=200000,seed=1 --force --quiet \
  -o "$disk/graph.h5"
# A sweep keeps its partial file (every point written before the disk filled) for --resume.
sweep="$(mktemp --suffix=.toml)"
cat > "$sweep" <<TOML
base = "$scenarios/leave_x_redirect.toml"
design = "grid"
replicates = 2
window = 2
series = ["active", "flows", "active_by_segment"]
[set]
"population.graph" = "follower:n=800,seed=4"
"simulation.weeks" = 100
[parameters]
"platforms.x.churn" = { min = 0.0, max = 0.02, steps = 40 }
TOML
check sweep "$disk/sweep.h5" "sweep.h5.partial" "$trek" sweep "$sweep" --force --quiet \
  -o "$disk/sweep.h5"
rm -f "$sweep"
echo "$failures failures"
[ "$failures" -eq 0 ]
