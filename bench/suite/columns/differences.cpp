// Central differences of the plain double function: the gradient with
// leibniz::numeric::gradient (2n + 1 evaluations), the Hessian with the
// second-difference formulas.
#include "../column.hpp"

#include <leibniz/leibniz.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

// Internal linkage: every column unit defines its own evaluate<P>.
namespace {

template <bench::problem P>
double evaluate(const double* p, double* out) {
    constexpr int n = P.n;
    std::array<double, n> x;
    std::copy(p, p + n, x.begin());
    const auto f = [](const std::array<double, n>& at) { return bench::function<P>(at.data()); };
    const double value = f(x);
    if constexpr (P.computes == bench::output::gradient) {
        const auto g = leibniz::numeric::gradient(f, x);
        std::copy(g.begin(), g.end(), out);
    } else if constexpr (P.computes == bench::output::hessian) {
        const auto g = leibniz::numeric::gradient(f, x);
        std::copy(g.begin(), g.end(), out);
        // h = ε^(1/4)·max(1, |x|): truncation and rounding errors both about √ε.
        std::array<double, n> h;
        for (int i = 0; i < n; ++i) {
            const double step = 1.2e-4 * std::max(1.0, std::abs(x[i]));
            h[i] = (x[i] + step) - x[i];
        }
        double* H = out + n;
        for (int i = 0; i < n; ++i) {
            std::array<double, n> up = x, down = x;
            up[i] += h[i];
            down[i] -= h[i];
            H[i * n + i] = (f(up) - 2 * value + f(down)) / (h[i] * h[i]);
            for (int j = i + 1; j < n; ++j) {
                std::array<double, n> pp = up, pm = up, mp = down, mm = down;
                pp[j] += h[j];
                pm[j] -= h[j];
                mp[j] += h[j];
                mm[j] -= h[j];
                H[i * n + j] = H[j * n + i] = (f(pp) - f(pm) - f(mp) + f(mm)) / (4 * h[i] * h[j]);
            }
        }
    }
    return value;
}

}  // namespace

BENCH_COLUMN("differences")
