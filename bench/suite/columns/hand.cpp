// Hand-written derivatives: the physical limit every other column is
// measured against. The value-only column is the plain double function.
#include "../column.hpp"

// Internal linkage: every column unit defines its own evaluate<P>.
namespace {

template <bench::problem P>
double evaluate(const double* p, double* out) {
    using bench::family;
    if constexpr (P.computes == bench::output::value) {
        (void)out;
        return bench::function<P>(p);
    } else if constexpr (P.computes == bench::output::hessian) {
        static_assert(P.shape == family::himmelblau, "a hand-written Hessian exists for Himmelblau's function only");
        return bench::himmelblau_with_hessian_by_hand(p, out);
    } else if constexpr (P.shape == family::quadratic) {
        return bench::quadratic_by_hand(p, out);
    } else if constexpr (P.shape == family::himmelblau) {
        return bench::himmelblau_by_hand(p, out);
    } else if constexpr (P.shape == family::rosenbrock) {
        return bench::rosenbrock_by_hand<P.n>(p, out);
    } else if constexpr (P.shape == family::exp_sin_product) {
        return bench::exp_sin_product_by_hand<P.n>(p, out);
    } else {
        return bench::regression_by_hand(p, out);
    }
}

}  // namespace

BENCH_COLUMN("hand")
