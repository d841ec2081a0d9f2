// equivalent(a, b): are two expressions equal, as far as their canonical
// forms show?
//
// Sound, not complete: true means equal everywhere; false means only that no
// equality was found without expanding ((x + 1)^2 and x^2 + 2*x + 1 are not
// equivalent here).
//
// Canonical forms settle most of it by type; the rest is decided on values,
// because numbers are values, not types:
//   - A stored coefficient of 0 counts as absent, one of 1 as no
//     coefficient: d(pow<2>(x)/2, x) is equivalent to x.
//   - Terms and factors compare as multisets, not position by position: two
//     equal values can differ in type (a stored 1 sorts elsewhere than a
//     structural one), and two of one type can stand in either order
//     (sin(2*x) + sin(3*x)).
//   - Like terms and like factors whose shapes carry numbers are merged here,
//     by value, as the canonical form cannot: sin(2*x) + sin(2*x) is
//     equivalent to 2*sin(2*x), sqrt(2*x)^2*sqrt(2*x) to sqrt(2*x)^3.
//   - A sum factor of like terms that merge into one term stands for that
//     term: cos(x)*(a + a) is 2*a*cos(x) where a = y/(x^2 + 2*y) carries a
//     number in its shape (and so is kept as a sum of two by the canonical
//     form).
//   - A sum factor compares up to a number: a number distributes over a lone
//     sum but not over a product holding one, so 3.5*(x^3*(y + 4)) and
//     x^3*(3.5*y + 14) are one value in two forms.
//   - Some monomials are numbers the type cannot see, because the number is a
//     value: a function of a stored number with an exact value (log(1),
//     cos(0)), a power of a stored 1. They count as those numbers: y*1^y is y,
//     and y*1^y*log(1) is 0.
//   - A product of such numbers and one sum is that sum, scaled:
//     ((x*y)^y)^0*(a + b) is a + b (the exponent a stored 0); and a power
//     of one term whose exponent is a stored 1 is that term: (4*z^2)^(1/z*z)
//     is 4*z^2.
#pragma once

#include <leibniz/detail/tuple.hpp>
#include <leibniz/expression/nodes.hpp>
#include <leibniz/expression/operations.hpp>
#include <leibniz/simplification/collect.hpp>

#include <array>
#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

namespace leibniz::detail {

template <class A, class B>
constexpr bool same_value(const A& a, const B& b);
template <class A, class B>
constexpr bool same_monomial(const A& a, const B& b);

// Calls f(get<I>(t)) for the run-time index i.
template <class Tuple, class F>
constexpr void visit_at(const Tuple& t, std::size_t i, F&& f) {
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        in_order{(i == I ? (f(get<I>(t)), 0) : 0)...};
    }(std::make_index_sequence<size_of<Tuple>>{});
}

// Calls f(get<i>(a), get<j>(b)) for run-time indices.
template <class TA, class TB, class F>
constexpr void visit_pair(const TA& a, std::size_t i, const TB& b, std::size_t j, F&& f) {
    visit_at(a, i, [&](const auto& ea) { visit_at(b, j, [&](const auto& eb) { f(ea, eb); }); });
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
inline constexpr bool same_binary_function = false;
template <class Op, class X1, class X2, class Y1, class Y2>
inline constexpr bool same_binary_function<binary_function<Op, X1, X2>, binary_function<Op, Y1, Y2>> = true;
template <class A, class B>
inline constexpr bool same_branch_kind = false;
template <bool S, class... X, class... Y>
inline constexpr bool same_branch_kind<branch<S, X...>, branch<S, Y...>> = true;
template <class A>
inline constexpr bool is_function_node = false;
template <class Op, class X>
inline constexpr bool is_function_node<function<Op, X>> = true;
template <class A>
inline constexpr bool is_real_power_node = false;
template <class X>
inline constexpr bool is_real_power_node<real_power<X>> = true;
template <class A>
inline constexpr bool is_power_node = false;
template <class X, class E>
inline constexpr bool is_power_node<power<X, E>> = true;
template <class F>
struct op_of;
template <class Op, class X>
struct op_of<function<Op, X>> {
    using type = Op;
};
template <class A>
inline constexpr bool is_product = false;
template <class... X, int... N>
inline constexpr bool is_product<mul<factor<X, N>...>> = true;

template <class B, int N>
constexpr int exponent_of(const factor<B, N>&) {
    return N;
}

// ---- numbers in disguise ------------------------------------------------------

template <class List>
constexpr number constant_of(const List& list);

// Can a sum's terms cancel by value? Two with one monomial type (a - a), or
// one whose coefficient is a stored number (0*a).
template <class S>
inline constexpr bool may_cancel = false;
template <bool H, coefficient_kind... K, class... M>
inline constexpr bool may_cancel<add<H, term<K, M>...>> =
    any_true<(K == coefficient_kind::stored)...> || any_true<(count_in<M, M...> > 1)...>;

template <class List>
constexpr exact_number cancelled_value(const List& list);

// The exact value of a node built from stored numbers alone, where one is
// known without rounding; otherwise unknown.
template <class E>
constexpr exact_number exact_value(const E& e) {
    using N = std::remove_cvref_t<E>;
    if constexpr (std::is_same_v<N, zero>) {
        return {true, number(0)};
    } else if constexpr (std::is_same_v<N, one>) {
        return {true, number(1)};
    } else if constexpr (std::is_same_v<N, constant>) {
        return {true, e.value};
    } else if constexpr (is_function_node<N>) {
        const exact_number a = exact_value(e.arg);
        if (!a.known) return {};
        return op_of<N>::type::exact(a.value);
    } else if constexpr (is_real_power_node<N>) {
        const exact_number b = exact_value(e.base);
        if (b.known && b.value.is_one()) return {true, number(1)};
        if (e.exponent.is_zero()) return {true, number(1)};
        return {};
    } else if constexpr (is_power_node<N>) {
        const exact_number b = exact_value(e.base);
        if (b.known && b.value.is_one()) return {true, number(1)};
        const exact_number x = exact_value(e.exponent);
        if (x.known && x.value.is_zero()) return {true, number(1)};  // pow(b, 0) is 1 for every b
        return {};
    } else if constexpr (is_product<N>) {
        // Known when every factor is, or when one is 0 to a positive power.
        exact_number r{true, number(1)};
        bool has_zero = false;
        [&]<std::size_t... I>(std::index_sequence<I...>) {
            (
                [&] {
                    const auto& f = get<I>(e.factors);
                    const int n = exponent_of(f);
                    const exact_number b = exact_value(f.base);
                    if (b.known && b.value.is_zero() && n > 0) has_zero = true;
                    if (!b.known || (b.value.is_zero() && n < 0))
                        r.known = false;
                    else if (r.known)
                        r.value = r.value * integer_power(b.value, n);
                }(),
                ...);
        }(std::make_index_sequence<size_of<decltype(e.factors)>>{});
        if (has_zero) return {true, number(0)};
        return r;
    } else if constexpr (is_sum_node<N>) {
        exact_number r{true, constant_of(to_terms(e))};
        [&]<std::size_t... I>(std::index_sequence<I...>) {
            (
                [&] {
                    const auto& t = get<I>(e.terms);
                    const exact_number m = exact_value(t.monomial);
                    if (!m.known)
                        r.known = false;
                    else if (r.known)
                        r.value = r.value + t.coefficient * m.value;
                }(),
                ...);
        }(std::make_index_sequence<size_of<decltype(e.terms)>>{});
        if (r.known) return r;
        // Like terms that cancel by value (a - a, whose shape carries a
        // number and so stays a sum of two): the sum is its constant and the
        // terms that are numbers. Only terms of one type merge, so only a sum
        // with two terms of one type or a stored coefficient can cancel.
        if constexpr (may_cancel<N>) return cancelled_value(to_terms(e));
        return r;
    } else {
        return {};
    }
}

// The terms of a list that are numbers in disguise, and their sum (each
// times its coefficient).
template <std::size_t N>
struct disguised_numbers {
    number total{};
    std::array<bool, N + 1> is_number{};
};

template <class List>
constexpr auto numbers_among_terms(const List& list) {
    constexpr std::size_t n = size_of<decltype(list.terms)>;
    disguised_numbers<n> r{number(0), {}};
    for (std::size_t i = 0; i < n; ++i)
        visit_at(list.terms, i, [&](const auto& t) {
            const exact_number m = exact_value(t.monomial);
            if (m.known) {
                r.is_number[i] = true;
                r.total = r.total + t.coefficient * m.value;
            }
        });
    return r;
}

// ---- like elements merged by value ------------------------------------------

// The elements of a tuple in groups of equal ones (by `equal`, which only
// compares shapes of one type: two types that hold one value are rare, and
// comparing every pair of types would cost compile time):
// rep[i] is the first element of i's group, and weight[rep] the group's
// merged weight (summed exponents, or summed coefficients).
template <class Weight, std::size_t N>
struct groups {
    std::array<std::size_t, N> rep{};
    std::array<Weight, N> weight{};
    constexpr bool leads(std::size_t i) const { return rep[i] == i; }
};

template <class Weight, class Tuple, class WeightOf, class Equal>
constexpr auto group_by_value(const Tuple& elements, WeightOf weight_of, Equal equal) {
    constexpr std::size_t n = size_of<Tuple>;
    groups<Weight, n> g;
    for (std::size_t i = 0; i < n; ++i) {
        g.rep[i] = i;
        for (std::size_t j = 0; j < i; ++j) {
            if (!g.leads(j)) continue;
            bool same = false;
            visit_pair(elements, j, elements, i, [&](const auto& a, const auto& b) { same = equal(a, b); });
            if (same) {
                g.rep[i] = j;
                break;
            }
        }
        Weight w{};
        visit_at(elements, i, [&](const auto& e) { w = weight_of(e); });
        g.weight[g.rep[i]] = g.weight[g.rep[i]] + w;
    }
    return g;
}

// Pairs every counted group of a with an unused counted group of b for which
// match(i, j) holds: the same multiset of groups.
template <std::size_t NA, std::size_t NB, class CountedA, class CountedB, class Match>
constexpr bool same_multiset(CountedA counted_a, CountedB counted_b, Match match) {
    std::array<bool, NB + 1> used{};
    std::size_t matched = 0;
    for (std::size_t i = 0; i < NA; ++i) {
        if (!counted_a(i)) continue;
        bool found = false;
        for (std::size_t j = 0; j < NB && !found; ++j) {
            if (used[j] || !counted_b(j)) continue;
            found = match(i, j);
            if (found) used[j] = true;
        }
        if (!found) return false;
        ++matched;
    }
    std::size_t counted = 0;
    for (std::size_t j = 0; j < NB; ++j) counted += counted_b(j) ? 1 : 0;
    return counted == matched;
}

template <class List>
constexpr number constant_of(const List& list) {
    return [&]<bool H, class... T>(const term_list<H, T...>& l) { return H ? l.constant : number(0); }(list);
}

template <class List>
constexpr auto group_terms(const List& list) {
    return group_by_value<number>(
        list.terms, [](const auto& t) { return t.coefficient; },
        [](const auto& a, const auto& b) {
            if constexpr (std::is_same_v<decltype(a.monomial), decltype(b.monomial)>)
                return same_monomial(a.monomial, b.monomial);
            else
                return false;
        });
}

// The value of a sum whose terms that are not numbers all cancel, by value,
// group by group (a - a + 2); unknown otherwise.
template <class List>
constexpr exact_number cancelled_value(const List& list) {
    const auto groups = group_terms(list);
    const auto hidden = numbers_among_terms(list);
    for (std::size_t i = 0; i < size_of<decltype(list.terms)>; ++i) {
        if (hidden.is_number[i] != hidden.is_number[groups.rep[i]]) return {};  // a group of both kinds
        if (!hidden.is_number[i] && groups.leads(i) && !groups.weight[i].is_zero()) return {};
    }
    return {true, constant_of(list) + hidden.total};
}

// ---- comparison up to a number --------------------------------------------

// Two products: ca·a == cb·b? proportional_products checks their factors
// pair up, exactly or (sum factors) up to a ratio, and folds the ratios into
// left and right, which start as ca and cb: the products are then equal
// exactly when left == right.
template <class A, class B>
constexpr bool proportional_products(const A& a, const B& b, number& left, number& right);

// Two sums in proportion, b = (rb/ra)·a: their constants and their merged
// terms all in the ratio rb : ra (compared by cross-multiplication).
template <class A, class B>
constexpr bool proportional_sums(const A& a, const B& b, number& ra, number& rb) {
    const auto la = to_terms(a);
    const auto lb = to_terms(b);
    const auto ga = group_terms(la);
    const auto gb = group_terms(lb);
    const auto hidden_a = numbers_among_terms(la);
    const auto hidden_b = numbers_among_terms(lb);
    const number ca = constant_of(la) + hidden_a.total, cb = constant_of(lb) + hidden_b.total;
    bool have_ratio = false;
    auto in_ratio = [&](const number& x, const number& y) {  // y : x == rb : ra
        if (have_ratio) return y * ra == x * rb;
        ra = x;
        rb = y;
        have_ratio = true;
        return true;
    };
    if (ca.is_zero() != cb.is_zero()) return false;
    if (!ca.is_zero() && !in_ratio(ca, cb)) return false;
    constexpr std::size_t na = size_of<decltype(la.terms)>, nb = size_of<decltype(lb.terms)>;
    return same_multiset<na, nb>(
               [&](std::size_t i) { return ga.leads(i) && !ga.weight[i].is_zero() && !hidden_a.is_number[i]; },
               [&](std::size_t j) { return gb.leads(j) && !gb.weight[j].is_zero() && !hidden_b.is_number[j]; },
               [&](std::size_t i, std::size_t j) {
                   // The terms' ratio: their weights', or, for products, what
                   // proportional_products folds them to (a sum factor inside
                   // a term may itself stand in proportion: 6*sin(y)*(2*y + 4)
                   // against sin(y)*(12*y + 24)).
                   bool same = false;
                   number x = ga.weight[i], y = gb.weight[j];
                   visit_pair(la.terms, i, lb.terms, j, [&](const auto& ta, const auto& tb) {
                       if constexpr (is_product<std::remove_cvref_t<decltype(ta.monomial)>> &&
                                     is_product<std::remove_cvref_t<decltype(tb.monomial)>>)
                           same = proportional_products(ta.monomial, tb.monomial, x, y);
                       else
                           same = same_monomial(ta.monomial, tb.monomial);
                   });
                   return same && in_ratio(x, y);
               }) &&
           have_ratio;
}

// A factor B^n whose B is a power b^e with e a stored integer k counts as
// b^(n·k): (2*z)^(1/y*y) is 2*z, the exponent being a stored 1.
template <class P>
constexpr int integer_exponent(const P& p) {  // 0 when e is not a stored integer
    exact_number e;
    if constexpr (is_power_node<P>)
        e = exact_value(p.exponent);
    else if constexpr (is_real_power_node<P>)
        e = {true, p.exponent};
    if (e.known && e.value.is_integer() && !e.value.is_zero() && e.value.num > -1000 && e.value.num < 1000)
        return static_cast<int>(e.value.num);
    return 0;
}

// A node as base^m with m an integer: through powers with a stored integer
// exponent and products of one factor, nested ((z^-0.5)^-3)^(1/z*z) is
// (z^-0.5)^-3 is z^-0.5 to the 3 ... as deep as they go; `visit(base, m)`.
template <class Single>
inline constexpr bool is_single_factor_product = false;
template <class X, int N>
inline constexpr bool is_single_factor_product<mul<factor<X, N>>> = true;
// A branch whose arms may be one value although their types differ: where(c,
// y, y*((1/y)*y)), whose second arm is y times a stored 1 (the canonical form
// folds where(c, a, a) only where a carries no numbers). Only these are
// compared arm by arm, to keep the check off every other branch.
template <class S>
struct lone_term_monomial {
    using type = void;
};
template <coefficient_kind K, class M>
struct lone_term_monomial<add<false, term<K, M>>> {
    using type = M;
};
template <class A, class B>
inline constexpr bool arms_may_agree =
    std::is_same_v<A, B> || std::is_same_v<typename lone_term_monomial<A>::type, B> ||
    std::is_same_v<A, typename lone_term_monomial<B>::type> ||
    (!std::is_void_v<typename lone_term_monomial<A>::type> &&
     std::is_same_v<typename lone_term_monomial<A>::type, typename lone_term_monomial<B>::type>);
template <class Node>
inline constexpr bool is_branch_with_agreeable_arms = false;
template <bool S, class L, class R, class A, class B>
inline constexpr bool is_branch_with_agreeable_arms<branch<S, L, R, A, B>> = arms_may_agree<A, B>;

template <class Node, class Visit>
constexpr void visit_peeled(const Node& n, int multiplier, Visit&& visit) {
    constexpr int bound = 1000000;  // a multiplier past it stops the peeling (no overflow)
    if constexpr (is_branch_with_agreeable_arms<Node>) {
        // where(c, a, b) with a and b one value is that value, whatever c is
        // (found by the differential suite: seed 2a4ba7a4a33e-gcc, e00000).
        if (same_value(n.if_true, n.if_false)) {
            using A = std::remove_cvref_t<decltype(n.if_true)>;
            if constexpr (is_sum_node<A>)  // peel to the arm that is not a sum where there is one
                visit_peeled(n.if_false, multiplier, visit);
            else
                visit_peeled(n.if_true, multiplier, visit);
            return;
        }
    }
    if constexpr (is_power_node<Node> || is_real_power_node<Node>) {
        const int k = integer_exponent(n);
        if (k != 0 && multiplier < bound && multiplier > -bound) {
            visit_peeled(n.base, multiplier * k, visit);
            return;
        }
    } else if constexpr (is_single_factor_product<Node>) {
        if (multiplier < bound && multiplier > -bound) {
            const auto& f = get<0>(n.factors);
            visit_peeled(f.base, multiplier * exponent_of(f), visit);
            return;
        }
    }
    visit(n, multiplier);
}

template <class F>
constexpr int effective_exponent(const F& f) {
    int m = 0;
    visit_peeled(f.base, exponent_of(f), [&](const auto&, int multiplier) { m = multiplier; });
    return m;
}

template <class F, class Visit>
constexpr void visit_effective_base(const F& f, Visit&& visit) {
    visit_peeled(f.base, exponent_of(f), [&](const auto& base, int) { visit(base); });
}

// The factors of a and b pair up, exactly or (sum factors) up to a ratio.
template <class A, class B>
constexpr bool proportional_factors(const A& a, const B& b, number& left, number& right) {
    auto same_base = [](const auto& fa, const auto& fb) {
        bool same = false;
        visit_effective_base(fa, [&](const auto& ba) {
            visit_effective_base(fb, [&](const auto& bb) {
                if constexpr (std::is_same_v<decltype(ba), decltype(bb)>) same = same_value(ba, bb);
            });
        });
        return same;
    };
    auto exponent = [](const auto& f) { return effective_exponent(f); };
    const auto ga = group_by_value<int>(a.factors, exponent, same_base);
    const auto gb = group_by_value<int>(b.factors, exponent, same_base);
    constexpr std::size_t na = size_of<decltype(a.factors)>, nb = size_of<decltype(b.factors)>;
    // Factors that are nonzero numbers in disguise (1^y) fold into the ratio.
    auto fold_numbers = [](const auto& factors, number& into) {
        constexpr std::size_t n = size_of<std::remove_cvref_t<decltype(factors)>>;
        std::array<bool, n + 1> is_number{};
        for (std::size_t i = 0; i < n; ++i)
            visit_at(factors, i, [&](const auto& f) {
                const exact_number v = exact_value(f.base);
                if (v.known && !v.value.is_zero()) {
                    is_number[i] = true;
                    into = into * integer_power(v.value, exponent_of(f));
                }
            });
        return is_number;
    };
    const auto numbers_a = fold_numbers(a.factors, left);
    const auto numbers_b = fold_numbers(b.factors, right);
    return same_multiset<na, nb>(
        [&](std::size_t i) { return ga.leads(i) && ga.weight[i] != 0 && !numbers_a[i]; },
        [&](std::size_t j) { return gb.leads(j) && gb.weight[j] != 0 && !numbers_b[j]; },
        [&](std::size_t i, std::size_t j) {
            const int n = ga.weight[i];
            if (n != gb.weight[j]) return false;
            bool same = false;
            visit_pair(a.factors, i, b.factors, j, [&](const auto& fa, const auto& fb) {
                visit_effective_base(fa, [&](const auto& base_a) {
                    visit_effective_base(fb, [&](const auto& base_b) {
                        using BA = std::remove_cvref_t<decltype(base_a)>;
                        using BB = std::remove_cvref_t<decltype(base_b)>;
                        if constexpr (is_sum_node<BA> || is_sum_node<BB>) {
                            number ra, rb;
                            if (!proportional_sums(base_a, base_b, ra, rb)) return;
                            // base_b = (rb/ra)·base_a, so base_b^n = (rb/ra)^n·base_a^n.
                            const number pa = integer_power(ra, n < 0 ? -n : n), pb = integer_power(rb, n < 0 ? -n : n);
                            left = left * (n > 0 ? pa : pb);
                            right = right * (n > 0 ? pb : pa);
                            same = true;
                        } else {
                            same = same_value(base_a, base_b);
                        }
                    });
                });
            });
            return same;
        });
}

// A monomial as a product: itself, or the product of one factor.
template <class M>
constexpr auto as_product(const M& m) {
    if constexpr (is_product<M>) {
        return m;
    } else {
        mul<factor<M, 1>> p{};
        get<0>(p.factors).base = m;
        return p;
    }
}

// ---- sums that are one term ----------------------------------------------

// A sum whose terms merge, by value, into one term c·M and no constant
// (-A - A, A + 0*B, or a lone stored 1*A): which term is M, and c.
struct lone_term_of_sum {
    bool lone = false;
    std::size_t index = 0;
    number weight{};
};

template <class S>
constexpr lone_term_of_sum lone_term(const S& s) {
    const auto l = to_terms(s);
    const auto g = group_terms(l);
    const auto hidden = numbers_among_terms(l);
    if (!(constant_of(l) + hidden.total).is_zero()) return {};
    lone_term_of_sum r;
    std::size_t live = 0;
    for (std::size_t i = 0; i < size_of<decltype(l.terms)>; ++i) {
        if (g.leads(i) && !g.weight[i].is_zero() && !hidden.is_number[i]) {
            ++live;
            r.index = i;
            r.weight = g.weight[i];
        }
    }
    r.lone = live == 1;
    return r;
}

template <class F>
inline constexpr int factor_exponent = 0;
template <class B, int N>
inline constexpr int factor_exponent<factor<B, N>> = N;

// p's factors with the K-th replaced by the factors of m, each raised to N:
// p = (c·m)^N · rest is c^N · (m^N · rest).
template <std::size_t K, int N, class P, class M>
constexpr auto spliced(const P& p, const M& m) {
    const auto& factors = p.factors;
    constexpr std::size_t n = size_of<decltype(factors)>;
    const auto inner = as_product(m);
    const auto raised = [&]<std::size_t... J>(std::index_sequence<J...>) {
        return tuple<factor<decltype(element_t<J, decltype(inner.factors)>::base),
                            factor_exponent<element_t<J, decltype(inner.factors)>> * N>...>{
            {{get<J>(inner.factors).base}}...};
    }(std::make_index_sequence<size_of<decltype(inner.factors)>>{});
    return [&]<std::size_t... I, std::size_t... J, std::size_t... L>(std::index_sequence<I...>, std::index_sequence<J...>,
                                                                    std::index_sequence<L...>) {
        return mul<element_t<I, decltype(factors)>..., element_t<J, decltype(raised)>...,
                   element_t<K + 1 + L, decltype(factors)>...>{
            {}, {{get<I>(factors)}..., {get<J>(raised)}..., {get<K + 1 + L>(factors)}...}};
    }(std::make_index_sequence<K>{}, std::make_index_sequence<size_of<decltype(raised)>>{},
      std::make_index_sequence<n - K - 1>{});
}

// A sum of two or more terms of one type: like terms that the canonical form
// kept apart because their shapes carry numbers (a + a, with a = y/(x^2 +
// 2*y)); only such a sum can merge into one term here, as group_terms merges
// terms of one type only. (Looking into every sum factor instead multiplied
// the compile time of the differential suite's equivalence checks by five.)
template <class S>
inline constexpr bool like_terms_sum = false;
template <bool H, class T, class... U>
inline constexpr bool like_terms_sum<add<H, T, U...>> = sizeof...(U) > 0 && all_true<std::is_same_v<T, U>...>;
template <class P>
inline constexpr bool has_like_terms_factor = false;
template <class... B, int... N>
inline constexpr bool has_like_terms_factor<mul<factor<B, N>...>> = any_true<like_terms_sum<B>...>;

// flattened's step for factor K (a function of its own rather than a lambda
// in the list over K: nvcc's front end rejects the pack K named inside a
// lambda nested in the list, "parameter pack was referenced but not expanded").
template <std::size_t K, class P, class Compare>
constexpr void flatten_factor(const P& p, number& mine, number& other, Compare& compare, bool& tried, bool& same) {
    const auto& f = get<K>(p.factors);
    using Base = std::remove_cvref_t<decltype(f.base)>;
    if constexpr (like_terms_sum<Base>) {
        if (tried) return;
        const lone_term_of_sum lone = lone_term(f.base);
        if (!lone.lone) return;
        tried = true;
        constexpr int e = factor_exponent<element_t<K, decltype(p.factors)>>;
        visit_at(to_terms(f.base).terms, lone.index, [&](const auto& t) {
            number m = mine, o = other;
            if constexpr (e > 0)
                m = m * integer_power(lone.weight, e);
            else
                o = o * integer_power(lone.weight, -e);
            if (compare(spliced<K, e>(p, t.monomial), m, o)) {
                mine = m;
                other = o;
                same = true;
            }
        });
    }
}

// Where p has a factor S^N whose sum S of like terms is one term c·M by
// value, compares c^N·(p with S replaced by M's factors) with the other side
// instead (cos(t)*(-A - A) against -2*cos(t)*A): `compare(flat, m, o)` gets
// the spliced product and the two sides of the ratio, p's (`mine`) times c^N
// for N > 0, the other's times c^-N for N < 0; they are kept where it holds.
template <class P, class Compare>
constexpr bool flattened(const P& p, number& mine, number& other, Compare compare) {
    constexpr std::size_t n = size_of<decltype(p.factors)>;
    bool tried = false, same = false;
    [&]<std::size_t... K>(std::index_sequence<K...>) {
        in_order{(flatten_factor<K>(p, mine, other, compare, tried, same), 0)...};
    }(std::make_index_sequence<n>{});
    return same;
}

template <class A, class B>
constexpr bool proportional_products(const A& a, const B& b, number& left, number& right) {
    {
        number l = left, r = right;
        if (proportional_factors(a, b, l, r)) {
            left = l;
            right = r;
            return true;
        }
    }
    // A sum factor that is one term by value stands for that term's factors
    // (the canonical form keeps like terms whose shapes carry numbers apart,
    // so a derivative may hold -A - A where another form of it holds -2*A).
    // Only the side with fewer factors is spread out: a sum of like terms
    // that is one term stands for that term's factors, so the side that
    // holds it has fewer. (Trying every such sum on both sides doubled the
    // compile time of equivalence checks on derivatives, where these sums
    // are common.)
    constexpr std::size_t na = size_of<decltype(a.factors)>, nb = size_of<decltype(b.factors)>;
    if constexpr (has_like_terms_factor<A> && na < nb) {
        if (flattened(a, left, right, [&](const auto& flat, number& l, number& r) {
                return proportional_products(flat, b, l, r);
            }))
            return true;
    }
    if constexpr (has_like_terms_factor<B> && nb < na) {
        if (flattened(b, right, left, [&](const auto& flat, number& r, number& l) {
                return proportional_products(a, flat, l, r);
            }))
            return true;
    }
    return false;
}

// A power (or real power) of a sum of one term and no constant: (c·M)^e.
template <class P>
inline constexpr bool is_power_of_lone_term = false;
template <coefficient_kind K, class M, class E>
inline constexpr bool is_power_of_lone_term<power<add<false, term<K, M>>, E>> = true;
template <coefficient_kind K, class M>
inline constexpr bool is_power_of_lone_term<real_power<add<false, term<K, M>>>> = true;

// ca·ma == cb·mb for two monomials.
template <class MA, class MB>
constexpr bool same_scaled(const number& ca, const MA& ma, const number& cb, const MB& mb) {
    // (c·M)^1, the exponent a stored 1, is c·M: pow(pow<2>(z + z), 1/z*z)
    // is 4*z^2 (found by the differential suite; corpus r012).
    if constexpr (is_power_of_lone_term<MB>) {
        if (integer_exponent(mb) == 1) {
            const auto& t = get<0>(mb.base.terms);
            return same_scaled(ca, ma, cb * t.coefficient, t.monomial);
        }
    }
    if constexpr (is_power_of_lone_term<MA>) {
        if (integer_exponent(ma) == 1) {
            const auto& t = get<0>(ma.base.terms);
            return same_scaled(ca * t.coefficient, t.monomial, cb, mb);
        }
    }
    // Compared factor by factor where one is a product (which may hold
    // factors that are numbers in disguise: x*1^y against x) or a power with
    // a stored integer exponent ((2*z)^1 against 2*z). Each such step
    // compares smaller nodes, so the recursion ends.
    auto by_factors = [&] {
        number left = ca, right = cb;
        return proportional_products(as_product(ma), as_product(mb), left, right) && left == right;
    };
    if constexpr (is_branch_with_agreeable_arms<MA> || is_branch_with_agreeable_arms<MB>) {
        // A branch whose arms are one value is compared as that value (the
        // peeling in visit_peeled); one whose arms differ as a branch.
        bool arms_agree = false;
        if constexpr (is_branch_with_agreeable_arms<MA>) arms_agree = same_value(ma.if_true, ma.if_false);
        if constexpr (is_branch_with_agreeable_arms<MB>) arms_agree = arms_agree || same_value(mb.if_true, mb.if_false);
        if (arms_agree) return by_factors();
        if constexpr (is_product<MA> || is_product<MB>)
            return by_factors();
        else
            return ca == cb && same_monomial(ma, mb);
    } else if constexpr (is_product<MA> || is_product<MB>) {
        return by_factors();
    } else if constexpr (is_power_node<MA> || is_power_node<MB> || is_real_power_node<MA> || is_real_power_node<MB>) {
        if (integer_exponent(ma) != 0 || integer_exponent(mb) != 0) return by_factors();
        return ca == cb && same_monomial(ma, mb);
    } else {
        return ca == cb && same_monomial(ma, mb);
    }
}

// Two monomials (neither a number nor a sum).
template <class A, class B>
constexpr bool same_monomial(const A& a, const B& b) {
    if constexpr (std::is_same_v<A, B> && value_free<A>)
        return true;
    else if constexpr (same_function<A, B>)
        return same_value(a.arg, b.arg);
    else if constexpr (same_binary_function<A, B>)
        return same_value(a.first, b.first) && same_value(a.second, b.second);
    else if constexpr (same_branch_kind<A, B>)
        return same_value(a.left, b.left) && same_value(a.right, b.right) && same_value(a.if_true, b.if_true) &&
               same_value(a.if_false, b.if_false);
    else if constexpr (both_real_powers<A, B>)
        return a.exponent == b.exponent && same_value(a.base, b.base);
    else if constexpr (both_powers<A, B>)
        return same_value(a.base, b.base) && same_value(a.exponent, b.exponent);
    else if constexpr (is_product<A> && is_product<B>)
        return same_scaled(number(1), a, number(1), b);
    else
        return std::is_same_v<A, B>;  // variables; different kinds of node differ
}

// ---- a sum times numbers in disguise -------------------------------------

// Could a node be a number by value? A type-level superset of the nodes whose
// exact_value can be known, so that the step below is only instantiated
// where it may apply.
template <class E>
inline constexpr bool may_be_number = false;
template <>
inline constexpr bool may_be_number<zero> = true;
template <>
inline constexpr bool may_be_number<one> = true;
template <>
inline constexpr bool may_be_number<constant> = true;
template <class Op, class X>
inline constexpr bool may_be_number<function<Op, X>> = may_be_number<X>;
template <class X>
inline constexpr bool may_be_number<real_power<X>> = true;
template <class X, class E>
inline constexpr bool may_be_number<power<X, E>> = may_be_number<X> || may_be_number<E>;
template <class... B, int... N>
inline constexpr bool may_be_number<mul<factor<B, N>...>> = all_true<may_be_number<B>...>;
template <bool H, coefficient_kind... K, class... M>
inline constexpr bool may_be_number<add<H, term<K, M>...>> =
    all_true<may_be_number<M>...> || may_cancel<add<H, term<K, M>...>>;

// A product of one sum S (to the first power) and factors that may be
// numbers: ((x*y)^y)^0*(a + b), which is a + b by value, the power's exponent
// being a stored 0 (the derivative of u^v where v is a stored 1).
template <class B, int N>
inline constexpr bool is_plain_sum_factor = is_sum_node<B> && N == 1;
template <class P>
inline constexpr bool is_scaled_sum_product = false;
template <class... B, int... N>
inline constexpr bool is_scaled_sum_product<mul<factor<B, N>...>> =
    count_in<std::true_type, std::bool_constant<is_plain_sum_factor<B, N>>...> == 1 &&
    all_true<(is_plain_sum_factor<B, N> || may_be_number<B>)...>;
template <class E>
inline constexpr bool is_scaled_sum = is_scaled_sum_product<E>;
template <coefficient_kind K, class M>
inline constexpr bool is_scaled_sum<add<false, term<K, M>>> = is_scaled_sum_product<M>;

template <class P>
inline constexpr std::size_t sum_factor_index = 0;
template <class... B, int... N>
inline constexpr std::size_t sum_factor_index<mul<factor<B, N>...>> = [] {
    constexpr std::array<bool, sizeof...(B)> is_sum{is_plain_sum_factor<B, N>...};
    std::size_t i = 0;
    while (!is_sum[i]) ++i;
    return i;
}();

// a == b where b = c·f1·...·fk·S, each fi a nonzero number by value: a is
// then S in the ratio 1 : c.
template <class A, class B>
constexpr bool same_as_scaled_sum(const A& a, const B& b) {
    const auto lb = to_terms(b);
    const auto& t = get<0>(lb.terms);
    using P = std::remove_cvref_t<decltype(t.monomial)>;
    constexpr std::size_t k = sum_factor_index<P>;
    number c = t.coefficient;
    bool numbers = true;
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        (
            [&] {
                if constexpr (I != k) {
                    const auto& f = get<I>(t.monomial.factors);
                    const exact_number v = exact_value(f.base);
                    if (!v.known || v.value.is_zero())
                        numbers = false;
                    else if (numbers)
                        c = c * integer_power(v.value, exponent_of(f));
                }
            }(),
            ...);
    }(std::make_index_sequence<size_of<decltype(t.monomial.factors)>>{});
    if (!numbers) return false;
    number ra, rb;  // S = (rb/ra)·a, so b = c·(rb/ra)·a
    return proportional_sums(a, get<k>(t.monomial.factors).base, ra, rb) && c * rb == ra;
}

template <class A, class B>
constexpr bool same_value(const A& a, const B& b) {
    if constexpr (is_scaled_sum<B> && !is_scaled_sum<A>) {
        if (same_as_scaled_sum(a, b)) return true;
    } else if constexpr (is_scaled_sum<A> && !is_scaled_sum<B>) {
        if (same_as_scaled_sum(b, a)) return true;
    }
    const auto la = to_terms(a);
    const auto lb = to_terms(b);
    const auto hidden_a = numbers_among_terms(la);
    const auto hidden_b = numbers_among_terms(lb);
    if (!(constant_of(la) + hidden_a.total == constant_of(lb) + hidden_b.total)) return false;
    const auto ga = group_terms(la);
    const auto gb = group_terms(lb);
    constexpr std::size_t na = size_of<decltype(la.terms)>, nb = size_of<decltype(lb.terms)>;
    return same_multiset<na, nb>(
        [&](std::size_t i) { return ga.leads(i) && !ga.weight[i].is_zero() && !hidden_a.is_number[i]; },
        [&](std::size_t j) { return gb.leads(j) && !gb.weight[j].is_zero() && !hidden_b.is_number[j]; },
        [&](std::size_t i, std::size_t j) {
            bool same = false;
            visit_pair(la.terms, i, lb.terms, j, [&](const auto& ta, const auto& tb) {
                same = same_scaled(ga.weight[i], ta.monomial, gb.weight[j], tb.monomial);
            });
            return same;
        });
}

}  // namespace leibniz::detail

namespace leibniz {

template <Expression A, Expression B>
constexpr bool equivalent(const A& a, const B& b) {
    return detail::same_value(a, b);
}

}  // namespace leibniz
