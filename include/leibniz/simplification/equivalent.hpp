// equivalent(a, b): do two expressions have the same canonical form?
//
// Sound, not complete: true means equal everywhere; false means only that the
// canonical forms differ (no expansion is tried: (x + 1)^2 and x^2 + 2*x + 1
// are not equivalent here). A stored coefficient of 0 counts as absent, one of
// 1 as no coefficient, so d(pow<2>(x)/2, x) is equivalent to x.
#pragma once

#include <leibniz/detail/tuple.hpp>
#include <leibniz/expression/nodes.hpp>
#include <leibniz/simplification/collect.hpp>

#include <cstddef>
#include <tuple>
#include <utility>

namespace leibniz::detail {

template <class A, class B>
constexpr bool same_value(const A& a, const B& b);

// Calls f(get<I>(t)) for the run-time index i.
template <class Tuple, class F>
constexpr void visit_at(const Tuple& t, std::size_t i, F&& f) {
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        ((i == I ? (f(get<I>(t)), 0) : 0), ...);
    }(std::make_index_sequence<size_of<Tuple>>{});
}

template <class A, class B>
inline constexpr bool same_function = false;
template <class Op, class X, class Y>
inline constexpr bool same_function<function<Op, X>, function<Op, Y>> = true;
template <class A, class B>
inline constexpr bool both_real_powers = false;
template <class X, class Y>
inline constexpr bool both_real_powers<real_power<X>, real_power<Y>> = true;
template <class A, class B>
inline constexpr bool both_powers = false;
template <class X, class XE, class Y, class YE>
inline constexpr bool both_powers<power<X, XE>, power<Y, YE>> = true;
template <class A, class B>
inline constexpr bool same_product_shape = false;
template <class... X, int... N, class... Y, int... M>
    requires(sizeof...(X) == sizeof...(Y))
inline constexpr bool same_product_shape<mul<factor<X, N>...>, mul<factor<Y, M>...>> = ((N == M) && ...);

// Two monomials (neither a number nor a sum).
template <class A, class B>
constexpr bool same_monomial(const A& a, const B& b) {
    if constexpr (std::is_same_v<A, B> && value_free<A>)
        return true;
    else if constexpr (same_function<A, B>)
        return same_value(a.arg, b.arg);
    else if constexpr (both_real_powers<A, B>)
        return a.exponent == b.exponent && same_value(a.base, b.base);
    else if constexpr (both_powers<A, B>)
        return same_value(a.base, b.base) && same_value(a.exponent, b.exponent);
    else if constexpr (same_product_shape<A, B>)
        return [&]<std::size_t... I>(std::index_sequence<I...>) {
            return (same_value(get<I>(a.factors).base, get<I>(b.factors).base) && ...);
        }(std::make_index_sequence<size_of<decltype(a.factors)>>{});
    else
        return std::is_same_v<A, B>;  // variables; different kinds of node differ
}

template <class A, class B>
constexpr bool same_value(const A& a, const B& b) {
    auto la = to_terms(a);
    auto lb = to_terms(b);
    // Constants (an absent one is 0).
    auto constant_of = [](const auto& list) {
        return [&]<bool H, class... T>(const term_list<H, T...>& l) { return H ? l.constant : number(0); }(list);
    };
    if (!(constant_of(la) == constant_of(lb))) return false;
    constexpr std::size_t na = size_of<decltype(la.terms)>, nb = size_of<decltype(lb.terms)>;
    // Walk the terms with non-zero coefficients of both, pairwise.
    std::size_t i = 0, j = 0;
    auto skip_zeros = [](const auto& terms, std::size_t& k, std::size_t n) {
        while (k < n) {
            bool is_zero = false;
            visit_at(terms, k, [&](const auto& t) { is_zero = t.coefficient.is_zero(); });
            if (!is_zero) break;
            ++k;
        }
    };
    while (true) {
        skip_zeros(la.terms, i, na);
        skip_zeros(lb.terms, j, nb);
        if (i == na || j == nb) return i == na && j == nb;
        bool equal = false;
        visit_at(la.terms, i, [&](const auto& ta) {
            visit_at(lb.terms, j, [&](const auto& tb) {
                equal = ta.coefficient == tb.coefficient && same_monomial(ta.monomial, tb.monomial);
            });
        });
        if (!equal) return false;
        ++i;
        ++j;
    }
}

}  // namespace leibniz::detail

namespace leibniz {

template <Expression A, Expression B>
constexpr bool equivalent(const A& a, const B& b) {
    return detail::same_value(a, b);
}

}  // namespace leibniz
