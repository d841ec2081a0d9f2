#!/usr/bin/env bash
# Thread scaling of parallel means and fits (bench/scaling/threads.cpp):
# builds with g++ -O2, runs Google Benchmark (5 repetitions, medians), prints
# the speed-ups with the serial fraction they imply, and draws
# docs/images/thread_scaling.png (measured points and Amdahl's projection).
#   bash bench/scaling/threads.sh
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
bash "$root/scripts/ensure-packages.sh" g++ libbenchmark-dev python3-matplotlib
out="$root/build/bench/scaling"
mkdir -p "$out"
g++ -std=c++20 -O2 -DNDEBUG -I"$root/include" "$here/threads.cpp" -o "$out/threads" -pthread -lbenchmark
"$out/threads" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
    --benchmark_format=json --benchmark_out="$out/threads.json" --benchmark_out_format=json > /dev/null
python=/usr/bin/python3
[[ -x $python ]] || python=python3
"$python" "$here/threads.py" "$out/threads.json" "$root/docs/images/thread_scaling.png"
