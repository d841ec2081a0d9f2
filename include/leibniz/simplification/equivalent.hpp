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

#include <array>
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
template <class A>
inline constexpr bool is_product = false;
template <class... X, int... N>
inline constexpr bool is_product<mul<factor<X, N>...>> = true;

// Pairs every element of a with an unused equal element of b (equal: a
// predicate on two elements of possibly different types): the same multiset.
// Canonical order is by type, and two equal values can differ in type (a
// coefficient 1 that is stored, not structural, sorts elsewhere), or share a
// type and stand in either order (sin(2*x) + sin(3*x)): positions prove nothing.
template <class TA, class TB, class Counted, class Equal>
constexpr bool same_multiset(const TA& a, const TB& b, Counted counted, Equal equal) {
    constexpr std::size_t na = size_of<TA>, nb = size_of<TB>;
    std::array<bool, nb + 1> used{};
    std::size_t matched_in_b = 0;
    for (std::size_t i = 0; i < na; ++i) {
        bool skip = false;
        visit_at(a, i, [&](const auto& ea) { skip = !counted(ea); });
        if (skip) continue;
        bool found = false;
        for (std::size_t j = 0; j < nb && !found; ++j) {
            if (used[j]) continue;
            visit_at(a, i, [&](const auto& ea) {
                visit_at(b, j, [&](const auto& eb) { found = counted(eb) && equal(ea, eb); });
            });
            if (found) used[j] = true;
        }
        if (!found) return false;
        ++matched_in_b;
    }
    std::size_t counted_in_b = 0;
    for (std::size_t j = 0; j < nb; ++j) visit_at(b, j, [&](const auto& eb) { counted_in_b += counted(eb) ? 1 : 0; });
    return counted_in_b == matched_in_b;
}

template <class B, int N>
constexpr int exponent_of(const factor<B, N>&) {
    return N;
}

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
    else if constexpr (is_product<A> && is_product<B>)
        return same_multiset(
            a.factors, b.factors, [](const auto&) { return true; },
            [](const auto& fa, const auto& fb) {
                return exponent_of(fa) == exponent_of(fb) && same_value(fa.base, fb.base);
            });
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
    // The terms with non-zero coefficients, as multisets.
    return same_multiset(
        la.terms, lb.terms, [](const auto& t) { return !t.coefficient.is_zero(); },
        [](const auto& ta, const auto& tb) {
            return ta.coefficient == tb.coefficient && same_monomial(ta.monomial, tb.monomial);
        });
}

}  // namespace leibniz::detail

namespace leibniz {

template <Expression A, Expression B>
constexpr bool equivalent(const A& a, const B& b) {
    return detail::same_value(a, b);
}

}  // namespace leibniz
