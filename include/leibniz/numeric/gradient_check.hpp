// Checking an exact gradient against differences, and the numerical
// directional derivative.
//
//   const auto c = numeric::gradient_check(f, point(x = 1.0, y = 2.0));
//   c.max_relative_error   // largest |exact − numeric| / max(|exact|, |numeric|)
#pragma once

#include <leibniz/differentiation/directional.hpp>
#include <leibniz/differentiation/gradient.hpp>
#include <leibniz/numeric/differences.hpp>

#include <array>
#include <cstddef>

namespace leibniz::numeric {

template <class T, std::size_t N>
struct gradient_check_result {
    std::array<T, N> exact{};    // leibniz's gradient
    std::array<T, N> numeric{};  // the finite differences
    T max_absolute_error = 0;    // largest |exact[i] − numeric[i]|
    T max_relative_error = 0;    // largest |exact[i] − numeric[i]| / max(|exact[i]|, |numeric[i]|), 0 where both are 0
    std::size_t worst = 0;       // the coordinate with the largest relative error
};

// Compares gradient(f, ...) at p, over p's variables, with numeric::gradient.
// Central differences agree with a correct gradient to about 1e-10 relative
// for well-scaled functions; five-point to about 1e-12. A coordinate whose
// partial is (near) zero has a large relative error by nature: read
// max_absolute_error there.
template <Expression E, class T, class... V>
constexpr gradient_check_result<T, sizeof...(V)> gradient_check(const E& f, const point<T, variable_pack<V...>>& p,
                                                                const difference& how = {}) {
    gradient_check_result<T, sizeof...(V)> r;
    r.exact = value_and_gradient(f, V{}...)(p).gradient;
    r.numeric = numeric::gradient(f, p, how);
    for (std::size_t i = 0; i < sizeof...(V); ++i) {
        const T a = leibniz::detail::math::abs(r.exact[i]);
        const T b = leibniz::detail::math::abs(r.numeric[i]);
        const T error = leibniz::detail::math::abs(r.exact[i] - r.numeric[i]);
        const T scale = a > b ? a : b;
        const T relative = scale == 0 ? T(0) : error / scale;
        if (error > r.max_absolute_error) r.max_absolute_error = error;
        if (relative > r.max_relative_error) {
            r.max_relative_error = relative;
            r.worst = i;
        }
    }
    return r;
}

// The directional derivative by differences: the derivative of
// t -> f(p + t·u/|u|) at t = 0 (a zero u gives NaN). Compare with the exact
// leibniz::directional_derivative.
template <Expression E, class T, class... V>
constexpr T directional_derivative(const E& f, const point<T, variable_pack<V...>>& p,
                                   const std::array<T, sizeof...(V)>& u, const difference& how = {}) {
    const auto unit = leibniz::detail::unit_vector(u);
    if (!(unit[0] == unit[0])) return unit[0];  // NaN: no direction
    auto moved = p;
    return numeric::derivative(
        [&](T t) {
            for (std::size_t i = 0; i < sizeof...(V); ++i) moved.values[i] = p.values[i] + t * unit[i];
            return T(f(moved));
        },
        T(0), how);
}

}  // namespace leibniz::numeric
