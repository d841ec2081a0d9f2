#!/usr/bin/env bash
# Run the whole leibniz test suite on Debian 12: GCC 12 and Clang 14
# (-Werror), then each again under AddressSanitizer and
# UndefinedBehaviorSanitizer. Installs the needed Debian packages first if any
# is missing.
#
# Two lanes run side by side, GCC (gcc, then gcc-sanitize) and Clang (clang,
# then clang-sanitize), each building with two jobs: on two cores one lane's
# long translation units and test runs overlap with the other's, instead of
# leaving a core idle at the end of every build. Each lane writes its log to
# build/<lane>-lane.log; after each preset the log gets the most expensive build
# steps and the slowest tests (scripts/time-report.sh).
#
#   bash scripts/test.sh              both lanes
#   bash scripts/test.sh gcc clang    only these presets, one after another
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# make: cmake only recommends it, and apt runs without recommends here.
bash scripts/ensure-packages.sh \
  cmake ninja-build make g++ clang libclang-rt-14-dev libboost1.81-dev libboost-test1.81-dev python3-sympy \
  libeigen3-dev libmpfr-dev libgmp-dev pkg-config openmpi-bin libopenmpi-dev libboost-mpi1.81-dev git valgrind

run_presets() {  # preset...: configure, build, test, report, one after another
  local preset
  for preset in "$@"; do
    echo "== preset $preset: $(date -u +%H:%M:%S)"
    local start=$SECONDS
    cmake --workflow --preset "$preset"
    echo "== preset $preset: passed in $((SECONDS - start)) s"
    bash scripts/time-report.sh "build/$preset" 20 | tee "build/$preset-times.txt"
  done
}

if [[ $# -gt 0 ]]; then
  run_presets "$@"
  exit 0
fi

mkdir -p build
start=$SECONDS
# The differential suite draws new expressions on every commit, seeded by the
# commit and the preset (test/differential/CMakeLists.txt): reproduce a
# failure with the seed printed here (docs/testing.md).
commit=$(git rev-parse --short=12 HEAD 2>/dev/null || echo no-commit)
echo "== differential seeds: $commit-gcc and $commit-clang (250 each), $commit-gcc-sanitize and $commit-clang-sanitize (20 each)"
echo "   reproduce one: bash scripts/differential.sh SEED COUNT g++|clang++"
run_presets gcc gcc-sanitize >build/gcc-lane.log 2>&1 &
gcc_lane=$!
run_presets clang clang-sanitize >build/clang-lane.log 2>&1 &
clang_lane=$!

status=0
for lane in gcc clang; do
  pid_var=${lane}_lane
  if wait "${!pid_var}"; then
    echo "== $lane lane passed"
    grep -E '^== preset .*passed' "build/$lane-lane.log" || true
  else
    status=1
    echo "== $lane lane FAILED; the end of build/$lane-lane.log:"
    tail -n 150 "build/$lane-lane.log"
  fi
done
echo "== both lanes took $((SECONDS - start)) s"
if [[ $status -ne 0 ]]; then
  exit $status
fi

# Where the time went, per preset (docs/testing.md keeps these figures).
cat build/gcc-times.txt build/clang-times.txt build/gcc-sanitize-times.txt build/clang-sanitize-times.txt

echo
echo "== leibniz test summary =="
echo "gcc   ($(g++ -dumpfullversion)): configure, build, tests passed (also under ASan + UBSan)"
echo "clang ($(clang++ -dumpversion)): configure, build, tests passed (also under ASan + UBSan)"
