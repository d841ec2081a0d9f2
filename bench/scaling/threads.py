"""Speed-ups from bench/scaling/threads.cpp's JSON: a table (markdown) and a chart.

The serial fraction s comes from the 2-thread speed-up S2 by Amdahl's law,
S(N) = 1 / (s + (1 - s) / N), so s = 2 / S2 - 1; the chart draws S(N) up to 64
threads beside the measured points."""
import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

results = json.load(open(sys.argv[1]))
cores = results["context"]["num_cpus"]
times = {}
for b in results["benchmarks"]:
    if b.get("aggregate_name") != "median":
        continue
    name, m, threads = b["run_name"].split("/")[:3]
    times[(name, int(m), int(threads))] = b["real_time"]

print(f"machine: {cores} cores; medians of 5 repetitions (ms)")
print("| benchmark | m | plain | 1 thread | 2 | 3 | 4 | speed-up at 2 | serial fraction |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
curves = []
for name in ("mean_value_and_gradient", "fit_full_batch"):
    for m in sorted({k[1] for k in times if k[0] == name}):
        t = {n: times[(name, m, n)] for n in (-1, 1, 2, 3, 4) if (name, m, n) in times}
        s2 = t[1] / t[2]
        serial = max(0.0, min(1.0, 2 / s2 - 1))
        curves.append((name, m, serial, {n: t[1] / t[n] for n in (1, 2, 3, 4) if n in t}))
        print(f"| {name} | {m:,} | {t[-1]:.2f} | {t[1]:.2f} | {t[2]:.2f} | {t[3]:.2f} | {t[4]:.2f} "
              f"| {s2:.2f} | {serial:.3f} |")
print()
print("Amdahl's projection S(N) = 1 / (s + (1 - s)/N):")
print("| benchmark | m | 8 | 16 | 64 |")
print("|---|---:|---:|---:|---:|")
for name, m, s, _ in curves:
    proj = [1 / (s + (1 - s) / n) for n in (8, 16, 64)]
    print(f"| {name} | {m:,} | " + " | ".join(f"{p:.1f}" for p in proj) + " |")

fig, ax = plt.subplots(figsize=(7, 4.5))
ns = [1, 2, 4, 8, 16, 32, 64]
for (name, m, s, measured), colour in zip(curves, ["C0", "C1", "C2", "C3"]):
    label = f"{'mean gradient' if name.startswith('mean') else 'full-batch fit'}, m = {m:,}"
    ax.plot(ns, [1 / (s + (1 - s) / n) for n in ns], "--", color=colour, label=f"{label}: s = {s:.3f}")
    pts = [n for n in measured if n <= cores]
    ax.plot(pts, [measured[n] for n in pts], "o", color=colour)
ax.plot(ns, ns, ":", color="grey", label="ideal")
ax.set_xscale("log", base=2)
ax.set_yscale("log", base=2)
ax.set_xticks(ns, [str(n) for n in ns])
ax.set_yticks(ns, [str(n) for n in ns])
ax.set_xlabel("threads")
ax.set_ylabel("speed-up over 1 thread")
ax.set_title(f"measured on {cores} cores (dots); Amdahl projection (dashes)")
ax.legend(fontsize=8)
fig.tight_layout()
fig.savefig(sys.argv[2], dpi=110)
print(f"wrote {sys.argv[2]}")
