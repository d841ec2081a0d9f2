// Newton's method with a modified Hessian and a backtracking line search
// (Nocedal and Wright, "Numerical optimization", 2nd ed., 2006, algorithm 3.2
// with the added multiple of the identity of section 3.4):
//
// 1. A = H + damping·I is factorised as L·D·Lᵀ (L unit lower triangular, D
//    diagonal: no square roots, so a diagonal A gives the step −gᵢ/aᵢᵢ
//    exactly). Where a pivot of D is not positive, or below 16ε of its
//    diagonal entry (singular up to rounding), A + τ·I is tried instead,
//    τ = β + max(0, −min aᵢᵢ) first (β = 10⁻³·max|aᵢⱼ|, 1 for a zero
//    matrix), doubled until the factorisation succeeds; the search direction
//    s solves (A + τ·I)·s = −g and is a descent direction.
// 2. Along s, α = 1, ½, ¼, ... until f(x + α·s) ≤ f(x) + c1·α·gᵀs (Armijo)
//    and x + α·s ≠ x, at most line_search_limit values of f. Near a minimum,
//    where |gᵀs| and the rise of f are within 1000ε·|f| (f's rounding), the
//    full step is taken; a run stops when such a step does not shrink |g|. A quadratic with a positive
//    definite Hessian is solved by the first full step.
//
// Where no α of the line search lowers f enough (at a minimum up to rounding,
// with a gradient tolerance tighter than rounding allows), the run ends as
// status::line_search_failed at the last iterate; where the Hessian is not
// finite, as status::diverged.
#pragma once

#include <leibniz/evaluation/math.hpp>
#include <leibniz/optimization/line_search.hpp>

#include <array>
#include <cstddef>
#include <limits>

namespace leibniz {

struct newton {
    double damping = 0;                    // added to the Hessian's diagonal before anything else
    double fallback_learning_rate = 1e-2;  // unused since the line search (deprecated; kept so that code setting it compiles)
    double c1 = 1e-4;                      // Armijo's sufficient decrease: f(x + α·s) ≤ f(x) + c1·α·gᵀs
    std::size_t line_search_limit = 50;    // values of f tried per step (α down to 2⁻⁴⁹)
};

namespace detail {

// Solves (A + τ·I)·s = b by L·D·Lᵀ; false where A + τ·I is not positive
// definite, or singular up to rounding (a pivot below 16ε of its diagonal
// entry: a singular matrix such as [[2, -2], [-2, 2]] can leave a pivot of a
// few ulps, and dividing by it would throw the step anywhere), or NaN.
template <class T, std::size_t N>
constexpr bool ldlt_solve(const std::array<std::array<T, N>, N>& a, const T& tau, const std::array<T, N>& b,
                          std::array<T, N>& s) {
    std::array<std::array<T, N>, N> l{};  // below the diagonal, row by row
    std::array<T, N> d{};
    for (std::size_t i = 0; i < N; ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            T v = a[i][j];
            for (std::size_t k = 0; k < j; ++k) v = v - l[i][k] * d[k] * l[j][k];
            l[i][j] = v / d[j];
        }
        const T diagonal = a[i][i] + tau;
        T pivot = diagonal;
        for (std::size_t k = 0; k < i; ++k) pivot = pivot - l[i][k] * d[k] * l[i][k];
        const T floor = T(16) * std::numeric_limits<T>::epsilon() * math::abs(diagonal);
        if (!(pivot > T(0)) || !(pivot > floor)) return false;
        d[i] = pivot;
    }
    std::array<T, N> z{};  // L·z = b
    for (std::size_t i = 0; i < N; ++i) {
        T v = b[i];
        for (std::size_t k = 0; k < i; ++k) v = v - l[i][k] * z[k];
        z[i] = v;
    }
    for (std::size_t i = N; i-- > 0;) {  // Lᵀ·s = D⁻¹·z
        T v = z[i] / d[i];
        for (std::size_t k = i + 1; k < N; ++k) v = v - l[k][i] * s[k];
        s[i] = v;
    }
    return true;
}

// The search direction of one Newton step: false where the Hessian is not
// finite (no multiple of the identity makes it positive definite).
template <class T, std::size_t N>
constexpr bool newton_direction(const newton& method, std::array<std::array<T, N>, N> a, const std::array<T, N>& g,
                                std::array<T, N>& s) {
    for (std::size_t i = 0; i < N; ++i) a[i][i] = a[i][i] + T(method.damping);
    for (const auto& row : a)
        if (!all_finite(row)) return false;
    std::array<T, N> minus_g{};
    for (std::size_t i = 0; i < N; ++i) minus_g[i] = -g[i];
    if (ldlt_solve(a, T(0), minus_g, s)) return true;
    T largest = 0, least_diagonal = a[0][0];
    for (std::size_t i = 0; i < N; ++i) {
        for (std::size_t j = 0; j < N; ++j) largest = math::abs(a[i][j]) > largest ? math::abs(a[i][j]) : largest;
        least_diagonal = a[i][i] < least_diagonal ? a[i][i] : least_diagonal;
    }
    const T beta = largest > T(0) ? T(1e-3) * largest : T(1);
    T tau = least_diagonal > T(0) ? beta : beta - least_diagonal;
    // τ ≥ n·max|aᵢⱼ| + β makes A + τ·I diagonally dominant, so this ends after
    // about log₂(1000·n) doublings; the bound only guards against overflow.
    for (std::size_t attempt = 0; attempt < 2100 && finite(tau); ++attempt, tau = T(2) * tau)
        if (ldlt_solve(a, tau, minus_g, s)) return true;
    return false;
}

}  // namespace detail
}  // namespace leibniz
