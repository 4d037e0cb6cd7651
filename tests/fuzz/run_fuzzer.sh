#!/usr/bin/env bash
# Runs one harness for a bounded time from its seed corpus (new inputs go to a scratch corpus,
# not into the source tree). Exit code non-zero on any crash, leak or sanitizer report.
set -euo pipefail
harness="$1"; seeds="$2"; seconds="$3"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
"$harness" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=262144 \
  -print_final_stats=1 "$work" "$seeds" 2>&1 | tail -n 25
