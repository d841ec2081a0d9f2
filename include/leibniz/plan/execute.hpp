// Running a plan.
//
// At run time the plan is straight-line code: one statement per instruction,
// each instruction a compile-time constant, so the compiler sees exactly the
// operations a person would write, each register a local value. In constant
// evaluation the same plan runs as a loop over its instructions, a few steps
// each (compilers bound the steps of a constant evaluation).
#pragma once

#include <leibniz/config.hpp>
#include <leibniz/detail/number.hpp>
#include <leibniz/evaluation/math.hpp>
#include <leibniz/plan/instruction.hpp>

#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

namespace leibniz::detail::plan {

// The stored numbers of the expression as the plan reads them: their values in
// T (plain loads, which the compiler folds when the expression is a constant),
// and the numbers themselves where an exponent's exactness matters (real_pow).
template <class T>
struct numbers_view {
    const T* values;
    const number* const* exact;
};

// base^k by the squarings of math::ipow<k>, for a k known only when the loop runs.
template <class T>
constexpr T ipow_by_squaring(const T& v, long long k) {
    if (k < 0) return T(1) / ipow_by_squaring(v, -k);
    if (k == 1) return v;
    if (k % 2 == 0) {
        const T half = ipow_by_squaring(v, k / 2);
        return half * half;
    }
    return ipow_by_squaring(v, k - 1) * v;
}

// p^(shift) where p is a stored number: an exact integer exponent by squarings, as evaluation does.
template <class T>
constexpr T real_power_of(const T& base, const number& p, long long shift) {
    const number exponent = shift == 0 ? p : p - number(shift);
    if (exponent.is_integer()) return math::ipow(base, static_cast<long long>(exponent.num));
    return math::pow(base, to_scalar<T>(exponent));
}
template <class T>
constexpr T real_coefficient_of(const number& p, long long shift) {
    return to_scalar<T>(shift == 0 ? p : p - number(shift));
}

// The loop's interpreter, for floating-point types (the types of constant evaluation).
template <class T>
constexpr T apply(const instruction& in, const T* r, const T* inputs, numbers_view<T> numbers) {
    switch (in.code) {
        case op::integer: return T(static_cast<int>(in.k));
        case op::input: return inputs[in.a];
        case op::number: return numbers.values[in.a];
        case op::add: return r[in.a] + r[in.b];
        case op::sub: return r[in.a] - r[in.b];
        case op::mul: return r[in.a] * r[in.b];
        case op::div: return r[in.a] / r[in.b];
        case op::neg: return -r[in.a];
        case op::ipow: return ipow_by_squaring(r[in.a], in.k);
        case op::sin: return math::sin(r[in.a]);
        case op::cos: return math::cos(r[in.a]);
        case op::tan: return math::tan(r[in.a]);
        case op::exp: return math::exp(r[in.a]);
        case op::log: return math::log(r[in.a]);
        case op::sqrt: return math::sqrt(r[in.a]);
        case op::tanh: return math::tanh(r[in.a]);
        case op::abs: return math::abs(r[in.a]);
        case op::sign: return math::sign(r[in.a]);
        case op::pow: return math::pow(r[in.a], r[in.b]);
        case op::real_pow: return real_power_of(r[in.a], *numbers.exact[in.b], in.k);
        case op::real_coefficient: return real_coefficient_of<T>(*numbers.exact[in.b], in.k);
    }
    return T{};
}

// One instruction, its operation chosen at compile time.
template <class T, const auto& Plan, std::size_t I>
LEIBNIZ_INLINE constexpr void step(T* r, const T* inputs, numbers_view<T> numbers) {
    constexpr instruction in = Plan.code[I];
    if constexpr (in.code == op::integer) r[I] = T(static_cast<int>(in.k));
    else if constexpr (in.code == op::input) r[I] = inputs[in.a];
    else if constexpr (in.code == op::number) r[I] = numbers.values[in.a];
    else if constexpr (in.code == op::add) r[I] = r[in.a] + r[in.b];
    else if constexpr (in.code == op::sub) r[I] = r[in.a] - r[in.b];
    else if constexpr (in.code == op::mul) r[I] = r[in.a] * r[in.b];
    else if constexpr (in.code == op::div) r[I] = r[in.a] / r[in.b];
    else if constexpr (in.code == op::neg) r[I] = -r[in.a];
    else if constexpr (in.code == op::ipow && in.k > 0) r[I] = math::ipow<static_cast<int>(in.k)>(r[in.a]);
    else if constexpr (in.code == op::ipow) r[I] = T(1) / math::ipow<static_cast<int>(-in.k)>(r[in.a]);
    else if constexpr (in.code == op::sin) r[I] = math::sin(r[in.a]);
    else if constexpr (in.code == op::cos) r[I] = math::cos(r[in.a]);
    else if constexpr (in.code == op::tan) r[I] = math::tan(r[in.a]);
    else if constexpr (in.code == op::exp) r[I] = math::exp(r[in.a]);
    else if constexpr (in.code == op::log) r[I] = math::log(r[in.a]);
    else if constexpr (in.code == op::sqrt) r[I] = math::sqrt(r[in.a]);
    else if constexpr (in.code == op::tanh) r[I] = math::tanh(r[in.a]);
    else if constexpr (in.code == op::abs) r[I] = math::abs(r[in.a]);
    else if constexpr (in.code == op::sign) r[I] = math::sign(r[in.a]);
    else if constexpr (in.code == op::pow) r[I] = math::pow(r[in.a], r[in.b]);
    else if constexpr (in.code == op::real_pow) r[I] = real_power_of(r[in.a], *numbers.exact[in.b], in.k);
    else r[I] = real_coefficient_of<T>(*numbers.exact[in.b], in.k);
}

inline constexpr std::size_t block_size = 128;  // Clang expands at most 256 operands in one fold

template <class T, const auto& Plan, std::size_t First, std::size_t... I>
LEIBNIZ_INLINE constexpr void run_block(std::index_sequence<I...>, T* r, const T* inputs, numbers_view<T> numbers) {
    (step<T, Plan, First + I>(r, inputs, numbers), ...);
}

template <class T, const auto& Plan, std::size_t... B>
LEIBNIZ_INLINE constexpr void run_blocks(std::index_sequence<B...>, T* r, const T* inputs, numbers_view<T> numbers) {
    constexpr std::size_t size = std::remove_cvref_t<decltype(Plan)>::size;
    (run_block<T, Plan, B * block_size>(
         std::make_index_sequence<(size - B * block_size < block_size ? size - B * block_size : block_size)>{}, r,
         inputs, numbers),
     ...);
}

// Runs the plan into registers r (one per instruction).
template <class T, const auto& Plan>
LEIBNIZ_INLINE constexpr void run(T* r, const T* inputs, numbers_view<T> numbers) {
    constexpr std::size_t size = std::remove_cvref_t<decltype(Plan)>::size;
    if constexpr (std::is_floating_point_v<T>) {
        if (std::is_constant_evaluated()) {
            // The common operations inline, the rest through apply: compilers count
            // the steps of a constant evaluation, and a call costs several.
            for (std::size_t i = 0; i < size; ++i) {
                const instruction& in = Plan.code[i];
                switch (in.code) {
                    case op::input: r[i] = inputs[in.a]; break;
                    case op::add: r[i] = r[in.a] + r[in.b]; break;
                    case op::sub: r[i] = r[in.a] - r[in.b]; break;
                    case op::mul: r[i] = r[in.a] * r[in.b]; break;
                    default: r[i] = apply(in, r, inputs, numbers); break;
                }
            }
            return;
        }
    }
    run_blocks<T, Plan>(std::make_index_sequence<(size + block_size - 1) / block_size>{}, r, inputs, numbers);
}

}  // namespace leibniz::detail::plan
