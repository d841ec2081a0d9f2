// L-BFGS: a quasi-Newton method that keeps the last `memory` steps
// s = x₊ − x and gradient changes y = g₊ − g, and applies the inverse Hessian
// approximation they define to the gradient by the two-loop recursion
// (Nocedal and Wright, "Numerical optimization", 2nd ed., 2006, algorithms
// 7.4 and 7.5), the initial matrix γ·I with γ = sᵀy/yᵀy of the newest pair.
// Each step searches along d = −H·g for a point that satisfies the strong
// Wolfe conditions (line_search.hpp); a pair with sᵀy ≤ ε·yᵀy (no positive
// curvature to rounding) is not kept. The first step, and any after the
// history is cleared, starts its line search at α = min(1, 1/|g|).
//
// Where the line search finds no lower point, the history is cleared and the
// steepest descent direction tried; where that fails too (at a minimum up to
// rounding, with a gradient tolerance tighter than rounding allows), the run
// ends as status::line_search_failed at the last iterate. Each value and
// gradient of f, at an iterate or a trial point, is one shared sweep.
//
// The history is a std::array of capacity max_memory, so a run works in
// constant expressions as at run time.
#pragma once

#include <leibniz/evaluation/math.hpp>
#include <leibniz/optimization/line_search.hpp>
#include <leibniz/optimization/result.hpp>

#include <array>
#include <cstddef>
#include <limits>

namespace leibniz {

struct lbfgs {
    static constexpr std::size_t max_memory = 16;
    std::size_t memory = 8;              // pairs (s, y) kept; larger than max_memory counts as max_memory, 0 is steepest descent
    double c1 = 1e-4;                    // sufficient decrease: f(x + α·d) ≤ f(x) + c1·α·gᵀd
    double c2 = 0.9;                     // strong curvature: |∇f(x + α·d)ᵀd| ≤ c2·|gᵀd|
    std::size_t line_search_limit = 25;  // values and gradients of f per line search
};

namespace detail {

// The last pairs (s, y) with ρ = 1/sᵀy, in a ring of capacity max_memory.
template <class T, std::size_t N>
struct lbfgs_history {
    std::array<std::array<T, N>, lbfgs::max_memory> s{}, y{};
    std::array<T, lbfgs::max_memory> rho{};
    std::size_t first = 0, count = 0, capacity = 0;

    constexpr std::size_t slot(std::size_t j) const { return (first + j) % capacity; }  // j = 0: the oldest
    constexpr void clear() { first = count = 0; }
    constexpr void push(const std::array<T, N>& step, const std::array<T, N>& change, const T& sy) {
        if (capacity == 0) return;
        std::size_t i = 0;
        if (count < capacity) {
            i = slot(count);
            ++count;
        } else {
            i = first;
            first = slot(1);
        }
        s[i] = step;
        y[i] = change;
        rho[i] = T(1) / sy;
    }

    // −H·g by the two-loop recursion.
    constexpr std::array<T, N> direction(const std::array<T, N>& g) const {
        std::array<T, N> q = g;
        std::array<T, lbfgs::max_memory> a{};
        for (std::size_t j = count; j-- > 0;) {
            const std::size_t i = slot(j);
            a[j] = rho[i] * dot(s[i], q);
            for (std::size_t c = 0; c < N; ++c) q[c] = q[c] - a[j] * y[i][c];
        }
        T gamma = 1;
        if (count > 0) {
            const std::size_t newest = slot(count - 1);
            gamma = dot(s[newest], y[newest]) / dot(y[newest], y[newest]);
        }
        for (std::size_t c = 0; c < N; ++c) q[c] = gamma * q[c];
        for (std::size_t j = 0; j < count; ++j) {
            const std::size_t i = slot(j);
            const T b = rho[i] * dot(y[i], q);
            for (std::size_t c = 0; c < N; ++c) q[c] = q[c] + (a[j] - b) * s[i][c];
        }
        for (std::size_t c = 0; c < N; ++c) q[c] = -q[c];
        return q;
    }
};

// The run: evaluate(point) gives f's value and gradient there (one shared sweep).
template <class Point, class Evaluate, class Observer>
constexpr result<Point> lbfgs_run(const Evaluate& evaluate, const Point& start, const lbfgs& method, const stop& when,
                                  Observer& observe) {
    using T = typename Point::value_type;
    constexpr std::size_t n = Point::size;
    result<Point> r{start};
    auto e = evaluate(r.point);
    ++r.derivative_evaluations;
    lbfgs_history<T, n> history;
    history.capacity = method.memory < lbfgs::max_memory ? method.memory : lbfgs::max_memory;
    stop_rule stall = stop_rule::none;  // the last step stalled (stop's rules)
    for (std::size_t k = 0;; ++k) {
        if (ends_at(r, k, e.value, e.gradient, when, stall, observe)) return r;
        wolfe_result<T, n> found;
        std::array<T, n> d{};
        // With the history, then (if that finds nothing) along −g without it.
        for (int attempt = 0; attempt < 2 && !found.found; ++attempt) {
            if (attempt == 1 && history.count == 0) break;  // already steepest descent
            if (attempt == 1) history.clear();
            d = history.direction(e.gradient);
            T slope = dot(e.gradient, d);
            if (!(slope < T(0))) {  // not a descent direction (rounding in the history): start afresh
                history.clear();
                for (std::size_t c = 0; c < n; ++c) d[c] = -e.gradient[c];
                slope = -dot(e.gradient, e.gradient);
            }
            T alpha0 = 1;
            if (history.count == 0) {
                const T norm = math::sqrt(dot(e.gradient, e.gradient));
                if (norm > T(1)) alpha0 = T(1) / norm;
            }
            const line_point<T, n> at0{T(0), e.value, slope, e.gradient, true};
            const auto probe = [&](const T& alpha) {
                const auto pe = evaluate(step_along(r.point, alpha, d));
                return line_point<T, n>{alpha, pe.value, dot(pe.gradient, d), pe.gradient,
                                        finite(pe.value) && all_finite(pe.gradient)};
            };
            found = wolfe_search(probe, at0, alpha0, method.c1, method.c2, method.line_search_limit);
            r.derivative_evaluations += found.evaluations;
        }
        if (!found.found) {
            // No lower point, but every trial within function_tolerance of f:
            // f is flat to its rounding along −g, as at a minimum.
            if (when.function_tolerance >= 0 && found.tried_finite &&
                found.least_change <= T(when.function_tolerance) * math::abs(e.value)) {
                r.status = status::converged;
                r.converged_by = stop_rule::function_tolerance;
                return r;
            }
            r.status = status::line_search_failed;
            return r;
        }
        std::array<T, n> s{}, y{};
        for (std::size_t c = 0; c < n; ++c) {
            s[c] = found.point.alpha * d[c];
            y[c] = found.point.gradient[c] - e.gradient[c];
        }
        const T sy = dot(s, y), yy = dot(y, y);
        if (sy > std::numeric_limits<T>::epsilon() * yy && yy > T(0)) history.push(s, y, sy);
        stall = stalled(when, e.value, found.point.value, r.point.values, s);
        r.point = step_along(r.point, found.point.alpha, d);
        e.value = found.point.value;
        e.gradient = found.point.gradient;
    }
}

}  // namespace detail
}  // namespace leibniz
