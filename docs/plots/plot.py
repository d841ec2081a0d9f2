#!/usr/bin/env python3
"""Draws the pictures of docs/images from the CSV files the examples write.

    python3 docs/plots/plot.py CSV_DIRECTORY OUTPUT_DIRECTORY

CSV_DIRECTORY holds what `himmelblau_descent --csv`, `linear_regression --csv`
and `curve_fit --csv` wrote (docs/plots/make.sh runs them).
"""
import csv
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display needed
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

OPTIMISERS = ["gradient_descent", "sign_descent", "momentum", "nesterov",
              "adagrad", "rmsprop", "adam", "newton", "lbfgs"]
MINIMA = [(3.0, 2.0), (-2.805118, 3.131312), (-3.779310, -3.283186), (3.584428, -1.848126)]


def himmelblau(x, y):
    return (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2


def read_rows(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def column(rows, name):
    return np.array([float(r[name]) for r in rows])


def contour_with_paths(csv_dir, out):
    xs = np.linspace(-6, 6, 600)
    X, Y = np.meshgrid(xs, xs)
    Z = himmelblau(X, Y)
    fig, ax = plt.subplots(figsize=(8, 7))
    levels = np.concatenate([[0.5, 2, 5], np.geomspace(10, 2000, 14)])
    ax.contour(X, Y, Z, levels=levels, cmap="Greys", linewidths=0.6)
    ax.contourf(X, Y, np.log1p(Z), levels=40, cmap="viridis", alpha=0.35)
    colours = plt.cm.tab10(np.linspace(0, 1, 10))
    for i, name in enumerate(OPTIMISERS):
        rows = read_rows(Path(csv_dir) / f"himmelblau_{name}.csv")
        px, py = column(rows, "x"), column(rows, "y")
        ax.plot(px, py, "-", color=colours[i], linewidth=1.4,
                label=f"{name} ({len(rows) - 1} steps)")
        ax.plot(px[-1], py[-1], "o", color=colours[i], markersize=5)
    ax.plot(-4, 0, "k*", markersize=12, label="start (-4, 0)")
    for mx, my in MINIMA:
        ax.plot(mx, my, "kx", markersize=8)
    ax.set_xlim(-6, 6)
    ax.set_ylim(-6, 6)
    ax.set_aspect("equal")
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.set_title("Himmelblau's function: every optimiser from (-4, 0)\n(x: the four minima)")
    ax.legend(loc="upper right", fontsize=8, framealpha=0.9)
    fig.tight_layout()
    fig.savefig(Path(out) / "himmelblau_paths.png", dpi=110)
    plt.close(fig)


def surface(out):
    xs = np.linspace(-6, 6, 200)
    X, Y = np.meshgrid(xs, xs)
    Z = himmelblau(X, Y)
    fig = plt.figure(figsize=(8, 6))
    ax = fig.add_subplot(projection="3d")
    ax.plot_surface(X, Y, Z, cmap="rainbow", linewidth=0, antialiased=True, rstride=2, cstride=2)
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.set_zlabel("h(x, y)")
    ax.set_title("Himmelblau's function h(x, y) = (x² + y − 11)² + (x + y² − 7)²")
    ax.view_init(elev=35, azim=-60)
    fig.tight_layout()
    fig.savefig(Path(out) / "himmelblau_surface.png", dpi=100)
    plt.close(fig)


def regression(csv_dir, out):
    data = read_rows(Path(csv_dir) / "regression_data.csv")
    lines = read_rows(Path(csv_dir) / "regression_fit.csv")
    losses = read_rows(Path(csv_dir) / "regression_loss.csv")
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.5))
    left.scatter(column(data, "x"), column(data, "y"), s=10, alpha=0.6, label="samples: 4 + 3x + noise")
    grid = np.linspace(0, 2, 50)
    for row, style in zip(lines, ["-", "--"]):
        a, b = float(row["intercept"]), float(row["slope"])
        left.plot(grid, a + b * grid, style, linewidth=2,
                  label=f"{row['method']}: {a:.3f} + {b:.3f}x")
    left.set_xlabel("x")
    left.set_ylabel("y")
    left.set_title("Linear regression")
    left.legend(fontsize=8)
    right.semilogy(column(losses, "epoch"), column(losses, "loss"), "o-", markersize=3)
    right.set_xlabel("epoch")
    right.set_ylabel("J(t1, t2), mean over all samples")
    right.set_title("Mini-batch Adam: loss per epoch")
    right.grid(True, which="both", alpha=0.3)
    fig.tight_layout()
    fig.savefig(Path(out) / "linear_regression.png", dpi=100)
    plt.close(fig)


def curve_fit(csv_dir, out):
    rows = read_rows(Path(csv_dir) / "curve_fit_data.csv")
    x, y = column(rows, "x"), column(rows, "y")
    fitted, residual = column(rows, "fitted"), column(rows, "residual")
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(8, 6.5), sharex=True,
                                      gridspec_kw={"height_ratios": [2, 1]})
    top.scatter(x, y, s=14, alpha=0.7, label="samples (Ceres's curve_fitting data)")
    top.plot(x, fitted, "-", color="C1", linewidth=2, label="Levenberg-Marquardt fit of e^(m x + c)")
    top.plot(x, np.exp(0.3 * x + 0.1), "--", color="grey", linewidth=1, label="the curve sampled: e^(0.3 x + 0.1)")
    top.set_ylabel("y")
    top.set_title("Least-squares curve fit: data, fit and residuals")
    top.legend(fontsize=8)
    bottom.axhline(0, color="grey", linewidth=0.8)
    bottom.vlines(x, 0, residual, color="C0", linewidth=1)
    bottom.plot(x, residual, "o", color="C0", markersize=3)
    bottom.set_xlabel("x")
    bottom.set_ylabel("residual y - fit")
    fig.tight_layout()
    fig.savefig(Path(out) / "curve_fit.png", dpi=100)
    plt.close(fig)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    csv_dir, out = sys.argv[1], sys.argv[2]
    Path(out).mkdir(parents=True, exist_ok=True)
    contour_with_paths(csv_dir, out)
    surface(out)
    regression(csv_dir, out)
    curve_fit(csv_dir, out)


if __name__ == "__main__":
    main()
