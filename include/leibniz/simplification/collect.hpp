// Canonical sums and products: flatten, sort, merge like terms and like
// factors, fold numbers, and collapse what is left to the smallest shape.
//
//   operation                      resulting shape
//   x + x                          2*x                     (sum: term<stored, x>)
//   x - x                          0                       (zero: ±1 coefficients cancel in the type)
//   2*x - 2*x                      0*x                     (a stored 0: printed and compared as 0)
//   x*x, pow<2>(x)                 x^2                     (mul<factor<x, 2>>)
//   x*y*x                          x^2*y
//   x / x                          1                       (one)
//   2*(x + 1)                      2*x + 2                 (a number distributes over one sum)
//   (x + 1)*(y + 1)                (x + 1)*(y + 1)         (sums are never multiplied out)
//
// Only shapes whose type determines their value (see value_free) merge by
// type: sin(2*x) + sin(3*x) has two terms of one type that must not merge.
#pragma once

#include <leibniz/detail/tuple.hpp>
#include <leibniz/detail/type_list.hpp>
#include <leibniz/expression/nodes.hpp>
#include <leibniz/simplification/order.hpp>

#include <array>
#include <cstddef>
#include <initializer_list>
#include <limits>
#include <tuple>
#include <utility>

namespace leibniz::detail {

using coefficient_kind = leibniz::coefficient_kind;

constexpr coefficient_kind times(coefficient_kind a, coefficient_kind b) {
    if (a == coefficient_kind::plus_one) return b;
    if (b == coefficient_kind::plus_one) return a;
    if (a == coefficient_kind::minus_one && b == coefficient_kind::minus_one) return coefficient_kind::plus_one;
    return coefficient_kind::stored;
}

constexpr coefficient_kind kind_of_integer(int n) {
    return n == 1 ? coefficient_kind::plus_one : n == -1 ? coefficient_kind::minus_one : coefficient_kind::stored;
}

// ============================================================================
// Sums
// ============================================================================

// A sum in the making: constant + terms, in any order, unmerged.
template <bool HasConstant, class... Terms>
struct term_list {
    static constexpr bool has_constant = HasConstant;
    number constant;
    tuple<Terms...> terms;
};

template <class E>
constexpr auto to_terms(const E& e) {
    if constexpr (std::is_same_v<E, zero>)
        return term_list<false>{};
    else if constexpr (std::is_same_v<E, one>)
        return term_list<true>{number(1), {}};
    else if constexpr (std::is_same_v<E, constant>)
        return term_list<true>{e.value, {}};
    else
        return term_list<false, term<coefficient_kind::plus_one, E>>{number(0), {{term<coefficient_kind::plus_one, E>{e, number(1)}}}};
}
template <bool H, class... T>
constexpr auto to_terms(const add<H, T...>& s) {
    return term_list<H, T...>{s.constant, s.terms};
}

template <bool H, class Indices, class... T>
constexpr term_list<H, T...> as_term_list(const number& c, const indexed_tuple<Indices, T...>& terms) {
    return {c, terms};
}

// c += v, c *= v: the updates of one number across an in_order list, inside
// calls (GCC's -Wsequence-point misreads the list's order otherwise).
constexpr void add_into(number& c, const number& v) { c = c + v; }
constexpr void multiply_into(number& c, const number& v) { c = c * v; }

// All the terms and constants of several lists, in one list.
template <class... Lists>
constexpr auto concat_terms(const Lists&... lists) {
    number c(0);
    in_order{(Lists::has_constant ? add_into(c, lists.constant) : void(), 0)...};  // (not a fold: sum<N> passes 256)
    return as_term_list<any_true<Lists::has_constant...>>(c, cat_all(lists.terms...));
}

// Multiply every term and the constant by a coefficient of known kind.
template <coefficient_kind K, bool H, coefficient_kind... TK, class... M>
constexpr auto scale(const term_list<H, term<TK, M>...>& list, const number& c) {
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
        return term_list<H, term<times(K, TK), M>...>{
            H ? c * list.constant : number(0),
            {{term<times(K, TK), M>{get<I>(list.terms).monomial, c * get<I>(list.terms).coefficient}}...}};
    }(std::index_sequence_for<M...>{});
}

// Which input terms make up each output term, in canonical order.
template <std::size_t N>
struct merge_plan {
    std::array<std::size_t, N> order{};     // input indices in canonical order
    std::array<std::size_t, N> start{};     // group g is order[start[g] .. start[g] + length[g])
    std::array<std::size_t, N> length{};
    std::array<coefficient_kind, N> kind{};  // kind of the merged coefficient (sums)
    std::array<int, N> exponent{};           // merged exponent (products)
    std::size_t groups = 0;
};

// Coefficient of a merged group of structural ±1 terms.
constexpr int unit_value(coefficient_kind k) { return k == coefficient_kind::plus_one ? 1 : -1; }

template <class... Terms>
struct sum_plan;
template <coefficient_kind... K, class... M>
struct sum_plan<term<K, M>...> {
    static constexpr std::size_t n = sizeof...(M);
    static constexpr auto value = [] {
        constexpr std::array<key_view, n> keys{key_view_of<M>()...};
        constexpr std::array<int, n> degrees{degree<M>...};
        constexpr std::array<bool, n> mergeable{value_free<M>...};
        constexpr std::array<coefficient_kind, n> kinds{K...};
        merge_plan<n> p;
        p.order = sorted_indices<n>([&](std::size_t a, std::size_t b) {
            if (degrees[a] != degrees[b]) return degrees[a] > degrees[b];
            return compare_keys(keys[a], keys[b]) < 0;
        });
        for (std::size_t i = 0; i < n;) {
            std::size_t j = i + 1;
            if (mergeable[p.order[i]])
                while (j < n && compare_keys(keys[p.order[i]], keys[p.order[j]]) == 0) ++j;
            bool structural = true;
            int units = 0;
            for (std::size_t k = i; k < j; ++k) {
                if (kinds[p.order[k]] == coefficient_kind::stored)
                    structural = false;
                else
                    units += unit_value(kinds[p.order[k]]);
            }
            if (!structural || units != 0) {  // ±1 coefficients that cancel vanish from the type
                p.start[p.groups] = i;
                p.length[p.groups] = j - i;
                p.kind[p.groups] = !structural ? coefficient_kind::stored : kind_of_integer(units);
                ++p.groups;
            }
            i = j;
        }
        return p;
    }();
};
template <>
struct sum_plan<> {
    static constexpr merge_plan<0> value{};
};

// The smallest shape for a merged, sorted term list.
template <bool H, class... Terms>
constexpr auto collapse(const term_list<H, Terms...>& list) {
    if constexpr (sizeof...(Terms) == 0) {
        if constexpr (H)
            return constant{{}, list.constant};
        else
            return zero{};
    } else if constexpr (sizeof...(Terms) == 1 && !H) {
        using T = element_t<0, tuple<Terms...>>;
        if constexpr (std::is_same_v<T, term<coefficient_kind::plus_one, decltype(T::monomial)>>)
            return get<0>(list.terms).monomial;
        else
            return add<H, Terms...>{{}, list.constant, list.terms};
    } else {
        return add<H, Terms...>{{}, list.constant, list.terms};
    }
}

// The merged coefficient of each group of the plan: a loop over the numbers,
// not one instantiation per group.
template <std::size_t N, std::size_t Groups>
constexpr std::array<number, (Groups > 0 ? Groups : 1)> merged_coefficients(const merge_plan<N>& plan,
                                                                          const std::array<number, N>& c) {
    std::array<number, (Groups > 0 ? Groups : 1)> merged{};
    for (std::size_t g = 0; g != Groups; ++g) {  // (!=: no "pointless comparison" from nvcc when Groups is 0)
        number sum = c[plan.order[plan.start[g]]];
        for (std::size_t k = 1; k < plan.length[g]; ++k) sum = sum + c[plan.order[plan.start[g] + k]];
        merged[g] = sum;
    }
    return merged;
}

// Sort, merge and collapse, by sum_plan.
template <bool H, class... Terms>
constexpr auto canonical_sum_sorted(const term_list<H, Terms...>& list) {
    constexpr auto& plan = sum_plan<Terms...>::value;
    using terms_t = tuple<Terms...>;
    const auto merged = [&]<std::size_t... I>(std::index_sequence<I...>) {
        return merged_coefficients<sizeof...(Terms), plan.groups>(
            plan, std::array<number, sizeof...(Terms)>{get<I>(list.terms).coefficient...});
    }(std::index_sequence_for<Terms...>{});
    return [&]<std::size_t... G>(std::index_sequence<G...>) {
        return collapse(
            term_list<H, term<plan.kind[G], decltype(element_t<plan.order[plan.start[G]], terms_t>::monomial)>...>{
                list.constant,
                {{term<plan.kind[G], decltype(element_t<plan.order[plan.start[G]], terms_t>::monomial)>{
                    get<plan.order[plan.start[G]]>(list.terms).monomial, merged[G]}}...}});
    }(std::make_index_sequence<plan.groups>{});
}

// Two terms: what sum_plan decides, by one comparison of keys. Most sums an
// expression is built of are of one or two terms (x - 1, a + b, the product
// rule's parts), and this costs a third of sum_plan's instantiations
// (test/static/canonical_forms.cpp compares both ways on many pairs).
template <bool H, coefficient_kind KA, class MA, coefficient_kind KB, class MB>
constexpr auto canonical_pair(const term_list<H, term<KA, MA>, term<KB, MB>>& list) {
    const auto& a = get<0>(list.terms);
    const auto& b = get<1>(list.terms);
    if constexpr (std::is_same_v<MA, MB> && value_free<MA>) {  // like terms: one group, or none
        constexpr bool structural = KA != coefficient_kind::stored && KB != coefficient_kind::stored;
        constexpr int units = structural ? unit_value(KA) + unit_value(KB) : 0;
        if constexpr (structural && units == 0)
            return collapse(term_list<H>{list.constant, {}});
        else {
            constexpr coefficient_kind k = structural ? kind_of_integer(units) : coefficient_kind::stored;
            return collapse(term_list<H, term<k, MA>>{list.constant, {{term<k, MA>{a.monomial, a.coefficient + b.coefficient}}}});
        }
    } else {
        // sorted_indices' insertion sort of two: b goes first when it is less.
        constexpr bool swap = degree<MA> != degree<MB> ? degree<MB> > degree<MA>
                                                       : compare_keys(key_view_of<MB>(), key_view_of<MA>()) < 0;
        if constexpr (swap)
            return add<H, term<KB, MB>, term<KA, MA>>{{}, list.constant, {{b}, {a}}};
        else
            return add<H, term<KA, MA>, term<KB, MB>>{{}, list.constant, list.terms};
    }
}

// Sort, merge and collapse: the canonical sum of a term list.
template <bool H, class... Terms>
constexpr auto canonical_sum(const term_list<H, Terms...>& list) {
    if constexpr (sizeof...(Terms) <= 1)  // nothing to sort or merge
        return collapse(list);
    else if constexpr (sizeof...(Terms) == 2)
        return canonical_pair(list);
    else
        return canonical_sum_sorted(list);
}

// ============================================================================
// Products
// ============================================================================

// A product in the making: coefficient × factors, in any order, unmerged.
template <coefficient_kind K, class... Factors>
struct factor_list {
    static constexpr coefficient_kind kind = K;
    number coefficient;
    tuple<Factors...> factors;
};

template <class E>
constexpr auto to_factors(const E& e) {
    static_assert(!std::is_same_v<E, zero>, "leibniz internal error: a structural zero reached a product");
    if constexpr (std::is_same_v<E, one>)
        return factor_list<coefficient_kind::plus_one>{number(1), {}};
    else if constexpr (std::is_same_v<E, constant>)
        return factor_list<coefficient_kind::stored>{e.value, {}};
    else
        return factor_list<coefficient_kind::plus_one, factor<E, 1>>{number(1), {{factor<E, 1>{e}}}};
}
template <class... F>
constexpr auto to_factors(const mul<F...>& p) {
    return factor_list<coefficient_kind::plus_one, F...>{number(1), p.factors};
}
template <coefficient_kind K, class M>
constexpr auto to_factors(const add<false, term<K, M>>& s) {  // a scaled monomial c*M
    auto inner = to_factors(get<0>(s.terms).monomial);
    return [&]<coefficient_kind IK, class... F>(const factor_list<IK, F...>& f) {
        return factor_list<times(K, IK), F...>{get<0>(s.terms).coefficient * f.coefficient, f.factors};
    }(inner);
}

template <coefficient_kind K, class Indices, class... F>
constexpr factor_list<K, F...> as_factor_list(const number& c, const indexed_tuple<Indices, F...>& factors) {
    return {c, factors};
}

// All the factors and coefficients of several lists, in one list.
template <class... Lists>
constexpr auto concat_factors(const Lists&... lists) {
    constexpr coefficient_kind k = [] {
        coefficient_kind r = coefficient_kind::plus_one;
        for (coefficient_kind kind : {coefficient_kind::plus_one, Lists::kind...}) r = times(r, kind);
        return r;
    }();
    number c(1);
    in_order{(multiply_into(c, lists.coefficient), 0)...};
    return as_factor_list<k>(c, cat_all(lists.factors...));
}

template <class... Factors>
struct product_plan;
template <class... B, int... N>
struct product_plan<factor<B, N>...> {
    static constexpr std::size_t n = sizeof...(B);
    static constexpr auto value = [] {
        constexpr std::array<key_view, n> keys{key_view_of<B>()...};
        constexpr std::array<bool, n> mergeable{value_free<B>...};
        constexpr std::array<int, n> exponents{N...};
        merge_plan<n> p;
        p.order = sorted_indices<n>([&](std::size_t a, std::size_t b) { return compare_keys(keys[a], keys[b]) < 0; });
        for (std::size_t i = 0; i < n;) {
            std::size_t j = i + 1;
            if (mergeable[p.order[i]])
                while (j < n && compare_keys(keys[p.order[i]], keys[p.order[j]]) == 0) ++j;
            int e = 0;
            for (std::size_t k = i; k < j; ++k) e += exponents[p.order[k]];
            if (e != 0) {  // x * x^-1 vanishes from the type
                p.start[p.groups] = i;
                p.length[p.groups] = j - i;
                p.exponent[p.groups] = e;
                ++p.groups;
            }
            i = j;
        }
        return p;
    }();
};
template <>
struct product_plan<> {
    static constexpr merge_plan<0> value{};
};

// The expression for coefficient × monomial.
template <coefficient_kind K, class M>
constexpr auto scaled(const number& c, const M& m) {
    if constexpr (K == coefficient_kind::plus_one)
        return m;
    else if constexpr (is_sum_node<M>)  // a number distributes over a sum
        return collapse(scale<K>(to_terms(m), c));
    else
        return add<false, term<K, M>>{{}, number(0), {{term<K, M>{m, c}}}};
}

// The smallest shape for a merged, sorted factor list.
template <coefficient_kind K, class... B, int... N>
constexpr auto collapse(const factor_list<K, factor<B, N>...>& list) {
    if constexpr (sizeof...(B) == 0) {
        if constexpr (K == coefficient_kind::plus_one)
            return one{};
        else
            return constant{{}, list.coefficient};
    } else if constexpr (sizeof...(B) == 1 && all_true<(N == 1)...>) {
        return scaled<K>(list.coefficient, get<0>(list.factors).base);
    } else {
        return scaled<K>(list.coefficient, mul<factor<B, N>...>{{}, list.factors});
    }
}

// Sort, merge and collapse, by product_plan.
template <coefficient_kind K, class... F>
constexpr auto canonical_product_sorted(const factor_list<K, F...>& list) {
    constexpr auto& plan = product_plan<F...>::value;
    using factors_t = tuple<F...>;
    return [&]<std::size_t... G>(std::index_sequence<G...>) {
        return collapse(factor_list<K, factor<decltype(element_t<plan.order[plan.start[G]], factors_t>::base),
                                              plan.exponent[G]>...>{
            list.coefficient,
            {{factor<decltype(element_t<plan.order[plan.start[G]], factors_t>::base), plan.exponent[G]>{
                get<plan.order[plan.start[G]]>(list.factors).base}}...}});
    }(std::make_index_sequence<plan.groups>{});
}

// One or two factors: what product_plan decides, by one comparison of keys
// (as canonical_pair does for sums).
template <coefficient_kind K, class B, int N>
constexpr auto canonical_single(const factor_list<K, factor<B, N>>& list) {
    if constexpr (N == 0)
        return collapse(factor_list<K>{list.coefficient, {}});
    else
        return collapse(list);
}
template <coefficient_kind K, class BA, int NA, class BB, int NB>
constexpr auto canonical_pair(const factor_list<K, factor<BA, NA>, factor<BB, NB>>& list) {
    const auto& a = get<0>(list.factors);
    const auto& b = get<1>(list.factors);
    if constexpr (std::is_same_v<BA, BB> && value_free<BA>) {  // like factors: one, or none (x * x^-1)
        if constexpr (NA + NB == 0)
            return collapse(factor_list<K>{list.coefficient, {}});
        else
            return collapse(factor_list<K, factor<BA, NA + NB>>{list.coefficient, {{factor<BA, NA + NB>{a.base}}}});
    } else if constexpr (NA == 0 || NB == 0) {
        return canonical_product_sorted(list);  // (no such factor is made; kept exact all the same)
    } else if constexpr (compare_keys(key_view_of<BB>(), key_view_of<BA>()) < 0) {
        return collapse(factor_list<K, factor<BB, NB>, factor<BA, NA>>{list.coefficient, {{b}, {a}}});
    } else {
        return collapse(list);
    }
}

// Sort, merge and collapse: the canonical product of a factor list.
template <coefficient_kind K, class... F>
constexpr auto canonical_product(const factor_list<K, F...>& list) {
    if constexpr (sizeof...(F) == 0)
        return collapse(list);
    else if constexpr (sizeof...(F) == 1)
        return canonical_single(list);
    else if constexpr (sizeof...(F) == 2)
        return canonical_pair(list);
    else
        return canonical_product_sorted(list);
}

// ============================================================================
// The operations every other part of the library builds expressions with
// ============================================================================

template <class... E>
inline constexpr bool any_zero = any_true<std::is_same_v<E, zero>...>;

template <class... E>
constexpr auto add_all(const E&... e) {
    return canonical_sum(concat_terms(to_terms(e)...));
}

template <class... E>
constexpr auto mul_all(const E&... e) {
    if constexpr (any_zero<E...>)
        return zero{};
    else
        return canonical_product(concat_factors(to_factors(e)...));
}

template <class E>
constexpr auto negate(const E& e) {
    if constexpr (is_sum_node<E> || std::is_same_v<E, zero> || std::is_same_v<E, one> || std::is_same_v<E, constant>)
        return collapse(scale<coefficient_kind::minus_one>(to_terms(e), number(-1)));
    else  // -m, the term scale() makes of a lone shape, without the term list
        return add<false, term<coefficient_kind::minus_one, E>>{{}, number(0), {{term<coefficient_kind::minus_one, E>{e, number(-1) * number(1)}}}};
}

template <int N, coefficient_kind K, class... B, int... M>
constexpr auto raise(const factor_list<K, factor<B, M>...>& list) {
    constexpr coefficient_kind k = K == coefficient_kind::minus_one ? (N % 2 == 0 ? coefficient_kind::plus_one : K) : K;
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
        return factor_list<k, factor<B, M * N>...>{integer_power(list.coefficient, N),
                                                    {{factor<B, M * N>{get<I>(list.factors).base}}...}};
    }(std::index_sequence_for<B...>{});
}

// e^N for an integer N.
template <int N, class E>
constexpr auto power_of(const E& e) {
    if constexpr (N == 0)
        return one{};  // also for a structural zero: pow<0>(e) is 1, as std::pow(0, 0)
    else if constexpr (N == 1)
        return e;
    else if constexpr (std::is_same_v<E, zero>) {
        if constexpr (N > 0)
            return zero{};
        else
            return constant{{}, number::from_real(std::numeric_limits<long double>::infinity())};
    } else if constexpr (std::is_same_v<E, one>)
        return one{};
    else if constexpr (std::is_same_v<E, constant>)
        return constant{{}, integer_power(e.value, N)};
    else
        return canonical_product(raise<N>(to_factors(e)));
}

}  // namespace leibniz::detail
