// leibniz, written as a user writes it: the expression built from vars,
// sum and product, and one callable made once.
#include "../column.hpp"

#include <leibniz/leibniz.hpp>

#include <algorithm>
#include <array>

namespace {

namespace lz = leibniz;

template <bench::problem P>
constexpr auto xs = lz::vars<"x", P.n>;

template <bench::problem P>
constexpr auto expression() {
    using bench::family;
    constexpr auto x = xs<P>;
    if constexpr (P.shape == family::quadratic) {
        return 2 * lz::pow<2>(std::get<0>(x)) - 3 * std::get<0>(x) + 4;
    } else if constexpr (P.shape == family::himmelblau) {
        constexpr auto a = std::get<0>(x);
        constexpr auto b = std::get<1>(x);
        return lz::pow<2>(a * a + b - 11) + lz::pow<2>(a + b * b - 7);
    } else if constexpr (P.shape == family::rosenbrock) {
        return lz::sum<P.n - 1>([](auto i) {
            constexpr auto x = xs<P>;
            return 100 * lz::pow<2>(std::get<i + 1>(x) - lz::pow<2>(std::get<i>(x))) + lz::pow<2>(1 - std::get<i>(x));
        });
    } else if constexpr (P.shape == family::exp_sin_product) {
        return lz::exp(lz::sum<P.n>([](auto i) { return lz::sin(std::get<i>(xs<P>)); })) *
               lz::product<P.n>([](auto i) { return std::get<i>(xs<P>); });
    } else {
        constexpr auto u = lz::var<"u">;
        constexpr auto v = lz::var<"v">;
        const auto loss = lz::pow<2>(std::get<0>(x) + std::get<1>(x) * u - v) / 2;
        return lz::mean(loss, lz::data(u = bench::regression_x(), v = bench::regression_y()));
    }
}

template <bench::problem P>
constexpr auto make_callable() {
    if constexpr (P.computes == bench::output::value) {
        return expression<P>();
    } else if constexpr (P.computes == bench::output::gradient) {
        return lz::value_and_gradient(expression<P>(), xs<P>);
    } else {
        return lz::value_gradient_hessian(expression<P>(), xs<P>);
    }
}

// Made once, as a user keeps it: a constexpr object, except for the
// regression, whose data are known only at run time.
template <bench::problem P>
struct made_once {
    static constexpr auto callable = make_callable<P>();
};
template <bench::problem P>
    requires(P.shape == bench::family::regression)
struct made_once<P> {
    static inline const auto callable = make_callable<P>();
};

}  // namespace

// Internal linkage: every column unit defines its own evaluate<P>.
namespace {

template <bench::problem P>
double evaluate(const double* p, double* out) {
    std::array<double, P.n> point;
    std::copy(p, p + P.n, point.begin());
    const auto r = made_once<P>::callable(xs<P> = point);
    if constexpr (P.computes == bench::output::value) {
        (void)out;
        return r;
    } else {
        std::copy(r.gradient.begin(), r.gradient.end(), out);
        if constexpr (P.computes == bench::output::hessian)
            for (int i = 0; i < P.n; ++i) std::copy(r.hessian[i].begin(), r.hessian[i].end(), out + P.n * (i + 1));
        return r.value;
    }
}

}  // namespace

BENCH_COLUMN("leibniz")
