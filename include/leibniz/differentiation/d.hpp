// d(f, x): the derivative of an expression, itself an expression.
// d(f, x, y, ...) differentiates successively: d(d(f, x), y).
#pragma once

#include <leibniz/differentiation/rules.hpp>
#include <leibniz/expression/nodes.hpp>

namespace leibniz {

namespace detail {
// An unqualified call, so that rules declared in later headers (data/mean.hpp)
// are found by argument-dependent lookup.
template <class E, class V>
constexpr auto differentiate(const E& f, V x) {
    return derive(f, x);
}
}  // namespace detail

template <Expression E, Variable V, Variable... More>
constexpr auto d(const E& f, V x, More... more) {
    if constexpr (sizeof...(More) == 0)
        return detail::differentiate(f, x);
    else
        return d(detail::differentiate(f, x), more...);
}

// A clear message for d(f, something that is not a variable).
template <class E, class V, class... More>
    requires(!Expression<E> || !Variable<V> || !(Variable<More> && ...))
constexpr auto d(const E&, V, More...) {
    static_assert(Expression<E>, "leibniz: d(f, x): the first argument must be a leibniz expression");
    static_assert(Variable<V> && (Variable<More> && ...),
                  "leibniz: d(f, x): differentiate by a variable such as lz::var<\"x\">, not by an expression or a number");
    return zero{};
}

}  // namespace leibniz
