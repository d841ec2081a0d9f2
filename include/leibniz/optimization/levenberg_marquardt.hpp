// Levenberg–Marquardt for f = ½ Σ rᵢ² (lz::squares): each step solves
// (JᵀJ + μ·I)·h = −Jᵀr (by L·D·Lᵀ, newton.hpp) and is taken when the cost falls; μ follows the gain
// ratio ρ = (actual decrease) / (decrease the linear model predicts):
// μ ·= max(1/3, 1 − (2ρ − 1)³) after a step taken, μ ·= ν, ν ·= 2 after one
// refused (Madsen, Nielsen and Tingleff, "Methods for non-linear least squares
// problems", 2004, algorithm 3.16). Small μ is Gauss–Newton, large μ a short
// gradient step.
//
// JᵀJ and Jᵀr are summed row by row (a row of a tuple, or a sample), so J is
// never stored: a data set of any size costs n² numbers. The rows of a tuple
// go through one plan (differentiation/jacobian.hpp); a sample's residual
// through its own.
#pragma once

#include <leibniz/data/squares.hpp>
#include <leibniz/differentiation/gradient.hpp>
#include <leibniz/differentiation/jacobian.hpp>
#include <leibniz/evaluation/math.hpp>
#include <leibniz/optimization/line_search.hpp>
#include <leibniz/optimization/newton.hpp>
#include <leibniz/optimization/result.hpp>

#include <array>
#include <cstddef>
#include <limits>
#include <type_traits>

namespace leibniz {

struct levenberg_marquardt {
    double initial_damping = 1e-3;  // μ₀ as a multiple of the largest diagonal entry of JᵀJ at the start
};

namespace detail {

// ½ Σ rᵢ², JᵀJ and Jᵀr at one point.
template <class T, std::size_t N>
struct normal_equations {
    T cost{};
    std::array<std::array<T, N>, N> jtj{};
    std::array<T, N> jtr{};

    constexpr void add_row(const T& r, const std::array<T, N>& j) {
        cost = cost + r * r / T(2);
        for (std::size_t a = 0; a < N; ++a) {
            jtr[a] = jtr[a] + j[a] * r;
            for (std::size_t b = a; b < N; ++b) jtj[a][b] = jtj[a][b] + j[a] * j[b];
        }
    }
    constexpr void symmetrise() {
        for (std::size_t a = 0; a < N; ++a)
            for (std::size_t b = 0; b < a; ++b) jtj[a][b] = jtj[b][a];
    }
};

template <class T, class Vars, class... Rows, class Point>
constexpr auto normal_equations_at(const residual_rows<Rows...>& r, const Point& p) {
    normal_equations<T, Vars::size> ne;
    const auto vj = [&]<class... V>(variable_pack<V...>) {
        return value_and_jacobian(r.rows, V{}...)(p);
    }(Vars{});
    for (std::size_t i = 0; i < sizeof...(Rows); ++i) ne.add_row(vj.value[i], vj.jacobian[i]);
    ne.symmetrise();
    return ne;
}

template <class T, class Vars, class R, class D, class Point>
constexpr auto normal_equations_at(const per_sample<R, D>& r, const Point& p) {
    normal_equations<T, Vars::size> ne;
    using Env = environment<Point>;
    const Env env{{{p}}};
    for (std::size_t i = 0; i < r.data.size; ++i) {
        const auto vg = value_and_gradient_of<T, Vars>(r.residual, sample_environment<Env, D>{env, r.data, i});
        ne.add_row(vg.value, vg.gradient);
    }
    ne.symmetrise();
    return ne;
}

// The run: one iteration per step tried (taken or refused, as Ceres counts
// them); the observer sees the point, the cost and the gradient Jᵀr at each.
template <class E, class R, class Point, class Observer>
constexpr result<Point> levenberg_marquardt_run(const least_squares<E, R>& f, const Point& start,
                                                const levenberg_marquardt& method, const stop& when,
                                                Observer& observe) {
    using T = typename Point::value_type;
    using Vars = typename Point::variables;
    constexpr std::size_t n = Vars::size;
    result<Point> r{start};
    auto ne = normal_equations_at<T, Vars>(f.residuals, r.point);
    r.derivative_evaluations = 1;
    T mu{};
    {
        T largest = T(0);
        for (std::size_t i = 0; i < n; ++i) largest = ne.jtj[i][i] > largest ? ne.jtj[i][i] : largest;
        mu = T(method.initial_damping) * (largest > T(0) ? largest : T(1));
    }
    T nu = T(2);
    // Bounds that keep μ and ν finite: a run that cannot decrease the cost
    // (at a minimum, up to rounding) refuses steps until max_iterations.
    const T mu_limit = T(1e200), nu_limit = T(1048576);
    stop_rule stall = stop_rule::none;  // the last step tried stalled (stop's rules), taken or refused
    for (std::size_t k = 0;; ++k) {
        if (ends_at(r, k, ne.cost, ne.jtr, when, stall, observe)) return r;
        std::array<T, n> minus_g{}, h{};
        for (std::size_t i = 0; i < n; ++i) minus_g[i] = -ne.jtr[i];
        bool taken = false;
        // (JᵀJ + μI)·h = −Jᵀr by newton's L·D·Lᵀ; a matrix singular up to rounding (μ too
        // small for a rank-deficient J) counts as a refused step.
        if (ldlt_solve(ne.jtj, mu, minus_g, h)) {
            Point trial = r.point;
            for (std::size_t i = 0; i < n; ++i) trial.values[i] = trial.values[i] + h[i];
            const T trial_cost = f(trial);
            ++r.value_evaluations;
            // The decrease the model predicts: ½ hᵀ(μh − g) > 0.
            T predicted = T(0);
            for (std::size_t i = 0; i < n; ++i) predicted = predicted + h[i] * (mu * h[i] + minus_g[i]);
            predicted = predicted / T(2);
            // A step that changes the cost only by rounding, or is itself
            // rounding, ends the run whether it is taken or refused: at a
            // minimum every later step would be refused.
            if (finite(trial_cost)) stall = stalled(when, ne.cost, trial_cost, r.point.values, h);
            if (finite(trial_cost) && predicted > T(0)) {
                const T rho = (ne.cost - trial_cost) / predicted;
                if (rho > T(0)) {
                    r.point = trial;
                    ne = normal_equations_at<T, Vars>(f.residuals, r.point);
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

}  // namespace detail
}  // namespace leibniz
