#!/bin/bash
# `mpirun -n 2` and `-n 3 trek calibrate` write the posterior of a single-process run, and an
# error under MPI ends every rank with its exit code instead of leaving the others waiting.
# Usage: mpi_calibrate_test.sh TREK MPIEXEC SOURCE_DIR WORK_DIR
set -euo pipefail
trek=$1
mpiexec=$2
source_dir=$3
work=$4
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
rm -rf "$work"
mkdir -p "$work"
cd "$work"
cat > obs.csv <<'CSV'
date,platform,metric,value,sd,note
2025-01-06,x,followers,1500,20,
2025-02-17,x,followers,1494,20,
2025-01-06,x,impressions_per_post,30,6,
2025-02-17,x,impressions_per_post,26,6,
2025-01-06,bluesky,active,1000,,
2025-02-17,bluesky,active,1150,,
CSV
cat > cal.toml <<TOML
scenario = "$source_dir/scenarios/ghent/stay_on_x.toml"
seed = 5
set = ["population.graph=\"follower:n=1500,seed=2\""]
[parameters.platforms.x]
feed_reach = { lognormal = [0.03, 0.6] }
churn = { uniform = [0.0, 0.012] }
[[targets]]
file = "obs.csv"
[method]
particles = 24
generations = 3
TOML
"$trek" calibrate cal.toml -o single.h5 --quiet
for ranks in 2 3; do
  "$mpiexec" -n "$ranks" --oversubscribe "$trek" calibrate cal.toml -o "mpi$ranks.h5" --quiet
  for object in /parameters /posterior /generations /diagnostics /targets; do
    h5diff -q "mpi$ranks.h5" single.h5 "$object" "$object"
  done
done
if [ -e mpi2.h5.partial ] || [ -e mpi3.h5.partial ]; then
  echo "a checkpoint was left behind" >&2
  exit 1
fi
# An input error on every rank: exit code 2, no hang.
set +e
timeout 120 "$mpiexec" -n 2 --oversubscribe "$trek" calibrate missing.toml -o x.h5 --quiet \
  2> error.txt
code=$?
set -e
if [ "$code" -ne 2 ]; then
  echo "an input error under MPI exited with $code, not 2" >&2
  cat error.txt >&2
  exit 1
fi
echo "mpi: 2 and 3 ranks give the single-process posterior"
