#!/usr/bin/env bash
# Regenerates the pictures in docs/images: builds the two examples that write
# trajectories and data as CSV, runs them, and draws with matplotlib.
# Installs the needed Debian packages first if any is missing.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."

bash scripts/ensure-packages.sh cmake make g++ libboost1.81-dev python3-matplotlib python3-numpy

cmake --preset default
cmake --build --preset default --target himmelblau_descent linear_regression curve_fit --parallel 2
csv_dir=$(mktemp -d)
trap 'rm -rf "$csv_dir"' EXIT
build/default/examples/himmelblau_descent --csv "$csv_dir" > /dev/null
build/default/examples/linear_regression --csv "$csv_dir" > /dev/null
build/default/examples/curve_fit --csv "$csv_dir" > /dev/null
# Debian's interpreter, which has Debian's matplotlib (another python3 may come first in PATH).
python=/usr/bin/python3
[[ -x $python ]] || python=python3
"$python" docs/plots/plot.py "$csv_dir" docs/images
ls -l docs/images
