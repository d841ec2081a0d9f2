// Newton's method: solve (H + damping·I)·s = −g and step by s. Where
// H + damping·I is singular or not positive definite (its Cholesky
// factorisation fails), the step is a gradient step instead:
// x -= fallback_learning_rate·g, so the run keeps going downhill.
#pragma once

#include <leibniz/evaluation/math.hpp>

#include <array>
#include <cstddef>
#include <limits>

namespace leibniz {

struct newton {
    double damping = 0;
    double fallback_learning_rate = 1e-2;  // the gradient step taken where the Newton step is not defined
};

namespace detail {

// Solves A·s = b for a symmetric positive definite A by Cholesky; false where
// A is not, or is singular up to rounding: a pivot below 16ε of its diagonal
// entry is taken as 0 (a singular matrix such as [[2, -2], [-2, 2]] can leave
// a pivot of a few ulps, and dividing by it would throw the step anywhere).
template <class T, std::size_t N>
constexpr bool cholesky_solve(std::array<std::array<T, N>, N> a, const std::array<T, N>& b, std::array<T, N>& s) {
    std::array<std::array<T, N>, N> l{};
    for (std::size_t j = 0; j < N; ++j) {
        T d = a[j][j];
        for (std::size_t k = 0; k < j; ++k) d = d - l[j][k] * l[j][k];
        const T floor = T(16) * std::numeric_limits<T>::epsilon() * math::abs(a[j][j]);
        if (!(d > T(0)) || !(d > floor)) return false;  // not positive definite (or NaN)
        l[j][j] = math::sqrt(d);
        for (std::size_t i = j + 1; i < N; ++i) {
            T v = a[i][j];
            for (std::size_t k = 0; k < j; ++k) v = v - l[i][k] * l[j][k];
            l[i][j] = v / l[j][j];
        }
    }
    std::array<T, N> y{};
    for (std::size_t i = 0; i < N; ++i) {
        T v = b[i];
        for (std::size_t k = 0; k < i; ++k) v = v - l[i][k] * y[k];
        y[i] = v / l[i][i];
    }
    for (std::size_t i = N; i-- > 0;) {
        T v = y[i];
        for (std::size_t k = i + 1; k < N; ++k) v = v - l[k][i] * s[k];
        s[i] = v / l[i][i];
    }
    return true;
}

template <class T, std::size_t N>
constexpr void newton_step(const newton& method, std::array<T, N>& x, const std::array<T, N>& g,
                           std::array<std::array<T, N>, N> h) {
    for (std::size_t i = 0; i < N; ++i) h[i][i] = h[i][i] + T(method.damping);
    std::array<T, N> minus_g{}, s{};
    for (std::size_t i = 0; i < N; ++i) minus_g[i] = -g[i];
    if (cholesky_solve(h, minus_g, s))
        for (std::size_t i = 0; i < N; ++i) x[i] = x[i] + s[i];
    else
        for (std::size_t i = 0; i < N; ++i) x[i] = x[i] - T(method.fallback_learning_rate) * g[i];
}

}  // namespace detail
}  // namespace leibniz
