// What the descent runs check at every iterate (finite? gradient small
// enough?) and the two line searches along a descent direction d from x:
//
// - backtracking (newton): α = 1, ½, ¼, ... until f(x + α·d) is finite and
//   at most f(x) + c1·α·gᵀd (Armijo's sufficient decrease), at most `limit`
//   values of f;
// - the strong Wolfe search (lbfgs): sufficient decrease and
//   |∇f(x + α·d)ᵀd| ≤ c2·|gᵀd|, by bracketing (α doubled from α₀) and then
//   zooming in on the bracket with safeguarded cubic interpolation or
//   bisection (Nocedal and Wright, "Numerical optimization", 2nd ed., 2006,
//   algorithms 3.5 and 3.6), at most `limit` values and gradients of f.
//
// Where c1·α·gᵀd is below the rounding of f(x) the backtracking search takes
// a point whose value equals f(x) (near a minimum, the Newton step that f
// cannot tell from staying put), but only if x + α·d != x: a step that rounds
// away is never taken. The Wolfe search asks for f(x + α·d) < f(x). A trial
// point whose value or gradient is not finite counts as too far: the step
// shrinks. Neither search loops for ever; each reports whether it found
// a point and how many evaluations it spent.
#pragma once

#include <leibniz/evaluation/math.hpp>
#include <leibniz/optimization/result.hpp>

#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <span>
#include <type_traits>

namespace leibniz::detail {

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
// (all_finite, small_enough and dot take a std::array, or a std::vector for
// a vector x: loops/minimize.hpp.)
template <class Values>
constexpr bool all_finite(const Values& a) {
    if (std::is_constant_evaluated()) return true;  // (as finite: no step of the compiler's budget per element)
    for (const auto& v : a)
        if (!finite(v)) return false;
    return true;
}

// The stop rule: |g| <= tolerance, or with tolerance 0 every component exactly 0.
template <class Values>
constexpr bool small_enough(const Values& g, double tolerance) {
    using T = typename Values::value_type;
    if (tolerance == 0) {  // only an exactly zero gradient (a squared norm could underflow to 0)
        for (const T& v : g)
            if (!(v == T(0))) return false;
        return true;
    }
    T norm2 = 0;
    for (const T& v : g) norm2 = norm2 + v * v;
    return norm2 <= T(tolerance) * T(tolerance);
}

// The extent of an iterate's gradient: a std::array's length, or
// std::dynamic_extent for a std::vector (a run over a vector, loops/).
template <class Gradient>
inline constexpr std::size_t gradient_extent = std::dynamic_extent;
template <class T, std::size_t N>
inline constexpr std::size_t gradient_extent<std::array<T, N>> = N;

// The checks that end a run at iterate k (value, gradient g), in this order
// for every run, scalar or over a vector: a value or gradient not finite
// (diverged), a small gradient, the last step stalled by one of stop's rules
// (stall, none where it did not), the budget. The observer sees each finite
// iterate, before the rules that end on it.
template <class Point, class T, class Gradient, class Observer>
constexpr bool ends_at(result<Point>& r, std::size_t k, T value, const Gradient& g, const stop& when, stop_rule stall,
                       Observer& observe) {
    r.value = value;
    r.iterations = k;
    if (!finite(value) || !all_finite(g)) {
        r.status = status::diverged;
        return true;
    }
    observe(iterate<Point, gradient_extent<Gradient>>{k, r.point, value, g});
    if (small_enough(g, when.gradient_tolerance)) {
        r.status = status::converged;
        r.converged_by = stop_rule::gradient_tolerance;
        return true;
    }
    if (stall != stop_rule::none) {
        r.status = status::converged;
        r.converged_by = stall;
        return true;
    }
    if (k == when.max_iterations) {
        r.status = status::max_iterations;
        return true;
    }
    return false;
}

template <class Values>
constexpr typename Values::value_type dot(const Values& a, const Values& b) {
    typename Values::value_type s = 0;
    for (std::size_t i = 0; i < std::size(a); ++i) s = s + a[i] * b[i];
    return s;
}

// The stall rules of stop (newton, lbfgs, levenberg_marquardt) for a step s
// from x that took f from f_before to f_after: which one holds, or none.
// (x and s: std::arrays, or std::vectors for a vector x.)
template <class T, class Values>
constexpr stop_rule stalled(const stop& when, const T& f_before, const T& f_after, const Values& x, const Values& s) {
    if (when.function_tolerance >= 0 &&
        math::abs(f_before - f_after) <= T(when.function_tolerance) * math::abs(f_after))
        return stop_rule::function_tolerance;
    if (when.parameter_tolerance >= 0) {
        const T tolerance = T(when.parameter_tolerance);
        T xx = 0, ss = 0;
        for (const T& v : x) xx = xx + v * v;
        for (const T& v : s) ss = ss + v * v;
        if (math::sqrt(ss) <= tolerance * (math::sqrt(xx) + tolerance)) return stop_rule::parameter_tolerance;
    }
    return stop_rule::none;
}

// x + α·d, as a point like x.
template <class Point, class T, std::size_t N>
constexpr Point step_along(const Point& x, const T& alpha, const std::array<T, N>& d) {
    Point p = x;
    for (std::size_t i = 0; i < N; ++i) p.values[i] = p.values[i] + alpha * d[i];
    return p;
}

template <class Point>
struct backtracking_result {
    bool found = false;
    Point point{};                       // x + α·d where found
    typename Point::value_type value{};  // f there
    std::size_t evaluations = 0;         // values of f computed
    bool within_rounding = false;        // the step taken did not lower f (the rounding rule below, or
                                         // Armijo's where c1·α·gᵀd is below the rounding of f(x))
};

// Armijo backtracking: value(p) gives f at a point; fx = f(x); slope = gᵀd < 0.
// Near a minimum the decrease a step promises, |gᵀd|, falls below the
// rounding of f itself, and f(x + d) may come out a few ulps above f(x)
// however good the step: there the full step is taken if |gᵀd| and the rise
// are both at most 1000ε·|f(x)|. A step taken that does not lower f is
// within_rounding (the caller stops when such a step does not shrink the
// gradient): so is one that Armijo's rule takes only because c1·α·gᵀd is
// below an ulp of f(x), f unchanged.
template <class Point, class Value, class T, std::size_t N>
constexpr backtracking_result<Point> backtrack(const Value& value, const Point& x, const T& fx,
                                               const std::array<T, N>& d, const T& slope, double c1,
                                               std::size_t limit) {
    backtracking_result<Point> r;
    T alpha = 1;
    for (std::size_t trial = 0; trial < limit; ++trial, alpha = alpha / T(2)) {
        const Point p = step_along(x, alpha, d);
        const T v = value(p);
        ++r.evaluations;
        bool moved = false;
        for (std::size_t i = 0; i < N; ++i) moved = moved || !(p.values[i] == x.values[i]);
        if (!finite(v) || !moved) continue;
        const T rounding = T(1000) * std::numeric_limits<T>::epsilon() * math::abs(fx);
        const bool armijo = v <= fx + T(c1) * alpha * slope;
        const bool rounding_rule = !armijo && trial == 0 && -slope <= rounding && v <= fx + rounding;
        if (armijo || rounding_rule) {
            r.found = true;
            r.point = p;
            r.value = v;
            r.within_rounding = !(v < fx);
            return r;
        }
    }
    return r;
}

// A point of the strong Wolfe search: φ(α) = f(x + α·d), φ'(α) = ∇f(x + α·d)ᵀd.
template <class T, std::size_t N>
struct line_point {
    T alpha{};
    T value{};
    T slope{};
    std::array<T, N> gradient{};
    bool finite = true;
};

template <class T, std::size_t N>
struct wolfe_result {
    bool found = false;       // a point with sufficient decrease (and, unless curvature is false, the curvature condition)
    bool curvature = false;   // whether it satisfies the strong curvature condition too
    line_point<T, N> point{};
    std::size_t evaluations = 0;  // values and gradients of f computed
    bool tried_finite = false;    // a trial had a finite value, and
    T least_change{};             // the least |φ(α) − φ(0)| of those (a failed search at f's rounding)
};

// The minimiser of the cubic through (a, φa, φ'a) and (b, φb, φ'b), or the
// midpoint where there is none; kept at least a tenth of |b − a| inside the
// interval (Nocedal and Wright, eq. 3.59).
template <class T, std::size_t N>
constexpr T interpolate(const line_point<T, N>& a, const line_point<T, N>& b) {
    const T mid = (a.alpha + b.alpha) / T(2);
    if (!a.finite || !b.finite) return mid;
    const T lo = a.alpha < b.alpha ? a.alpha : b.alpha;
    const T hi = a.alpha < b.alpha ? b.alpha : a.alpha;
    const T width = hi - lo;
    const T d1 = a.slope + b.slope - T(3) * (a.value - b.value) / (a.alpha - b.alpha);
    const T radicand = d1 * d1 - a.slope * b.slope;
    if (!(radicand >= T(0)) || !finite(radicand)) return mid;
    const T root = math::sqrt(radicand);
    const T d2 = b.alpha > a.alpha ? root : -root;
    const T denominator = b.slope - a.slope + T(2) * d2;
    if (!(denominator != T(0))) return mid;
    const T c = b.alpha - (b.alpha - a.alpha) * (b.slope + d2 - d1) / denominator;
    if (!finite(c) || !(c >= lo + width / T(10)) || !(c <= hi - width / T(10))) return mid;
    return c;
}

// The strong Wolfe search. probe(α) returns the line_point at α (its value,
// gradient and slope, finite or not); at0 is the point at α = 0.
template <class T, std::size_t N, class Probe>
constexpr wolfe_result<T, N> wolfe_search(const Probe& probe, const line_point<T, N>& at0, const T& alpha0,
                                          double c1, double c2, std::size_t limit) {
    wolfe_result<T, N> r;
    const T phi0 = at0.value, slope0 = at0.slope;
    const auto probe_and_count = [&](const T& alpha) {
        const line_point<T, N> p = probe(alpha);
        ++r.evaluations;
        if (p.finite) {
            const T change = math::abs(p.value - phi0);
            if (!r.tried_finite || change < r.least_change) r.least_change = change;
            r.tried_finite = true;
        }
        return p;
    };
    const auto sufficient = [&](const line_point<T, N>& p) {
        return p.finite && p.value < phi0 && p.value <= phi0 + T(c1) * p.alpha * slope0;
    };
    const auto curved = [&](const line_point<T, N>& p) {
        return math::abs(p.slope) <= -T(c2) * slope0;
    };
    const auto accept = [&](const line_point<T, N>& p, bool curvature) {
        r.found = true;
        r.curvature = curvature;
        r.point = p;
        return r;
    };
    // Zoom: lo satisfies sufficient decrease with the lowest value so far, the
    // minimiser lies between lo and hi.
    const auto zoom = [&](line_point<T, N> lo, line_point<T, N> hi) {
        while (r.evaluations < limit) {
            const T width = lo.alpha < hi.alpha ? hi.alpha - lo.alpha : lo.alpha - hi.alpha;
            const T larger = lo.alpha < hi.alpha ? hi.alpha : lo.alpha;
            if (!(width > std::numeric_limits<T>::epsilon() * larger)) break;  // the bracket is rounding
            const T alpha = interpolate(lo, hi);
            const line_point<T, N> p = probe_and_count(alpha);
            if (!sufficient(p) || !(p.value < lo.value)) {
                hi = p;
            } else {
                if (curved(p)) return accept(p, true);
                if (p.slope * (hi.alpha - lo.alpha) >= T(0)) hi = lo;
                lo = p;
            }
        }
        // Out of trials: the lowest point with sufficient decrease, if there is one.
        if (lo.alpha > T(0)) return accept(lo, false);
        return r;
    };
    line_point<T, N> previous = at0;
    T alpha = alpha0;
    while (r.evaluations < limit) {
        const line_point<T, N> p = probe_and_count(alpha);
        if (!sufficient(p) || (previous.alpha > T(0) && !(p.value < previous.value))) return zoom(previous, p);
        if (curved(p)) return accept(p, true);
        if (p.slope >= T(0)) return zoom(p, previous);
        previous = p;
        alpha = T(2) * alpha;
    }
    if (previous.alpha > T(0)) return accept(previous, false);
    return r;
}

}  // namespace leibniz::detail
