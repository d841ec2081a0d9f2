#!/usr/bin/env bash
# Run the whole leibniz test suite (GCC and Clang) on Debian 12.
# Installs the needed Debian packages first if any is missing.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# make: cmake only recommends it, and apt runs without recommends here.
bash scripts/ensure-packages.sh \
  cmake make g++ clang libclang-rt-14-dev libboost1.81-dev libboost-test1.81-dev python3-sympy \
  libeigen3-dev libmpfr-dev libgmp-dev pkg-config openmpi-bin libopenmpi-dev libboost-mpi1.81-dev

cmake --workflow --preset gcc
cmake --workflow --preset clang
# The whole suite again under AddressSanitizer and UndefinedBehaviorSanitizer.
cmake --workflow --preset gcc-sanitize
cmake --workflow --preset clang-sanitize

echo
echo "== leibniz test summary =="
echo "gcc   ($(g++ -dumpfullversion)): configure, build, tests passed (also under ASan + UBSan)"
echo "clang ($(clang++ -dumpversion)): configure, build, tests passed (also under ASan + UBSan)"
