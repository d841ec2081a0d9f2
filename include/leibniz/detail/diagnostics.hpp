// Every message leibniz shows a user who made a mistake, in one place.
//
// A message names the variable at fault as text on GCC and Clang alike: the
// variable is passed as a `variable<'x'>`, a char pack, which both compilers
// print readably (a string template argument prints as numbers on Clang 14).
#pragma once

#include <leibniz/expression/nodes.hpp>

namespace leibniz::detail {

template <class T>
inline constexpr bool always_false = false;

// The expression uses this variable, and no binding gives it a value.
// Fix: add a binding, such as f(x = 1.0), or bind it through a point.
template <class Variable>
constexpr void report_missing_binding(Variable) {
    static_assert(always_false<Variable>,
                  "leibniz: no value is bound to a variable of this expression; the variable is named in "
                  "'report_missing_binding(variable<...>)' below: add a binding such as x = 1.0");
}

}  // namespace leibniz::detail
