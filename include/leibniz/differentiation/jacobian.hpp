// Vector-valued functions: a std::tuple of expressions, one per row.
//
//   jacobian(std::tuple{f0, f1, ...}, x, y, xs...)   a callable returning the
//       m×n matrix ∂fᵢ/∂xⱼ as std::array<std::array<T, n>, m>, rows in tuple order
//   value_and_jacobian(...)                          .value (std::array<T, m>) and .jacobian
//   jacobian_pattern(tuple, vars...)                 the entries that are not
//       structurally zero, a constexpr std::array<std::array<bool, n>, m>
//   hessian_pattern(f, vars...)                      the same for f's Hessian
//
// All rows are lowered into one evaluation plan (plan/): value numbering
// computes a subexpression the rows share once, and each row's reverse sweep
// runs over the same instructions. An entry that is structurally zero is the
// integer 0 of the plan: nothing is computed for it.
#pragma once

#include <leibniz/config.hpp>
#include <leibniz/differentiation/gradient.hpp>
#include <leibniz/differentiation/rules.hpp>
#include <leibniz/differentiation/variables.hpp>
#include <leibniz/plan/value_and_gradient.hpp>

#include <array>
#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

namespace leibniz {

template <class T, std::size_t M, std::size_t N>
struct value_and_jacobian_result {
    std::array<T, M> value;
    std::array<std::array<T, N>, M> jacobian;
};

namespace detail {

template <class T>
inline constexpr bool is_row_tuple = false;
template <class... R>
inline constexpr bool is_row_tuple<std::tuple<R...>> = sizeof...(R) > 0 && all_true<Operand<R>...>;

// The rows as expressions (a number row is a constant).
template <class... R>
constexpr auto lift_rows(const std::tuple<R...>& rows) {
    // (Not std::apply: libstdc++'s noexcept test folds over the rows, past
    // Clang's 256 operands when a fit has that many residuals.)
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
        return std::tuple{lift(std::get<I>(rows))...};
    }(std::index_sequence_for<R...>{});
}

// A type whose free variables are all rows' (only its type is used: to check the bindings).
template <class... Rows>
using all_rows = mul<factor<Rows, 1>...>;

}  // namespace detail

namespace detail::plan {

// Outputs: for each row, its value and then ∂/∂ each of Vars.
template <class Vars, class... Rows>
struct rows_plan_builder {
    static constexpr std::size_t outputs = sizeof...(Rows) * (1 + Vars::size);
    static constexpr void build(compacted& out, int& numbers, int& extras) {
        lowering l;
        l.differentiated = static_cast<int>(Vars::size);
        buffer<int> results;
        sparse_sweep sweep;
        in_order{(append_value_and_gradient(l, lower_node<Vars>(l, static_cast<const Rows*>(nullptr)), Vars::size, results,
                                            &sweep),
                  0)...};
        numbers = l.numbers;
        extras = l.extras;
        compact(l.b, results, out);
        out.means = l.means;
        out.mean_results = l.mean_results;
    }
};
template <class Vars, class... Rows>
inline constexpr auto rows_plan = compile_plan<rows_plan_builder<Vars, Rows...>>();

// Row I's value and partials, from outputs I·(1 + n) ... (a function of its
// own: the rows are listed in order, not folded, for Clang's limit of 256
// operands in a fold).
template <const auto& P, std::size_t I, std::size_t N, class T, class Value, class Jacobian>
LEIBNIZ_INLINE constexpr void copy_row(const T* r, Value& value, Jacobian& jacobian) {
    value[I] = r[P.outputs[I * (1 + N)]];
    copy_outputs<P, I * (1 + N) + 1, N>(r, jacobian[I]);
}

template <class T, class Vars, class... Rows, class Env>
LEIBNIZ_FLATTEN LEIBNIZ_INLINE constexpr void jacobian_by_plan(const std::tuple<Rows...>& rows, const Env& env,
                                                              std::array<T, sizeof...(Rows)>& value,
                                                              std::array<std::array<T, Vars::size>, sizeof...(Rows)>& jacobian) {
    constexpr std::size_t n = Vars::size;
    constexpr const auto& P = rows_plan<Vars, Rows...>;
    [&]<std::size_t... I>(std::index_sequence<I...>) LEIBNIZ_INLINE {
        const auto inputs = gather_inputs_of<T, P, Vars, true, Rows...>(env);
        const auto numbers = gather_all_numbers<T, P>(std::get<I>(rows)...);
        registers<T, P.size, P.has_guards> registers_of_plan;
        T* r = registers_of_plan.data;
        run<T, P>(r, inputs.data(), numbers.view(), means_of<P, Vars, false>(env, std::get<I>(rows)...));
        in_order{(copy_row<P, I, n>(r, value, jacobian), 0)...};
    }(std::index_sequence_for<Rows...>{});
}

}  // namespace detail::plan

namespace detail {

template <class T, class Vars, class... Rows, class Env>
LEIBNIZ_INLINE constexpr auto value_and_jacobian_of(const std::tuple<Rows...>& rows, const Env& env) {
    value_and_jacobian_result<T, sizeof...(Rows), Vars::size> r;
    plan::jacobian_by_plan<T, Vars>(rows, env, r.value, r.jacobian);
    return r;
}

template <class F, class... Vars>
constexpr void check_jacobian_arguments() {
    static_assert(is_row_tuple<F>,
                  "leibniz: jacobian(F, x, y, ...): F is a std::tuple of expressions, one per row, "
                  "as in std::tuple{x * y, x + y}");
    check_differentiation_variables<std::remove_cvref_t<Vars>...>();
}

}  // namespace detail

template <class Rows, class Vars>
struct value_and_jacobian_function;
template <class... Rows, class Vars>
struct value_and_jacobian_function<std::tuple<Rows...>, Vars> {
    std::tuple<Rows...> rows;

    template <class... Sources>
    LEIBNIZ_INLINE constexpr auto operator()(const Sources&... sources) const {
        return detail::with_bindings<detail::all_rows<Rows...>>(
            [&]<class T>(std::type_identity<T>, const auto& env) LEIBNIZ_INLINE {
                if constexpr (detail::no_environment<decltype(env)>)
                    return value_and_jacobian_result<T, sizeof...(Rows), Vars::size>{};
                else
                    return detail::value_and_jacobian_of<T, Vars>(rows, env);
            },
            sources...);
    }
};

template <class Rows, class Vars>
struct jacobian_function {
    value_and_jacobian_function<Rows, Vars> rows;

    template <class... Sources>
    LEIBNIZ_INLINE constexpr auto operator()(const Sources&... sources) const {
        return rows(sources...).jacobian;
    }
};

// jacobian(std::tuple{f0, f1}, x, y)(x = 1.0, y = 2.0): std::array<std::array<double, 2>, 2>, J[i][j] = ∂fᵢ/∂xⱼ.
template <class F, class... Vars>
constexpr auto jacobian(const F& rows, Vars...) {
    detail::check_jacobian_arguments<F, Vars...>();
    if constexpr (detail::is_row_tuple<F>) {
        using R = decltype(detail::lift_rows(rows));
        return jacobian_function<R, detail::flattened_variables<Vars...>>{{detail::lift_rows(rows)}};
    }
}

// value_and_jacobian(std::tuple{f0, f1}, x, y)(x = 1.0, y = 2.0): .value and .jacobian.
template <class F, class... Vars>
constexpr auto value_and_jacobian(const F& rows, Vars...) {
    detail::check_jacobian_arguments<F, Vars...>();
    if constexpr (detail::is_row_tuple<F>) {
        using R = decltype(detail::lift_rows(rows));
        return value_and_jacobian_function<R, detail::flattened_variables<Vars...>>{detail::lift_rows(rows)};
    }
}

namespace detail {

template <class E, class V>
inline constexpr bool partial_not_zero = !std::is_same_v<decltype(derive(std::declval<const E&>(), V{})), zero>;

template <class E, class... V>
constexpr std::array<bool, sizeof...(V)> row_pattern(variable_pack<V...>) {
    return {partial_not_zero<E, V>...};
}

template <class... Rows, class Vars>
constexpr auto jacobian_pattern_of(type_list<Rows...>, Vars) {
    return std::array<std::array<bool, Vars::size>, sizeof...(Rows)>{row_pattern<Rows>(Vars{})...};
}

template <class E, class... V>
constexpr auto hessian_pattern_of(variable_pack<V...>) {
    constexpr std::size_t n = sizeof...(V);
    using pack = std::tuple<V...>;
    std::array<std::array<bool, n>, n> pattern{};
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        auto row = [&]<std::size_t R>(std::integral_constant<std::size_t, R>) {
            using first = decltype(derive(std::declval<const E&>(), std::tuple_element_t<R, pack>{}));
            pattern[R] = row_pattern<first>(variable_pack<V...>{});
        };
        in_order{(row(std::integral_constant<std::size_t, I>{}), 0)...};
    }(std::make_index_sequence<n>{});
    return pattern;
}

}  // namespace detail

// jacobian_pattern(std::tuple{f0, f1}, x, y): P[i][j] is false where ∂fᵢ/∂xⱼ is
// structurally zero (zero whatever the point), known from the types alone.
template <class F, class... Vars>
constexpr auto jacobian_pattern(const F&, Vars...) {
    detail::check_jacobian_arguments<F, Vars...>();
    if constexpr (detail::is_row_tuple<F>) {
        using R = decltype(detail::lift_rows(std::declval<const F&>()));
        return []<class... Rows>(std::type_identity<std::tuple<Rows...>>) {
            return detail::jacobian_pattern_of(detail::type_list<Rows...>{}, detail::flattened_variables<Vars...>{});
        }(std::type_identity<R>{});
    }
}

// hessian_pattern(f, x, y): P[i][j] is false where ∂²f/∂xᵢ∂xⱼ is structurally zero.
template <Expression E, class... Vars>
constexpr auto hessian_pattern(const E&, Vars...) {
    detail::check_differentiation_variables<std::remove_cvref_t<Vars>...>();
    return detail::hessian_pattern_of<E>(detail::flattened_variables<Vars...>{});
}

}  // namespace leibniz
