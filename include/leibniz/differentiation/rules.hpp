// One differentiation rule per node kind, applied to types at compile time.
// Every rule builds its result with the canonical operations, so a derivative
// is born simplified: structural zeros vanish, like terms merge.
#pragma once

#include <leibniz/detail/tuple.hpp>
#include <leibniz/evaluation/free_variables.hpp>
#include <leibniz/expression/functions.hpp>
#include <leibniz/expression/nodes.hpp>
#include <leibniz/simplification/collect.hpp>

#include <array>
#include <cstddef>
#include <tuple>
#include <utility>

namespace leibniz::detail {

// Declared up front: the rules call each other recursively.
template <bool H, coefficient_kind... K, class... M, class V>
constexpr auto derive(const add<H, term<K, M>...>& s, V v);
template <class... B, int... N, class V>
constexpr auto derive(const mul<factor<B, N>...>& p, V v);
template <class Op, class Arg, class V>
constexpr auto derive(const function<Op, Arg>& f, V v);
template <class B, class V>
constexpr auto derive(const real_power<B>& r, V v);
template <class B, class E, class V>
constexpr auto derive(const power<B, E>& p, V v);
template <class Op, class A, class B, class V>
constexpr auto derive(const binary_function<Op, A, B>& f, V v);
template <bool S, class L, class R, class A, class B, class V>
constexpr auto derive(const branch<S, L, R, A, B>& w, V v);

template <class V>
constexpr zero derive(const zero&, V) {
    return {};
}
template <class V>
constexpr zero derive(const one&, V) {
    return {};
}
template <class V>
constexpr zero derive(const constant&, V) {
    return {};
}
template <char... C, class V>
constexpr auto derive(const variable<C...>&, V) {
    if constexpr (std::is_same_v<variable<C...>, V>)
        return one{};
    else
        return zero{};
}

// The positions of the terms (or factors) whose shape contains V: only those
// are differentiated. The others give a structural zero, which the sum would
// drop, but differentiating them first costs a walk of their type each
// (a Hessian of n variables differentiates every term n times).
template <class V, class... Children>
inline constexpr auto dependent_positions = [] {
    constexpr bool depends[] = {depends_on<V, Children>::value..., false};
    constexpr std::size_t count = [] {  // (a loop, not a fold: sum<N> passes Clang's 256 operands;
        constexpr bool flags[] = {depends_on<V, Children>::value..., false};  // no capture: nvcc)
        std::size_t c = 0;
        for (bool d : flags) c += d ? 1 : 0;
        return c;
    }();
    std::array<std::size_t, count> positions{};
    std::size_t k = 0;
    for (std::size_t i = 0; i < sizeof...(Children); ++i)
        if (depends[i]) positions[k++] = i;
    return positions;
}();

// d(c0 + Σ cᵢ·mᵢ) = Σ cᵢ·d(mᵢ), over the terms that contain V
template <bool H, coefficient_kind... K, class... M, class V>
constexpr auto derive(const add<H, term<K, M>...>& s, V v) {
    constexpr auto& positions = dependent_positions<V, M...>;
    if constexpr (positions.size() == 0) {
        return zero{};
    } else {
        constexpr std::array<coefficient_kind, sizeof...(M)> kinds{K...};
        return [&]<std::size_t... J>(std::index_sequence<J...>) {
            return canonical_sum(concat_terms(scale<kinds[positions[J]]>(
                to_terms(derive(get<positions[J]>(s.terms).monomial, v)), get<positions[J]>(s.terms).coefficient)...));
        }(std::make_index_sequence<positions.size()>{});
    }
}

// A product's factors with the I-th one's exponent lowered by one, and
// without the I-th. (Functions rather than lambdas in product_rule_term, and
// indexed_tuple spelled out: nvcc's front end loses an enclosing function's
// packs expanded in a lambda, and rejects the alias over two packs.)
template <std::size_t I, std::size_t... J, class... B, int... N>
constexpr auto lowered_factor(const indexed_tuple<std::index_sequence<J...>, factor<B, N>...>& factors) {
    return indexed_tuple<std::index_sequence<J...>, factor<B, (J == I ? N - 1 : N)>...>{
        {{static_cast<const tuple_leaf<J, factor<B, N>>&>(factors).value.base}}...};
}
template <std::size_t I, class Factors, std::size_t... L, std::size_t... M>
constexpr auto without_factor(const Factors& factors, std::index_sequence<L...>, std::index_sequence<M...>) {
    return indexed_tuple<std::make_index_sequence<sizeof...(L) + sizeof...(M)>, element_t<L, Factors>...,
                         element_t<I + 1 + M, Factors>...>{{get<L>(factors)}..., {get<I + 1 + M>(factors)}...};
}

// d(Π Bⱼ^Nⱼ) = Σᵢ Nᵢ·Bᵢ^(Nᵢ-1)·Πⱼ≠ᵢ Bⱼ^Nⱼ · d(Bᵢ)
template <std::size_t I, class... B, int... N, class V>
constexpr auto product_rule_term(const mul<factor<B, N>...>& p, V v) {
    constexpr int n = std::array<int, sizeof...(N)>{N...}[I];
    auto d_base = derive(get<I>(p.factors).base, v);
    if constexpr (std::is_same_v<decltype(d_base), zero>) {
        return zero{};
    } else {
        // The other factors, with Bᵢ's exponent lowered by one (or Bᵢ gone
        // where that is 0): one pack expansion, not a concatenation.
        auto others = [&] {
            if constexpr (n - 1 != 0)
                return lowered_factor<I>(p.factors);
            else
                return without_factor<I>(p.factors, std::make_index_sequence<I>{},
                                         std::make_index_sequence<sizeof...(B) - I - 1>{});
        }();
        auto list = [&]<class Indices, class... F>(const indexed_tuple<Indices, F...>& fs) {
            return factor_list<kind_of_integer(n), F...>{number(n), fs};
        }(others);
        return canonical_product(concat_factors(list, to_factors(d_base)));
    }
}

template <class... B, int... N, class V>
constexpr auto derive(const mul<factor<B, N>...>& p, V v) {
    constexpr auto& positions = dependent_positions<V, B...>;
    if constexpr (positions.size() == 0) {
        return zero{};
    } else {
        return [&]<std::size_t... J>(std::index_sequence<J...>) {
            return add_all(product_rule_term<positions[J]>(p, v)...);
        }(std::make_index_sequence<positions.size()>{});
    }
}

// The outer derivative f'(u) of a function, as an expression in u (and f(u) itself).
template <class Op, class Arg>
constexpr auto outer_derivative(const function<Op, Arg>& f) {
    return Op::derivative(f);
}

template <class Op, class Arg, class V>
constexpr auto derive(const function<Op, Arg>& f, V v) {
    if constexpr (!depends_on<V, Arg>::value)
        return zero{};
    else
        return mul_all(outer_derivative(f), derive(f.arg, v));
}

// d(u^p) = p·u^(p-1)·du
template <class B, class V>
constexpr auto derive(const real_power<B>& r, V v) {
    if constexpr (!depends_on<V, B>::value)
        return zero{};
    else
        return mul_all(constant{{}, r.exponent}, real_power<B>{{}, r.base, r.exponent - number(1)}, derive(r.base, v));
}

// d(u^w) = w·u^(w−1)·du + u^w·log(u)·dw. The first term is written with
// u^(w−1), not as u^w·w/u: that would be 0/0 where u = 0, where the
// derivative is finite (d(x^y)/dx at x = 0, y = 2 is 0, not NaN).
template <class B, class E, class V>
constexpr auto derive(const power<B, E>& p, V v) {
    constexpr bool base_varies = depends_on<V, B>::value;
    constexpr bool exponent_varies = depends_on<V, E>::value;
    if constexpr (!base_varies && !exponent_varies) {
        return zero{};
    } else {
        auto through_base = [&] {
            if constexpr (base_varies)
                return mul_all(p.exponent, leibniz::pow(p.base, add_all(p.exponent, constant{{}, number(-1)})),
                               derive(p.base, v));
            else
                return zero{};
        };
        auto through_exponent = [&] {
            if constexpr (exponent_varies)
                return mul_all(p, apply_function<ops::log>(p.base), derive(p.exponent, v));
            else
                return zero{};
        };
        return add_all(through_base(), through_exponent());
    }
}

// d f(a, b) = ∂f/∂a·da + ∂f/∂b·db
template <class Op, class A, class B, class V>
constexpr auto derive(const binary_function<Op, A, B>& f, V v) {
    auto through = [&](const auto& argument, auto partial) {
        if constexpr (!depends_on<V, std::remove_cvref_t<decltype(argument)>>::value)
            return zero{};
        else
            return mul_all(partial(), derive(argument, v));
    };
    return add_all(through(f.first, [&] { return Op::derivative_first(f); }),
                   through(f.second, [&] { return Op::derivative_second(f); }));
}

// d where(c, a, b) = where(c, da, db): the condition is piecewise constant.
template <bool S, class L, class R, class A, class B, class V>
constexpr auto derive(const branch<S, L, R, A, B>& w, V v) {
    return make_branch<S>(w.left, w.right, derive(w.if_true, v), derive(w.if_false, v));
}

}  // namespace leibniz::detail
