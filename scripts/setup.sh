#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Trek needs, only those missing. Works as root or through sudo.
# Usage: scripts/setup.sh            (prints what it installs; does nothing when all are present)
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libboost-graph-dev libtbb-dev libhdf5-dev hdf5-tools libcli11-dev zlib1g-dev
  libgtest-dev libgmock-dev libbenchmark-dev libtomlplusplus-dev librandom123-dev
  python3 python3-h5py python3-numpy python3-pandas python3-matplotlib python3-pytest
  clang-format
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
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

echo "setup: installing ${#missing[@]} missing packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup: done"
