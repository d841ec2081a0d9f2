// The problems of the instruction-count comparison, each as a leibniz
// expression and as a hand-written one-pass value and gradient (each shared
// subexpression computed once: the physical limit).
#pragma once

#include <leibniz/leibniz.hpp>

#include <array>
#include <cmath>
#include <cstddef>

namespace problems {

namespace lz = leibniz;

inline constexpr auto x = lz::var<"x">;
inline constexpr auto y = lz::var<"y">;
inline constexpr auto himmelblau = lz::pow<2>(x * x + y - 11) + lz::pow<2>(x + y * y - 7);

template <std::size_t N>
inline constexpr auto xs = lz::vars<"x", N>;

template <std::size_t N>
inline constexpr auto rosenbrock = lz::sum<N - 1>([](auto i) {
    return 100 * lz::pow<2>(std::get<i + 1>(xs<N>) - lz::pow<2>(std::get<i>(xs<N>))) +
           lz::pow<2>(1 - std::get<i>(xs<N>));
});

template <std::size_t N>
inline constexpr auto exp_sin_product = lz::exp(lz::sum<N>([](auto i) { return lz::sin(std::get<i>(xs<N>)); })) *
                                        lz::product<N>([](auto i) { return std::get<i>(xs<N>); });

// ---- hand-written ----

inline double himmelblau_by_hand(double px, double py, double* g) {
    const double a = px * px + py - 11, b = px + py * py - 7;
    g[0] = 4 * px * a + 2 * b;
    g[1] = 2 * a + 4 * py * b;
    return a * a + b * b;
}

template <std::size_t N>
double rosenbrock_by_hand(const double* p, double* g) {
    double v = 0;
    for (std::size_t i = 0; i < N; ++i) g[i] = 0;
    for (std::size_t i = 0; i + 1 < N; ++i) {
        const double d = p[i + 1] - p[i] * p[i], e = 1 - p[i];
        v += 100 * d * d + e * e;
        g[i] += -400 * p[i] * d - 2 * e;
        g[i + 1] += 200 * d;
    }
    return v;
}

// Prefix and suffix products: no division, right at xᵢ = 0 too.
template <std::size_t N>
double exp_sin_product_by_hand(const double* p, double* g) {
    double s = 0;
    for (std::size_t i = 0; i < N; ++i) s += std::sin(p[i]);
    const double e = std::exp(s);
    std::array<double, N + 1> prefix{}, suffix{};
    prefix[0] = 1;
    for (std::size_t i = 0; i < N; ++i) prefix[i + 1] = prefix[i] * p[i];
    suffix[N] = e;
    for (std::size_t i = N; i-- > 0;) suffix[i] = suffix[i + 1] * p[i];
    const double f = e * prefix[N];
    for (std::size_t i = 0; i < N; ++i) g[i] = prefix[i] * suffix[i + 1] + f * std::cos(p[i]);
    return f;
}

}  // namespace problems
