// The elementary functions of expressions, found by argument-dependent lookup:
// sin cos tan exp log sqrt tanh abs, pow<N>(e), pow(e, p). What each function
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

// pow<N>(e): e to an integer power, N negative too.
template <int N, Operand E>
constexpr auto pow(const E& e) {
    return detail::power_of<N>(detail::lift(e));
}

// pow(e, p): e to a real power p (a number, stored), or to an expression.
template <Operand B, Operand P>
    requires(Expression<B> || Expression<P>)
constexpr auto pow(const B& base, const P& exponent) {
    if constexpr (Number<P>) {
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
