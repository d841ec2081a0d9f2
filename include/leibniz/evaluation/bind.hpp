// Bindings by name: what a variable's value is during an evaluation.
//
// A binding source is `x = v` (binding), `xs = array` (pack_binding) or a
// point. An evaluation looks each variable up in its sources; the scalar type
// of the evaluation is the common type of the bound values (an integer
// evaluation is done in double, so that x / 2 is a half).
#pragma once

#include <leibniz/detail/lanes.hpp>
#include <leibniz/detail/tuple.hpp>
#include <leibniz/detail/type_list.hpp>
#include <leibniz/expression/variable.hpp>

#include <array>
#include <cstddef>
#include <tuple>
#include <type_traits>

namespace leibniz {

// point<T, variable_pack<x, y, ...>>: see evaluation/point.hpp.
template <class T, class Variables>
struct point;

namespace detail {

template <class V, class Pack>
inline constexpr std::size_t index_in = 0;
template <class V, template <class...> class Pack, class... Vs>
inline constexpr std::size_t index_in<V, Pack<Vs...>> = [] {
    constexpr bool same[] = {std::is_same_v<V, Vs>..., false};  // (the last: an empty pack has no array)
    for (std::size_t i = 0; i < sizeof...(Vs); ++i)
        if (same[i]) return i;
    return sizeof...(Vs);
}();

// binds<V, Source>: does the source give variable V a value?
template <class V, class Source>
inline constexpr bool binds = false;
template <class V, class T>
inline constexpr bool binds<V, binding<V, T>> = true;
template <class V, class... Vs, class T, bool O>
inline constexpr bool binds<V, pack_binding<variable_pack<Vs...>, T, O>> = any_true<std::is_same_v<V, Vs>...>;
template <class V, class T, class... Vs>
inline constexpr bool binds<V, point<T, variable_pack<Vs...>>> = any_true<std::is_same_v<V, Vs>...>;

template <class V, class T>
constexpr const T& bound_value(const binding<V, T>& b) {
    return b.value;
}
template <class V, class... Vs, class T, bool O>
constexpr const T& bound_value(const pack_binding<variable_pack<Vs...>, T, O>& b) {
    return b[index_in<V, variable_pack<Vs...>>];
}
template <class V, class T, class... Vs>
constexpr const T& bound_value(const point<T, variable_pack<Vs...>>& p) {
    return p.values[index_in<V, variable_pack<Vs...>>];
}

template <class Source>
inline constexpr bool is_binding_source = false;
template <class V, class T>
inline constexpr bool is_binding_source<binding<V, T>> = true;
template <class P, class T, bool O>
inline constexpr bool is_binding_source<pack_binding<P, T, O>> = true;
template <class T, class... Vs>
inline constexpr bool is_binding_source<point<T, variable_pack<Vs...>>> = true;

// The scalar type of an evaluation.
template <class... Sources>
struct scalar_of {
    static constexpr bool has_common = requires { typename std::common_type<typename Sources::value_type...>::type; };
    static_assert(has_common, "leibniz: the bound values have no common scalar type (SIMD lanes of float take "
                              "float values beside them, lanes of double take double values)");
    using common = typename std::conditional_t<has_common, std::common_type<typename Sources::value_type...>,
                                               std::type_identity<double>>::type;
    static_assert(!lane_vector<common> || std::is_floating_point_v<lane_scalar_t<common>>,
                  "leibniz: SIMD lanes of integers would evaluate in integer arithmetic: bind lanes of double or "
                  "float (std::experimental::native_simd<double>)");
    using type = std::conditional_t<std::is_integral_v<common>, double, common>;
};
template <>
struct scalar_of<> {
    using type = double;
};

template <class... Sources>
struct environment {
    tuple<const Sources&...> sources;

    template <class V>
    static constexpr std::size_t source_index = [] {
        constexpr bool has[] = {binds<V, Sources>..., false};
        for (std::size_t i = 0; i < sizeof...(Sources); ++i)
            if (has[i]) return i;
        return sizeof...(Sources);
    }();
    template <class V>
    static constexpr bool has = source_index<V> < sizeof...(Sources);

    template <class V, class T>
    constexpr T get() const {
        return static_cast<T>(bound_value<V>(detail::get<source_index<V>>(sources)));
    }
    // The source that binds V, when V is not a scalar: a vector's or a
    // matrix's values, an index's value (loops/).
    template <class V>
    constexpr const auto& bound_to() const {
        return detail::get<source_index<V>>(sources);
    }
};

}  // namespace detail
}  // namespace leibniz
