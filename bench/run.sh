#!/usr/bin/env bash
# The benchmark suite: leibniz against hand-written derivatives and the peer
# libraries, on GCC 12 and Clang 14.
#
#   bash bench/run.sh                  everything (about 25 minutes on 2 cores):
#                                      check, time, instructions,
#                                      compile time; prints the tables and
#                                      rewrites the generated parts of
#                                      docs/performance.md and docs/images/
#   bash bench/run.sh --no-compile-time    skip the compile-time measurements
#
# Installs what it needs from Debian's archive (as root, or with sudo).
# Results land in build/bench/results/.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
compile_time=1
for arg in "$@"; do
    case $arg in
        --no-compile-time) compile_time=0 ;;
        *) echo "usage: bash bench/run.sh [--no-compile-time]" >&2; exit 2 ;;
    esac
done

bash "$root/scripts/ensure-packages.sh" g++ clang cmake make libbenchmark-dev libeigen3-dev libceres-dev \
    libadolc-dev libboost1.81-dev valgrind time util-linux python3 python3-matplotlib python3-sympy

out="$root/build/bench"
results="$out/results"
rm -rf "$results"
mkdir -p "$results"
jobs=$(nproc)
# Pin the timed runs to one core, the last one (the first takes most interrupts).
core=$((jobs - 1))

build() {  # compiler tree extra-flags
    cmake -S "$root" -B "$out/$2" -DCMAKE_CXX_COMPILER="$1" -DCMAKE_BUILD_TYPE=Release \
        "-DCMAKE_CXX_FLAGS=-march=native $3" -DLEIBNIZ_BUILD_BENCHMARKS=ON -DLEIBNIZ_BUILD_TESTS=OFF \
        -DLEIBNIZ_BUILD_EXAMPLES=OFF >"$results/cmake-$2.log"
    cmake --build "$out/$2" -j "$jobs" >"$results/build-$2.log"
}

for cxx in g++ clang++; do
    echo "== $cxx: building (-O3 -march=native -DNDEBUG; one translation unit per library and problem)"
    build "$cxx" "$cxx-time" ""
    # valgrind cannot decode AVX-512: the instruction counts come from a tree without it.
    build "$cxx" "$cxx-count" "-mno-avx512f"

    echo "== $cxx: every column against the hand-written one"
    "$out/$cxx-time/bench/leibniz_bench" --check | tee "$results/check-$cxx.txt"

    echo "== $cxx: time (5 repetitions, the fastest kept; pinned to core $core)"
    taskset -c "$core" "$out/$cxx-time/bench/leibniz_bench" --benchmark_repetitions=5 \
        --benchmark_min_time=0.1 --benchmark_out="$results/time-$cxx.json" --benchmark_out_format=json \
        >"$results/time-$cxx.txt"

    echo "== $cxx: instructions per point (callgrind)"
    mkdir -p "$results/callgrind-$cxx"
    (cd "$results/callgrind-$cxx" &&
        valgrind --tool=callgrind --collect-atstart=no "$out/$cxx-count/bench/leibniz_bench" --callgrind \
            >valgrind.log 2>&1)
    for dump in "$results/callgrind-$cxx"/callgrind.out.*.*; do
        label=$(sed -n 's/^desc: Trigger: Client Request: //p' "$dump")
        total=$(awk '/^(summary|totals):/ {print $2; exit}' "$dump")
        echo "$label $total"
    done | sort >"$results/instructions-$cxx.txt"
done

if [ "$compile_time" = 1 ]; then
    echo "== compile time"
    /usr/bin/python3 "$here/compile_time/measure.py" "$results/compile-time.csv"
fi

/usr/bin/python3 "$here/report.py" "$results" "$root"
