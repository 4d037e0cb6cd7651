#!/usr/bin/env bash
# Runs one harness for a bounded time from its seed corpus (new inputs go to a scratch corpus,
# not into the source tree). Exit code non-zero on any crash, leak or sanitizer report.
# Usage: run_fuzzer.sh HARNESS SEED_DIR SECONDS [RUNS]   (RUNS: stop after that many inputs)
#
# allocator_may_return_null and a malloc limit of 1 TiB: a damaged HDF5 header can make libhdf5
# ask malloc for exabytes; in a normal build malloc then returns null and HDF5 reports an error,
# which is what we test (the RSS limit still catches memory that is really used). The suppressions skip leaks of blocks allocated inside libhdf5 (it leaks small blocks
# on some damaged files); that would also hide an HDF5 handle Trek never closed, which RAII
# (io::Handle) rules out. Leaks of Trek's own allocations are still reported.
set -euo pipefail
harness="$1"; seeds="$2"; seconds="$3"; runs="${4:--1}"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
export ASAN_OPTIONS="allocator_may_return_null=1:${ASAN_OPTIONS:-}"
export LSAN_OPTIONS="suppressions=$here/lsan_suppressions.txt:${LSAN_OPTIONS:-}"
mkdir corpus
status=0
"$harness" -max_total_time="$seconds" -runs="$runs" -timeout=10 -rss_limit_mb=4096 \
  -malloc_limit_mb=1048576 \
  -max_len=262144 -print_final_stats=1 -artifact_prefix="$work/" corpus "$seeds" \
  > log 2>&1 || status=$?
grep -E "^stat::|ERROR|SUMMARY|Done [0-9]+ runs" log || true
if [ "$status" -ne 0 ]; then
  tail -n 40 log
  for artifact in "$work"/crash-* "$work"/leak-* "$work"/oom-* "$work"/timeout-*; do
    [ -e "$artifact" ] && echo "artifact (base64): $(basename "$artifact") $(base64 -w0 "$artifact")"
  done
fi
exit "$status"
