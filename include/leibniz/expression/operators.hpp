// + - * / and unary - +, with an expression or a number on either side.
// Each builds the canonical form of its result (simplification/collect.hpp).
#pragma once

#include <leibniz/detail/diagnostics.hpp>
#include <leibniz/expression/nodes.hpp>
#include <leibniz/simplification/collect.hpp>

#include <type_traits>

namespace leibniz {

// At least one side is an expression; the other may be a number. Anything
// else (a string literal, a pointer, a user type) does not match these
// operators, and the compiler reports an invalid operand.
template <class A, class B>
concept ExpressionOperands = Operand<A> && Operand<B> && (Expression<A> || Expression<B>);

template <class A, class B>
    requires ExpressionOperands<A, B>
constexpr auto operator+(const A& a, const B& b) {
    return detail::add_all(detail::lift(a), detail::lift(b));
}

template <class A, class B>
    requires ExpressionOperands<A, B>
constexpr auto operator-(const A& a, const B& b) {
    return detail::add_all(detail::lift(a), detail::negate(detail::lift(b)));
}

template <class A, class B>
    requires ExpressionOperands<A, B>
constexpr auto operator*(const A& a, const B& b) {
    return detail::mul_all(detail::lift(a), detail::lift(b));
}

// a / b is a * b^-1; a number divides exactly (x / 2 is a half times x).
template <class A, class B>
    requires ExpressionOperands<A, B>
constexpr auto operator/(const A& a, const B& b) {
    return detail::mul_all(detail::lift(a), detail::power_of<-1>(detail::lift(b)));
}

template <Expression E>
constexpr auto operator-(const E& e) {
    return detail::negate(e);
}

template <Expression E>
constexpr auto operator+(const E& e) {
    return e;
}

}  // namespace leibniz

// ---- misuse: an operand that is neither an expression nor a number --------

namespace leibniz {

template <class A, class B>
concept InvalidOperands = (Expression<A> && !Operand<B>) || (!Operand<A> && Expression<B>);

namespace detail {
template <class T>
inline constexpr bool is_function_operand = std::is_function_v<std::remove_pointer_t<std::remove_cvref_t<T>>>;

template <class A, class B>
constexpr zero report_invalid_operand() {
    // Fix: write numbers (2, 0.5) or leibniz expressions on both sides; convert
    // other values to a number first.
    if constexpr (is_function_operand<A> || is_function_operand<B>) {
        // The usual cause: a variable named y0, y1, j0, j1 (glibc's Bessel
        // functions) or like another function of <cmath>, used where the
        // variable is not in scope, so the name finds the function.
        static_assert(always_false<A>,
                      "leibniz: an operand of + - * / is a function, not a leibniz expression nor a number "
                      "(a variable named like a function of <cmath>, such as y0, y1, j0 or j1, that is not in "
                      "scope where it is used names that function: declare it there, or name it otherwise)");
    } else {
        static_assert(always_false<A>,
                      "leibniz: an operand of + - * / is neither a leibniz expression nor a number "
                      "(a string literal, a pointer or a value of another type cannot be part of an expression)");
    }
    return {};
}
}  // namespace detail

template <class A, class B>
    requires InvalidOperands<A, B>
constexpr zero operator+(const A&, const B&) {
    return detail::report_invalid_operand<A, B>();
}
template <class A, class B>
    requires InvalidOperands<A, B>
constexpr zero operator-(const A&, const B&) {
    return detail::report_invalid_operand<A, B>();
}
template <class A, class B>
    requires InvalidOperands<A, B>
constexpr zero operator*(const A&, const B&) {
    return detail::report_invalid_operand<A, B>();
}
template <class A, class B>
    requires InvalidOperands<A, B>
constexpr zero operator/(const A&, const B&) {
    return detail::report_invalid_operand<A, B>();
}

}  // namespace leibniz
