// The total order on shapes that sorts terms and factors into canonical order.
//
// Every shape has a key: a token sequence that encodes its type injectively
// (equal keys <=> equal types). Keys are compared lexicographically. Terms of a
// sum are ordered first by polynomial degree, highest first, then by key;
// factors of a product by key alone. The key's first token is the node kind:
//
//   variable < product < real power < power < function < binary function < branch < sum < number
//
// so a product prints as `2*x*y*sin(x)*(x + 1)` and a sum as `x^2 + x*y + y + sin(x) + 1`.
// Variable names compare character by character, except that a run of digits
// compares as a number: x2 < x10.
//
// Keys are computed by constexpr functions, once per type (a variable
// template), and sorting is a merge sort of indices in a constant
// expression: this costs a few template instantiations per sorted list, where
// a sort by template recursion would instantiate one comparison per pair.
#pragma once

#include <leibniz/expression/nodes.hpp>

#include <array>
#include <cstddef>
#include <initializer_list>

namespace leibniz::detail {

enum key_token : int {
    key_end = 0,
    key_digits = 1,
    key_variable = 1000,
    key_product,
    key_real_power,
    key_power,
    key_function,
    key_binary_function,
    key_branch,
    key_sum,
    key_constant,
    key_zero,
    key_one,
};

// A function's rank is its place in the registry ops::elementary (an
// unregistered function stops compilation there, never shares a key).
template <class Op>
inline constexpr int function_rank = static_cast<int>(operation_index<Op>()) + 1;

// A sink that only counts, and one that writes: the same function computes a
// key's length and its tokens.
struct key_counter {
    std::size_t size = 0;
    constexpr void put(int) { ++size; }
};
template <std::size_t N>
struct key_writer {
    std::array<int, N> tokens{};
    std::size_t size = 0;
    constexpr void put(int t) { tokens[size++] = t; }
};

template <class T>
struct key_of;  // key_of<T>::write(sink): the node's own tokens, its children's keys by write_key

// A child's key, copied from shape_key<T> (defined below): each type's key is
// computed once, in its own constant evaluation, so the evaluation depth does
// not grow with the depth of the expression (a chain of 200 nested sums
// would otherwise exceed the compilers' constexpr depth limits).
template <class T, class Sink>
constexpr void write_key(Sink& s);

template <>
struct key_of<zero> {
    static constexpr void write(auto& s) { s.put(key_zero); }
};
template <>
struct key_of<one> {
    static constexpr void write(auto& s) { s.put(key_one); }
};
template <>
struct key_of<constant> {
    static constexpr void write(auto& s) { s.put(key_constant); }
};
template <char... C>
struct key_of<variable<C...>> {
    static constexpr void write(auto& s) {
        constexpr char name[] = {C..., '\0'};
        s.put(key_variable);
        for (std::size_t i = 0; name[i] != '\0';) {
            if (name[i] >= '0' && name[i] <= '9') {
                int value = 0;
                for (; name[i] >= '0' && name[i] <= '9'; ++i) value = value * 10 + (name[i] - '0');
                s.put(key_digits);
                s.put(value);
            } else {
                s.put(static_cast<unsigned char>(name[i]) + 2);
                ++i;
            }
        }
        s.put(key_end);
    }
};
template <class... B, int... N>
struct key_of<mul<factor<B, N>...>> {
    static constexpr void write(auto& s) {
        s.put(key_product);
        s.put(static_cast<int>(sizeof...(B)));
        in_order{(write_key<B>(s), s.put(-N), 0)...};  // higher exponent first: x^2*y before x*y^2
    }
};
template <class B>
struct key_of<real_power<B>> {
    static constexpr void write(auto& s) {
        s.put(key_real_power);
        write_key<B>(s);
    }
};
template <class B, class E>
struct key_of<power<B, E>> {
    static constexpr void write(auto& s) {
        s.put(key_power);
        write_key<B>(s);
        write_key<E>(s);
    }
};
template <class Op, class A>
struct key_of<function<Op, A>> {
    static constexpr void write(auto& s) {
        s.put(key_function);
        s.put(function_rank<Op>);
        write_key<A>(s);
    }
};
template <class Op, class A, class B>
struct key_of<binary_function<Op, A, B>> {
    static constexpr void write(auto& s) {
        s.put(key_binary_function);
        s.put(static_cast<int>(binary_operation_index<Op>()) + 1);
        write_key<A>(s);
        write_key<B>(s);
    }
};
template <bool S, class L, class R, class A, class B>
struct key_of<branch<S, L, R, A, B>> {
    static constexpr void write(auto& s) {
        s.put(key_branch);
        s.put(S ? 1 : 0);
        write_key<L>(s);
        write_key<R>(s);
        write_key<A>(s);
        write_key<B>(s);
    }
};
template <bool H, coefficient_kind... K, class... M>
struct key_of<add<H, term<K, M>...>> {
    static constexpr void write(auto& s) {
        s.put(key_sum);
        s.put(H ? 1 : 0);
        s.put(static_cast<int>(sizeof...(M)));
        in_order{(s.put(static_cast<int>(K)), write_key<M>(s), 0)...};
    }
};

template <class T>
constexpr std::size_t key_size() {
    key_counter c;
    key_of<T>::write(c);
    return c.size;
}

template <class T>
inline constexpr auto shape_key = [] {
    key_writer<key_size<T>()> w;
    key_of<T>::write(w);
    return w.tokens;
}();

template <class T, class Sink>
constexpr void write_key(Sink& s) {
    for (int token : shape_key<T>) s.put(token);
}

// A view of a key: tokens and length.
struct key_view {
    const int* tokens;
    std::size_t size;
};

template <class T>
constexpr key_view key_view_of() {
    return {shape_key<T>.data(), shape_key<T>.size()};
}

constexpr int compare_keys(key_view a, key_view b) {
    for (std::size_t i = 0; i < a.size && i < b.size; ++i)
        if (a.tokens[i] != b.tokens[i]) return a.tokens[i] < b.tokens[i] ? -1 : 1;
    return a.size == b.size ? 0 : (a.size < b.size ? -1 : 1);
}

// Polynomial degree of a shape: variables count 1, an integer power multiplies,
// a sum has the degree of its highest term; functions and real powers count 0.
template <class T>
inline constexpr int degree = 0;
template <char... C>
inline constexpr int degree<variable<C...>> = 1;
template <class... B, int... N>
inline constexpr int degree<mul<factor<B, N>...>> = [] {
    int d = 0;
    for (int m : {0, degree<B> * N...}) d += m;
    return d;
}();
template <bool H, coefficient_kind... K, class... M>
inline constexpr int degree<add<H, term<K, M>...>> = [] {
    int d = 0;
    for (int m : {0, degree<M>...}) d = m > d ? m : d;
    return d;
}();

// The indices 0..N-1 in stable order by `less`: insertion for a few, a
// bottom-up merge of sorted runs for more (a sum<N> of 126 terms: 4,000
// comparisons of keys by insertion, 800 by merging).
template <std::size_t N, class Less>
constexpr std::array<std::size_t, N> sorted_indices(Less less) {
    std::array<std::size_t, N> idx{};
    for (std::size_t i = 0; i < N; ++i) idx[i] = i;
    constexpr std::size_t run = 8;
    for (std::size_t first = 0; first < N; first += run) {  // sorted runs of 8, by insertion
        const std::size_t last = first + run < N ? first + run : N;
        for (std::size_t i = first + 1; i < last; ++i) {
            std::size_t v = idx[i], j = i;
            for (; j > first && less(v, idx[j - 1]); --j) idx[j] = idx[j - 1];
            idx[j] = v;
        }
    }
    if constexpr (N > run) {
        std::array<std::size_t, N> merged{};
        for (std::size_t width = run; width < N; width *= 2) {
            for (std::size_t first = 0; first < N; first += 2 * width) {
                const std::size_t middle = first + width < N ? first + width : N;
                const std::size_t last = first + 2 * width < N ? first + 2 * width : N;
                std::size_t a = first, b = middle, out = first;
                while (a < middle && b < last) merged[out++] = less(idx[b], idx[a]) ? idx[b++] : idx[a++];
                while (a < middle) merged[out++] = idx[a++];
                while (b < last) merged[out++] = idx[b++];
            }
            idx = merged;
        }
    }
    return idx;
}

}  // namespace leibniz::detail
