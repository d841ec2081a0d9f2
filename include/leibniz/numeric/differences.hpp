// Numerical differentiation: finite differences of a callable or of an
// expression, constexpr. They are what leibniz's exact derivatives are checked
// against, and what the teaching material starts from.
//
//   numeric::central_difference(f, x, h)       the textbook formulas, h as given
//   numeric::derivative(f, 2.0)                 central, with a step chosen for T
//   numeric::derivative(f, 2.0, {.scheme = numeric::scheme::five_point})
//   numeric::derivative(expr, x = 2.0)          an expression of one variable
//   numeric::partial(expr, x, point(x = 1.0, y = 2.0))
//   numeric::gradient(expr_or_callable, point_or_array)
#pragma once

#include <leibniz/evaluation/math.hpp>
#include <leibniz/evaluation/point.hpp>
#include <leibniz/expression/nodes.hpp>
#include <leibniz/expression/variable.hpp>

#include <array>
#include <concepts>
#include <cstddef>
#include <limits>
#include <type_traits>

namespace leibniz::numeric {

// ---------------------------------------------------------------------------
// The four formulas, with the step h exactly as given. Their truncation
// errors: forward and backward O(h), central O(h²), five-point O(h⁴). Their
// rounding errors grow like ε·|f|/h: a step that is too small makes them
// worse, and one below x's spacing gives x + h == x and a derivative of 0.
// ---------------------------------------------------------------------------
template <class F, std::floating_point T>
constexpr auto forward_difference(F&& f, T x, T h) {
    return (f(x + h) - f(x)) / h;
}
template <class F, std::floating_point T>
constexpr auto backward_difference(F&& f, T x, T h) {
    return (f(x) - f(x - h)) / h;
}
template <class F, std::floating_point T>
constexpr auto central_difference(F&& f, T x, T h) {
    return (f(x + h) - f(x - h)) / (2 * h);
}
template <class F, std::floating_point T>
constexpr auto five_point_difference(F&& f, T x, T h) {
    return (f(x - 2 * h) - 8 * f(x - h) + 8 * f(x + h) - f(x + 2 * h)) / (12 * h);
}

enum class scheme { forward, backward, central, five_point };

// How derivative(), partial() and gradient() difference. step = 0 chooses one:
// ε^(1/2) for forward and backward, ε^(1/3) for central, ε^(1/5) for
// five-point (ε the scalar's machine epsilon), times max(1, |x|): the step that
// balances truncation against rounding error for a function whose value and
// derivatives are of order one. The step actually taken is rounded so that
// x + h is exactly h away from x.
struct difference {
    numeric::scheme scheme = numeric::scheme::central;
    double step = 0;
};

namespace detail {

// ε^(1/k) by bisection on t^k = ε: constexpr without any library function.
template <std::floating_point T>
constexpr T root_of_epsilon(int k) {
    const T eps = std::numeric_limits<T>::epsilon();
    T lo = eps, hi = 1;
    for (int i = 0; i < 200; ++i) {
        const T mid = (lo + hi) / 2;
        T power = 1;
        for (int j = 0; j < k; ++j) power *= mid;
        (power < eps ? lo : hi) = mid;
    }
    return hi;
}
template <std::floating_point T, scheme S>
inline constexpr T default_step = root_of_epsilon<T>(S == scheme::central ? 3 : S == scheme::five_point ? 5 : 2);

template <std::floating_point T>
constexpr T step_at(const difference& how, T x) {
    T h = T(how.step);
    if (h == 0) {
        const T scale = leibniz::detail::math::abs(x) > 1 ? leibniz::detail::math::abs(x) : T(1);
        switch (how.scheme) {
            case scheme::forward:
            case scheme::backward: h = default_step<T, scheme::forward> * scale; break;
            case scheme::central: h = default_step<T, scheme::central> * scale; break;
            case scheme::five_point: h = default_step<T, scheme::five_point> * scale; break;
        }
    }
    // x + h rounds: take the step it really is, so the quotient divides by
    // the distance between the points f was evaluated at.
    const T shifted = x + h;
    const T exact = shifted - x;
    return exact != 0 ? exact : h;
}

template <class F, std::floating_point T>
constexpr auto apply(const difference& how, F&& f, T x) {
    const T h = step_at(how, x);
    switch (how.scheme) {
        case scheme::forward: return forward_difference(f, x, h);
        case scheme::backward: return backward_difference(f, x, h);
        case scheme::central: return central_difference(f, x, h);
        case scheme::five_point: break;
    }
    return five_point_difference(f, x, h);
}

template <class T>
struct coordinates_of;
template <class T, std::size_t N>
struct coordinates_of<std::array<T, N>> {
    using value_type = T;
    static constexpr std::size_t size = N;
    static constexpr std::array<T, N>& of(std::array<T, N>& a) { return a; }
};
template <class T, class Pack>
struct coordinates_of<point<T, Pack>> {
    using value_type = T;
    static constexpr std::size_t size = point<T, Pack>::size;
    static constexpr std::array<T, size>& of(point<T, Pack>& p) { return p.values; }
};

template <class P>
concept coordinates = requires { coordinates_of<P>::size; } &&
                      std::floating_point<typename coordinates_of<P>::value_type>;

}  // namespace detail

// f'(x) of a callable T -> T.
template <class F, std::floating_point T>
    requires std::invocable<const F&, T> && (!Expression<F>)
constexpr auto derivative(const F& f, T x, const difference& how = {}) {
    return detail::apply(how, f, x);
}

// f'(x) of an expression in one variable, at a binding: derivative(f, x = 2.0).
template <Expression E, class V, class T>
constexpr T derivative(const E& f, const binding<V, T>& at, const difference& how = {}) {
    if constexpr (!std::is_floating_point_v<T>) {
        static_assert(std::is_floating_point_v<T>,
                      "leibniz::numeric::derivative: bind the variable to a floating-point value, as in x = 2.0");
        return T{};
    } else {
        return detail::apply(how, [&](T v) { return T(f(V{} = v)); }, at.value);
    }
}

// ∂f/∂x at a point that binds every variable of f: partial(f, x, point(x = 1.0, y = 2.0)).
template <Expression E, Variable V, class T, class Pack>
constexpr T partial(const E& f, V, const point<T, Pack>& at, const difference& how = {}) {
    if constexpr (!std::is_floating_point_v<T>) {
        static_assert(std::is_floating_point_v<T>, "leibniz::numeric::partial: the point's values must be floating-point");
        return T{};
    } else {
        point<T, Pack> moved = at;
        return detail::apply(
            how,
            [&](T v) {
                moved[V{}] = v;
                return T(f(moved));
            },
            at[V{}]);
    }
}

// Every partial derivative of f at p, in the order of p's coordinates. f is
// an expression and p a point, or f is any callable on p (a std::array<T, N>
// or a point).
template <class F, class P>
    requires detail::coordinates<P> && std::invocable<const F&, const P&>
constexpr auto gradient(const F& f, const P& p, const difference& how = {}) {
    using traits = detail::coordinates_of<P>;
    using T = typename traits::value_type;
    std::array<T, traits::size> g{};
    P moved = p;
    for (std::size_t i = 0; i < traits::size; ++i) {
        const T x = traits::of(moved)[i];
        g[i] = detail::apply(
            how,
            [&](T v) {
                traits::of(moved)[i] = v;
                return T(f(moved));
            },
            x);
        traits::of(moved)[i] = x;
    }
    return g;
}

}  // namespace leibniz::numeric
