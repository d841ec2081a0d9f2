// ADOL-C: the function recorded on a tape once, before anything is timed;
// each point replays it (a forward and a reverse sweep for value and
// gradient; the hessian driver for the Hessian).
#include "../column.hpp"

#include <adolc/adolc.h>

#include <array>

namespace {

short tape = 0;
double** hessian_rows = nullptr;

void record() {
    constexpr bench::problem P = bench::this_problem;
    constexpr int n = P.n;
    // One tape per problem; the tag only has to differ between problems.
    tape = static_cast<short>(1 + 1000 * static_cast<int>(P.shape) + 10 * n + static_cast<int>(P.computes));
    const double* start = bench::points(P).data();
    trace_on(tape);
    std::array<adouble, n> x;
    for (int i = 0; i < n; ++i) x[i] <<= start[i];
    adouble y = bench::function<P>(x.data());  // >>= needs it non-const
    double ignored;
    y >>= ignored;
    trace_off();
    if (P.computes == bench::output::hessian) hessian_rows = myalloc2(n, n);
}

}  // namespace

// Internal linkage: every column unit defines its own evaluate<P>.
namespace {

template <bench::problem P>
double evaluate(const double* p, double* out) {
    constexpr int n = P.n;
    static_assert(P.computes != bench::output::value, "the value alone is measured for leibniz and by hand");
    double value;
    double weight = 1;
    zos_forward(tape, 1, n, 1, p, &value);
    fos_reverse(tape, 1, n, &weight, out);
    if constexpr (P.computes == bench::output::hessian) {
        hessian(tape, n, const_cast<double*>(p), hessian_rows);  // the lower triangle
        for (int i = 0; i < n; ++i)
            for (int j = 0; j <= i; ++j) out[n + i * n + j] = out[n + j * n + i] = hessian_rows[i][j];
    }
    return value;
}

}  // namespace

BENCH_COLUMN("adolc", &record)
