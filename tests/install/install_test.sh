#!/usr/bin/env bash
# `cmake --install` into a temporary prefix, then used from a folder outside the checkout as a
# user would: trek runs from PREFIX/bin, the system Python imports trek_results from
# PREFIX/lib/python3.N/dist-packages and runs the docs' snippet, and `trek report` uses the
# installed scripts (PREFIX/share/trek/analysis), not the source tree.
set -euo pipefail
build="$1"
source_dir="$(cd "$2" && pwd)"
work="$3"
rm -rf "$work" && mkdir -p "$work/prefix" "$work/elsewhere"
cmake --install "$build" --prefix "$work/prefix" >/dev/null
trek="$work/prefix/bin/trek"
site="$(ls -d "$work"/prefix/lib/python3.*/dist-packages)"
cd "$work/elsewhere"
"$trek" --version
"$trek" compare "$source_dir/scenarios/ghent/stay_on_x.toml" "$source_dir/scenarios/ghent/crosspost.toml" \
  --set population.graph=follower:n=2000,seed=3 --weeks 14 --replicates 3 --quiet -o ghent.h5 >/dev/null
# The snippet of README.md and docs/output.md, from a folder without analysis/ in it.
PYTHONPATH="$site" /usr/bin/python3 - <<'PY'
import trek_results
with trek_results.load("ghent.h5") as r:
    table = r.table("reach_per_message")
    assert set(table["scenario"]) == {"stay_on_x", "crosspost"}, table
    assert not r.runs["crosspost"].series("active").empty
    assert trek_results.__file__.startswith(__import__("os").environ["PYTHONPATH"])
print("install: trek_results imported from the prefix and read the file")
PY
# The installed report script, marked, must be the one that runs.
sed -i 's/print(f"report: /print(f"report (installed copy): /' \
  "$work/prefix/share/trek/analysis/report.py"
said="$(env -u TREK_ANALYSIS_DIR "$trek" report ghent.h5 -o report)"
case "$said" in
  *"report (installed copy): "*) ;;
  *) echo "FAIL: trek report did not use the installed scripts: $said"; exit 1 ;;
esac
test -s report/index.html
echo "install: trek, trek_results and the report work from the prefix"
