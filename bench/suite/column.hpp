// What a column translation unit includes. The build compiles each column
// source once per problem, naming the problem with BENCH_FAMILY, BENCH_N and
// BENCH_OUTPUT, so every (library, problem) pair is its own translation unit
// (GCC's inlining budget is per unit: pairs sharing a unit would distort each
// other). The unit defines
//     template <bench::problem P> double evaluate(const double* point, double* out)
// (the value returned; the gradient, then the Hessian, written to out) and
// registers it with BENCH_COLUMN("library").
#pragma once

#include "registry.hpp"

#include <cstddef>

#if !defined(BENCH_FAMILY) || !defined(BENCH_N) || !defined(BENCH_OUTPUT)
#error "compile a column with -DBENCH_FAMILY=... -DBENCH_N=... -DBENCH_OUTPUT=..."
#endif

namespace bench {

// Internal linkage: each column unit has its own (an inline variable would be
// one object for the whole program, with the problem of whichever unit won).
static constexpr problem this_problem{family::BENCH_FAMILY, BENCH_N, output::BENCH_OUTPUT};

// The timed loop. Kernel is inlined into it; the empty asm statement with a
// memory clobber between points keeps the compiler from vectorising across
// points, so that every column does one point at a time.
template <problem P, double (*Kernel)(const double*, double*)>
void run_batch(const double* points, double* results) {
    constexpr std::size_t n = P.n;
    constexpr std::size_t width = result_width(P);
    for (std::size_t i = 0; i < points_per_batch; ++i) {
        double* out = results + i * width;
        out[0] = Kernel(points + i * n, out + 1);
        asm volatile("" ::: "memory");
    }
}

}  // namespace bench

#define BENCH_COLUMN(library_name, ...)                                                              \
    namespace {                                                                                      \
    const bench::registration registered{bench::column{                                              \
        library_name, bench::this_problem, &bench::run_batch<bench::this_problem, &evaluate<bench::this_problem>> \
            __VA_OPT__(, ) __VA_ARGS__}};                                                            \
    }
