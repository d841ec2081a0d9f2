#!/usr/bin/env bash
# Build and run the leibniz demo on Debian 12: the derivative tour, then
# every optimiser on Himmelblau's function.
# Installs the needed Debian packages first if any is missing.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# make: cmake only recommends it, and apt runs without recommends here.
bash scripts/ensure-packages.sh cmake make g++ libboost1.81-dev

cmake --preset default
cmake --build --preset default --target demo himmelblau_descent --parallel 2
build/default/examples/demo
echo
echo "== Descent: every optimiser on Himmelblau's function =="
build/default/examples/himmelblau_descent
