#!/usr/bin/env bash
# Installs what is missing, builds Trek and runs the whole test suite.
# Usage: scripts/test.sh [--preset ci|dev|asan|tsan|fuzz]   (default: ci, warnings as errors)
set -euo pipefail
cd "$(dirname "$0")/.."

preset=ci
if [ "${1:-}" = "--preset" ]; then preset="$2"; fi

bash scripts/setup.sh --test
cmake --workflow --preset "$preset"
