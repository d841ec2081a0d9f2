// Symbolic indices and the integer expressions built from them: index<"i">,
// positions such as i + 1 and 2*i + 1 (scale·i + offset), and the bounds of a
// sum over an index: integers and sizes, size(x) - 1, size(x) / 2, rows(A),
// cols(A).
//
// An index is not an expression: it takes no derivative and is never a
// number in a sum. Its offsets are stored values (i + 1 and i + 2 have one
// type), as a constant's value is.
#pragma once

#include <leibniz/detail/fixed_string.hpp>

#include <concepts>
#include <cstddef>
#include <stdexcept>
#include <string_view>
#include <type_traits>
#include <utility>

namespace leibniz {

// The value of an index, made by `k = 3`: evaluates a k-th partial at k = 3.
template <class Index>
struct index_binding {
    using variable_type = Index;
    using value_type = long long;
    long long value;
};

// A symbolic index: i in x[i + 1] and sum(i, 0, size(x) - 1, ...).
template <char... Name>
struct index_variable {
    static constexpr char spelled[] = {Name..., '\0'};
    static constexpr std::string_view name{spelled, sizeof...(Name)};  // (Clang 14 cannot index spelled in constant evaluation)

    template <std::integral K>
    constexpr index_binding<index_variable> operator=(K k) const {
        return {static_cast<long long>(k)};
    }
};

// scale·Index + offset; Index void: a fixed position (x[0]).
template <class Index>
struct affine_index {
    using index_type = Index;
    long long scale = std::is_void_v<Index> ? 0 : 1;
    long long offset = 0;

    friend constexpr bool operator==(const affine_index&, const affine_index&) = default;
};

namespace detail {
template <class T>
inline constexpr bool is_index = false;
template <char... C>
inline constexpr bool is_index<index_variable<C...>> = true;

template <class T>
inline constexpr bool is_affine_index = false;
template <class I>
inline constexpr bool is_affine_index<affine_index<I>> = true;

template <char... C>
constexpr affine_index<index_variable<C...>> as_position(index_variable<C...>) {
    return {1, 0};
}
template <class I>
constexpr affine_index<I> as_position(affine_index<I> a) {
    return a;
}
template <std::integral K>
constexpr affine_index<void> as_position(K k) {
    return {0, static_cast<long long>(k)};
}
}  // namespace detail

// A position in a vector: an integer, an index, or scale·index + offset.
template <class T>
concept Position = std::integral<T> || detail::is_index<T> || detail::is_affine_index<T>;

// ---- arithmetic on positions: i + 1, i - 1, 2*i, 2*i + 1 -----------------------

template <class P, std::integral K>
    requires(detail::is_index<P> || detail::is_affine_index<P>)
constexpr auto operator+(P p, K k) {
    auto a = detail::as_position(p);
    a.offset += static_cast<long long>(k);
    return a;
}
template <class P, std::integral K>
    requires(detail::is_index<P> || detail::is_affine_index<P>)
constexpr auto operator+(K k, P p) {
    return p + k;
}
template <class P, std::integral K>
    requires(detail::is_index<P> || detail::is_affine_index<P>)
constexpr auto operator-(P p, K k) {
    auto a = detail::as_position(p);
    a.offset -= static_cast<long long>(k);
    return a;
}
template <class P, std::integral K>
    requires(detail::is_index<P> || detail::is_affine_index<P>)
constexpr auto operator*(K k, P p) {
    auto a = detail::as_position(p);
    a.scale *= static_cast<long long>(k);
    a.offset *= static_cast<long long>(k);
    return a;
}
template <class P, std::integral K>
    requires(detail::is_index<P> || detail::is_affine_index<P>)
constexpr auto operator*(P p, K k) {
    return k * p;
}

namespace detail {
// Kind<'n', 'a', 'm', 'e'>{} from "name": an index, a vector or a matrix.
template <template <char...> class Kind, fixed_string Name>
constexpr auto named() {
    return []<std::size_t... I>(std::index_sequence<I...>) {
        return Kind<Name.data[I]...>{};
    }(std::make_index_sequence<Name.size>{});
}
}  // namespace detail

// index<"i">: the index named i.
template <detail::fixed_string Name>
inline constexpr auto index = [] {
    static_assert(Name.size > 0, "leibniz: an index needs a non-empty name");
    return detail::named<index_variable, Name>();
}();

// ---- bounds of a sum over an index ---------------------------------------------

// What a bound measures: nothing (an integer), or the length of a bound vector,
// the rows or the columns of a bound matrix.
template <class V>
struct length_of {};
template <class A>
struct rows_of {};
template <class A>
struct cols_of {};

// floor((measure + inner) / divisor) + outer, the measure of Of (0 when Of is void).
template <class Of>
struct index_bound {
    using measure_type = Of;
    long long inner = 0;
    long long divisor = 1;
    long long outer = 0;

    friend constexpr bool operator==(const index_bound&, const index_bound&) = default;
};

namespace detail {
template <class T>
inline constexpr bool is_bound = false;
template <class Of>
inline constexpr bool is_bound<index_bound<Of>> = true;

template <class Of>
constexpr index_bound<Of> as_bound(index_bound<Of> b) {
    return b;
}
template <std::integral K>
constexpr index_bound<void> as_bound(K k) {
    return {0, 1, static_cast<long long>(k)};
}

// floor(a / b) for b > 0.
constexpr long long floor_divide(long long a, long long b) {
    const long long q = a / b;
    return (a % b != 0 && a < 0) ? q - 1 : q;
}
template <class Of>
constexpr long long bound_value(const index_bound<Of>& b, long long measure) {
    return floor_divide(measure + b.inner, b.divisor) + b.outer;
}
}  // namespace detail

// A bound of a sum: an integer, or a size, rows or cols with integers added and divided.
template <class T>
concept Bound = std::integral<T> || detail::is_bound<T>;

template <class Of, std::integral K>
constexpr index_bound<Of> operator+(index_bound<Of> b, K k) {
    b.outer += static_cast<long long>(k);
    return b;
}
template <class Of, std::integral K>
constexpr index_bound<Of> operator+(K k, index_bound<Of> b) {
    return b + k;
}
template <class Of, std::integral K>
constexpr index_bound<Of> operator-(index_bound<Of> b, K k) {
    b.outer -= static_cast<long long>(k);
    return b;
}
// size(x) / 2: rounded down. floor((floor((m + a)/d) + o) / k) = floor((m + a + o·d) / (d·k)).
template <class Of, std::integral K>
constexpr index_bound<Of> operator/(index_bound<Of> b, K k) {
    if (k <= 0) throw std::invalid_argument("leibniz: a bound of a sum is divided by a positive integer: size(x) / 2");
    return {b.inner + b.outer * b.divisor, b.divisor * static_cast<long long>(k), 0};
}

}  // namespace leibniz
