// point(x = 1.0, y = 2.0, xs = array): values of named variables, one scalar
// type for all (the common type of the values; integers become double). An
// expression evaluates at a point (f(p)); p[x] reads or writes x's value.
// The descent routines take and return points.
#pragma once

#include <leibniz/detail/type_list.hpp>
#include <leibniz/evaluation/bind.hpp>

#include <array>
#include <cstddef>
#include <tuple>
#include <type_traits>

namespace leibniz {

namespace detail {
// The variables the sources bind, in order, as a type_list: one flat list,
// not one pack per suffix (a variable_pack is a std::tuple, and 64 bindings by
// name made 64 tuples of every length).
template <class Source>
struct source_variables;
template <class V, class T>
struct source_variables<binding<V, T>> {
    using type = type_list<V>;
};
template <class... Vs, class T, bool O>
struct source_variables<pack_binding<variable_pack<Vs...>, T, O>> {
    using type = type_list<Vs...>;
};
template <class T, class... Vs>
struct source_variables<point<T, variable_pack<Vs...>>> {
    using type = type_list<Vs...>;
};
// (concat_t, not a fold expression over the sources: a point may be bound
// from more than 256 of them, past Clang's limit.)
template <class... Sources>
using variable_list_of_sources = concat_t<typename source_variables<Sources>::type...>;

template <class List>
struct as_variable_pack;
template <class... Vs>
struct as_variable_pack<type_list<Vs...>> {
    using type = variable_pack<Vs...>;
};
}  // namespace detail

template <class T, class... Variables>
struct point<T, variable_pack<Variables...>> {
    static_assert(detail::all_true<Variable<Variables>...>,  // (not a fold: Clang folds at most 256, large_packs has 260)
                  "leibniz: a point holds values of variables (lz::var, lz::vars), or one vector alone "
                  "(lz::point(x = values), x an lz::vec): a vector beside other variables is not there yet");
    using value_type = T;
    using variables = variable_pack<Variables...>;
    static constexpr std::size_t size = sizeof...(Variables);
    std::array<T, sizeof...(Variables)> values{};

    constexpr point() = default;

    // point(x = 1.0, xs = array, ...): every variable of the point from the bindings.
    template <class... Sources>
        requires(sizeof...(Sources) > 0 && detail::all_true<detail::is_binding_source<Sources>...>)
    constexpr point(const Sources&... sources)  // NOLINT: implicit, point(x = 1.0) reads as a conversion
        : values(gather(sources...)) {}

    template <Variable V>
    constexpr T& operator[](V) {
        static_assert(detail::any_true<std::is_same_v<V, Variables>...>, "leibniz: point[x]: the point has no variable x");
        return values[detail::index_in<V, variables>];
    }
    template <Variable V>
    constexpr const T& operator[](V) const {
        static_assert(detail::any_true<std::is_same_v<V, Variables>...>, "leibniz: point[x]: the point has no variable x");
        return values[detail::index_in<V, variables>];
    }
    // p[xs] for a pack xs = vars<"x", N>: its variables' values, in the pack's
    // order, as a std::array (a copy). All the point's values, in the order of
    // its variables, are p.values.
    template <class... Ws>
    constexpr std::array<T, sizeof...(Ws)> operator[](const variable_pack<Ws...>&) const {
        static_assert(detail::all_true<(detail::position<Ws, detail::type_list<Variables...>> < sizeof...(Variables))...>,
                      "leibniz: point[xs]: the point has no value for a variable of the pack xs");
        return {values[detail::index_in<Ws, variables>]...};
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
    requires(sizeof...(Sources) > 0 && detail::all_true<detail::is_binding_source<Sources>...>)
point(const Sources&...)
    -> point<typename detail::scalar_of<Sources...>::type, typename detail::as_variable_pack<detail::variable_list_of_sources<Sources...>>::type>;

}  // namespace leibniz
