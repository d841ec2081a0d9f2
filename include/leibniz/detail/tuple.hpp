// A tuple for expression trees: an aggregate, so building one costs no
// overload resolution.
//
// std::tuple checks the constructibility of every element for each of its
// constructors; with the tens of terms of a sum over an index that check
// dominated compile time (measured on a 31-term Rosenbrock sum with Clang's
// -ftime-trace: 57 s of std::__and_<is_constructible<...>> instantiations,
// 10.7 s and 1.4 GiB for the translation unit with GCC 12). This tuple is
// initialized by aggregate initialization, one brace per element:
// tuple<A, B>{{a}, {b}}.
#pragma once

#include <cstddef>
#include <type_traits>
#include <utility>

namespace leibniz::detail {

template <std::size_t I, class T>
struct tuple_leaf {
    T value;
};

template <class Indices, class... T>
struct indexed_tuple;
template <std::size_t... I, class... T>
struct indexed_tuple<std::index_sequence<I...>, T...> : tuple_leaf<I, T>... {
    static constexpr std::size_t size = sizeof...(T);
};

template <class... T>
using tuple = indexed_tuple<std::index_sequence_for<T...>, T...>;

// Element I, found as the tuple's base tuple_leaf<I, T> (T deduced from the
// base class): one instantiation per element read.
template <std::size_t I, class T>
constexpr T& get(tuple_leaf<I, T>& leaf) {
    return leaf.value;
}
template <std::size_t I, class T>
constexpr const T& get(const tuple_leaf<I, T>& leaf) {
    return leaf.value;
}

template <class Tuple>
inline constexpr std::size_t size_of = std::remove_cvref_t<Tuple>::size;

// The type of element I: deduced from the base class, by a function that is
// declared only (naming the type through get<I> would instantiate get's body
// for every element of every tuple: 2400 bodies for a 20-variable Hessian).
template <std::size_t I, class T>
T element_of(const tuple_leaf<I, T>&);

template <std::size_t I, class Tuple>
using element_t = decltype(element_of<I>(std::declval<const std::remove_cvref_t<Tuple>&>()));

// Evaluates a pack expansion in order, as a comma fold would, but as the
// elements of a braced list: Clang limits a fold expression to 256 operands
// (its -fbracket-depth), and packs that grow with the problem (a Hessian's
// n(n+1)/2 entries) pass that. Write
// `in_order{(expression, 0)...};` where `(expression, ...);` would be.
struct in_order {
    template <class... Ints>
    constexpr in_order(Ints...) {}  // the arguments are evaluated left to right (list-initialization)
};
template <class... T>
constexpr tuple<T...> make_tuple(const T&... values) {
    return {{values}...};
}

template <class... Tuples>
constexpr auto cat_many(const Tuples&... tuples);

// Two or three tuples by one pack expansion each: the common cases (a sum of
// two, the product rule's parts). Six times cheaper to compile than
// cat_many's table (measured: 600 concatenations of two tuples, Clang 7.0 →
// 1.2 s, GCC 5.2 → 1.5 s). (The result type is spelled without the alias
// `tuple`: nvcc's front end rejects the alias over two packs, A..., B..., in
// a declared return type.)
template <std::size_t... I, class... A, std::size_t... J, class... B>
constexpr auto cat_two(const indexed_tuple<std::index_sequence<I...>, A...>& a,
                       const indexed_tuple<std::index_sequence<J...>, B...>& b) {
    using result = indexed_tuple<std::make_index_sequence<sizeof...(A) + sizeof...(B)>, A..., B...>;
    return result{{static_cast<const tuple_leaf<I, A>&>(a).value}..., {static_cast<const tuple_leaf<J, B>&>(b).value}...};
}
template <std::size_t... I, class... A, std::size_t... J, class... B, std::size_t... K, class... C>
constexpr auto cat_three(const indexed_tuple<std::index_sequence<I...>, A...>& a,
                         const indexed_tuple<std::index_sequence<J...>, B...>& b,
                         const indexed_tuple<std::index_sequence<K...>, C...>& c) {
    using result = indexed_tuple<std::make_index_sequence<sizeof...(A) + sizeof...(B) + sizeof...(C)>, A..., B..., C...>;
    return result{{static_cast<const tuple_leaf<I, A>&>(a).value}..., {static_cast<const tuple_leaf<J, B>&>(b).value}...,
                  {static_cast<const tuple_leaf<K, C>&>(c).value}...};
}

// The elements of all the tuples, in order, in one tuple. One instantiation
// for the whole concatenation: for more than three tuples, which tuple and
// which element each result element comes from is computed in a constant
// expression (cat_many).
template <class... Tuples>
constexpr auto cat_all(const Tuples&... tuples) {
    if constexpr (sizeof...(Tuples) == 1) {
        return (tuples, ...);  // nothing to concatenate: the tuple as it is
    } else if constexpr (sizeof...(Tuples) == 2) {
        return cat_two(tuples...);
    } else if constexpr (sizeof...(Tuples) == 3) {
        return cat_three(tuples...);
    } else {
        return cat_many(tuples...);
    }
}

template <class... Tuples>
constexpr auto cat_many(const Tuples&... tuples) {
    constexpr std::size_t total = [] {  // (not a fold: a sum<N> concatenates N lists, past Clang's 256)
        constexpr std::size_t sizes[] = {size_of<Tuples>..., 0};
        std::size_t t = 0;
        for (std::size_t size : sizes) t += size;
        return t;
    }();
    struct source {
        std::size_t tuple[total + 1];
        std::size_t element[total + 1];
    };
    // (The lambda captures nothing: nvcc's front end crashes on a
    // constant-evaluated lambda that captures a local constexpr array.)
    constexpr source from = [] {
        constexpr std::size_t count = sizeof...(Tuples);
        constexpr std::size_t sizes[] = {size_of<Tuples>..., 0};
        source s{};
        std::size_t k = 0;
        for (std::size_t t = 0; t < count; ++t)
            for (std::size_t i = 0; i < sizes[t]; ++i, ++k) {
                s.tuple[k] = t;
                s.element[k] = i;
            }
        return s;
    }();
    const tuple<const Tuples&...> all{{tuples}...};
    return [&]<std::size_t... K>(std::index_sequence<K...>) {
        return tuple<element_t<from.element[K], element_t<from.tuple[K], tuple<Tuples...>>>...>{
            {get<from.element[K]>(get<from.tuple[K]>(all))}...};
    }(std::make_index_sequence<total>{});
}

}  // namespace leibniz::detail
