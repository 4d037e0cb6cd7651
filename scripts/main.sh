#!/usr/bin/env bash
# Installs what is missing, builds Trek (release) and runs the main job: the Ghent ensemble
# (`trek compare` with the Ghent priors), every scenario of scenarios/ghent/ against staying on X
# in the same 100 worlds drawn from the priors, into results/ghent.h5; the decision table with its
# verdicts is printed and the HTML report written to results/ghent-report/index.html.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release
# trek on the PATH and trek_results for the system Python (/usr/local/bin, /usr/local/lib/python3.N).
if [ "$(id -u)" -eq 0 ]; then
  cmake --install build/release >/dev/null
elif command -v sudo >/dev/null 2>&1; then
  sudo cmake --install build/release >/dev/null
else
  echo "main: no root and no sudo: trek is not installed; use build/release/sim/trek"
fi
mkdir -p results
trek=build/release/sim/trek
"$trek" validate scenarios/ghent/*.toml --priors scenarios/ghent/common/priors.toml
"$trek" compare scenarios/ghent/*.toml --priors scenarios/ghent/common/priors.toml \
  --replicates 100 -o results/ghent.h5 --force
"$trek" report results/ghent.h5 -o results/ghent-report
echo "main: results in results/ghent.h5 (docs/output.md, section Comparison files, tells what it" \
  "holds; each scenario's run is under /scenarios/<name>); open results/ghent-report/index.html"
