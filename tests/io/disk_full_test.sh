#!/usr/bin/env bash
# A full disk during a write: for run, compare and sweep, exit code 1 with one line saying the
# disk is full, the old file intact, and no temporary file left. Needs a small tmpfs, so root
# and a working mount; elsewhere it is skipped (exit 77).
set -uo pipefail
trek="$1"
source_dir="$2"
if [ "$(id -u)" -ne 0 ]; then echo "skipped: needs root to mount a tmpfs"; exit 77; fi
disk="$(mktemp -d)"
if ! mount -t tmpfs -o size=400k tmpfs "$disk" 2>/dev/null; then
  rmdir "$disk"; echo "skipped: cannot mount a tmpfs here"; exit 77
fi
trap 'umount "$disk"; rmdir "$disk"' EXIT
scenarios="$source_dir/scenarios/ghent"
small="--set population.graph=follower:n=20000,seed=1 --weeks 40 --replicates 4 --quiet"
failures=0

check() {  # name, output file, command...
  local name="$1" out="$2"; shift 2
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
  local left; left="$(ls -A "$disk" | grep -v "^$(basename "$out")\$" || true)"
  if [ -n "$left" ]; then echo "FAIL $name: left behind: $left"; failures=$((failures + 1)); fi
  rm -f "$out"
}

check run "$disk/run.h5" "$trek" run "$scenarios/stay_on_x.toml" $small --snapshot-every 1 --force \
  -o "$disk/run.h5"
check compare "$disk/compare.h5" "$trek" compare "$scenarios/stay_on_x.toml" \
  "$scenarios/crosspost.toml" $small --force -o "$disk/compare.h5"
check graph "$disk/graph.h5" "$trek" graph generate follower:n=200000,seed=1 --force --quiet \
  -o "$disk/graph.h5"
echo "$failures failures"
[ "$failures" -eq 0 ]
