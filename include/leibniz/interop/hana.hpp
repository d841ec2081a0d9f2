// leibniz with Boost.Hana: variables named by Hana strings, points and
// gradients as hana::map, an expression's operands as a hana::tuple. Opt-in
// (never included by leibniz.hpp); link leibniz::hana.
//
//   constexpr auto x = lz::var_of(BOOST_HANA_STRING("x"));   // the same type as lz::var<"x">
//   auto m = lz::as_hana_map(lz::point(x = 1.0, y = 2.0));  // hana::map: m[x] == 1.0, m[y] == 2.0
//   auto p = lz::to_point(m);                                // back: a point, f(p) evaluates
//   auto g = lz::as_hana_map(lz::gradient(f, x, y)(p), x, y);// g[x] is df/dx
//   hana::fold_left(lz::children(e), ...)                    // a walk over the expression's tree
//
// Variables are Hana keys: Comparable (equal when they are the same variable)
// and Hashable (by their type), so they index a hana::map directly. Every
// conversion copies the values (a hana::map holds its values).
#pragma once

#include <leibniz/differentiation/variables.hpp>
#include <leibniz/evaluation/point.hpp>
#include <leibniz/expression/nodes.hpp>
#include <leibniz/expression/variable.hpp>

#include <boost/hana/at_key.hpp>
#include <boost/hana/bool.hpp>
#include <boost/hana/core/tag_of.hpp>
#include <boost/hana/equal.hpp>
#include <boost/hana/first.hpp>
#include <boost/hana/hash.hpp>
#include <boost/hana/keys.hpp>
#include <boost/hana/map.hpp>
#include <boost/hana/pair.hpp>
#include <boost/hana/string.hpp>
#include <boost/hana/tuple.hpp>
#include <boost/hana/type.hpp>
#include <boost/hana/unpack.hpp>

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace leibniz {

// The Hana tag of every variable (see the Comparable and Hashable below).
struct hana_variable_tag {};

// var_of(BOOST_HANA_STRING("x")) is var<"x">: the same variable, the same type.
template <char... C>
constexpr variable<C...> var_of(boost::hana::string<C...>) {
    static_assert(sizeof...(C) > 0, "leibniz: a variable needs a non-empty name");
    return {};
}

namespace detail::hana_interop {
template <class T>
inline constexpr bool is_std_array = false;
template <class T, std::size_t N>
inline constexpr bool is_std_array<std::array<T, N>> = true;

template <class... V, class T, std::size_t N>
constexpr auto gradient_map(const std::array<T, N>& values, variable_pack<V...>) {
    static_assert(sizeof...(V) == N,
                  "leibniz: as_hana_map(values, x, y, ...): one variable (a pack counts as its variables) per value");
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
        return boost::hana::make_map(boost::hana::make_pair(V{}, values[I])...);
    }(std::make_index_sequence<sizeof...(V)>{});
}
}  // namespace detail::hana_interop

// A point as a hana::map from each variable to its value (a copy).
template <class T, class... V>
constexpr auto as_hana_map(const point<T, variable_pack<V...>>& p) {
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
        return boost::hana::make_map(boost::hana::make_pair(V{}, p.values[I])...);
    }(std::index_sequence_for<V...>{});
}

// Values given in the order of variables (a gradient from lz::gradient(f, x, y, xs),
// value_and_gradient's .gradient, one row of a Jacobian) as a hana::map from
// each variable to its value (a copy): as_hana_map(g, x, y, xs). Pass the
// variables as they were given to gradient (packs are spread into their variables).
template <class T, std::size_t N, class... Vars>
    requires(sizeof...(Vars) > 0 && detail::all_true<(Variable<Vars> || VariablePack<Vars>)...>)
constexpr auto as_hana_map(const std::array<T, N>& values, const Vars&...) {
    return detail::hana_interop::gradient_map(values, detail::flattened_variables<Vars...>{});
}

// A hana::map from variables to values, as a point: lz::to_point(m), which
// binds like any point (f(lz::to_point(m)), minimize from it). The scalar type
// is the common type of the values (integers become double); the variables are
// in the order of hana::keys(m).
template <class Map>
    requires std::is_same_v<boost::hana::tag_of_t<Map>, boost::hana::map_tag>
constexpr auto to_point(const Map& m) {
    return boost::hana::unpack(boost::hana::keys(m), [&](auto... keys) {
        static_assert(sizeof...(keys) > 0, "leibniz: to_point(m): the map is empty");
        static_assert(detail::all_true<Variable<decltype(keys)>...>, "leibniz: to_point(m): every key of the map must be a variable");
        using common = std::common_type_t<std::remove_cvref_t<decltype(boost::hana::at_key(m, keys))>...>;
        using T = std::conditional_t<std::is_integral_v<common>, double, common>;
        point<T, variable_pack<decltype(keys)...>> p;
        p.values = {static_cast<T>(boost::hana::at_key(m, keys))...};
        return p;
    });
}

// ---- the expression tree as Hana structures ------------------------------------

// children(e): e's direct operands as a hana::tuple (a Foldable): none for a
// number or a variable; a sum's terms without their coefficients (and its
// constant, a constant node, when it has one); a product's factors without
// their exponents; a function's argument; both arguments of atan2 and hypot;
// the base (and an expression exponent) of a power; the two compared operands
// and the two branches of where.
constexpr auto children(const zero&) { return boost::hana::make_tuple(); }
constexpr auto children(const one&) { return boost::hana::make_tuple(); }
constexpr auto children(const constant&) { return boost::hana::make_tuple(); }
template <char... C>
constexpr auto children(const variable<C...>&) {
    return boost::hana::make_tuple();
}
template <bool H, class... Terms>
constexpr auto children(const add<H, Terms...>& s) {
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
        if constexpr (H)
            return boost::hana::make_tuple(constant{{}, s.constant}, detail::get<I>(s.terms).monomial...);
        else
            return boost::hana::make_tuple(detail::get<I>(s.terms).monomial...);
    }(std::index_sequence_for<Terms...>{});
}
template <class... Factors>
constexpr auto children(const mul<Factors...>& p) {
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
        return boost::hana::make_tuple(detail::get<I>(p.factors).base...);
    }(std::index_sequence_for<Factors...>{});
}
template <class Op, class A>
constexpr auto children(const function<Op, A>& f) {
    return boost::hana::make_tuple(f.arg);
}
template <class Op, class A, class B>
constexpr auto children(const binary_function<Op, A, B>& f) {
    return boost::hana::make_tuple(f.first, f.second);
}
template <class B>
constexpr auto children(const real_power<B>& p) {
    return boost::hana::make_tuple(p.base);
}
template <class B, class E>
constexpr auto children(const power<B, E>& p) {
    return boost::hana::make_tuple(p.base, p.exponent);
}
template <bool S, class L, class R, class A, class B>
constexpr auto children(const branch<S, L, R, A, B>& w) {
    return boost::hana::make_tuple(w.left, w.right, w.if_true, w.if_false);
}
// A mean's child is its per-sample loss (the data is not an expression).
template <class L, class D>
constexpr auto children(const sample_mean<L, D>& m) {
    return boost::hana::make_tuple(m.loss);
}

namespace detail::hana_interop {
template <bool H, class... T>
constexpr std::string_view label_of(const add<H, T...>*) {
    return "+";
}
template <class... F>
constexpr std::string_view label_of(const mul<F...>*) {
    return "*";
}
template <class Op, class A>
constexpr std::string_view label_of(const function<Op, A>*) {
    return Op::name;
}
template <class Op, class A, class B>
constexpr std::string_view label_of(const binary_function<Op, A, B>*) {
    return Op::name;
}
template <class B>
constexpr std::string_view label_of(const real_power<B>*) {
    return "^";
}
template <class B, class E>
constexpr std::string_view label_of(const power<B, E>*) {
    return "^";
}
template <bool S, class L, class R, class A, class B>
constexpr std::string_view label_of(const branch<S, L, R, A, B>*) {
    return "where";
}
template <class L, class D>
constexpr std::string_view label_of(const sample_mean<L, D>*) {
    return "mean";
}
}  // namespace detail::hana_interop

// A short label for a node, for printing trees: "+", "*", "^", "where", a
// function's name ("sin", "atan2"), a variable's name; a number's label is
// "number" (print the node with lz::to_string for its value).
template <class E>
    requires Expression<E>
constexpr std::string_view node_label(const E&) {
    using N = std::remove_cvref_t<E>;
    if constexpr (is_variable<N>::value)
        return N::name;
    else if constexpr (std::is_same_v<N, zero> || std::is_same_v<N, one> || std::is_same_v<N, constant>)
        return "number";
    else
        return detail::hana_interop::label_of(static_cast<const N*>(nullptr));
}


}  // namespace leibniz

// Variables as Hana keys.
namespace boost::hana {
template <char... C>
struct tag_of<leibniz::variable<C...>> {
    using type = leibniz::hana_variable_tag;
};
template <>
struct equal_impl<leibniz::hana_variable_tag, leibniz::hana_variable_tag> {
    template <class A, class B>
    static constexpr auto apply(const A&, const B&) {
        return hana::bool_c<std::is_same_v<A, B>>;
    }
};
template <>
struct hash_impl<leibniz::hana_variable_tag> {
    template <class V>
    static constexpr auto apply(const V&) {
        return hana::type_c<V>;
    }
};
}  // namespace boost::hana
