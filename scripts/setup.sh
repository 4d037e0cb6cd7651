#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Trek needs, only those missing. Works as root or through sudo.
# Usage: scripts/setup.sh [--test]   (prints what it installs; does nothing when all are present)
#   --test   also what the whole test suite uses: a single-node Slurm (slurmctld, slurmd, munge)
#            for the batch-script test, and Debian's chromium for the test that opens the report
#            in a headless browser (skipped where there is no chromium package, as on Ubuntu)
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libboost-graph-dev libtbb-dev libhdf5-dev hdf5-tools libcli11-dev zlib1g-dev
  libgtest-dev libgmock-dev libbenchmark-dev libtomlplusplus-dev librandom123-dev
  python3 python3-h5py python3-numpy python3-pandas python3-matplotlib python3-pytest
  openmpi-bin libopenmpi-dev
  clang-format
)

if [ "${1:-}" = "--test" ]; then
  # clang and its compiler-rt (libFuzzer) build the fuzz harnesses of the input readers.
  packages+=(slurmctld slurmd slurm-client munge clang)
  # libFuzzer comes with the compiler-rt of the clang that `clang` installs (14 on Debian 12).
  runtime="$(dpkg-query -W -f='${Package} ${Status}\n' 'libclang-rt-*-dev' 2>/dev/null |
             awk '/install ok installed/ {print $1; exit}' || true)"
  if [ -z "$runtime" ] && { [ "$(id -u)" -eq 0 ] || command -v sudo >/dev/null 2>&1; }; then
    if [ "$(id -u)" -eq 0 ]; then apt-get update -qq; else sudo apt-get update -qq; fi
    clang_major="$(apt-cache depends clang 2>/dev/null |
                   sed -n 's/.*Depends: clang-\([0-9]*\)$/\1/p' | head -n 1 || true)"
    for candidate in "libclang-rt-${clang_major:-14}-dev" "libclang-common-${clang_major:-14}-dev"; do
      if apt-cache show "$candidate" >/dev/null 2>&1; then runtime="$candidate"; break; fi
    done
  fi
  if [ -n "$runtime" ]; then packages+=("$runtime"); fi
  if [[ "$(dpkg-query -W -f='${Status}' chromium 2>/dev/null || true)" == *"install ok installed"* ]]; then
    packages+=(chromium)
  elif [ "$(id -u)" -eq 0 ] || command -v sudo >/dev/null 2>&1; then
    # Package lists may be empty on a fresh machine: refresh them before asking for chromium.
    if [ "$(id -u)" -eq 0 ]; then apt-get update -qq; else sudo apt-get update -qq; fi
    if apt-cache show chromium 2>/dev/null | grep -c "^Package: chromium$" >/dev/null; then
      packages+=(chromium)
    else
      echo "setup: no chromium package here; the browser check of the report will be skipped"
    fi
  fi
fi

missing=()
for package in "${packages[@]}"; do
  if [[ "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)" != *"install ok installed"* ]]; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} required packages are installed"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "setup: missing packages (${missing[*]}) and neither root nor sudo is available" >&2
  exit 1
fi

echo "setup: installing ${#missing[@]} missing packages (a few minutes on a fresh machine):" \
  "${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
started=$SECONDS
"${as_root[@]}" apt-get update -qq
echo "setup: package lists updated; downloading and unpacking"
# One line per package as it is set up, instead of silence for minutes.
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" |
  awk '/^Setting up / { printf "setup:   %s\n", $3; fflush() }'
echo "setup: done in $((SECONDS - started)) s"
