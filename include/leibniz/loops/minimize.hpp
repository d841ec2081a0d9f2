// minimize(f, point(x = values), optimizer, stop{...}) for a vector x: the
// start point holds the vector (point[x] is a std::vector), and the run works
// in O(n) memory on the gradient by the vector (loops/derivatives.hpp).
//
//   lbfgs{}     the two-loop recursion over the last `memory` pairs (s, y)
//               kept as std::vectors, a backtracking line search to Armijo's
//               condition (c1), a pair without positive curvature not kept;
//   newton{}    the sparse Hessian (hessian(f, x)), summed into a banded
//               matrix where its entries lie within 64 of the diagonal
//               (else conjugate gradients on Hessian-vector products,
//               hessian(f, x).times, to a residual of min(1/2, √|g|)·|g|),
//               factorised by Cholesky (O(n·b²), O(n) for
//               Rosenbrock's three bands) with τ·I added, doubled from 10⁻³
//               of its largest diagonal entry, where it is not positive
//               definite; a backtracking line search to Armijo's condition;
//   levenberg_marquardt{}
//               for f a sum over an index of squares (loops/least_squares.hpp):
//               (JᵀJ + μ·I)·h = −Jᵀρ by the same banded Cholesky, μ as the
//               scalar run moves it (optimization/levenberg_marquardt.hpp);
//   gradient_descent{}, sign_descent{}, momentum{}, adagrad{}, rmsprop{},
//   adam{} and any first-order optimiser: its update on blocks of 64
//               coordinates, each block with a state of its own (the six
//               update each coordinate alone, so the blocks change nothing;
//               an optimiser of your own that couples coordinates, through
//               a norm of g, sees one block at a time).
//
// Every run stops as converged when the gradient's Euclidean norm is at most
// stop.gradient_tolerance, at stop.max_iterations, and as diverged at a value
// or gradient that is not finite; newton, lbfgs and levenberg_marquardt also
// by stop's stall rules (function_tolerance, parameter_tolerance) and as
// line_search_failed where no trial lowers f. An observer (the fifth
// argument) sees every iterate as lz::iterate<Point, std::dynamic_extent>:
// .iteration, .point, .value and .gradient (a std::vector; levenberg_marquardt:
// Jᵀρ, the gradient of f).
#pragma once

#include <leibniz/evaluation/point.hpp>
#include <leibniz/loops/banded.hpp>
#include <leibniz/loops/derivatives.hpp>
#include <leibniz/loops/least_squares.hpp>
#include <leibniz/loops/vector.hpp>
#include <leibniz/optimization/lbfgs.hpp>
#include <leibniz/optimization/line_search.hpp>
#include <leibniz/optimization/minimize.hpp>
#include <leibniz/optimization/newton.hpp>
#include <leibniz/optimization/optimizers.hpp>
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

// x + α·d.
template <class T>
std::vector<T> moved(const std::vector<T>& x, T alpha, const std::vector<T>& d) {
    std::vector<T> out(x.size());
    for (std::size_t i = 0; i < x.size(); ++i) out[i] = x[i] + alpha * d[i];
    return out;
}

// Backtracking from α = alpha0, halving, to f(x + α·d) ≤ f(x) + c1·α·gᵀd (f there into `found`); α = 0 where
// none of `limit` trials does.
template <class T, class Value>
T armijo(const Value& value_at, const std::vector<T>& x, T fx, T slope, const std::vector<T>& d, T alpha0, double c1,
         std::size_t limit, std::size_t& evaluations, T& found) {
    T alpha = alpha0;
    for (std::size_t k = 0; k < limit; ++k, alpha = alpha / 2) {
        ++evaluations;
        const T trial = value_at(moved(x, alpha, d));
        if (std::isfinite(trial) && trial <= fx + T(c1) * alpha * slope) {
            found = trial;
            return alpha;
        }
    }
    return T(0);
}

// f's Hessian by x at p summed straight into a banded matrix (no sparse
// matrix sorted on the way), its band starting at `band` and widened as met.
// A band wider than `widest` is not built (false: the entries reach further
// from the diagonal; newton then solves by conjugate gradients instead).
template <class T, class X, class E, class Point>
bool banded_hessian(const E& f, const Point& p, std::size_t& band, std::size_t widest, banded_symmetric<T>& h) {
    struct adder {
        banded_symmetric<T>& into;
        std::size_t widest;
        bool too_wide = false;
        void push_back(const plan::sparse_entry<T>& e) {
            if (e.col - e.row > widest) too_wide = true;
            if (!too_wide) into.add(e.row, e.col, e.value);
        }
        // The product of two sums' gradients ((Σ xᵢ)²): too wide at once where
        // their reads lie further apart than the band, not entry by entry.
        void outer(T c, const plan::sparse_gradient<T>& a, const plan::sparse_gradient<T>& b, bool same) {
            if (too_wide || a.at.empty() || b.at.empty()) return;
            const std::size_t lo = a.at.front() < b.at.front() ? a.at.front() : b.at.front();
            const std::size_t hi = a.at.back() > b.at.back() ? a.at.back() : b.at.back();
            if (hi - lo > widest)
                too_wide = true;
            else
                plan::add_outer_entries(*this, c, a, b, same);
        }
    };
    h = banded_symmetric<T>(p.values.size(), band);
    adder out{h, widest};
    plan::add_vector_hessian<T, X>(f, environment<Point>{{{p}}}, out, p.values.size());
    band = h.bandwidth();
    return !out.too_wide;
}

// Newton's step by conjugate gradients on Hessian-vector products (no matrix:
// hessian(f, x).times): (H + τI)·d = −g to a relative residual of
// min(1/2, √|g|), at most `limit` products; at negative curvature the step so
// far (−g if there is none yet). O(n) memory whatever the Hessian's pattern.
template <class T, class Times>
void conjugate_gradient_step(const Times& times, const std::vector<T>& g, T tau, std::size_t limit, std::vector<T>& d) {
    const std::size_t n = g.size();
    d.assign(n, T(0));
    std::vector<T> r(n), p(n);
    for (std::size_t c = 0; c < n; ++c) r[c] = -g[c], p[c] = r[c];
    T rr = dot(r, r);
    const T g_norm = std::sqrt(rr);
    const T target = std::fmin(T(0.5), std::sqrt(g_norm)) * g_norm;
    for (std::size_t k = 0; k < limit && std::sqrt(rr) > target; ++k) {
        std::vector<T> hp = times(p);
        for (std::size_t c = 0; c < n; ++c) hp[c] = hp[c] + tau * p[c];
        const T curvature = dot(p, hp);
        if (!(curvature > T(0))) {  // negative curvature (or NaN): stop here
            if (k == 0)
                for (std::size_t c = 0; c < n; ++c) d[c] = -g[c];
            return;
        }
        const T alpha = rr / curvature;
        for (std::size_t c = 0; c < n; ++c) {
            d[c] = d[c] + alpha * p[c];
            r[c] = r[c] - alpha * hp[c];
        }
        const T next = dot(r, r);
        for (std::size_t c = 0; c < n; ++c) p[c] = r[c] + (next / rr) * p[c];
        rr = next;
    }
}

template <class T, class E, class X, class Observer>
result<point<T, variable_pack<X>>> minimize_vector(const E& f, const point<T, variable_pack<X>>& start,
                                                   const lbfgs& method, const stop& when, Observer& observe) {
    using Point = point<T, variable_pack<X>>;
    const auto evaluate = value_and_gradient(f, X{});
    const auto value_at = [&](const std::vector<T>& v) { return f(X{} = v); };
    result<Point> r{start};
    auto e = evaluate(r.point);
    ++r.derivative_evaluations;
    const std::size_t memory = method.memory < lbfgs::max_memory ? method.memory : lbfgs::max_memory;
    std::vector<std::vector<T>> s, y;  // the newest last
    std::vector<T> rho;
    stop_rule stall = stop_rule::none;
    for (std::size_t k = 0;; ++k) {
        if (ends_at(r, k, e.value, e.gradient, when, stall, observe)) return r;
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
        T found{};
        const T alpha = armijo(value_at, r.point.values, e.value, slope, q, alpha0, method.c1,
                               method.line_search_limit, r.value_evaluations, found);
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
        stall = stalled(when, e.value, ne.value, r.point.values, step);
        const T sy = dot(step, change), yy = dot(change, change);
        if (memory > 0 && sy > std::numeric_limits<T>::epsilon() * yy && yy > T(0)) {
            if (s.size() == memory) s.erase(s.begin()), y.erase(y.begin()), rho.erase(rho.begin());
            s.push_back(std::move(step)), y.push_back(std::move(change)), rho.push_back(T(1) / sy);
        }
        r.point = std::move(next);
        e = std::move(ne);
    }
}

template <class T, class E, class X, class Observer>
result<point<T, variable_pack<X>>> minimize_vector(const E& f, const point<T, variable_pack<X>>& start,
                                                   const newton& method, const stop& when, Observer& observe) {
    using Point = point<T, variable_pack<X>>;
    const auto evaluate = value_and_gradient(f, X{});
    const auto value_at = [&](const std::vector<T>& v) { return f(X{} = v); };
    result<Point> r{start};
    stop_rule stall = stop_rule::none;
    std::size_t band = 0;
    // A Hessian whose entries lie within `widest_band` of the diagonal is
    // factorised (O(n·b²)); a wider one (x[i] beside x[i + 1000]) is solved by
    // conjugate gradients on its products, which needs no matrix.
    constexpr std::size_t widest_band = 64;
    const std::size_t cg_limit = start.values.size() < 200 ? 2 * start.values.size() + 1 : 400;
    bool banded = true;
    banded_symmetric<T> h;
    const auto product = hessian(f, X{});
    std::vector<T> minus_g, d, work;
    for (std::size_t k = 0;; ++k) {
        auto e = evaluate(r.point);
        ++r.derivative_evaluations;
        if (ends_at(r, k, e.value, e.gradient, when, stall, observe)) return r;
        if (banded && !banded_hessian<T, X>(f, r.point, band, widest_band, h)) {
            banded = false;  // (from now on: the pattern does not change from point to point)
            h = {};
        }
        if (banded) {
            minus_g.resize(e.gradient.size());
            for (std::size_t c = 0; c < minus_g.size(); ++c) minus_g[c] = -e.gradient[c];
            T tau = T(method.damping);
            while (!h.solve_shifted(tau, minus_g, d, work))
                tau = tau > T(0) ? 2 * tau : std::fmax(T(1e-3) * h.largest_diagonal(), T(1e-8));
        } else {
            const auto times = [&](const std::vector<T>& v) { return product.times(v, r.point); };
            conjugate_gradient_step(times, e.gradient, T(method.damping), cg_limit, d);
        }
        T found{};
        const T alpha = armijo(value_at, r.point.values, e.value, dot(e.gradient, d), d, T(1), method.c1,
                               method.line_search_limit, r.value_evaluations, found);
        if (!(alpha > T(0))) {
            r.status = status::line_search_failed;
            return r;
        }
        std::vector<T> next = moved(r.point.values, alpha, d);
        for (std::size_t c = 0; c < d.size(); ++c) d[c] = next[c] - r.point.values[c];
        stall = stalled(when, e.value, found, r.point.values, d);
        r.point.values = std::move(next);
    }
}

// As the scalar run (optimization/levenberg_marquardt.hpp): one iteration per
// step tried; the cost is f, its gradient Jᵀρ.
template <class T, class E, class X, class Observer>
result<point<T, variable_pack<X>>> minimize_vector(const E& f, const point<T, variable_pack<X>>& start,
                                                   const levenberg_marquardt& method, const stop& when,
                                                   Observer& observe) {
    using Point = point<T, variable_pack<X>>;
    using Env = environment<Point>;
    result<Point> r{start};
    const std::size_t n = start.values.size();
    std::size_t band = 0;  // the widest band met so far: each build starts there
    auto normal_equations = [&](const Point& p) {
        auto ne = plan::normal_equations_by_vector<T, X>(f, Env{{{p}}}, n, band);
        band = ne.jtj.bandwidth();
        return ne;
    };
    auto ne = normal_equations(r.point);
    T cost = f(r.point);
    r.derivative_evaluations = 1;
    const T largest = ne.jtj.largest_diagonal();
    T mu = T(method.initial_damping) * (largest > T(0) ? largest : T(1));
    T nu = T(2);
    const T mu_limit = T(1e200), nu_limit = T(1048576);
    stop_rule stall = stop_rule::none;
    std::vector<T> minus_g(n), h, work;
    for (std::size_t k = 0;; ++k) {
        if (ends_at(r, k, cost, ne.jtr, when, stall, observe)) return r;
        for (std::size_t c = 0; c < n; ++c) minus_g[c] = -ne.jtr[c];
        bool taken = false;
        if (ne.jtj.solve_shifted(mu, minus_g, h, work)) {
            Point trial;
            trial.values = moved(r.point.values, T(1), h);
            const T trial_cost = f(trial);
            ++r.value_evaluations;
            T predicted = T(0);  // ½ hᵀ(μh − g) > 0
            for (std::size_t c = 0; c < n; ++c) predicted = predicted + h[c] * (mu * h[c] + minus_g[c]);
            predicted = predicted / T(2);
            if (std::isfinite(trial_cost)) stall = stalled(when, cost, trial_cost, r.point.values, h);
            if (std::isfinite(trial_cost) && predicted > T(0)) {
                const T rho = (cost - trial_cost) / predicted;
                if (rho > T(0)) {
                    r.point = std::move(trial);
                    cost = trial_cost;
                    ne = normal_equations(r.point);
                    ++r.derivative_evaluations;
                    const T c = T(2) * rho - T(1);
                    const T factor = T(1) - c * c * c;
                    mu = mu * (factor > T(1) / T(3) ? factor : T(1) / T(3));
                    nu = T(2);
                    taken = true;
                }
            }
        }
        if (!taken) {
            if (mu < mu_limit) mu = mu * nu;
            if (nu < nu_limit) nu = nu * T(2);
        }
    }
}

// A first-order optimiser's update, block by block (the header's note).
template <class T, class E, class X, class Opt, class Observer>
result<point<T, variable_pack<X>>> minimize_vector(const E& f, const point<T, variable_pack<X>>& start,
                                                   const Opt& method, const stop& when, Observer& observe) {
    using Point = point<T, variable_pack<X>>;
    constexpr std::size_t width = 64;
    using State = std::remove_cvref_t<decltype(method.template start<T, width>())>;
    const auto evaluate = value_and_gradient(f, X{});
    result<Point> r{start};
    const std::size_t n = start.values.size();
    std::vector<State> states((n + width - 1) / width, method.template start<T, width>());
    std::array<T, width> x{}, g{};
    for (std::size_t k = 0;; ++k) {
        const auto e = evaluate(r.point);
        ++r.derivative_evaluations;
        if (ends_at(r, k, e.value, e.gradient, when, stop_rule::none, observe)) return r;
        for (std::size_t block = 0; block < states.size(); ++block) {
            const std::size_t from = block * width, count = n - from < width ? n - from : width;
            for (std::size_t c = 0; c < width; ++c) {  // the last block's rest: 0 (its update is not kept)
                x[c] = c < count ? r.point.values[from + c] : T(0);
                g[c] = c < count ? e.gradient[from + c] : T(0);
            }
            method.update(states[block], x, g, k + 1);
            for (std::size_t c = 0; c < count; ++c) r.point.values[from + c] = x[c];
        }
        if (!all_finite(r.point.values)) {
            r.iterations = k + 1;
            r.value = f(r.point);
            ++r.value_evaluations;
            r.status = status::diverged;
            return r;
        }
    }
}

}  // namespace detail

// minimize(f, point(x = values), optimizer, stop{...}) for a vector x: any
// optimiser (levenberg_marquardt{} where f is a sum over an index of squares).
template <class E, class T, char... C, class Opt, class Observer = detail::no_observer>
    requires Expression<E>
result<point<T, variable_pack<vector_variable<C...>>>> minimize(
    const E& f, const point<T, variable_pack<vector_variable<C...>>>& start, const Opt& optimizer, const stop& when = {},
    Observer observe = {}) {
    if constexpr (!Optimizer<Opt>) {
        static_assert(Optimizer<Opt>,
                      "leibniz: minimize(f, start, optimizer, ...): the third argument is not an optimiser; use "
                      "gradient_descent{}, sign_descent{}, momentum{}, adagrad{}, rmsprop{}, adam{}, newton{}, lbfgs{} "
                      "or levenberg_marquardt{}");
        return {start};
    } else if constexpr (std::is_same_v<Opt, levenberg_marquardt> && !detail::plan::is_sum_of_squares<E>) {
        static_assert(detail::plan::is_sum_of_squares<E>,
                      "leibniz: levenberg_marquardt over a vector minimizes a sum over an index of squares, or a number "
                      "times one: lz::sum(i, first, end, lz::pow<2>(r1) + c * lz::pow<2>(r2) + ...), each c > 0");
        return {start};
    } else {
        return detail::minimize_vector(f, start, optimizer, when, observe);
    }
}

}  // namespace leibniz
