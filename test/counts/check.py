#!/usr/bin/env python3
"""The instruction-count ratchet: each kernel of kernels.cpp under callgrind,
its instructions compared with counts.json.

    check.py BINARY COUNTS COMPILER [--update]

COMPILER names the compiler and its version (CMake's "GNU-12.2.0"); counts
are recorded per compiler. A kernel costing more than 2 % over its recorded
count fails the test (a regression); one costing more than 2 % less passes and
says so (record the new count with --update, which rewrites COUNTS with this
run's counts for COMPILER). With no counts recorded for COMPILER, the counts
are printed and the test is skipped (exit 77).

Instruction counts of one binary are exact: what changes them is the code.
"""
import json
import os
import subprocess
import sys
import tempfile

TOLERANCE = 0.02
SKIPPED = 77


def count(binary, kernel, workdir):
    out = os.path.join(workdir, kernel + ".callgrind")
    subprocess.run(["valgrind", "--tool=callgrind", f"--toggle-collect=kernel_{kernel}",
                    f"--callgrind-out-file={out}", binary, kernel],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(out) as f:
        for line in f:
            if line.startswith(("summary:", "totals:")):
                return int(line.split()[1])
    raise RuntimeError(f"callgrind wrote no total for {kernel}")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    update = "--update" in sys.argv[1:]
    if len(args) != 3:
        print(__doc__)
        return 2
    binary, counts_file, compiler = args
    kernels = subprocess.run([binary, "--list"], check=True, capture_output=True, text=True).stdout.split()
    with tempfile.TemporaryDirectory() as workdir:
        measured = {k: count(binary, k, workdir) for k in kernels}
    recorded_all = json.load(open(counts_file)) if os.path.exists(counts_file) else {}
    recorded = recorded_all.get(compiler, {})

    failed = []
    print(f"instructions per kernel, {compiler} (callgrind; the ratio is to the hand-written kernel):")
    for k in kernels:
        base = k.rsplit("_", 1)[0] if not k.endswith("_in_place") else k[: -len("_in_place")]
        hand = measured.get(base + "_hand")
        ratio = f"{measured[k] / hand:7.2f}x" if hand and not k.endswith("_hand") else "        "
        note = ""
        if k in recorded:
            change = measured[k] / recorded[k] - 1
            if change > TOLERANCE:
                note = f"REGRESSION: {change:+.1%} over the recorded {recorded[k]}"
                failed.append(k)
            elif change < -TOLERANCE:
                note = f"{change:+.1%} under the recorded {recorded[k]}: record it (--update)"
            else:
                note = f"{change:+.1%}"
        else:
            note = "not recorded"
        print(f"  {k:32} {measured[k]:>11} {ratio}  {note}")

    if update:
        recorded_all[compiler] = measured
        with open(counts_file, "w") as f:
            json.dump(recorded_all, f, indent=1, sort_keys=True)
            f.write("\n")
        print(f"recorded in {counts_file}")
        return 0
    if not recorded:
        print(f"no counts recorded for {compiler}: skipped (record them with --update)")
        return SKIPPED
    if failed:
        print("instruction counts went up: " + ", ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
