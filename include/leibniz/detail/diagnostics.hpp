// Every message leibniz shows a user who made a mistake, in one place.
//
// Where a mistake is about a variable, the message is a class template that is
// never defined, named for the mistake, with the variable as its argument:
// using it stops compilation at one error whose first line reads, on GCC and
// Clang alike, "...incomplete type 'leibniz::error::no_value_is_bound_to<
// leibniz::variable<'y'>>'". The variable is a char pack, which both compilers
// print as text (a string template argument prints as numbers on Clang 14).
// Other mistakes stop at a static_assert whose message says what to do.
#pragma once

namespace leibniz::error {

// The expression uses this variable and no binding gives it a value.
// Fix: bind it, as in f(x = 1.0), f(xs = values) or f(point).
template <class Variable>
struct no_value_is_bound_to;

// Two bindings give this variable a value (f(x = 1.0, x = 2.0)).
// Fix: bind each variable once.
template <class Variable>
struct the_same_variable_is_bound_twice;

// gradient(f, x, y, x), hessian(f, xs, x0): a variable is named twice.
// Fix: name each variable once.
template <class Variable>
struct a_variable_to_differentiate_by_is_named_twice;

}  // namespace leibniz::error

namespace leibniz::detail {

template <class T>
inline constexpr bool always_false = false;

// Naming report<Error> stops compilation with the never-defined Error as the
// subject of the first (and only) error line: `using r = report<Error>;`. (A
// call to a function that fails would add a second error wherever it is
// evaluated in a constant expression; a type alias adds none.)
template <class Error>
using report = decltype(sizeof(Error));

}  // namespace leibniz::detail
