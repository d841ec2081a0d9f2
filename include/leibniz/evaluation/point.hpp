// point(x = 1.0, y = 2.0, xs = array): values of named variables, one scalar
// type for all (the common type of the values; integers become double). An
// expression evaluates at a point (f(p)); p[x] reads or writes x's value.
// The descent routines take and return points.
#pragma once

#include <leibniz/evaluation/bind.hpp>

#include <array>
#include <cstddef>
#include <tuple>
#include <type_traits>

namespace leibniz {

namespace detail {
template <class... Sources>
struct variables_of_sources;
template <>
struct variables_of_sources<> {
    using type = variable_pack<>;
};
template <class V, class T, class... Rest>
struct variables_of_sources<binding<V, T>, Rest...> {
    template <class... R>
    static variable_pack<V, R...> prepend(variable_pack<R...>);
    using type = decltype(prepend(typename variables_of_sources<Rest...>::type{}));
};
template <class... Vs, class T, bool O, class... Rest>
struct variables_of_sources<pack_binding<variable_pack<Vs...>, T, O>, Rest...> {
    template <class... R>
    static variable_pack<Vs..., R...> prepend(variable_pack<R...>);
    using type = decltype(prepend(typename variables_of_sources<Rest...>::type{}));
};
template <class T, class... Vs, class... Rest>
struct variables_of_sources<point<T, variable_pack<Vs...>>, Rest...> {
    template <class... R>
    static variable_pack<Vs..., R...> prepend(variable_pack<R...>);
    using type = decltype(prepend(typename variables_of_sources<Rest...>::type{}));
};
}  // namespace detail

template <class T, class... Variables>
struct point<T, variable_pack<Variables...>> {
    using value_type = T;
    using variables = variable_pack<Variables...>;
    static constexpr std::size_t size = sizeof...(Variables);
    std::array<T, sizeof...(Variables)> values{};

    constexpr point() = default;

    // point(x = 1.0, xs = array, ...): every variable of the point from the bindings.
    template <class... Sources>
        requires(sizeof...(Sources) > 0 && (detail::is_binding_source<Sources> && ...))
    constexpr point(const Sources&... sources)  // NOLINT: implicit, point(x = 1.0) reads as a conversion
        : values(gather(sources...)) {}

    template <Variable V>
    constexpr T& operator[](V) {
        static_assert((std::is_same_v<V, Variables> || ...), "leibniz: point[x]: the point has no variable x");
        return values[detail::index_in<V, variables>];
    }
    template <Variable V>
    constexpr const T& operator[](V) const {
        static_assert((std::is_same_v<V, Variables> || ...), "leibniz: point[x]: the point has no variable x");
        return values[detail::index_in<V, variables>];
    }
    friend constexpr bool operator==(const point&, const point&) = default;

   private:
    template <class... Sources>
    static constexpr std::array<T, sizeof...(Variables)> gather(const Sources&... sources) {
        const detail::environment<Sources...> env{{{sources}...}};
        return {env.template get<Variables, T>()...};
    }
};

template <class... Sources>
    requires(sizeof...(Sources) > 0 && (detail::is_binding_source<Sources> && ...))
point(const Sources&...)
    -> point<typename detail::scalar_of<Sources...>::type, typename detail::variables_of_sources<Sources...>::type>;

}  // namespace leibniz
