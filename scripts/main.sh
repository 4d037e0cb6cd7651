#!/usr/bin/env bash
# Installs what is missing, builds Trek (release) and runs the main job.
# Today's main job: generate the Ghent audience graph (62,000 followers of the city's X account,
# Trek's follower model) and describe it. The scenario comparison (`trek compare`) joins it when
# the migration engine and reach are in place.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release
mkdir -p results
trek=build/release/sim/trek
"$trek" graph generate follower:n=62000,seed=1 -o results/ghent-audience.h5
"$trek" graph stats results/ghent-audience.h5
echo "main: the Ghent audience graph is in results/ghent-audience.h5"
