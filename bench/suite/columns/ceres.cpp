// Ceres' Jet<double, n> (forward mode, n derivative lanes per number),
// nested Jet<Jet<double, n>, n> for the Hessian.
#include "../column.hpp"

#include <ceres/jet.h>

#include <array>

// Nested jets take only their inner type as a constant.
template <class T, int N>
struct bench::constant_type<ceres::Jet<ceres::Jet<T, N>, N>> {
    using type = ceres::Jet<T, N>;
};

// Internal linkage: every column unit defines its own evaluate<P>.
namespace {

template <bench::problem P>
double evaluate(const double* p, double* out) {
    constexpr int n = P.n;
    static_assert(P.computes != bench::output::value, "the value alone is measured for leibniz and by hand");
    if constexpr (P.computes == bench::output::gradient) {
        using jet = ceres::Jet<double, n>;
        std::array<jet, n> x;
        for (int i = 0; i < n; ++i) x[i] = jet(p[i], i);
        const jet y = bench::function<P>(x.data());
        for (int i = 0; i < n; ++i) out[i] = y.v[i];
        return y.a;
    } else {
        using inner = ceres::Jet<double, n>;
        using outer = ceres::Jet<inner, n>;
        std::array<outer, n> x;
        for (int i = 0; i < n; ++i) x[i] = outer(inner(p[i], i), i);
        const outer y = bench::function<P>(x.data());
        for (int i = 0; i < n; ++i) {
            out[i] = y.a.v[i];
            for (int j = 0; j < n; ++j) out[n + i * n + j] = y.v[i].v[j];
        }
        return y.a.a;
    }
}

}  // namespace

BENCH_COLUMN("ceres")
