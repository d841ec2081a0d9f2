// Which variable of an expression a set of bindings leaves without a value.
//
// first_unbound<E, Env>::type is the first such variable, or void. It is a
// walk over the expression's type that builds no list of variables: an
// expression with hundreds of terms costs one instantiation per node.
#pragma once

#include <leibniz/detail/type_list.hpp>
#include <leibniz/expression/nodes.hpp>

#include <cstddef>
#include <tuple>
#include <type_traits>

namespace leibniz::detail {

template <class E, class Env>
struct first_unbound;

// The first non-void type among the children's answers (void if none).
template <class Env, class... Children>
struct first_unbound_among {
    static constexpr std::size_t index = [] {
        constexpr bool unbound[] = {!std::is_void_v<typename first_unbound<Children, Env>::type>..., true};
        std::size_t i = 0;
        while (!unbound[i]) ++i;
        return i;
    }();
    using type = std::tuple_element_t<index, std::tuple<typename first_unbound<Children, Env>::type..., void>>;
};

template <class Env, class Children>
struct first_unbound_in;
template <class Env, class... Children>
struct first_unbound_in<Env, type_list<Children...>> : first_unbound_among<Env, Children...> {};

// A node's answer is its children's (child_types, expression/nodes.hpp); a
// number has none (void).
template <class E, class Env>
struct first_unbound : first_unbound_in<Env, typename child_types<E>::type> {};
template <char... C, class Env>
struct first_unbound<variable<C...>, Env> {
    using type = std::conditional_t<Env::template has<variable<C...>>, void, variable<C...>>;
};

}  // namespace leibniz::detail

namespace leibniz::detail {

// Does expression E depend on variable V (does V occur in it)?
template <class V, class Children>
struct depends_on_any;
template <class V, class E>
struct depends_on : depends_on_any<V, typename child_types<E>::type> {};  // (a number: no child, false)
template <class V, class... Children>
struct depends_on_any<V, type_list<Children...>> : std::bool_constant<any_true<depends_on<V, Children>::value...>> {};
template <class V, char... C>
struct depends_on<V, variable<C...>> : std::is_same<V, variable<C...>> {};
// A branch varies with V only through its branches: its condition is
// piecewise constant (its derivative is 0 wherever it exists).
template <class V, bool S, class L, class R, class A, class B>
struct depends_on<V, branch<S, L, R, A, B>> : std::bool_constant<depends_on<V, A>::value || depends_on<V, B>::value> {};

}  // namespace leibniz::detail
