// The variables of gradient(f, x, y, xs...): single variables and packs, flattened in order.
#pragma once

#include <leibniz/detail/type_list.hpp>
#include <leibniz/expression/variable.hpp>

#include <type_traits>

namespace leibniz::detail {

// Each argument as a type_list of variables; the lists concatenated, and one
// variable_pack made of the whole. (A fold of variable_pack + variable_pack
// made a pack of every length from 1 to n, each a std::tuple: for a gradient
// named by 32 variables, about half of the compile time went to std::tuple's
// bases and constraints.)
template <class T>
struct as_variable_list {
    static_assert(Variable<T> || VariablePack<T>,
                  "leibniz: gradient/hessian take variables (lz::var<\"x\">) or packs of variables (lz::vars<\"x\", N>); "
                  "a vector (lz::vec<\"x\">) is differentiated by alone, gradient(f, x) or value_and_gradient(f, x) "
                  "(with other variables, and in hessian, not yet)");
    using type = type_list<>;
};
template <char... C>
struct as_variable_list<variable<C...>> {
    using type = type_list<variable<C...>>;
};
template <class... V>
struct as_variable_list<variable_pack<V...>> {
    using type = type_list<V...>;
};

template <class List>
struct pack_of_list;
template <class... V>
struct pack_of_list<type_list<V...>> {
    using type = variable_pack<V...>;
};

template <class... Args>
using flattened_variables =
    typename pack_of_list<concat_t<typename as_variable_list<std::remove_cvref_t<Args>>::type...>>::type;

}  // namespace leibniz::detail
