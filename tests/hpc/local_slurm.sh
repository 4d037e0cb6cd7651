# Sourced by the Slurm tests: start_local_slurm SOURCE_DIR WORK_DIR starts a private single-node
# Slurm (../shared/tools) in a fresh WORK_DIR, stops it when the test's shell exits, and exports
# SLURM_CONF; it exits 77 (skipped) where Slurm, root or the tools are missing.
start_local_slurm() {
  tools="$1/../shared/tools"
  if [ "$(id -u)" -ne 0 ] || ! command -v slurmctld >/dev/null || [ ! -x "$tools/slurm-local-up" ]; then
    echo "skipped: needs root, slurmctld (scripts/setup.sh --test) and ../shared/tools"
    exit 77
  fi
  rm -rf "$2"
  mkdir -p "$2"
  S=$(SLURM_LOCAL_MIN_JOB_AGE=4 "$tools/slurm-local-up")
  trap '"$tools/slurm-local-down" "$S" >/dev/null 2>&1 || true' EXIT
  export SLURM_CONF=$S/slurm.conf
}
