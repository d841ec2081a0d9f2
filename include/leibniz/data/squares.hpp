// Nonlinear least squares: squares(std::tuple{r1, r2, ...}) and
// squares(r, data(...)) are the expression ½ Σ rᵢ², of a tuple of residuals
// or of one residual per sample of a data set.
//
// The node keeps its residuals beside the expression: every optimiser takes
// it as the expression it is (its value, gradient and Hessian are the sum's),
// and levenberg_marquardt uses the residuals and their Jacobian
// (optimization/levenberg_marquardt.hpp). In every layer the node is its
// expression: this header gives it the rules that delegate (order, binding
// checks, evaluation, the plan, differentiation, printing,
// equivalence).
#pragma once

#include <leibniz/data/mean.hpp>
#include <leibniz/differentiation/rules.hpp>
#include <leibniz/evaluation/evaluate.hpp>
#include <leibniz/evaluation/free_variables.hpp>
#include <leibniz/plan/lower.hpp>
#include <leibniz/printing/to_string.hpp>
#include <leibniz/simplification/equivalent.hpp>
#include <leibniz/simplification/order.hpp>

#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

namespace leibniz {

namespace detail {
// The residuals of a least-squares expression: a tuple of expressions, or one
// residual evaluated at every sample of a data set. (Types of this namespace,
// so that argument-dependent lookup finds the node's rules below.)
template <class... Rows>
struct residual_rows {
    std::tuple<Rows...> rows;
};
template <class Residual, class Data>
struct per_sample {
    Residual residual;
    Data data;
};
}  // namespace detail

// ½ Σ rᵢ²: Expression the sum as canonical form, Residuals a
// detail::residual_rows or a detail::per_sample.
template <class Expression, class Residuals>
struct least_squares : expression_base<least_squares<Expression, Residuals>> {
    Expression expression;
    Residuals residuals;
};

namespace detail {
template <class E, class R>
struct is_expression_impl<least_squares<E, R>> : std::true_type {};

template <class E>
inline constexpr bool is_least_squares = false;
template <class E, class R>
inline constexpr bool is_least_squares<least_squares<E, R>> = true;

template <class... R>
constexpr auto half_sum_of_squares(const R&... residuals) {
    return mul_all(constant{{}, number::ratio(1, 2)}, add_all(power_of<2>(residuals)...));
}
}  // namespace detail

// squares(std::tuple{r1, r2, ...}): ½ Σ rᵢ² (a residual may be a number).
template <class... R>
    requires(detail::all_true<Operand<R>...> && sizeof...(R) > 0)
constexpr auto squares(const std::tuple<R...>& residuals) {
    // (Neither std::apply nor folds: Clang expands at most 256 operands in a
    // fold, and a fit may have more residuals.)
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
        using E = decltype(detail::half_sum_of_squares(detail::lift(std::get<I>(residuals))...));
        using Rows = detail::residual_rows<decltype(detail::lift(std::get<I>(residuals)))...>;
        return least_squares<E, Rows>{{}, detail::half_sum_of_squares(detail::lift(std::get<I>(residuals))...),
                                      Rows{{detail::lift(std::get<I>(residuals))...}}};
    }(std::index_sequence_for<R...>{});
}

// squares(r, data(t = ts, y = ys)): ½ Σ over the samples of r², an expression
// in r's other variables (m·mean(r²/2) for m samples).
template <Expression R, class... Columns>
constexpr auto squares(const R& residual, const detail::data_set<Columns...>& data) {
    using D = detail::data_set<Columns...>;
    auto e = detail::mul_all(constant{{}, detail::number(data.size)},
                             mean(detail::mul_all(constant{{}, detail::number::ratio(1, 2)}, detail::power_of<2>(residual)), data));
    return least_squares<decltype(e), detail::per_sample<R, D>>{{}, e, {residual, data}};
}

namespace detail {

// ---- in every layer, the node is its expression ----

template <class E, class R>
struct key_of<least_squares<E, R>> {
    static constexpr void write(auto& s) { write_key<E>(s); }
};

template <class E, class R, class Env>
struct first_unbound<least_squares<E, R>, Env> : first_unbound<E, Env> {};

template <class V, class E, class R>
struct depends_on<V, least_squares<E, R>> : depends_on<V, E> {};

template <class T, class Env, class E, class R>
constexpr T evaluate(const least_squares<E, R>& s, const Env& env) {
    return evaluate<T>(s.expression, env);
}

template <class E, class R, class V>
constexpr auto derive(const least_squares<E, R>& s, V v) {
    return derive(s.expression, v);
}

template <class W, class E, class R>
constexpr void print_node(W& w, const least_squares<E, R>& s) {
    print(w, s.expression);
}

template <class E1, class R1, class E2, class R2>
constexpr bool same_monomial(const least_squares<E1, R1>& a, const least_squares<E2, R2>& b) {
    return same_value(a.expression, b.expression);
}

}  // namespace detail

namespace detail::plan {

template <class Vars, class E, class R>
constexpr int lower_node(lowering& l, const least_squares<E, R>*) {
    return lower_node<Vars>(l, static_cast<const E*>(nullptr));
}
template <class Sink, class E, class R>
constexpr void gather_numbers(walk, const least_squares<E, R>& s, Sink& out) {
    gather_numbers(walk{}, s.expression, out);
}
template <class Vars, class T, class E, class R, class Env>
constexpr void gather_extras(walk, const least_squares<E, R>*, const Env& env, T*& out) {
    gather_extras<Vars, T>(walk{}, static_cast<const E*>(nullptr), env, out);
}
template <class E, class R>
inline constexpr int means_in<least_squares<E, R>> = means_in<E>;
template <int M, class E, class R, class F>
LEIBNIZ_INLINE constexpr void with_mean(walk, const least_squares<E, R>& s, F&& f) {
    with_mean<M>(walk{}, s.expression, f);
}

}  // namespace detail::plan

}  // namespace leibniz
