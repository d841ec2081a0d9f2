// The value and the gradient of an expression through its plan: the bindings
// are first normalised into one array of input values (the differentiation
// variables in their order, then the other variables' occurrences), so the
// code that runs depends on the expression, the variables and the scalar type
// only, never on how the point was bound.
#pragma once

#include <leibniz/config.hpp>
#include <leibniz/plan/execute.hpp>
#include <leibniz/plan/gradient.hpp>
#include <leibniz/plan/lower.hpp>

#include <array>
#include <cstddef>
#include <type_traits>

namespace leibniz::detail::plan {

// Can the plan evaluate E (false for expressions holding a mean over samples)?
template <class E, class Vars>
inline constexpr bool has_gradient_plan = gradient_plan<E, Vars>.supported;

template <const auto& Plan, std::size_t N>
inline constexpr std::array<bool, N> inputs_used = [] {
    std::array<bool, N> used{};
    for (const instruction& in : Plan.code)
        if (in.code == op::input && static_cast<std::size_t>(in.a) < N) used[static_cast<std::size_t>(in.a)] = true;
    return used;
}();

// The input values: Vars from the bindings, then the other variables' occurrences.
template <class T, const auto& Plan, class Vars, class E, bool WithExtras = true, class Env>
LEIBNIZ_INLINE constexpr auto gather_inputs(const Env& env) {
    constexpr std::size_t n = Vars::size;
    constexpr std::size_t extras = static_cast<std::size_t>(Plan.extras);
    std::array<T, (n + extras > 0 ? n + extras : 1)> inputs{};
    [&]<class... V>(variable_pack<V...>) LEIBNIZ_INLINE {
        std::size_t i = 0;
        auto one = [&]<class W>(std::type_identity<W>) LEIBNIZ_INLINE {
            if constexpr (inputs_used<Plan, n>[index_in<W, Vars>]) inputs[i] = env.template get<W, T>();
            ++i;
        };
        (one(std::type_identity<V>{}), ...);
    }(Vars{});
    if constexpr (WithExtras && extras > 0) {
        T* out = inputs.data() + n;
        gather_extras<Vars, T>(walk{}, static_cast<const E*>(nullptr), env, out);
    }
    return inputs;
}

// Does the plan read a stored number's exactness (an exponent p: integer or not)?
template <const auto& Plan>
inline constexpr bool reads_exact_numbers = [] {
    for (const instruction& in : Plan.code)
        if (in.code == op::real_pow || in.code == op::real_coefficient) return true;
    return false;
}();

template <class T, std::size_t N, bool Exact>
struct gathered_numbers {
    T values[N];
    const number* exact[Exact ? N : 1];
    constexpr numbers_view<T> view() const { return {values, exact}; }
};

template <class T, const auto& Plan, class E>
LEIBNIZ_INLINE constexpr auto gather_all_numbers(const E& f) {
    constexpr std::size_t n = Plan.numbers > 0 ? static_cast<std::size_t>(Plan.numbers) : 1;
    constexpr bool exact = reads_exact_numbers<Plan>;
    gathered_numbers<T, n, exact> numbers{};
    number_sink<T, exact> sink{numbers.values, numbers.exact};
    gather_numbers(walk{}, f, sink);
    return numbers;
}

// Runs the plan on gathered inputs and numbers.
template <class T, class Vars, class E>
LEIBNIZ_INLINE constexpr void run_gradient_plan(const T* inputs, numbers_view<T> numbers, T& value,
                                                std::array<T, Vars::size>& gradient) {
    constexpr const auto& P = gradient_plan<E, Vars>;
    T r[P.size];
    run<T, P>(r, inputs, numbers);
    value = r[P.outputs[0]];
    for (std::size_t i = 0; i < Vars::size; ++i) gradient[i] = r[P.outputs[i + 1]];
}

template <class T, class Vars, class E, class Env>
LEIBNIZ_FLATTEN constexpr void value_and_gradient(const E& f, const Env& env, T& value, std::array<T, Vars::size>& gradient) {
    constexpr const auto& P = gradient_plan<E, Vars>;
    const auto inputs = gather_inputs<T, P, Vars, E>(env);
    const auto numbers = gather_all_numbers<T, P>(f);
    run_gradient_plan<T, Vars, E>(inputs.data(), numbers.view(), value, gradient);
}

// The sum over samples of a loss's value and gradient, in one pass: the
// numbers and the parameters gathered once, the data variables per sample.
template <class T, class Vars, class L, class Data, class Env, class SampleEnv>
LEIBNIZ_FLATTEN constexpr void sum_over_samples(const L& loss, const Data& data, const Env& env, T& value,
                                                std::array<T, Vars::size>& gradient) {
    constexpr const auto& P = gradient_plan<L, Vars>;
    // (Vars are never data variables here: their values come from the outer bindings.)
    auto inputs = gather_inputs<T, P, Vars, L, false>(env);
    const auto numbers = gather_all_numbers<T, P>(loss);
    value = T(0);
    for (T& g : gradient) g = T(0);
    for (std::size_t i = 0; i < data.size; ++i) {
        if constexpr (P.extras > 0) {
            T* out = inputs.data() + Vars::size;
            gather_extras<Vars, T>(walk{}, static_cast<const L*>(nullptr), SampleEnv{env, data, i}, out);
        }
        T v{};
        std::array<T, Vars::size> g{};
        run_gradient_plan<T, Vars, L>(inputs.data(), numbers.view(), v, g);
        value = value + v;
        for (std::size_t c = 0; c < Vars::size; ++c) gradient[c] = gradient[c] + g[c];
    }
}

}  // namespace leibniz::detail::plan
