// One function per (problem, implementation), not inlined into the driver, so
// that callgrind and objdump can measure each on its own.
#include "problems.hpp"

#include <algorithm>

using namespace problems;

#define KERNEL extern "C" __attribute__((noinline))

KERNEL double himmelblau_leibniz(double px, double py, double* g) {
    const auto r = lz::value_and_gradient(himmelblau, x, y)(x = px, y = py);
    g[0] = r.gradient[0];
    g[1] = r.gradient[1];
    return r.value;
}
KERNEL double himmelblau_hand(double px, double py, double* g) { return himmelblau_by_hand(px, py, g); }

// The callables are made once, as a user would: constant objects.
template <std::size_t N>
constexpr auto rosenbrock_value_and_gradient = lz::value_and_gradient(rosenbrock<N>, xs<N>);
template <std::size_t N>
constexpr auto exp_sin_product_value_and_gradient = lz::value_and_gradient(exp_sin_product<N>, xs<N>);

template <std::size_t N, class F>
double packed(const F& value_and_gradient, const double* p, double* g) {
    std::array<double, N> a;
    std::copy(p, p + N, a.begin());
    const auto r = value_and_gradient(xs<N> = a);
    std::copy(r.gradient.begin(), r.gradient.end(), g);
    return r.value;
}

KERNEL double rosenbrock8_leibniz(const double* p, double* g) { return packed<8>(rosenbrock_value_and_gradient<8>, p, g); }
KERNEL double rosenbrock8_hand(const double* p, double* g) { return rosenbrock_by_hand<8>(p, g); }
KERNEL double rosenbrock32_leibniz(const double* p, double* g) { return packed<32>(rosenbrock_value_and_gradient<32>, p, g); }
KERNEL double rosenbrock32_hand(const double* p, double* g) { return rosenbrock_by_hand<32>(p, g); }
KERNEL double exp_sin_product16_leibniz(const double* p, double* g) { return packed<16>(exp_sin_product_value_and_gradient<16>, p, g); }
KERNEL double exp_sin_product16_hand(const double* p, double* g) { return exp_sin_product_by_hand<16>(p, g); }
