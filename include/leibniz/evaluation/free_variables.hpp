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

template <class E, class Env>
struct first_unbound {  // numbers, zero, one
    using type = void;
};
template <char... C, class Env>
struct first_unbound<variable<C...>, Env> {
    using type = std::conditional_t<Env::template has<variable<C...>>, void, variable<C...>>;
};
template <bool H, coefficient_kind... K, class... M, class Env>
struct first_unbound<add<H, term<K, M>...>, Env> : first_unbound_among<Env, M...> {};
template <class... B, int... N, class Env>
struct first_unbound<mul<factor<B, N>...>, Env> : first_unbound_among<Env, B...> {};
template <class Op, class A, class Env>
struct first_unbound<function<Op, A>, Env> : first_unbound<A, Env> {};
template <class B, class Env>
struct first_unbound<real_power<B>, Env> : first_unbound<B, Env> {};
template <class B, class E, class Env>
struct first_unbound<power<B, E>, Env> : first_unbound_among<Env, B, E> {};
template <class Op, class A, class B, class Env>
struct first_unbound<binary_function<Op, A, B>, Env> : first_unbound_among<Env, A, B> {};
template <bool S, class L, class R, class A, class B, class Env>
struct first_unbound<branch<S, L, R, A, B>, Env> : first_unbound_among<Env, L, R, A, B> {};

}  // namespace leibniz::detail

namespace leibniz::detail {

// Does expression E depend on variable V (does V occur in it)?
template <class V, class E>
struct depends_on : std::false_type {};  // numbers, zero, one
template <class V, char... C>
struct depends_on<V, variable<C...>> : std::is_same<V, variable<C...>> {};
template <class V, bool H, coefficient_kind... K, class... M>
struct depends_on<V, add<H, term<K, M>...>> : std::bool_constant<any_true<depends_on<V, M>::value...>> {};
template <class V, class... B, int... N>
struct depends_on<V, mul<factor<B, N>...>> : std::bool_constant<any_true<depends_on<V, B>::value...>> {};
template <class V, class Op, class A>
struct depends_on<V, function<Op, A>> : depends_on<V, A> {};
template <class V, class B>
struct depends_on<V, real_power<B>> : depends_on<V, B> {};
template <class V, class B, class E>
struct depends_on<V, power<B, E>> : std::bool_constant<depends_on<V, B>::value || depends_on<V, E>::value> {};
template <class V, class Op, class A, class B>
struct depends_on<V, binary_function<Op, A, B>>
    : std::bool_constant<depends_on<V, A>::value || depends_on<V, B>::value> {};
// A branch varies with V only through its branches: its condition is
// piecewise constant (its derivative is 0 wherever it exists).
template <class V, bool S, class L, class R, class A, class B>
struct depends_on<V, branch<S, L, R, A, B>> : std::bool_constant<depends_on<V, A>::value || depends_on<V, B>::value> {};

}  // namespace leibniz::detail
