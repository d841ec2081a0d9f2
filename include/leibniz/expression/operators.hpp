// + - * / and unary - +, with an expression or a number on either side.
// Each builds the canonical form of its result (simplification/collect.hpp).
#pragma once

#include <leibniz/expression/nodes.hpp>
#include <leibniz/simplification/collect.hpp>

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
