// minimize(f, point(...), optimizer, stop{...}, observer): descent from a
// start point over the point's variables. Each step evaluates the value and
// the gradient together (one shared sweep; the Hessian too for newton; lbfgs
// and newton search along their step, lbfgs.hpp and newton.hpp), and
// everything runs in constant expressions as at run time.
#pragma once

#include <leibniz/detail/diagnostics.hpp>
#include <leibniz/differentiation/gradient.hpp>
#include <leibniz/evaluation/free_variables.hpp>
#include <leibniz/evaluation/point.hpp>
#include <leibniz/optimization/lbfgs.hpp>
#include <leibniz/optimization/levenberg_marquardt.hpp>
#include <leibniz/optimization/line_search.hpp>
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

// What minimize takes as its optimiser: newton, lbfgs, or a first-order optimiser.
template <class O>
concept Optimizer = std::is_same_v<O, newton> || std::is_same_v<O, lbfgs> || std::is_same_v<O, levenberg_marquardt> ||
                    FirstOrderOptimizer<O>;

namespace detail {

struct no_observer {
    template <class Iterate>
    constexpr void operator()(const Iterate&) const {}
};

// finite, all_finite and small_enough (the stop rule) are in line_search.hpp.

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
                      "gradient_descent{}, sign_descent{}, momentum{}, adagrad{}, rmsprop{}, adam{}, newton{}, lbfgs{} "
                      "or levenberg_marquardt{}");
        return {start};
    } else if constexpr (!std::is_void_v<missing>) {
        using reported [[maybe_unused]] = detail::report<error::the_start_point_has_no_value_for<missing>>;
        return {start};
    } else if constexpr (std::is_same_v<Opt, lbfgs>) {
        return detail::lbfgs_run(value_and_gradient(f, V{}...), start, optimizer, when, observe);
    } else if constexpr (std::is_same_v<Opt, levenberg_marquardt>) {
        if constexpr (!detail::is_least_squares<E>) {
            static_assert(detail::is_least_squares<E>,
                          "leibniz: levenberg_marquardt minimizes a sum of squares: write f as lz::squares(std::tuple{r1, "
                          "r2, ...}) or lz::squares(residual, lz::data(...))");
            return {start};
        } else {
            return detail::levenberg_marquardt_run(f, start, optimizer, when, observe);
        }
    } else {
        constexpr bool is_newton = std::is_same_v<Opt, newton>;
        const auto evaluate = [&] {
            if constexpr (is_newton)
                return value_gradient_hessian(f, V{}...);
            else
                return value_and_gradient(f, V{}...);
        }();
        result<Point> r{start};
        [[maybe_unused]] bool rounding_step = false;  // newton: the last step was taken within f's rounding
        [[maybe_unused]] T last_norm2 = 0;           // newton: |g|² before that step
        stop_rule stall = stop_rule::none;  // the last step stalled (stop's rules; newton's only: a first-order step is not searched)
        auto state = [&] {
            if constexpr (is_newton)
                return detail::no_state{};
            else
                return optimizer.template start<T, n>();
        }();
        [[maybe_unused]] auto repeated = [&] {
            if constexpr (is_newton)
                return detail::no_repeated_evaluation{};
            else
                return detail::repeated_evaluation<T, variable_pack<V...>>(f, detail::environment<Point>{{{start}}});
        }();
        for (std::size_t k = 0;; ++k) {
            const auto e = [&] {
                if constexpr (decltype(repeated)::applies)
                    if (std::is_constant_evaluated() && repeated.usable()) return repeated(r.point.values);
                return evaluate(r.point);
            }();
            ++r.derivative_evaluations;
            if (detail::ends_at(r, k, e.value, e.gradient, when, stall, observe)) return r;
            if constexpr (is_newton) {
                const T norm2 = detail::dot(e.gradient, e.gradient);
                if (rounding_step && !(norm2 < last_norm2)) {  // at f's rounding, and no progress
                    r.status = status::line_search_failed;
                    return r;
                }
                std::array<T, n> s{};
                if (!detail::newton_direction(optimizer, e.hessian, e.gradient, s)) {  // a Hessian not finite
                    r.status = status::diverged;
                    return r;
                }
                T slope = detail::dot(e.gradient, s);
                if (slope > T(0)) {  // only by rounding (A + τ·I is positive definite): fall back to −g
                    for (std::size_t i = 0; i < n; ++i) s[i] = -e.gradient[i];
                    slope = -detail::dot(e.gradient, e.gradient);
                }
                const auto value = [&](const Point& p) { return f(p); };
                const auto found = detail::backtrack(value, r.point, e.value, s, slope, optimizer.c1,
                                                     optimizer.line_search_limit);
                r.value_evaluations += found.evaluations;
                if (!found.found) {
                    r.status = status::line_search_failed;
                    return r;
                }
                std::array<T, n> taken{};
                for (std::size_t i = 0; i < n; ++i) taken[i] = found.point.values[i] - r.point.values[i];
                stall = detail::stalled(when, e.value, found.value, r.point.values, taken);
                r.point = found.point;
                rounding_step = found.within_rounding;
                last_norm2 = norm2;
            } else {
                optimizer.update(state, r.point.values, e.gradient, k + 1);
            }
            if (!detail::all_finite(r.point.values)) {
                r.iterations = k + 1;
                r.value = f(r.point);
                ++r.value_evaluations;
                r.status = status::diverged;
                return r;
            }
        }
    }
}

}  // namespace leibniz
