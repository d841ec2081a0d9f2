// A list of types, and the few operations the library needs on one.
#pragma once

#include <cstddef>
#include <tuple>  // std::tuple_element, on types only
#include <type_traits>
#include <utility>

namespace leibniz::detail {

template <class... T>
struct type_list {
    static constexpr std::size_t size = sizeof...(T);
};

template <class... Lists>
struct concat_lists;
template <>
struct concat_lists<> {
    using type = type_list<>;
};
template <class... A>
struct concat_lists<type_list<A...>> {
    using type = type_list<A...>;
};
template <class... A, class... B, class... Rest>
struct concat_lists<type_list<A...>, type_list<B...>, Rest...> {
    using type = typename concat_lists<type_list<A..., B...>, Rest...>::type;
};
// Eight at a time where there are that many: the recursion's depth is an
// eighth of the lists' count (a walk may concatenate one list per node
// type, thousands for a 64-variable Hessian; Clang stops at a depth of 1024).
template <class... A, class... B, class... C, class... D, class... E, class... F, class... G, class... H, class... Rest>
struct concat_lists<type_list<A...>, type_list<B...>, type_list<C...>, type_list<D...>, type_list<E...>, type_list<F...>,
                    type_list<G...>, type_list<H...>, Rest...> {
    using type = typename concat_lists<type_list<A..., B..., C..., D..., E..., F..., G..., H...>, Rest...>::type;
};
template <class... Lists>
using concat_t = typename concat_lists<Lists...>::type;

// Position of T in the list (the list's size when absent).
template <class T, class List>
inline constexpr std::size_t position = 0;
template <class T, class... Ts>
inline constexpr std::size_t position<T, type_list<Ts...>> = [] {
    constexpr bool same[] = {std::is_same_v<T, Ts>..., false};
    std::size_t i = 0;
    while (i < sizeof...(Ts) && !same[i]) ++i;
    return i;
}();

// The type at index I of the list.
template <std::size_t I, class List>
struct type_at_impl;
template <std::size_t I, class... Ts>
struct type_at_impl<I, type_list<Ts...>> {
    using type = std::tuple_element_t<I, std::tuple<Ts...>>;
};
template <std::size_t I, class List>
using type_at = typename type_at_impl<I, List>::type;

// Are all (any) of the flags true? Not a fold expression: Clang refuses a
// fold of more than 256 operands (-fbracket-depth), and packs that grow with a
// problem (the terms of sum<N>) pass that. All are true exactly when the
// flags with one true appended are the flags with one true prepended: two
// types compared, with no function or loop to instantiate.
template <bool... B>
inline constexpr bool all_true =
    std::is_same_v<std::integer_sequence<bool, B..., true>, std::integer_sequence<bool, true, B...>>;
template <bool... B>
inline constexpr bool any_true =
    !std::is_same_v<std::integer_sequence<bool, B..., false>, std::integer_sequence<bool, false, B...>>;

// (An array, not a fold: Clang refuses a fold over more than 256 types, and a
// Hessian's memo of shared shapes counts over hundreds.)
template <class T, class... Ts>
inline constexpr std::size_t count_in = [] {
    constexpr bool same[] = {std::is_same_v<T, Ts>..., false};
    std::size_t n = 0;
    for (bool b : same) n += b ? 1 : 0;
    return n;
}();

// The first of the types that occurs more than once among them (void if none).
template <class... Ts>
struct first_repeated {
    static constexpr std::size_t index = [] {
        constexpr bool repeated[] = {(count_in<Ts, Ts...> > 1)..., true};
        std::size_t i = 0;
        while (!repeated[i]) ++i;
        return i;
    }();
    using type = std::tuple_element_t<index, std::tuple<Ts..., void>>;
};

// The types that occur at least twice, each once, in order of first occurrence.
template <std::size_t I, class T, class... Ts>
using keep_first_of_repeated = std::conditional_t<(count_in<T, Ts...> >= 2 && position<T, type_list<Ts...>> == I),
                                                  type_list<T>, type_list<>>;

template <class List, class Indices>
struct repeated_impl;
template <class... Ts, std::size_t... I>
struct repeated_impl<type_list<Ts...>, std::index_sequence<I...>> {
    using type = concat_t<keep_first_of_repeated<I, Ts, Ts...>...>;
};
template <class List>
using repeated_t = typename repeated_impl<List, std::make_index_sequence<List::size>>::type;

}  // namespace leibniz::detail
