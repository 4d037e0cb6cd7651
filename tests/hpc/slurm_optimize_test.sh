#!/bin/bash
# The plan search's Slurm batch script for real: start a private single-node Slurm
# (../shared/tools), submit a small plan as one task (and, with a trek built with MPI, as two
# ranks), and compare with a run outside Slurm; then submit it again over a checkpoint left by a
# killed run, as a requeued job would find it. Exit 77 (skipped) where Slurm, root or the tools
# are missing.
# Usage: slurm_optimize_test.sh TREK SOURCE_DIR WORK_DIR [mpi|serial]
set -euo pipefail
trek=$1
source_dir=$2
work=$3
flavour=${4:-serial}
source "$(dirname "$0")/local_slurm.sh"
start_local_slurm "$source_dir" "$work"
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
cd "$work"
source "$(dirname "$0")/small_plan.sh"
write_small_plan "$source_dir" 24
"$trek" optimize plan.toml -o whole.h5 --quiet > /dev/null
same() {
  for object in /history /best /front /verification /baseline; do
    h5diff -q "$1" whole.h5 "$object" "$object"
  done
  cmp "${1%.h5}.best.toml" whole.best.toml
}
sbatch --wait --cpus-per-task=1 --output=one.out "$source_dir/scripts/slurm/optimize.sbatch" \
  plan.toml "$work/one.h5" "$trek" > /dev/null || { cat one.out >&2; exit 1; }
same one.h5
echo "slurm: one task writes the plan file of a run outside Slurm"
# A run killed after its first round leaves a checkpoint; the job resumes it.
"$trek" optimize plan.toml -o requeued.h5 --quiet > /dev/null & pid=$!
for _ in $(seq 400); do [ -e requeued.h5.partial ] && break; sleep 0.01; done
kill -9 "$pid"; wait "$pid" || true
if [ ! -e requeued.h5.partial ] || [ -e requeued.h5 ]; then
  echo "the run was not interrupted after its first round" >&2
  exit 1
fi
sbatch --wait --cpus-per-task=1 --output=requeued.out "$source_dir/scripts/slurm/optimize.sbatch" \
  plan.toml "$work/requeued.h5" "$trek" > /dev/null || { cat requeued.out >&2; exit 1; }
same requeued.h5
echo "slurm: a job over a killed run's checkpoint resumes it to the same plan file"
if [ "$flavour" = "mpi" ]; then
  sbatch --wait -n 2 --cpus-per-task=1 --output=mpi.out "$source_dir/scripts/slurm/optimize.sbatch" \
    plan.toml "$work/mpi.h5" "$trek" > /dev/null || { cat mpi.out >&2; exit 1; }
  same mpi.h5
  echo "slurm: two ranks (srun --mpi=pmix) write the plan file of one process"
fi
