// minimize(f, point(...), optimizer, stop{...}, observer): descent from a
// start point over the point's variables. Each step evaluates the value and
// the gradient together (one shared sweep; the Hessian too for newton), and
// everything runs in constant expressions as at run time.
#pragma once

#include <leibniz/detail/diagnostics.hpp>
#include <leibniz/differentiation/gradient.hpp>
#include <leibniz/evaluation/free_variables.hpp>
#include <leibniz/evaluation/point.hpp>
#include <leibniz/optimization/newton.hpp>
#include <leibniz/optimization/optimizers.hpp>
#include <leibniz/optimization/result.hpp>

#include <array>
#include <cmath>
#include <cstddef>
#include <type_traits>

namespace leibniz {

namespace error {
// f has a variable that the start point of minimize gives no value: the
// variables optimised are those of the start point.
// Fix: add it to the point, as in point(x = 0.0, y = 0.0).
template <class Variable>
struct the_start_point_has_no_value_for;
}  // namespace error

// What minimize takes as its optimiser: newton, or a first-order optimiser.
template <class O>
concept Optimizer = std::is_same_v<O, newton> || FirstOrderOptimizer<O>;

namespace detail {

struct no_observer {
    template <class Iterate>
    constexpr void operator()(const Iterate&) const {}
};

// Finite? Only a run-time question: in a constant expression an overflow is
// already a compile error, and infinities cannot arise.
template <class T>
constexpr bool finite(const T& v) {
    if constexpr (std::is_floating_point_v<T>) {
        if (std::is_constant_evaluated()) return true;
        return std::isfinite(v);
    } else {
        return true;
    }
}
template <class T, std::size_t N>
constexpr bool all_finite(const std::array<T, N>& a) {
    for (const T& v : a)
        if (!finite(v)) return false;
    return true;
}

template <class T, std::size_t N>
constexpr bool small_enough(const std::array<T, N>& g, double tolerance) {
    if (tolerance == 0) {  // only an exactly zero gradient (a squared norm could underflow to 0)
        for (const T& v : g)
            if (!(v == T(0))) return false;
        return true;
    }
    T norm2 = 0;
    for (const T& v : g) norm2 = norm2 + v * v;
    return norm2 <= T(tolerance) * T(tolerance);
}

}  // namespace detail

template <class E, class T, class... V, class Opt, class Observer = detail::no_observer>
    requires Expression<E>
constexpr result<point<T, variable_pack<V...>>> minimize(const E& f, const point<T, variable_pack<V...>>& start,
                                                         const Opt& optimizer, const stop& when = {},
                                                         Observer observe = {}) {
    using Point = point<T, variable_pack<V...>>;
    constexpr std::size_t n = sizeof...(V);
    using missing = typename detail::first_unbound<E, detail::environment<Point>>::type;
    if constexpr (!Optimizer<Opt>) {
        static_assert(Optimizer<Opt>,
                      "leibniz: minimize(f, start, optimizer, ...): the third argument is not an optimiser; use "
                      "gradient_descent{}, sign_descent{}, momentum{}, adagrad{}, rmsprop{}, adam{} or newton{}");
        return {start};
    } else if constexpr (!std::is_void_v<missing>) {
        using reported [[maybe_unused]] = detail::report<error::the_start_point_has_no_value_for<missing>>;
        return {start};
    } else {
        constexpr bool is_newton = std::is_same_v<Opt, newton>;
        const auto evaluate = [&] {
            if constexpr (is_newton)
                return value_gradient_hessian(f, V{}...);
            else
                return value_and_gradient(f, V{}...);
        }();
        result<Point> r{start};
        auto state = [&] {
            if constexpr (is_newton)
                return detail::no_state{};
            else
                return optimizer.template start<T, n>();
        }();
        for (std::size_t k = 0;; ++k) {
            const auto e = evaluate(r.point);
            r.value = e.value;
            r.iterations = k;
            if (!detail::finite(e.value) || !detail::all_finite(e.gradient)) {
                r.status = status::diverged;
                return r;
            }
            observe(iterate<Point, n>{k, r.point, e.value, e.gradient});
            if (detail::small_enough(e.gradient, when.gradient_tolerance)) {
                r.status = status::converged;
                return r;
            }
            if (k == when.max_iterations) {
                r.status = status::max_iterations;
                return r;
            }
            if constexpr (is_newton)
                detail::newton_step(optimizer, r.point.values, e.gradient, e.hessian);
            else
                optimizer.update(state, r.point.values, e.gradient, k + 1);
            if (!detail::all_finite(r.point.values)) {
                r.iterations = k + 1;
                r.value = f(r.point);
                r.status = status::diverged;
                return r;
            }
        }
    }
}

}  // namespace leibniz
