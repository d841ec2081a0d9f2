#!/usr/bin/env bash
# SIMD lanes against the scalar loop (bench/scaling/simd.cpp): builds with
# g++ and clang++ -O2 for SSE2 (x86-64: 2 doubles a vector), AVX2
# (x86-64-v3: 4) and, where the CPU has it, AVX-512 (x86-64-v4: 8); runs
# Google Benchmark (5 repetitions, medians) and prints points per second and
# the speed-up of each form over the scalar loop as a Markdown table, and
# draws docs/images/simd_speedup.png.
#   bash bench/scaling/simd.sh
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
bash "$root/scripts/ensure-packages.sh" g++ clang libbenchmark-dev python3-matplotlib
out="$root/build/bench/scaling"
mkdir -p "$out"
targets=(x86-64 x86-64-v3)
grep -q avx512f /proc/cpuinfo && targets+=(x86-64-v4)
results=()
for compiler in g++ clang++; do
  for target in "${targets[@]}"; do
    name="simd-$compiler-$target"
    "$compiler" -std=c++20 -O2 -DNDEBUG -march="$target" -I"$root/include" "$here/simd.cpp" \
        -o "$out/$name" -pthread -lbenchmark
    "$out/$name" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
        --benchmark_format=json --benchmark_out="$out/$name.json" --benchmark_out_format=json > /dev/null
    results+=("$compiler:$target:$out/$name.json")
  done
done
python=/usr/bin/python3
[[ -x $python ]] || python=python3
"$python" "$here/simd.py" "$root/docs/images/simd_speedup.png" "${results[@]}"
