// The normal equations of a sum of squares over an index, for
// levenberg_marquardt{} over a vector x (loops/minimize.hpp).
//
// f = Σᵢ Σₖ cₖ·rₖ(i)², each cₖ > 0 (a term of the sum's body that is a number
// times a square; chained Rosenbrock is 100·(x[i + 1] − x[i]²)² + (1 − x[i])²),
// or a number times such a sum, is ½ Σ ρ² with residuals ρ = √(2cₖ)·rₖ(i). A
// residual reads a few elements of x, so each row of the Jacobian J has a few
// nonzeros: JᵀJ is summed row by row into a banded matrix (J is never
// stored), and Jᵀρ, which is ∇f, beside it. Each residual's value and
// partials by the elements it reads come from one plan, built once for its
// type, run at every value of the index.
#pragma once

#include <leibniz/config.hpp>
#include <leibniz/detail/diagnostics.hpp>
#include <leibniz/evaluation/bind.hpp>
#include <leibniz/loops/banded.hpp>
#include <leibniz/loops/derivatives.hpp>
#include <leibniz/loops/index_sum.hpp>
#include <leibniz/loops/plan.hpp>

#include <array>
#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace leibniz::detail::plan {

template <class T, coefficient_kind K, class M>
constexpr T coefficient_of(const term<K, M>& t) {
    if constexpr (K == coefficient_kind::plus_one)
        return T(1);
    else if constexpr (K == coefficient_kind::minus_one)
        return T(-1);
    else
        return to_scalar<T>(t.coefficient);
}

// A body as Σₖ cₖ·rₖ²: a lone square r², or a sum (without a constant) of
// terms that are each a number times a square.
template <class M>
inline constexpr bool is_square_monomial = false;
template <class R>
inline constexpr bool is_square_monomial<mul<factor<R, 2>>> = true;

template <class B>
struct squares_in {
    static constexpr bool ok = false;
    static constexpr std::size_t count = 0;
};
template <class R>
struct squares_in<mul<factor<R, 2>>> {
    static constexpr bool ok = true;
    static constexpr std::size_t count = 1;
    template <std::size_t K>
    static constexpr const R& residual(const mul<factor<R, 2>>& b) {
        return get<0>(b.factors).base;
    }
    template <std::size_t K, class T>
    static constexpr T weight(const mul<factor<R, 2>>&) {
        return T(1);
    }
};
template <coefficient_kind... K, class... M>
struct squares_in<add<false, term<K, M>...>> {
    using body = add<false, term<K, M>...>;
    static constexpr bool ok = all_true<is_square_monomial<M>...> && all_true<(K != coefficient_kind::minus_one)...>;
    static constexpr std::size_t count = sizeof...(M);
    template <std::size_t J>
    static constexpr const auto& residual(const body& b) {
        return get<0>(get<J>(b.terms).monomial.factors).base;
    }
    template <std::size_t J, class T>
    static constexpr T weight(const body& b) {
        return coefficient_of<T>(get<J>(b.terms));
    }
};

// f is Σ over an index of squares, or a number times one.
template <class E>
inline constexpr bool is_sum_of_squares = false;
template <class I, class F, class En, class B>
inline constexpr bool is_sum_of_squares<index_sum<I, F, En, B>> = squares_in<B>::ok;
template <class I, class F, class En, class B>
inline constexpr bool is_sum_of_squares<add<false, term<coefficient_kind::stored, index_sum<I, F, En, B>>>> =
    squares_in<B>::ok;

// ∇f = Jᵀρ and JᵀJ at one point (f's value is computed apart, by plain
// evaluation, so that the cost compared between points is f itself).
template <class T>
struct banded_normal_equations {
    banded_symmetric<T> jtj;
    std::vector<T> jtr;
};

// Residual K's rows, each scaled by w = 2·c·scale, added for every i.
template <std::size_t K, class T, class X, class I, class F, class En, class B, class Env>
void add_residual_rows(const index_sum<I, F, En, B>& s, const Env& env, long long first, long long end, T scale,
                       banded_normal_equations<T>& out) {
    using Squares = squares_in<B>;
    const auto& r = Squares::template residual<K>(s.body);
    using R = std::remove_cvref_t<decltype(r)>;
    static_assert(means_in<R> == 0,
                  "leibniz: levenberg_marquardt over a vector: a residual holding a sum (a mean) is not there yet");
    const T c = Squares::template weight<K, T>(s.body) * scale;
    if (!(c > T(0)))
        throw std::invalid_argument("leibniz: levenberg_marquardt over a vector: term " + std::to_string(K) +
                                    " of f's sum is c*r^2 with c = " + std::to_string(static_cast<double>(c)) +
                                    " (the number before the sum included), not above 0: f is not a sum of squares");
    const T w = T(2) * c;
    constexpr int m = elements_in<X, R>;
    using Vars = typename vector_variables<X, m, 0>::type;
    constexpr std::size_t n = Vars::size;
    constexpr const auto& P = gradient_plan<R, Vars>;
    const auto numbers = gather_all_numbers<T, P>(r);
    for (long long i = first; i < end; ++i) {
        const index_environment<Env, I> inner{env, {i}};
        T inputs[n + P.extras > 0 ? n + P.extras : 1]{};
        long long where[m > 0 ? m : 1]{};
        reads<T> in{inputs + n, inputs, where};
        gather_reads<Vars, T>(r, inner, in);
        T value{};
        std::array<T, n> partials{};
        run_gradient_plan<T, Vars, R>(inputs, numbers.view(), value, partials, means_of<P, Vars, false>(inner, r));
        for (std::size_t a = 0; a < n; ++a) {
            const auto pa = static_cast<std::size_t>(where[a]);
            out.jtr[pa] = out.jtr[pa] + w * value * partials[a];
            for (std::size_t b = 0; b < a; ++b) {  // (a, b) and (b, a): one stored entry, or twice the diagonal
                const auto pb = static_cast<std::size_t>(where[b]);
                out.jtj.add(pa, pb, (pa == pb ? T(2) : T(1)) * w * partials[a] * partials[b]);
            }
            out.jtj.add(pa, pa, w * partials[a] * partials[a]);
        }
    }
}

template <class T, class X, class I, class F, class En, class B, class Env>
void add_normal_equations(const index_sum<I, F, En, B>& s, const Env& env, T scale, banded_normal_equations<T>& out) {
    check_reads(s, env, no_ranges{});
    const long long first = bound_in(s.first, env), end = bound_in(s.end, env);
    [&]<std::size_t... K>(std::index_sequence<K...>) {
        (add_residual_rows<K, T, X>(s, env, first, end, scale, out), ...);
    }(std::make_index_sequence<squares_in<B>::count>{});
}

// JᵀJ and Jᵀρ of f (is_sum_of_squares) by x, the vector of length n that env binds.
template <class T, class X, class E, class Env>
banded_normal_equations<T> normal_equations_by_vector(const E& f, const Env& env, std::size_t n, std::size_t bandwidth) {
    banded_normal_equations<T> out{banded_symmetric<T>(n, bandwidth), std::vector<T>(n, T(0))};
    if constexpr (is_index_sum<E>) {
        add_normal_equations<T, X>(f, env, T(1), out);
    } else {
        const auto& t = get<0>(f.terms);
        add_normal_equations<T, X>(t.monomial, env, coefficient_of<T>(t), out);
    }
    return out;
}

}  // namespace leibniz::detail::plan
