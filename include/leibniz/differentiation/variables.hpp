// The variables of gradient(f, x, y, xs...): single variables and packs, flattened in order.
#pragma once

#include <leibniz/expression/variable.hpp>

#include <type_traits>

namespace leibniz::detail {

template <class T>
struct as_pack {
    static_assert(Variable<T> || VariablePack<T>,
                  "leibniz: gradient/hessian take variables (lz::var<\"x\">) or packs of variables (lz::vars<\"x\", N>)");
    using type = variable_pack<>;
};
template <char... C>
struct as_pack<variable<C...>> {
    using type = variable_pack<variable<C...>>;
};
template <class... V>
struct as_pack<variable_pack<V...>> {
    using type = variable_pack<V...>;
};

template <class... A, class... B>
variable_pack<A..., B...> operator+(variable_pack<A...>, variable_pack<B...>);  // declared only: for decltype

template <class... Args>
using flattened_variables = decltype((variable_pack<>{} + ... + typename as_pack<std::remove_cvref_t<Args>>::type{}));

}  // namespace leibniz::detail
