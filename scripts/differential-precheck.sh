#!/usr/bin/env bash
# Before a full run: do this commit's differential draws hold their
# compile-time checks? Each expression's rearranged copy must come out
# equivalent to it (a static_assert, so one miss of
# `equivalent` stops a whole preset's build). This draws the four seeds the
# presets will draw (<commit>-gcc and -clang, 250 each; -gcc-sanitize and
# -clang-sanitize, 20 each), emits only those checks, and the sums over an
# index the presets draw (one per ten, whole), and compiles them with
# clang++ -fsyntax-only: about five minutes on two cores, against the full
# run's twenty-five. A miss names the seed and the expression; reproduce and
# add it to the corpus as docs/testing.md says. Where nvcc is found, the CUDA
# example is compiled too (nvcc parses every header).
#
#   bash scripts/differential-precheck.sh [COMMIT]    (default: HEAD)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
commit=$(git rev-parse "${1:-HEAD}" | cut -c1-12)
# The Python the build uses (test/differential/CMakeLists.txt): Debian's, with
# its SymPy, before any other python3 on the PATH (SymPy's versions draw alike
# but may refuse a draw differently).
python=/usr/bin/python3
[ -x "$python" ] || python=python3
work=build/differential-precheck
rm -rf "$work"
failed=0
for draw in gcc:250 clang:250 gcc-sanitize:20 clang-sanitize:20; do
  seed="$commit-${draw%%:*}"
  count="${draw##*:}"
  dir="$work/$seed"
  "$python" test/differential/generate.py --seed "$seed" --count "$count" --per-unit 25 --rearranged-only \
    --loops-count $(((count + 9) / 10)) --out "$dir"
  for unit in "$dir"/differential_*.cpp; do
    echo "$unit"
  done | xargs -P "$(nproc)" -I{} sh -c \
    'clang++ -std=c++20 -Iinclude -Itest/differential -DLEIBNIZ_NO_FORCED_INLINING -DBOOST_TEST_DYN_LINK \
       -DLEIBNIZ_DIFFERENTIAL_STRINGS="\"unused\"" -fsyntax-only -ferror-limit=5 {} > {}.log 2>&1 || echo {}' \
    > "$dir/failed.txt" || true
  while read -r unit; do
    failed=1
    line=$(grep -m1 -oE "$(basename "$unit"):[0-9]+" "$unit.log" | cut -d: -f2 || true)
    name=$(head -n "${line:-1}" "$unit" | grep -oE "^// [es][0-9]+" | tail -1 | cut -c4- || true)
    echo "== $seed: ${name:-an expression} fails its compile-time check (line ${line:-?} of $unit); the first error:"
    grep -m1 "error" "$unit.log" || true
    case "$name" in  # (a sum over an index, s00003: its unit above is the reproduction)
      e*) echo "   reproduce: bash scripts/differential.sh $seed $((10#${name#e} + 1)) g++" ;;
    esac
  done < "$dir/failed.txt"
  echo "== $seed: $count expressions checked"
done
# nvcc's front end parses every header for the CUDA example (examples/CMakeLists.txt), and
# refuses some forms GCC and Clang take: compile it with the flags the build gives it.
nvcc=$(command -v nvcc || true)
[ -z "$nvcc" ] && [ -x /usr/local/cuda/bin/nvcc ] && nvcc=/usr/local/cuda/bin/nvcc
if [ -n "$nvcc" ]; then
  if "$nvcc" -forward-unknown-to-host-compiler -Iinclude -O2 -DNDEBUG -std=c++20 --expt-relaxed-constexpr \
       -diag-suppress=20208 -Xcompiler=-Wall,-Wextra -Werror=all-warnings -Xcompiler=-Werror \
       -c examples/cuda/gradient_kernel.cu -o "$work/gradient_kernel.o" > "$work/nvcc.log" 2>&1; then
    echo "== nvcc: the CUDA example compiles"
  else
    failed=1
    echo "== nvcc: the CUDA example does not compile; the first errors:"
    grep -m5 "error" "$work/nvcc.log" || true
  fi
fi
exit $failed
