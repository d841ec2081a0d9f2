// Eigen's AutoDiffScalar over a fixed-size derivative vector, nested for the
// Hessian.
#include "../column.hpp"

#include <Eigen/Core>
#include <unsupported/Eigen/AutoDiff>

#include <array>

// Internal linkage: every column unit defines its own evaluate<P>.
namespace {

template <bench::problem P>
double evaluate(const double* p, double* out) {
    constexpr int n = P.n;
    static_assert(P.computes != bench::output::value, "the value alone is measured for leibniz and by hand");
    using inner = Eigen::AutoDiffScalar<Eigen::Matrix<double, n, 1>>;
    if constexpr (P.computes == bench::output::gradient) {
        std::array<inner, n> x;
        for (int i = 0; i < n; ++i) x[i] = inner(p[i], n, i);
        const inner y = bench::function<P>(x.data());
        for (int i = 0; i < n; ++i) out[i] = y.derivatives()(i);
        return y.value();
    } else {
        using outer = Eigen::AutoDiffScalar<Eigen::Matrix<inner, n, 1>>;
        std::array<outer, n> x;
        for (int i = 0; i < n; ++i) {
            x[i].value() = inner(p[i], n, i);
            x[i].derivatives() = Eigen::Matrix<inner, n, 1>::Unit(n, i);
            for (int j = 0; j < n; ++j) x[i].derivatives()(j).derivatives().setZero();
        }
        const outer y = bench::function<P>(x.data());
        for (int i = 0; i < n; ++i) {
            out[i] = y.value().derivatives()(i);
            for (int j = 0; j < n; ++j) out[n + i * n + j] = y.derivatives()(i).derivatives()(j);
        }
        return y.value().value();
    }
}

}  // namespace

BENCH_COLUMN("eigen")
