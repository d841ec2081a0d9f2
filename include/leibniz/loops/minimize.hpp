// minimize(f, point(x = values), optimizer, stop{...}) for a vector x: the
// start point holds the vector (point[x] is a std::vector), and the run works
// in O(n) memory on the gradient by the vector (loops/derivatives.hpp).
//
//   lbfgs{}   the two-loop recursion over the last `memory` pairs (s, y) kept
//             as std::vectors, a backtracking line search to Armijo's
//             condition (c1), a pair without positive curvature not kept;
//   newton{}  the sparse Hessian (hessian(f, x)), factorised as a banded
//             Cholesky (the band from its nonzeros: O(n·b²), O(n) for
//             Rosenbrock's three bands) with τ·I added, doubled from 10⁻³ of
//             its largest diagonal entry, where it is not positive definite;
//             a backtracking line search to Armijo's condition.
//
// Both stop as converged when the gradient's Euclidean norm is at most
// stop.gradient_tolerance, at stop.max_iterations, as diverged at a value or
// gradient that is not finite, and as line_search_failed where no trial
// lowers f. The other optimisers do not take a vector yet (a static_assert).
#pragma once

#include <leibniz/evaluation/point.hpp>
#include <leibniz/loops/derivatives.hpp>
#include <leibniz/loops/vector.hpp>
#include <leibniz/optimization/lbfgs.hpp>
#include <leibniz/optimization/minimize.hpp>
#include <leibniz/optimization/newton.hpp>
#include <leibniz/optimization/result.hpp>

#include <cmath>
#include <cstddef>
#include <limits>
#include <type_traits>
#include <utility>
#include <vector>

namespace leibniz {

// A start point for a vector x: point(x = values) copies them; p[x] is the
// std::vector of the values. It binds x as the values do (f(p) evaluates).
template <class T, char... C>
struct point<T, variable_pack<vector_variable<C...>>> {
    using value_type = T;
    using variables = variable_pack<vector_variable<C...>>;
    std::vector<T> values;

    point() = default;
    template <class U, std::size_t E>
    point(const vector_binding<vector_variable<C...>, U, E>& b)  // NOLINT: point(x = values) reads as a conversion
        : values(b.values.begin(), b.values.end()) {}

    std::vector<T>& operator[](vector_variable<C...>) { return values; }
    const std::vector<T>& operator[](vector_variable<C...>) const { return values; }

    // As a binding of x (bind.hpp's environment reads these).
    std::size_t size() const { return values.size(); }
    const T& at(long long i) const { return values[static_cast<std::size_t>(i)]; }

    friend bool operator==(const point&, const point&) = default;
};

namespace detail {

template <class T>
T dot(const std::vector<T>& a, const std::vector<T>& b) {
    T s = T(0);
    for (std::size_t i = 0; i < a.size(); ++i) s = s + a[i] * b[i];
    return s;
}
template <class T>
bool finite_values(T value, const std::vector<T>& g) {
    if (!std::isfinite(value)) return false;
    for (const T& v : g)
        if (!std::isfinite(v)) return false;
    return true;
}
template <class T>
bool gradient_small(const std::vector<T>& g, double tolerance) {
    return std::sqrt(dot(g, g)) <= T(tolerance);
}

// x + α·d.
template <class T>
std::vector<T> moved(const std::vector<T>& x, T alpha, const std::vector<T>& d) {
    std::vector<T> out(x.size());
    for (std::size_t i = 0; i < x.size(); ++i) out[i] = x[i] + alpha * d[i];
    return out;
}

// Backtracking from α = alpha0, halving, to f(x + α·d) ≤ f(x) + c1·α·gᵀd; α = 0 where none of `limit` trials does.
template <class T, class Value>
T armijo(const Value& value_at, const std::vector<T>& x, T fx, T slope, const std::vector<T>& d, T alpha0, double c1,
         std::size_t limit, std::size_t& evaluations) {
    T alpha = alpha0;
    for (std::size_t k = 0; k < limit; ++k, alpha = alpha / 2) {
        ++evaluations;
        const T trial = value_at(moved(x, alpha, d));
        if (std::isfinite(trial) && trial <= fx + T(c1) * alpha * slope) return alpha;
    }
    return T(0);
}

// Solves (H + τ·I)·d = -g by a banded Cholesky factorisation; false where it is not positive definite.
template <class T>
bool banded_newton_step(const sparse_symmetric_matrix<T>& h, const std::vector<T>& g, T tau, std::vector<T>& d) {
    const std::size_t n = g.size();
    std::size_t b = 0;
    for (const auto& e : h.nonzeros()) b = e.col - e.row > b ? e.col - e.row : b;
    const std::size_t w = b + 1;
    std::vector<T> l(n * w, T(0));  // l[i·w + (j − i + b)] = L(i, j) for i − b ≤ j ≤ i
    auto at = [&](std::size_t i, std::size_t j) -> T& { return l[i * w + (j + b - i)]; };
    for (const auto& e : h.nonzeros()) at(e.col, e.row) = e.value;  // the lower band (col ≥ row)
    for (std::size_t i = 0; i < n; ++i) at(i, i) = at(i, i) + tau;
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t first = i > b ? i - b : 0;
        for (std::size_t j = first; j <= i; ++j) {
            T s = at(i, j);
            for (std::size_t k = (j > b ? j - b : 0) > first ? (j > b ? j - b : 0) : first; k < j; ++k)
                s = s - at(i, k) * at(j, k);
            if (i == j) {
                if (!(s > T(0))) return false;
                at(i, i) = std::sqrt(s);
            } else {
                at(i, j) = s / at(j, j);
            }
        }
    }
    d.assign(n, T(0));
    for (std::size_t i = 0; i < n; ++i) {  // L·y = −g
        T s = -g[i];
        for (std::size_t k = i > b ? i - b : 0; k < i; ++k) s = s - at(i, k) * d[k];
        d[i] = s / at(i, i);
    }
    for (std::size_t i = n; i-- > 0;) {  // Lᵀ·d = y
        T s = d[i];
        for (std::size_t k = i + 1; k < n && k <= i + b; ++k) s = s - at(k, i) * d[k];
        d[i] = s / at(i, i);
    }
    return true;
}

template <class T, class E, class X>
result<point<T, variable_pack<X>>> minimize_vector(const E& f, const point<T, variable_pack<X>>& start,
                                                   const lbfgs& method, const stop& when) {
    using Point = point<T, variable_pack<X>>;
    const auto evaluate = value_and_gradient(f, X{});
    const auto value_at = [&](const std::vector<T>& v) { return f(X{} = v); };
    result<Point> r{start};
    auto e = evaluate(r.point);
    ++r.derivative_evaluations;
    const std::size_t memory = method.memory < lbfgs::max_memory ? method.memory : lbfgs::max_memory;
    std::vector<std::vector<T>> s, y;  // the newest last
    std::vector<T> rho;
    for (std::size_t k = 0;; ++k) {
        r.value = e.value;
        r.iterations = k;
        if (!finite_values(e.value, e.gradient)) {
            r.status = status::diverged;
            return r;
        }
        if (gradient_small(e.gradient, when.gradient_tolerance)) {
            r.status = status::converged;
            r.converged_by = stop_rule::gradient_tolerance;
            return r;
        }
        if (k == when.max_iterations) {
            r.status = status::max_iterations;
            return r;
        }
        std::vector<T> q = e.gradient;  // −H·g by the two-loop recursion
        std::vector<T> a(s.size());
        for (std::size_t j = s.size(); j-- > 0;) {
            a[j] = rho[j] * dot(s[j], q);
            for (std::size_t c = 0; c < q.size(); ++c) q[c] = q[c] - a[j] * y[j][c];
        }
        const T gamma = s.empty() ? T(1) : dot(s.back(), y.back()) / dot(y.back(), y.back());
        for (T& v : q) v = gamma * v;
        for (std::size_t j = 0; j < s.size(); ++j) {
            const T beta = rho[j] * dot(y[j], q);
            for (std::size_t c = 0; c < q.size(); ++c) q[c] = q[c] + (a[j] - beta) * s[j][c];
        }
        for (T& v : q) v = -v;
        T slope = dot(e.gradient, q);
        if (!(slope < T(0))) {  // not a descent direction: start afresh along −g
            s.clear(), y.clear(), rho.clear();
            for (std::size_t c = 0; c < q.size(); ++c) q[c] = -e.gradient[c];
            slope = -dot(e.gradient, e.gradient);
        }
        T alpha0 = T(1);
        if (s.empty()) alpha0 = std::fmin(T(1), T(1) / std::sqrt(dot(e.gradient, e.gradient)));
        const T alpha = armijo(value_at, r.point.values, e.value, slope, q, alpha0, method.c1,
                               method.line_search_limit, r.value_evaluations);
        if (!(alpha > T(0))) {
            r.status = status::line_search_failed;
            return r;
        }
        Point next;
        next.values = moved(r.point.values, alpha, q);
        auto ne = evaluate(next);
        ++r.derivative_evaluations;
        std::vector<T> step(q.size()), change(q.size());
        for (std::size_t c = 0; c < q.size(); ++c) {
            step[c] = alpha * q[c];
            change[c] = ne.gradient[c] - e.gradient[c];
        }
        const T sy = dot(step, change), yy = dot(change, change);
        if (memory > 0 && sy > std::numeric_limits<T>::epsilon() * yy && yy > T(0)) {
            if (s.size() == memory) s.erase(s.begin()), y.erase(y.begin()), rho.erase(rho.begin());
            s.push_back(std::move(step)), y.push_back(std::move(change)), rho.push_back(T(1) / sy);
        }
        r.point = std::move(next);
        e = std::move(ne);
    }
}

template <class T, class E, class X>
result<point<T, variable_pack<X>>> minimize_vector(const E& f, const point<T, variable_pack<X>>& start,
                                                   const newton& method, const stop& when) {
    using Point = point<T, variable_pack<X>>;
    const auto evaluate = value_and_gradient(f, X{});
    const auto second = hessian(f, X{});
    const auto value_at = [&](const std::vector<T>& v) { return f(X{} = v); };
    result<Point> r{start};
    for (std::size_t k = 0;; ++k) {
        auto e = evaluate(r.point);
        ++r.derivative_evaluations;
        r.value = e.value;
        r.iterations = k;
        if (!finite_values(e.value, e.gradient)) {
            r.status = status::diverged;
            return r;
        }
        if (gradient_small(e.gradient, when.gradient_tolerance)) {
            r.status = status::converged;
            r.converged_by = stop_rule::gradient_tolerance;
            return r;
        }
        if (k == when.max_iterations) {
            r.status = status::max_iterations;
            return r;
        }
        const sparse_symmetric_matrix<T> h = second(r.point);
        T largest = T(0);
        for (const auto& entry : h.nonzeros())
            if (entry.row == entry.col) largest = std::fmax(largest, std::fabs(entry.value));
        std::vector<T> d;
        T tau = T(method.damping);
        while (!banded_newton_step(h, e.gradient, tau, d)) tau = tau > T(0) ? 2 * tau : std::fmax(T(1e-3) * largest, T(1e-8));
        const T alpha = armijo(value_at, r.point.values, e.value, dot(e.gradient, d), d, T(1), method.c1,
                               method.line_search_limit, r.value_evaluations);
        if (!(alpha > T(0))) {
            r.status = status::line_search_failed;
            return r;
        }
        r.point.values = moved(r.point.values, alpha, d);
    }
}

}  // namespace detail

// minimize(f, point(x = values), lbfgs{} or newton{}, stop{...}) for a vector x.
template <class E, class T, char... C, class Opt>
    requires Expression<E>
result<point<T, variable_pack<vector_variable<C...>>>> minimize(
    const E& f, const point<T, variable_pack<vector_variable<C...>>>& start, const Opt& optimizer, const stop& when = {}) {
    if constexpr (std::is_same_v<Opt, lbfgs> || std::is_same_v<Opt, newton>) {
        return detail::minimize_vector(f, start, optimizer, when);
    } else {
        static_assert(detail::always_false<Opt>,
                      "leibniz: minimize over a vector (point(x = values), x an lz::vec) takes lbfgs{} or newton{} so far");
        return {start};
    }
}

}  // namespace leibniz
