#!/bin/bash
# `mpirun -n 2` and `-n 3 trek optimize` write the history, best plan and final comparison of a
# single-process search, and an error under MPI ends every rank with its exit code.
# Usage: mpi_optimize_test.sh TREK MPIEXEC SOURCE_DIR WORK_DIR
set -euo pipefail
trek=$1
mpiexec=$2
source_dir=$3
work=$4
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
rm -rf "$work"
mkdir -p "$work"
cd "$work"
source "$(dirname "$0")/small_plan.sh"
write_small_plan "$source_dir" 7
"$trek" optimize plan.toml -o single.h5 --quiet > /dev/null
for ranks in 2 3; do
  "$mpiexec" -n "$ranks" --oversubscribe "$trek" optimize plan.toml -o "mpi$ranks.h5" --quiet \
    > /dev/null
  for object in /history /best /front /verification /baseline; do
    h5diff -q "mpi$ranks.h5" single.h5 "$object" "$object"
  done
  cmp "mpi$ranks.best.toml" single.best.toml
done
if [ -e mpi2.h5.partial ] || [ -e mpi3.h5.partial ]; then
  echo "a checkpoint was left behind" >&2
  exit 1
fi
set +e
timeout 120 "$mpiexec" -n 2 --oversubscribe "$trek" optimize missing.toml -o x.h5 --quiet \
  2> error.txt
code=$?
set -e
if [ "$code" -ne 2 ]; then
  echo "an input error under MPI exited with $code, not 2" >&2
  cat error.txt >&2
  exit 1
fi
echo "mpi: 2 and 3 ranks give the single-process plan"
