#!/usr/bin/env bash
# Installs what is missing, builds Trek (release) and runs the main job.
# Today's main job: the Ghent scenarios through the migration engine (`trek run`), one results
# file per scenario in results/, each summarised. The side-by-side comparison with reach
# (`trek compare`) takes its place when the reach model is in place.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release
mkdir -p results
trek=build/release/sim/trek
"$trek" validate scenarios/ghent/*.toml
for scenario in stay_on_x leave_x_redirect; do
  "$trek" run "scenarios/ghent/$scenario.toml" -o "results/ghent-$scenario.h5" --force
done
echo "main: results in results/ghent-stay_on_x.h5 and results/ghent-leave_x_redirect.h5" \
  "(trek inspect FILE shows what they hold; docs/output.md the layout)"
