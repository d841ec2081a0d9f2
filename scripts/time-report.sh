#!/usr/bin/env bash
# Where a build's time went: the compile steps that cost the most CPU time
# (cpu-times.txt, written by scripts/cpu-time.sh, the presets' compiler
# launcher) and their total by part of the suite, the build's steps by wall
# time (Ninja's .ninja_log), and the slowest tests (CTest's cost data) of one
# build tree.
# Usage: bash scripts/time-report.sh BUILD_DIR [COUNT]   (COUNT defaults to 20)
# scripts/test.sh prints it after each preset; docs/testing.md keeps the
# figures of the last full run.
set -euo pipefail

dir=${1:?usage: time-report.sh BUILD_DIR [COUNT]}
count=${2:-20}
name=$(basename "$dir")

if [[ -f "$dir/cpu-times.txt" ]]; then
  # "<seconds> <output>" per compile; a step compiled again later counts once,
  # with its last time.
  awk -v count="$count" -v name="$name" '
    { cpu[$2] = $1 }
    END {
      for (o in cpu) {
        total += cpu[o]; n++
        part = "other"
        if (o ~ /differential/) part = "differential"
        else if (o ~ /test_interop|interop\//) part = "interop"
        else if (o ~ /runtime\//) part = "run-time tests"
        else if (o ~ /static_tests/) part = "static tests"
        else if (o ~ /header_check/) part = "header checks"
        else if (o ~ /doc_|\/docs\//) part = "documentation"
        else if (o ~ /examples\//) part = "examples"
        else if (o ~ /output\//) part = "output"
        else if (o ~ /pch/) part = "precompiled headers"
        by_part[part] += cpu[o]
      }
      printf "== %s: %d compiles, %.0f s of CPU time; by part:", name, n, total
      for (p in by_part) printf " %s %.0f s;", p, by_part[p]
      printf "\n== %s: the %d compiles that cost the most CPU time ==\n", name, count
      for (o in cpu) printf "%9.1f s  %s\n", cpu[o], o | "sort -rn | head -n " count
    }' "$dir/cpu-times.txt"
  wait
fi

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
