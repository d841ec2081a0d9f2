#!/usr/bin/env bash
# Loops stay loops: bench/loops/loops.cpp built with g++ and clang++
# (-O3 -march=native -DNDEBUG; the instruction counts from a build without
# AVX-512, which valgrind cannot decode), its --check, the fastest of five
# timed repetitions (Google Benchmark, pinned to the last core) and callgrind's
# instructions per kernel; bench/loops/report.py turns them into the tables of
# docs/performance.md ("Vectors of any length").
#
#   bash bench/loops/run.sh [--out DIR]     (bench/run.sh runs it)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$root/build/bench/results/loops"
if [ "${1:-}" = "--out" ]; then out=$2; fi
mkdir -p "$out"
jobs=$(nproc)
core=$((jobs - 1))
bash "$root/scripts/ensure-packages.sh" g++ clang cmake make libbenchmark-dev libeigen3-dev libceres-dev \
    libadolc-dev libboost1.81-dev valgrind

for cxx in g++ clang++; do
    for kind in time count; do
        flags="-march=native"
        [ "$kind" = count ] && flags="-march=native -mno-avx512f"
        tree="$root/build/bench/loops-$cxx-$kind"
        cmake -S "$root" -B "$tree" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=Release "-DCMAKE_CXX_FLAGS=$flags" \
            -DLEIBNIZ_BUILD_BENCHMARKS=ON -DLEIBNIZ_BUILD_TESTS=OFF -DLEIBNIZ_BUILD_EXAMPLES=OFF >"$out/cmake-$cxx-$kind.log"
        cmake --build "$tree" --target leibniz_bench_loops -j "$jobs" >"$out/build-$cxx-$kind.log"
    done
    echo "== loops, $cxx: every result against the hand-written one, and the runs to convergence"
    "$root/build/bench/loops-$cxx-time/bench/leibniz_bench_loops" --check | tee "$out/check-$cxx.txt"
    echo "== loops, $cxx: time (5 repetitions, the fastest kept; pinned to core $core)"
    taskset -c "$core" "$root/build/bench/loops-$cxx-time/bench/leibniz_bench_loops" --benchmark_repetitions=5 \
        --benchmark_min_time=0.2 --benchmark_out="$out/time-$cxx.json" --benchmark_out_format=json >"$out/time-$cxx.txt"
    echo "== loops, $cxx: instructions (callgrind)"
    rm -rf "$out/callgrind-$cxx"
    mkdir -p "$out/callgrind-$cxx"
    (cd "$out/callgrind-$cxx" &&
        valgrind --tool=callgrind --collect-atstart=no "$root/build/bench/loops-$cxx-count/bench/leibniz_bench_loops" \
            --callgrind >valgrind.log 2>&1)
    for dump in "$out/callgrind-$cxx"/callgrind.out.*.*; do
        label=$(sed -n 's/^desc: Trigger: Client Request: //p' "$dump")
        total=$(awk '/^(summary|totals):/ {print $2; exit}' "$dump")
        echo "$label $total"
    done | sort >"$out/instructions-$cxx.txt"
done
/usr/bin/python3 "$here/report.py" "$out" "$root/docs/performance.md"
