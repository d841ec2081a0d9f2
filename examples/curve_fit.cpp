// Nonlinear least squares with Levenberg–Marquardt, on the problems Ceres
// Solver's tutorial uses: fitting y = e^(m·x + c) to 67 noisy samples (its
// curve_fitting example's data, sampled from m = 0.3, c = 0.1 with noise of
// σ = 0.2), Powell's function written as four residuals, Rosenbrock's function
// as two, and a circle through noisy points (residuals with lz::hypot).
// Prints iterations and the minimum for Levenberg–Marquardt and, on the same
// expressions, for first-order descent. Exits non-zero if a printed figure is off.
//
//   curve_fit              the tables
//   curve_fit --csv DIR    also DIR/curve_fit_data.csv (x, y, fitted, residual) for plots
#include "teaching/check.hpp"

#include <leibniz/leibniz.hpp>

#include <array>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace lz = leibniz;

namespace {

// Ceres Solver's examples/curve_fitting.cc data: (x, y) with y = e^(0.3x + 0.1) + N(0, 0.2²).
constexpr double samples[][2] = {
    {0.000000e+00, 1.133898e+00},
    {7.500000e-02, 1.334902e+00},
    {1.500000e-01, 1.213546e+00},
    {2.250000e-01, 1.252016e+00},
    {3.000000e-01, 1.392265e+00},
    {3.750000e-01, 1.314458e+00},
    {4.500000e-01, 1.472541e+00},
    {5.250000e-01, 1.536218e+00},
    {6.000000e-01, 1.355679e+00},
    {6.750000e-01, 1.463566e+00},
    {7.500000e-01, 1.490201e+00},
    {8.250000e-01, 1.658699e+00},
    {9.000000e-01, 1.067574e+00},
    {9.750000e-01, 1.464629e+00},
    {1.050000e+00, 1.402653e+00},
    {1.125000e+00, 1.713141e+00},
    {1.200000e+00, 1.527021e+00},
    {1.275000e+00, 1.702632e+00},
    {1.350000e+00, 1.423899e+00},
    {1.425000e+00, 1.543078e+00},
    {1.500000e+00, 1.664015e+00},
    {1.575000e+00, 1.732484e+00},
    {1.650000e+00, 1.543296e+00},
    {1.725000e+00, 1.959523e+00},
    {1.800000e+00, 1.685132e+00},
    {1.875000e+00, 1.951791e+00},
    {1.950000e+00, 2.095346e+00},
    {2.025000e+00, 2.361460e+00},
    {2.100000e+00, 2.169119e+00},
    {2.175000e+00, 2.061745e+00},
    {2.250000e+00, 2.178641e+00},
    {2.325000e+00, 2.104346e+00},
    {2.400000e+00, 2.584470e+00},
    {2.475000e+00, 1.914158e+00},
    {2.550000e+00, 2.368375e+00},
    {2.625000e+00, 2.686125e+00},
    {2.700000e+00, 2.712395e+00},
    {2.775000e+00, 2.499511e+00},
    {2.850000e+00, 2.558897e+00},
    {2.925000e+00, 2.309154e+00},
    {3.000000e+00, 2.869503e+00},
    {3.075000e+00, 3.116645e+00},
    {3.150000e+00, 3.094907e+00},
    {3.225000e+00, 2.471759e+00},
    {3.300000e+00, 3.017131e+00},
    {3.375000e+00, 3.232381e+00},
    {3.450000e+00, 2.944596e+00},
    {3.525000e+00, 3.385343e+00},
    {3.600000e+00, 3.199826e+00},
    {3.675000e+00, 3.423039e+00},
    {3.750000e+00, 3.621552e+00},
    {3.825000e+00, 3.559255e+00},
    {3.900000e+00, 3.530713e+00},
    {3.975000e+00, 3.561766e+00},
    {4.050000e+00, 3.544574e+00},
    {4.125000e+00, 3.867945e+00},
    {4.200000e+00, 4.049776e+00},
    {4.275000e+00, 3.885601e+00},
    {4.350000e+00, 4.110505e+00},
    {4.425000e+00, 4.345320e+00},
    {4.500000e+00, 4.161241e+00},
    {4.575000e+00, 4.363407e+00},
    {4.650000e+00, 4.161576e+00},
    {4.725000e+00, 4.619728e+00},
    {4.800000e+00, 4.737410e+00},
    {4.875000e+00, 4.727863e+00},
    {4.950000e+00, 4.669206e+00}
};

constexpr auto m = lz::var<"m">;
constexpr auto c = lz::var<"c">;
constexpr auto xi = lz::var<"xi">;
constexpr auto yi = lz::var<"yi">;

template <class Result>
void row(const char* problem, const char* method, const Result& r, double cost) {
    std::printf("%-22s %-22s %6zu  %-15s %.6e\n", problem, method, r.iterations, lz::to_string(r.status).c_str(), cost);
}

}  // namespace

int main(int argc, char** argv) {
    std::string csv_directory;
    if (argc == 3 && std::string_view(argv[1]) == "--csv") {
        csv_directory = argv[2];
    } else if (argc != 1) {
        std::cerr << "usage: curve_fit [--csv DIRECTORY]\n";
        return 2;
    }
    examples::checker check;
    std::printf("%-22s %-22s %6s  %-15s %s\n", "problem", "method", "steps", "status", "final cost (1/2 sum r^2)");

    // 1. The exponential curve, from m = c = 0 (Ceres: 13 iterations, cost 121.173 -> 1.05675,
    //    m = 0.291861, c = 0.131439).
    std::vector<double> xs, ys;
    for (const auto& s : samples) {
        xs.push_back(s[0]);
        ys.push_back(s[1]);
    }
    const auto curve = lz::squares(yi - lz::exp(m * xi + c), lz::data(xi = xs, yi = ys));
    const auto start = lz::point(m = 0.0, c = 0.0);
    const lz::stop when{.max_iterations = 20000, .gradient_tolerance = 1e-8};
    const auto lm = lz::minimize(curve, start, lz::levenberg_marquardt{}, when);
    row("exponential curve", "levenberg_marquardt", lm, lm.value);
    std::printf("    initial cost %.6f, m = %.6f, c = %.6f\n", curve(start), lm.point[m], lm.point[c]);
    check.expect_near(curve(start), 121.173, 1e-3, "the initial cost is Ceres's 121.173");
    check.expect(lm.status == lz::status::converged, "Levenberg-Marquardt converges on the curve");
    // Ceres stops at a gradient of 3.8e-3 (its relative cost tolerance), this run at 1e-8: the
    // parameters agree to the digits Ceres's stopping point leaves.
    check.expect_near(lm.point[m], 0.291861, 2e-5, "m = 0.291861, as Ceres");
    check.expect_near(lm.point[c], 0.131439, 1e-4, "c = 0.131439, as Ceres");
    check.expect(lm.iterations <= 13, "no more steps than Ceres's 13");
    check.expect_near(lm.value, 1.05675, 1e-5, "final cost 1.05675, as Ceres");
    const auto gd = lz::minimize(curve, start, lz::gradient_descent{.learning_rate = 1e-4}, when);
    row("exponential curve", "gradient_descent 1e-4", gd, gd.value);
    const auto adam = lz::minimize(curve, start, lz::adam{.learning_rate = 1e-2}, when);
    row("exponential curve", "adam 1e-2", adam, adam.value);

    // 2. Powell's function as four residuals, from (3, -1, 0, 1) (Ceres: 14 iterations to a
    //    gradient of 3.6e-11; the minimum is 0 at the origin, where J is singular).
    constexpr auto x1 = lz::var<"x1">;
    constexpr auto x2 = lz::var<"x2">;
    constexpr auto x3 = lz::var<"x3">;
    constexpr auto x4 = lz::var<"x4">;
    const double sqrt5 = std::sqrt(5.0), sqrt10 = std::sqrt(10.0);
    const auto powell = lz::squares(std::tuple{x1 + 10 * x2, sqrt5 * (x3 - x4), lz::pow<2>(x2 - 2 * x3),
                                               sqrt10 * lz::pow<2>(x1 - x4)});
    const auto powell_start = lz::point(x1 = 3.0, x2 = -1.0, x3 = 0.0, x4 = 1.0);
    const lz::stop powell_stop{.max_iterations = 20000, .gradient_tolerance = 1e-10};
    const auto p_lm = lz::minimize(powell, powell_start, lz::levenberg_marquardt{}, powell_stop);
    row("Powell", "levenberg_marquardt", p_lm, p_lm.value);
    check.expect(p_lm.status == lz::status::converged && p_lm.value < 1e-14, "Levenberg-Marquardt solves Powell's function");
    check.expect(p_lm.iterations <= 14, "no more steps than Ceres's 14");
    const auto p_gd = lz::minimize(powell, powell_start, lz::gradient_descent{.learning_rate = 1e-3}, powell_stop);
    row("Powell", "gradient_descent 1e-3", p_gd, p_gd.value);

    // 3. Rosenbrock's function as residuals (1 - x, 10 (y - x²)), from (-1.2, 1).
    constexpr auto x = lz::var<"x">;
    constexpr auto y = lz::var<"y">;
    const auto rosenbrock = lz::squares(std::tuple{1 - x, 10 * (y - x * x)});
    const auto r_lm = lz::minimize(rosenbrock, lz::point(x = -1.2, y = 1.0), lz::levenberg_marquardt{}, when);
    row("Rosenbrock", "levenberg_marquardt", r_lm, r_lm.value);
    check.expect(r_lm.status == lz::status::converged && std::fabs(r_lm.point[x] - 1) < 1e-8,
                 "Levenberg-Marquardt solves Rosenbrock's function");
    const auto r_gd = lz::minimize(rosenbrock, lz::point(x = -1.2, y = 1.0), lz::gradient_descent{.learning_rate = 1e-3}, when);
    row("Rosenbrock", "gradient_descent 1e-3", r_gd, r_gd.value);

    // 4. A circle through 40 noisy points around (2, -1), radius 3: residual = distance to
    //    the centre minus the radius.
    constexpr auto cx = lz::var<"cx">;
    constexpr auto cy = lz::var<"cy">;
    constexpr auto radius = lz::var<"radius">;
    constexpr auto px = lz::var<"px">;
    constexpr auto py = lz::var<"py">;
    std::vector<double> pxs, pys;
    for (int i = 0; i < 40; ++i) {
        const double angle = 0.157 * i, wobble = 0.05 * std::sin(12.9898 * i);  // a deterministic "noise"
        pxs.push_back(2 + (3 + wobble) * std::cos(angle));
        pys.push_back(-1 + (3 + wobble) * std::sin(angle));
    }
    const auto circle = lz::squares(lz::hypot(px - cx, py - cy) - radius, lz::data(px = pxs, py = pys));
    const auto circle_start = lz::point(cx = 0.0, cy = 0.0, radius = 1.0);
    const auto c_lm = lz::minimize(circle, circle_start, lz::levenberg_marquardt{}, when);
    row("circle", "levenberg_marquardt", c_lm, c_lm.value);
    std::printf("    centre (%.4f, %.4f), radius %.4f\n", c_lm.point[cx], c_lm.point[cy], c_lm.point[radius]);
    check.expect(c_lm.status == lz::status::converged, "Levenberg-Marquardt fits the circle");
    check.expect(std::fabs(c_lm.point[cx] - 2) < 0.05 && std::fabs(c_lm.point[cy] + 1) < 0.05 &&
                     std::fabs(c_lm.point[radius] - 3) < 0.05,
                 "the circle's centre and radius within 0.05 of (2, -1) and 3");
    const auto c_adam = lz::minimize(circle, circle_start, lz::adam{.learning_rate = 1e-2}, when);
    row("circle", "adam 1e-2", c_adam, c_adam.value);

    if (!csv_directory.empty()) {
        std::ofstream out(csv_directory + "/curve_fit_data.csv");
        out.precision(17);
        out << "x,y,fitted,residual\n";
        for (const auto& s : samples) {
            const double fitted = std::exp(lm.point[m] * s[0] + lm.point[c]);
            out << s[0] << ',' << s[1] << ',' << fitted << ',' << s[1] - fitted << '\n';
        }
        std::cout << "data, fit and residuals written to " << csv_directory << "\n";
    }
    return check.failures == 0 ? 0 : 1;
}
