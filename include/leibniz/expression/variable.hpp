// Variables, packs of variables, and binding them to values: var<"x">, "x"_var,
// vars<"x", 8>, x = 3.0, xs = std::array{...}.
#pragma once

#include <leibniz/detail/diagnostics.hpp>
#include <leibniz/detail/fixed_string.hpp>
#include <leibniz/expression/nodes.hpp>

#include <array>
#include <concepts>
#include <cstddef>
#include <span>
#include <tuple>
#include <type_traits>
#include <utility>

namespace leibniz {

// A value bound to one variable, made by `x = value`.
template <class Variable, class T>
struct binding {
    using variable_type = Variable;
    using value_type = T;
    T value;
};

// A column of samples for one variable, made by `x = values` (see lz::data).
template <class Variable, class T>
struct data_column {
    using variable_type = Variable;
    using value_type = T;
    std::span<const T> values;
};

namespace detail {
// Ranges by their std::begin / std::end and contiguous ones by std::data /
// std::size (declared by <array> and <span>): <ranges> itself costs every
// unit about a tenth of a second and is not needed for these.
template <class T>
concept iterable = requires(T& t) {
    std::begin(t);
    std::end(t);
};
template <class R>
concept contiguous_values = requires(const R& r) {
    { std::data(r) } -> std::convertible_to<const std::remove_cvref_t<decltype(*std::data(r))>*>;
    { std::size(r) } -> std::convertible_to<std::size_t>;
};
template <contiguous_values R>
using contiguous_value_t = std::remove_cvref_t<decltype(*std::data(std::declval<const R&>()))>;
template <class T>
inline constexpr bool is_array_or_span = false;
template <class T, std::size_t N>
inline constexpr bool is_array_or_span<std::array<T, N>> = true;
template <class T, std::size_t N>
inline constexpr bool is_array_or_span<std::span<T, N>> = true;
}  // namespace detail

template <class T>
concept BindableValue = Number<T> || (!Expression<T> && !detail::iterable<T> && !std::is_pointer_v<std::remove_cvref_t<T>> &&
                                      !std::is_array_v<std::remove_cvref_t<T>> && std::is_copy_constructible_v<T>);

template <char... Name>
struct variable : expression_base<variable<Name...>> {
    static constexpr char name[] = {Name..., '\0'};

    // x = value: a binding for evaluation. Any copyable scalar type works:
    // float, double, long double, std::complex, a user-defined scalar.
    template <class T>
        requires BindableValue<std::remove_cvref_t<T>>
    constexpr binding<variable, std::remove_cvref_t<T>> operator=(T&& value) const {
        return {std::forward<T>(value)};
    }

    // x = values, for lz::data: a column of samples, referred to like a std::span
    // (keep the values alive while the data set is used).
    template <detail::contiguous_values R>
        requires Number<detail::contiguous_value_t<R>>
    constexpr data_column<variable, detail::contiguous_value_t<R>> operator=(const R& values) const {
        return {std::span<const detail::contiguous_value_t<R>>(std::data(values), std::size(values))};
    }
};

namespace detail {
template <fixed_string S, std::size_t... I>
constexpr auto make_variable(std::index_sequence<I...>) {
    return variable<S.data[I]...>{};
}

template <std::size_t N>
constexpr std::size_t digit_count() {
    std::size_t d = 1;
    for (std::size_t n = N; n >= 10; n /= 10) ++d;
    return d;
}
template <std::size_t N, std::size_t Position>  // Position 0 is the most significant digit
constexpr char digit() {
    std::size_t n = N;
    for (std::size_t i = Position + 1; i < digit_count<N>(); ++i) n /= 10;
    return static_cast<char>('0' + n % 10);
}
template <std::size_t Index, char... Prefix, std::size_t... D>
constexpr auto indexed_variable(std::index_sequence<D...>) {
    return variable<Prefix..., digit<Index, D>()...>{};
}
}  // namespace detail

// var<"x">: the variable named x.
template <detail::fixed_string Name>
inline constexpr auto var = [] {
    static_assert(Name.size > 0, "leibniz: a variable needs a non-empty name");
    return detail::make_variable<Name>(std::make_index_sequence<Name.size>{});
}();

namespace literals {
// "x"_var: the same as var<"x">.
template <detail::fixed_string Name>
constexpr auto operator""_var() {
    return var<Name>;
}
}  // namespace literals

// ---- packs of variables: vars<"x", 8> is x0 ... x7 -------------------------

template <class... Variables>
struct variable_pack;

// Binding of a whole pack, made by `xs = values` (std::array or std::span of N
// values). It refers to an array or span it is given, like a std::span (no
// copy: the values are read where they are); it keeps a copy of a temporary
// array. (A reference into an automatic constexpr array is not a constant
// expression: in a static_assert, bind a static or namespace-scope array.)
template <class Pack, class T, bool Owning>
struct pack_binding {
    using pack_type = Pack;
    using value_type = T;
    std::conditional_t<Owning, std::array<T, Pack::size>, const T*> values;

    constexpr const T& operator[](std::size_t i) const { return values[i]; }
};

// Customization point: a type that holds its values contiguously, with their
// number known at compile time, binds a pack like a std::array. Specialize it
// (an interop header does, e.g. interop/eigen.hpp for Eigen's vectors):
//   template <> struct leibniz::contiguous_values<R> {
//       using value_type = ...;                           // the scalar
//       static constexpr std::size_t size = ...;          // or std::dynamic_extent: size known at run time only
//       static const value_type* data(const R& r);        // the first value
//   };
// `xs = r` then refers to r's values (no copy) when r is an lvalue, and keeps a
// copy of them when r is a temporary. A size of std::dynamic_extent is refused
// with a static_assert (there is no run-time check of a pack's size).
template <class R>
struct contiguous_values;  // not defined: no type is contiguous_values unless specialized

template <class R>
concept ContiguousValues = requires(const R& r) {
    typename contiguous_values<R>::value_type;
    { contiguous_values<R>::size } -> std::convertible_to<std::size_t>;
    { contiguous_values<R>::data(r) } -> std::convertible_to<const typename contiguous_values<R>::value_type*>;
};

// A tuple of variables (std::get and structured bindings work), bound as a whole by `xs = values`.
template <class... Variables>
struct variable_pack : std::tuple<Variables...> {
    static constexpr std::size_t size = sizeof...(Variables);

    template <class T, std::size_t N>
    constexpr auto operator=(const std::array<T, N>& values) const {
        static_assert(N == size, "leibniz: a pack of variables is bound from an array with one value per variable");
        return pack_binding<variable_pack, T, false>{values.data()};
    }
    template <class T, std::size_t N>
    constexpr auto operator=(std::array<T, N>&& values) const {
        static_assert(N == size, "leibniz: a pack of variables is bound from an array with one value per variable");
        return pack_binding<variable_pack, T, true>{values};
    }
    template <class T, std::size_t N>
    constexpr auto operator=(std::span<T, N> values) const {
        static_assert(N != std::dynamic_extent,
                      "leibniz: a pack of variables is bound from a std::span of static extent (std::span<const T, N>)");
        static_assert(N == size, "leibniz: a pack of variables is bound from a span with one value per variable");
        return pack_binding<variable_pack, std::remove_cv_t<T>, false>{values.data()};
    }
    // xs = v for values whose number is known at run time only (a std::vector,
    // a std::string_view, ...): refused in one readable line rather than a
    // list of operator= candidates.
    template <class R>
        requires(detail::contiguous_values<std::remove_cvref_t<R>> && !ContiguousValues<std::remove_cvref_t<R>> &&
                 !detail::is_array_or_span<std::remove_cvref_t<R>>)
    constexpr auto operator=(R&&) const {
        static_assert(detail::always_false<R>,
                      "leibniz: a pack of variables is bound from values whose number is known at compile time: a "
                      "std::array<T, N>, or a std::span<const T, N> over the values (std::span<const double, N>(v.data(), "
                      "N) for a std::vector v, whose size is known at run time only)");
        return pack_binding<variable_pack, double, true>{};
    }
    // xs = r for a type that specializes contiguous_values (above).
    template <class R>
        requires ContiguousValues<std::remove_cvref_t<R>>
    constexpr auto operator=(R&& values) const {
        using traits = contiguous_values<std::remove_cvref_t<R>>;
        using T = std::remove_cv_t<typename traits::value_type>;
        constexpr std::size_t n = traits::size;
        static_assert(n != std::dynamic_extent,
                      "leibniz: a pack of variables is bound from values whose number is known at compile time: "
                      "a fixed-size vector (Eigen::Matrix<T, N, 1>, not Eigen::VectorXd) or a fixed-size map over "
                      "the values (Eigen::Map<const Eigen::Matrix<T, N, 1>>(v.data()))");
        static_assert(n == size || n == std::dynamic_extent,
                      "leibniz: a pack of variables is bound from a vector with one value per variable");
        if constexpr (std::is_lvalue_reference_v<R>) {
            return pack_binding<variable_pack, T, false>{traits::data(values)};
        } else {
            return [&]<std::size_t... I>(std::index_sequence<I...>) {
                const T* p = traits::data(values);
                return pack_binding<variable_pack, T, true>{std::array<T, size>{p[I]...}};
            }(std::make_index_sequence<size>{});
        }
    }
};

namespace detail {
template <fixed_string Prefix, std::size_t... I>
constexpr auto make_pack(std::index_sequence<I...>) {
    return [] <std::size_t... P>(std::index_sequence<P...>) {
        return variable_pack<decltype(indexed_variable<I, Prefix.data[P]...>(
            std::make_index_sequence<digit_count<I>()>{}))...>{};
    }(std::make_index_sequence<Prefix.size>{});
}
}  // namespace detail

// vars<"x", N>: the variables x0 ... x(N-1), a tuple-like pack.
template <detail::fixed_string Prefix, std::size_t N>
inline constexpr auto vars = [] {
    static_assert(Prefix.size > 0, "leibniz: a pack of variables needs a non-empty name");
    static_assert(N > 0, "leibniz: a pack of variables has at least one variable");
    return detail::make_pack<Prefix>(std::make_index_sequence<N>{});
}();

template <class T>
struct is_variable_pack : std::false_type {};
template <class... V>
struct is_variable_pack<variable_pack<V...>> : std::true_type {};

template <class T>
concept VariablePack = is_variable_pack<std::remove_cvref_t<T>>::value;

}  // namespace leibniz

template <class... V>
struct std::tuple_size<leibniz::variable_pack<V...>> : std::integral_constant<std::size_t, sizeof...(V)> {};
template <std::size_t I, class... V>
struct std::tuple_element<I, leibniz::variable_pack<V...>> : std::tuple_element<I, std::tuple<V...>> {};
