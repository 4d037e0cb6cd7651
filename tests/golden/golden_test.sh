#!/usr/bin/env bash
# Golden results: a small run, comparison and sweep, digested apart from provenance
# (tests/golden/digest.py) and compared with the digests stored beside this script. A change in
# any result fails here; a deliberate one (a new model rule, a new random stream) regenerates
# them with `golden_test.sh TREK SOURCE_DIR WORK_DIR --update` and says so in the commit.
set -euo pipefail
trek="$1"
source_dir="$(cd "$2" && pwd)"
work="$3"
update="${4:-}"
here="$source_dir/tests/golden"
ghent="$source_dir/scenarios/ghent"
rm -rf "$work" && mkdir -p "$work"
small=(--set "population.graph=follower:n=4000,seed=3" --weeks 30 --replicates 3 --quiet)

"$trek" run "$ghent/leave_x_redirect.toml" "${small[@]}" --snapshot-every 10 -o "$work/run.h5"
"$trek" compare "$ghent/stay_on_x.toml" "$ghent/crosspost.toml" "$ghent/leave_x_now.toml" \
  "${small[@]}" -o "$work/compare.h5" > /dev/null
"$trek" sweep "$here/sweep.toml" \
  --quiet -o "$work/sweep.h5" > /dev/null

failures=0
for name in run compare sweep; do
  /usr/bin/python3 "$here/digest.py" "$work/$name.h5" > "$work/$name.digest"
  if [ "$update" = "--update" ]; then
    cp "$work/$name.digest" "$here/$name.digest"
  elif ! diff -u "$here/$name.digest" "$work/$name.digest"; then
    echo "FAIL: the $name results differ from the golden digest"
    failures=$((failures + 1))
  fi
done
[ "$failures" -eq 0 ] && echo "golden: run, compare and sweep identical apart from provenance"
exit "$failures"
