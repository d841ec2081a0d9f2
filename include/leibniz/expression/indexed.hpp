// sum<N>(f) and product<N>(f): f(i) for i = 0 .. N-1, with i a
// std::integral_constant<std::size_t, I> (so std::get<i>(xs) works).
// sum<0> is 0 and product<0> is 1. The terms are collected in one pass: one
// sort and merge for the whole sum, not one per addition.
#pragma once

#include <leibniz/detail/type_list.hpp>
#include <leibniz/expression/nodes.hpp>
#include <leibniz/simplification/collect.hpp>

#include <cstddef>
#include <type_traits>
#include <utility>

namespace leibniz {

namespace detail {
template <class F, std::size_t... I>
inline constexpr bool indexed_operands = all_true<Operand<std::invoke_result_t<F, std::integral_constant<std::size_t, I>>>...>;
}

template <std::size_t N, class F>
constexpr auto sum(F f) {
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
        static_assert(detail::indexed_operands<F, I...>,
                      "leibniz: sum<N>(f): f(i) must return an expression or a number for every i");
        return detail::add_all(detail::lift(f(std::integral_constant<std::size_t, I>{}))...);
    }(std::make_index_sequence<N>{});
}

template <std::size_t N, class F>
constexpr auto product(F f) {
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
        static_assert(detail::indexed_operands<F, I...>,
                      "leibniz: product<N>(f): f(i) must return an expression or a number for every i");
        return detail::mul_all(detail::lift(f(std::integral_constant<std::size_t, I>{}))...);
    }(std::make_index_sequence<N>{});
}

}  // namespace leibniz
