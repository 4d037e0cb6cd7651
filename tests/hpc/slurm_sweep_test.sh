#!/bin/bash
# The Slurm batch script for real: start a private single-node Slurm (../shared/tools), submit the
# small test sweep as a 3-task job array, merge the shards, and compare with an unsharded run.
# Exit 77 (skipped) where Slurm, root or the tools are missing.
# With a trek built with MPI, also `srun --mpi=pmix -n 2 trek sweep` inside an allocation.
# Usage: slurm_sweep_test.sh TREK SOURCE_DIR WORK_DIR [mpi|serial]
set -euo pipefail
trek=$1
source_dir=$2
work=$3
flavour=${4:-serial}
source "$(dirname "$0")/local_slurm.sh"
start_local_slurm "$source_dir" "$work"
mkdir -p "$work/shards"
sweep="$source_dir/scenarios/sweeps/small_test.toml"
cd "$work"
id=$(sbatch --parsable --array=1-3 --cpus-per-task=1 \
  "$source_dir/scripts/slurm/sweep.sbatch" "$sweep" "$work/shards" "$trek")
deadline=$((SECONDS + 600))
while [ -n "$(squeue -h -j "$id" -t PD,R,CG,CF -o %i 2>/dev/null)" ]; do
  if [ $SECONDS -gt $deadline ]; then
    echo "the job array did not finish in 600 s" >&2
    exit 1
  fi
  sleep 0.2
done
for i in 1 2 3; do
  if [ ! -f "shards/shard_$i.h5" ]; then
    echo "task $i wrote no shard; its log:" >&2
    cat trek-sweep-"${id}"_"$i".out >&2 || true
    grep "JobId=$id" "$S/log/jobcomp.txt" >&2 || true
    exit 1
  fi
done
"$trek" merge shards/shard_1.h5 shards/shard_2.h5 shards/shard_3.h5 --quiet -o merged.h5
"$trek" sweep "$sweep" --quiet -o whole.h5
for group in /sweep /sensitivity /provenance /shard; do
  h5diff -q merged.h5 whole.h5 "$group" "$group"
done
echo "slurm: 3 array tasks merged into a file identical to the unsharded sweep"
if [ "$flavour" = "mpi" ]; then
  export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
  sbatch --wait -n 2 --output=mpi.out \
    --wrap "srun --mpi=pmix $trek sweep $sweep --quiet --threads 1 -o $work/srun.h5" >/dev/null || {
    cat mpi.out >&2
    exit 1
  }
  for group in /sweep /sensitivity /provenance /shard; do
    h5diff -q srun.h5 whole.h5 "$group" "$group"
  done
  echo "slurm: srun --mpi=pmix -n 2 gives the single-process file"
fi
