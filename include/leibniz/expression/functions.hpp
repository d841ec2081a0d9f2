// The elementary functions of expressions, found by argument-dependent lookup:
// sin cos tan exp log sqrt tanh abs asin acos atan sinh cosh asinh acosh atanh
// erf erfc log1p expm1 cbrt, pow<N>(e), pow(e, p). What each function
// is (value, derivative, printing) is its trait in expression/operations.hpp.
#pragma once

#include <leibniz/expression/nodes.hpp>
#include <leibniz/expression/operations.hpp>
#include <leibniz/simplification/collect.hpp>

namespace leibniz {

template <Operand E>
constexpr auto sin(const E& e) {
    return detail::apply_function<ops::sin>(detail::lift(e));
}
template <Operand E>
constexpr auto cos(const E& e) {
    return detail::apply_function<ops::cos>(detail::lift(e));
}
template <Operand E>
constexpr auto tan(const E& e) {
    return detail::apply_function<ops::tan>(detail::lift(e));
}
template <Operand E>
constexpr auto exp(const E& e) {
    return detail::apply_function<ops::exp>(detail::lift(e));
}
template <Operand E>
constexpr auto log(const E& e) {
    return detail::apply_function<ops::log>(detail::lift(e));
}
template <Operand E>
constexpr auto sqrt(const E& e) {
    return detail::apply_function<ops::sqrt>(detail::lift(e));
}
template <Operand E>
constexpr auto tanh(const E& e) {
    return detail::apply_function<ops::tanh>(detail::lift(e));
}
template <Operand E>
constexpr auto abs(const E& e) {
    return detail::apply_function<ops::abs>(detail::lift(e));
}
// sign(e): -1, 0 or 1; the derivative of abs (0 at 0).
template <Operand E>
constexpr auto sign(const E& e) {
    return detail::apply_function<ops::sign>(detail::lift(e));
}

#define LEIBNIZ_USER_FUNCTION(name)                          \
    template <Operand E>                                     \
    constexpr auto name(const E& e) {                        \
        return detail::apply_function<ops::name>(detail::lift(e)); \
    }
// Inverse trigonometric and hyperbolic functions, the error function, and the
// forms accurate near 0 (log1p(e) = log(1 + e), expm1(e) = exp(e) - 1), cbrt.
LEIBNIZ_USER_FUNCTION(asin)
LEIBNIZ_USER_FUNCTION(acos)
LEIBNIZ_USER_FUNCTION(atan)
LEIBNIZ_USER_FUNCTION(sinh)
LEIBNIZ_USER_FUNCTION(cosh)
LEIBNIZ_USER_FUNCTION(asinh)
LEIBNIZ_USER_FUNCTION(acosh)
LEIBNIZ_USER_FUNCTION(atanh)
LEIBNIZ_USER_FUNCTION(erf)
LEIBNIZ_USER_FUNCTION(erfc)
LEIBNIZ_USER_FUNCTION(log1p)
LEIBNIZ_USER_FUNCTION(expm1)
LEIBNIZ_USER_FUNCTION(cbrt)
#undef LEIBNIZ_USER_FUNCTION

// atan2(y, x): the angle of (x, y) in (-π, π]; hypot(a, b) = √(a² + b²)
// without overflow on the way. At least one argument is an expression.
template <Operand A, Operand B>
    requires(Expression<A> || Expression<B>)
constexpr auto atan2(const A& y, const B& x) {
    return binary_function<ops::atan2, decltype(detail::lift(y)), decltype(detail::lift(x))>{{}, detail::lift(y),
                                                                                            detail::lift(x)};
}
template <Operand A, Operand B>
    requires(Expression<A> || Expression<B>)
constexpr auto hypot(const A& a, const B& b) {
    return binary_function<ops::hypot, decltype(detail::lift(a)), decltype(detail::lift(b))>{{}, detail::lift(a),
                                                                                            detail::lift(b)};
}

// ---- piecewise forms -----------------------------------------------------------

// The condition of where: a comparison of two operands, at least one an
// expression. a > b is kept as b < a, a >= b as b <= a.
template <bool Strict, class L, class R>
struct condition {
    L left;
    R right;
};

template <Operand L, Operand R>
    requires(Expression<L> || Expression<R>)
constexpr auto operator<(const L& l, const R& r) {
    return condition<true, decltype(detail::lift(l)), decltype(detail::lift(r))>{detail::lift(l), detail::lift(r)};
}
template <Operand L, Operand R>
    requires(Expression<L> || Expression<R>)
constexpr auto operator<=(const L& l, const R& r) {
    return condition<false, decltype(detail::lift(l)), decltype(detail::lift(r))>{detail::lift(l), detail::lift(r)};
}
template <Operand L, Operand R>
    requires(Expression<L> || Expression<R>)
constexpr auto operator>(const L& l, const R& r) {
    return r < l;
}
template <Operand L, Operand R>
    requires(Expression<L> || Expression<R>)
constexpr auto operator>=(const L& l, const R& r) {
    return r <= l;
}

namespace detail {
// where(c, a, b), folded where the branches are one value (the same value-free
// shape: a derivative where(x < y, 1, 1) is 1, where(c, 0, 0) is 0).
template <bool Strict, class L, class R, class A, class B>
constexpr auto make_branch(const L& left, const R& right, const A& if_true, const B& if_false) {
    if constexpr (std::is_same_v<A, B> && value_free<A>)
        return if_true;
    else
        return branch<Strict, L, R, A, B>{{}, left, right, if_true, if_false};
}
}  // namespace detail

// where(condition, a, b): a where the condition holds, b elsewhere (and where
// it compares a NaN). Only the branch taken is evaluated and differentiated.
template <bool Strict, class L, class R, Operand A, Operand B>
constexpr auto where(const condition<Strict, L, R>& c, const A& if_true, const B& if_false) {
    return detail::make_branch<Strict>(c.left, c.right, detail::lift(if_true), detail::lift(if_false));
}

// min(a, b) and max(a, b) as std::min and std::max: on a tie (and where b is
// NaN) the first argument, its value and its derivative.
template <Operand A, Operand B>
    requires(Expression<A> || Expression<B>)
constexpr auto min(const A& a, const B& b) {
    return where(b < a, b, a);
}
template <Operand A, Operand B>
    requires(Expression<A> || Expression<B>)
constexpr auto max(const A& a, const B& b) {
    return where(a < b, b, a);
}

// pow<N>(e): e to an integer power, N negative too.
template <int N, Operand E>
constexpr auto pow(const E& e) {
    return detail::power_of<N>(detail::lift(e));
}

// pow(e, p): e to a real power p (a number, stored), or to an expression;
// to an integer known by its type (sum<N>'s index i), as pow<i>(e).
template <Operand B, Operand P>
    requires(Expression<B> || Expression<P>)
constexpr auto pow(const B& base, const P& exponent) {
    if constexpr (IntegerConstant<P>) {
        constexpr auto n = std::remove_cvref_t<P>::value;
        static_assert(n <= 1000000 && (!std::is_signed_v<decltype(n)> || n >= -1000000),
                      "leibniz: pow(e, i): an integer exponent known by its type is at most 10^6 in magnitude");
        return detail::power_of<static_cast<int>(n)>(detail::lift(base));
    } else if constexpr (Number<P>) {
        return real_power<B>{{}, base, detail::number(exponent)};
    } else {
        auto b = detail::lift(base);
        if constexpr (std::is_same_v<P, zero>)
            return one{};
        else if constexpr (std::is_same_v<P, one>)
            return b;
        else if constexpr (std::is_same_v<P, constant>)
            return real_power<decltype(b)>{{}, b, exponent.value};
        else
            return power<decltype(b), P>{{}, b, exponent};
    }
}

}  // namespace leibniz
