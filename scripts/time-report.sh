#!/usr/bin/env bash
# Where a build's time went: the most expensive build steps (from Ninja's
# .ninja_log) and the slowest tests (from CTest's cost data) of one build tree.
# Usage: bash scripts/time-report.sh BUILD_DIR [COUNT]   (COUNT defaults to 20)
# scripts/test.sh prints it after each preset; docs/testing.md keeps the
# figures of the last full run.
set -euo pipefail

dir=${1:?usage: time-report.sh BUILD_DIR [COUNT]}
count=${2:-20}
name=$(basename "$dir")

if [[ -f "$dir/.ninja_log" ]]; then
  # .ninja_log v5: start end mtime output hash (milliseconds). A step rebuilt
  # later appears again: keep the last line of each output. A command with
  # several outputs has one line per output, all with its start and end: it
  # counts once, under its first output.
  awk -v count="$count" -v name="$name" '
    /^#/ { next }
    {
      key = $1 " " $2
      if (key in seen) next
      seen[key] = 1
      if ($4 in start) delete seen[start[$4]]
      start[$4] = key
      cost[$4] = ($2 - $1) / 1000.0
    }
    END {
      total = 0; n = 0
      for (o in cost) { total += cost[o]; n++ }
      printf "== %s: %d build steps, %.0f s of compiler time; the %d most expensive ==\n", name, n, total, count
      for (o in cost) printf "%9.1f s  %s\n", cost[o], o | "sort -rn | head -n " count
    }' "$dir/.ninja_log"
  wait
else
  echo "== $name: no .ninja_log (not a Ninja build): no build step times"
fi

costs="$dir/Testing/Temporary/CTestCostData.txt"
if [[ -f "$costs" ]]; then
  # CTestCostData.txt: "name runs average-seconds" lines, then "---" and failures.
  awk -v count="$count" -v name="$name" '
    /^---/ { exit }
    NF == 3 { total += $3; n++; line[n] = sprintf("%9.1f s  %s", $3, $1) }
    END {
      printf "== %s: %d tests, %.0f s in all; the %d slowest ==\n", name, n, total, count
      for (i = 1; i <= n; i++) print line[i] | "sort -rn | head -n " count
    }' "$costs"
  wait
else
  echo "== $name: no CTest cost data (tests not run)"
fi
