#!/usr/bin/env bash
# Build and run the leibniz demo on Debian 12.
# Installs the needed Debian packages first if any is missing.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# make: cmake only recommends it, and apt runs without recommends here.
bash scripts/ensure-packages.sh cmake make g++ libboost1.81-dev

cmake --preset default
cmake --build --preset default --target demo --parallel 2
build/default/examples/demo
