#!/usr/bin/env bash
# Reproduce a run of the differential suite (test/differential/) from the seed
# it printed: draws the same expressions, builds them and runs them with
# SymPy's values, in build/differential-<compiler>-<seed>.
#
#   bash scripts/differential.sh SEED [COUNT] [COMPILER]
#     SEED      as printed at the top of the run (e.g. 1a2b3c4d5e6f-gcc)
#     COUNT     expressions drawn (default 250, as the gcc and clang presets)
#     COMPILER  g++ (default) or clang++
#
# A failing expression (say e00042) then joins the regression corpus, which
# every run checks from then on:
#   python3 test/differential/generate.py --seed SEED --count 43 \
#       --corpus test/differential/corpus.json --add-to-corpus e00042 --why "what was wrong"
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
seed=${1:?usage: differential.sh SEED [COUNT] [COMPILER]}
count=${2:-250}
cxx=${3:-g++}

bash scripts/ensure-packages.sh cmake ninja-build g++ clang libboost1.81-dev libboost-test1.81-dev python3-sympy

dir="build/differential-${cxx}-${seed}"
cmake -S . -B "$dir" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g0" -DLEIBNIZ_BUILD_EXAMPLES=OFF -DLEIBNIZ_WERROR=ON \
  -DLEIBNIZ_DIFFERENTIAL_SEED="$seed" -DLEIBNIZ_DIFFERENTIAL_COUNT="$count"
cmake --build "$dir" --target leibniz_differential --parallel "$(nproc)"
ctest --test-dir "$dir" -R '^differential' --output-on-failure --parallel "$(nproc)"
