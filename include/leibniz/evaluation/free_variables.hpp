// The variables an expression depends on, as a type list (with repeats).
#pragma once

#include <leibniz/expression/nodes.hpp>
#include <leibniz/expression/variable.hpp>

namespace leibniz::detail {

template <class... Lists>
struct concat_packs;
template <>
struct concat_packs<> {
    using type = variable_pack<>;
};
template <class... A>
struct concat_packs<variable_pack<A...>> {
    using type = variable_pack<A...>;
};
template <class... A, class... B, class... Rest>
struct concat_packs<variable_pack<A...>, variable_pack<B...>, Rest...> {
    using type = typename concat_packs<variable_pack<A..., B...>, Rest...>::type;
};

template <class E>
struct free_variables {
    using type = variable_pack<>;  // numbers, zero, one
};
template <char... C>
struct free_variables<variable<C...>> {
    using type = variable_pack<variable<C...>>;
};
template <bool H, coefficient_kind... K, class... M>
struct free_variables<add<H, term<K, M>...>> {
    using type = typename concat_packs<typename free_variables<M>::type...>::type;
};
template <class... B, int... N>
struct free_variables<mul<factor<B, N>...>> {
    using type = typename concat_packs<typename free_variables<B>::type...>::type;
};
template <class Op, class A>
struct free_variables<function<Op, A>> {
    using type = typename free_variables<A>::type;
};
template <class B>
struct free_variables<real_power<B>> {
    using type = typename free_variables<B>::type;
};
template <class B, class E>
struct free_variables<power<B, E>> {
    using type = typename concat_packs<typename free_variables<B>::type, typename free_variables<E>::type>::type;
};

}  // namespace leibniz::detail
