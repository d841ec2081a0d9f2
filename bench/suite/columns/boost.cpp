// Boost.Math's autodiff fvar: forward mode with one derivative lane, so the
// gradient takes one pass per variable; the Hessian comes from make_ftuple
// with order 2 in each variable.
#include "../column.hpp"

#include <boost/math/differentiation/autodiff.hpp>

#include <array>
#include <tuple>

namespace ad = boost::math::differentiation;

// Internal linkage: every column unit defines its own evaluate<P>.
namespace {

template <bench::problem P>
double evaluate(const double* p, double* out) {
    constexpr int n = P.n;
    static_assert(P.computes != bench::output::value, "the value alone is measured for leibniz and by hand");
    if constexpr (P.computes == bench::output::gradient) {
        using number = ad::autodiff_fvar<double, 1>;
        double value = 0;
        for (int k = 0; k < n; ++k) {
            std::array<number, n> x;
            for (int i = 0; i < n; ++i) x[i] = i == k ? ad::make_fvar<double, 1>(p[i]) : number(p[i], false);
            const number y = bench::function<P>(x.data());
            out[k] = y.derivative(1);
            value = y.derivative(0);
        }
        return value;
    } else {
        static_assert(n == 2, "the Hessian column is written for two variables");
        const auto variables = ad::make_ftuple<double, 2, 2>(p[0], p[1]);
        using number = decltype(std::get<0>(variables) * std::get<1>(variables));
        const std::array<number, 2> x{number(std::get<0>(variables)), number(std::get<1>(variables))};
        const number y = bench::function<P>(x.data());
        out[0] = y.derivative(1, 0);
        out[1] = y.derivative(0, 1);
        out[2] = y.derivative(2, 0);
        out[3] = out[4] = y.derivative(1, 1);
        out[5] = y.derivative(0, 2);
        return y.derivative(0, 0);
    }
}

}  // namespace

BENCH_COLUMN("boost")
