// directional_derivative(f, p, u): the rate of change of f at p along the
// direction u, the gradient dotted with u/|u|. The gradient is exact (one
// shared sweep); the largest value over all directions is |∇f|, reached along
// the gradient itself.
#pragma once

#include <leibniz/differentiation/gradient.hpp>
#include <leibniz/evaluation/math.hpp>
#include <leibniz/evaluation/point.hpp>

#include <array>
#include <cstddef>
#include <limits>

namespace leibniz {

namespace detail {

// u/|u|; a zero direction has no unit vector: NaN in every coordinate.
template <class T, std::size_t N>
constexpr std::array<T, N> unit_vector(const std::array<T, N>& u) {
    T norm2 = 0;
    for (const T& c : u) norm2 += c * c;
    std::array<T, N> unit{};
    if (norm2 == 0) {
        unit.fill(std::numeric_limits<T>::quiet_NaN());
        return unit;
    }
    const T norm = math::sqrt(norm2);
    for (std::size_t i = 0; i < N; ++i) unit[i] = u[i] / norm;
    return unit;
}

}  // namespace detail

// f's directional derivative at p along u (given in the order of p's
// variables, any length but zero; a zero u gives NaN).
template <Expression E, class T, class... V>
constexpr T directional_derivative(const E& f, const point<T, variable_pack<V...>>& p,
                                   const std::array<T, sizeof...(V)>& u) {
    const auto g = value_and_gradient(f, V{}...)(p).gradient;
    const auto unit = detail::unit_vector(u);
    T slope = 0;
    for (std::size_t i = 0; i < sizeof...(V); ++i) slope += g[i] * unit[i];
    return slope;
}

// The direction as a point of the same variables: directional_derivative(f, p, point(x = 1.0, y = 1.0)).
template <Expression E, class T, class Pack>
constexpr T directional_derivative(const E& f, const point<T, Pack>& p, const point<T, Pack>& u) {
    return directional_derivative(f, p, u.values);
}

}  // namespace leibniz
