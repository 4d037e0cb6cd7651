#!/bin/bash
# `mpirun -n 2 trek sweep` writes one file identical in content to a single-process run.
# Usage: mpi_sweep_test.sh TREK MPIEXEC SOURCE_DIR WORK_DIR
set -euo pipefail
trek=$1
mpiexec=$2
source_dir=$3
work=$4
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
rm -rf "$work"
mkdir -p "$work"
cd "$work"
sweep="$source_dir/scenarios/sweeps/small_test.toml"
"$mpiexec" -n 2 --oversubscribe "$trek" sweep "$sweep" --quiet -o mpi.h5
"$trek" sweep "$sweep" --quiet -o single.h5
for group in /sweep /sensitivity /provenance /shard; do
  h5diff -q mpi.h5 single.h5 "$group" "$group"
done
leftovers=$(find . -name '*.partial' | wc -l)
if [ "$leftovers" -ne 0 ]; then
  echo "per-rank files were left behind" >&2
  exit 1
fi
# Three ranks on two cores: another split, the same file.
"$mpiexec" -n 3 --oversubscribe "$trek" sweep "$sweep" --quiet -o mpi3.h5
for group in /sweep /sensitivity; do
  h5diff -q mpi3.h5 single.h5 "$group" "$group"
done
echo "mpi: 2 and 3 ranks give the single-process file"
