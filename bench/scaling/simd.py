"""Prints the SIMD benchmark (bench/scaling/simd.cpp) as a Markdown table and
draws docs/images/simd_speedup.png: the speed-up of SIMD lanes and of
at_points over the scalar loop, per problem, compiler and target.

    python3 simd.py OUT.png compiler:target:results.json ...
"""
import json
import sys

LANES = {"x86-64": 2, "x86-64-v3": 4, "x86-64-v4": 8}
NAMES = {"x86-64": "SSE2", "x86-64-v3": "AVX2", "x86-64-v4": "AVX-512"}


def read(path):
    rate = {}
    for b in json.load(open(path))["benchmarks"]:
        if b.get("aggregate_name") == "median":
            form, problem, n = b["run_name"].split("/")
            rate[(form, f"{problem.replace('_', ' ')} n = {n}")] = b["points_per_second"]
    return rate


def main():
    picture, runs = sys.argv[1], [a.split(":", 2) for a in sys.argv[2:]]
    rows = []
    print("| compiler | target (doubles a vector) | problem | scalar loop | lanes | speed-up | at_points | speed-up "
          "| at_points, new columns | speed-up |")
    print("|---|---|---|---|---|---:|---|---:|---|---:|")
    for compiler, target, path in runs:
        rate = read(path)
        for problem in dict.fromkeys(p for _, p in rate):
            s, l, a = rate[("scalar", problem)], rate[("lanes", problem)], rate[("at_points", problem)]
            new = rate[("at_points_new", problem)]
            rows.append((compiler, target, problem, l / s, a / s))
            print(f"| {compiler} | {NAMES[target]} ({LANES[target]}) | {problem} | {s / 1e6:.1f} M/s | "
                  f"{l / 1e6:.1f} M/s | {l / s:.2f} | {a / 1e6:.1f} M/s | {a / s:.2f} | {new / 1e6:.1f} M/s | "
                  f"{new / s:.2f} |")

    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    problems = list(dict.fromkeys(r[2] for r in rows))
    configs = list(dict.fromkeys((r[0], r[1]) for r in rows))
    fig, axes = plt.subplots(1, len(problems), figsize=(4.2 * len(problems), 3.8), sharey=True)
    for ax, problem in zip(axes, problems):
        labels, lanes, columns = [], [], []
        for compiler, target in configs:
            r = next(r for r in rows if r[:3] == (compiler, target, problem))
            labels.append(f"{compiler}\n{NAMES[target]}")
            lanes.append(r[3])
            columns.append(r[4])
        x = range(len(labels))
        ax.bar([i - 0.2 for i in x], lanes, 0.4, label="lanes bound directly")
        ax.bar([i + 0.2 for i in x], columns, 0.4, label="at_points (columns)")
        for i, (compiler, target) in enumerate(configs):
            ax.hlines(LANES[target], i - 0.45, i + 0.45, colors="black", linestyles="dotted")
        ax.set_xticks(list(x), labels, fontsize=8)
        ax.set_title(problem)
        ax.axhline(1, color="grey", linewidth=0.8)
    axes[0].set_ylabel("points per second / scalar loop")
    axes[0].legend(fontsize=8, loc="upper left")
    fig.suptitle("Value and gradient on SIMD lanes (dotted: the lane count)")
    fig.tight_layout()
    fig.savefig(picture, dpi=110)


main()
