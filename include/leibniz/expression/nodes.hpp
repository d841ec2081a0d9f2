// The whole expression tree on one screen.
//
// Every expression is a value of one of these types. A type names a *shape*;
// the numbers written in an expression (coefficients, constants, real
// exponents) are stored values, so `2*x` and `3*x` have one type. The two
// numbers a derivative creates by structure alone, zero and one, are types of
// their own, and vanish from sums and products at compile time.
//
// Canonical forms (built by simplification/, never by hand):
//   add<HasConstant, term<K, M>...>   constant + Σ coefficientᵢ·Mᵢ, terms sorted, M never a sum or a number
//   mul<factor<B, N>...>              Π Bᵢ^Nᵢ, factors sorted, Nᵢ ≠ 0, B never a product or a number
//   function<Op, Arg>                 sin(Arg), exp(Arg), ...
//   real_power<B>                     B^p, p a stored number
//   power<B, E>                       B^E, E an expression
//   binary_function<Op, A, B>         atan2(A, B), hypot(A, B)
//   branch<Strict, L, R, A, B>        where(L < R, A, B) (L <= R when not Strict): min, max, where
#pragma once

#include <leibniz/config.hpp>
#include <leibniz/detail/number.hpp>
#include <leibniz/detail/tuple.hpp>
#include <leibniz/detail/type_list.hpp>

#include <cstddef>
#include <type_traits>
#include <utility>

namespace leibniz {

// Every node derives from this; it gives expressions their call operator
// (evaluation, defined in evaluation/evaluate.hpp) and brings namespace
// leibniz into argument-dependent lookup (operators, sin, exp, ...).
template <class Derived>
struct expression_base {
    template <class... Bindings>
    constexpr auto operator()(const Bindings&... bindings) const;
};

// Structural zero and one: the derivative of a constant, of a variable by itself.
struct zero : expression_base<zero> {};
struct one : expression_base<one> {};

// A number written in an expression.
struct constant : expression_base<constant> {
    detail::number value;
};

// A variable; its name is part of its type (a char pack prints readably in diagnostics).
template <char... Name>
struct variable;

// How a term's coefficient is known: structurally +1 or -1 (no multiplication
// needed to evaluate it), or only as a stored number.
enum class coefficient_kind { plus_one, minus_one, stored };

// One term of a sum: coefficient × monomial. `coefficient` always holds the
// value; `Kind` records when that value is a structural ±1.
template <coefficient_kind Kind, class Monomial>
struct term {
    Monomial monomial;
    detail::number coefficient;
};

template <bool HasConstant, class... Terms>
struct add : expression_base<add<HasConstant, Terms...>> {
    detail::number constant;  // meaningful when HasConstant
    detail::tuple<Terms...> terms;
};

// One factor of a product: Base^Exponent, the integer exponent part of the type.
template <class Base, int Exponent>
struct factor {
    Base base;
};

template <class... Factors>
struct mul : expression_base<mul<Factors...>> {
    detail::tuple<Factors...> factors;
};

// The elementary functions. Each is one trait, `ops::sin` and so on, that
// holds everything the library knows of it: its name, its value, its
// derivative as an expression and as a chain rule, its exact values
// (expression/operations.hpp, where the concept `elementary_function` checks
// that nothing is missing). This list is their registry: a function's place
// in it is its rank in canonical order, and its operation in a plan.
namespace ops {
struct sin;
struct cos;
struct tan;
struct exp;
struct log;
struct sqrt;
struct tanh;
struct abs;
struct sign;  // the derivative of abs
struct asin;
struct acos;
struct atan;
struct sinh;
struct cosh;
struct asinh;
struct acosh;
struct atanh;
struct erf;
struct erfc;
struct log1p;
struct expm1;
struct cbrt;
using elementary = detail::type_list<sin, cos, tan, exp, log, sqrt, tanh, abs, sign, asin, acos, atan, sinh, cosh,
                                     asinh, acosh, atanh, erf, erfc, log1p, expm1, cbrt>;
// The functions of two arguments, registered the same way.
struct atan2;
struct hypot;
using binary = detail::type_list<atan2, hypot>;
}  // namespace ops

namespace detail {
// The place of an elementary function in the registry.
template <class Op>
constexpr std::size_t operation_index() {
    constexpr std::size_t i = position<Op, ops::elementary>;
    static_assert(i < ops::elementary::size,
                  "leibniz: this operation is not listed in ops::elementary (expression/nodes.hpp)");
    return i;
}
}  // namespace detail

template <class Op, class Arg>
struct function : expression_base<function<Op, Arg>> {
    Arg arg;
};

namespace detail {
template <class Op>
constexpr std::size_t binary_operation_index() {
    constexpr std::size_t i = position<Op, ops::binary>;
    static_assert(i < ops::binary::size, "leibniz: this operation is not listed in ops::binary (expression/nodes.hpp)");
    return i;
}
}  // namespace detail

// A function of two arguments: atan2(first, second), hypot(first, second).
template <class Op, class A, class B>
struct binary_function : expression_base<binary_function<Op, A, B>> {
    A first;
    B second;
};

// where(left < right, if_true, if_false), or left <= right when not Strict
// (a > b is b < a, a >= b is b <= a). Only the branch the condition picks is
// evaluated, and differentiated: the derivative is where(condition, d if_true,
// d if_false), with the same condition.
template <bool Strict, class L, class R, class A, class B>
struct branch : expression_base<branch<Strict, L, R, A, B>> {
    L left;
    R right;
    A if_true;
    B if_false;
};

template <class Base>
struct real_power : expression_base<real_power<Base>> {
    Base base;
    detail::number exponent;
};

template <class Base, class Exponent>
struct power : expression_base<power<Base, Exponent>> {
    Base base;
    Exponent exponent;
};

// The mean of a per-sample loss over a data set (data/mean.hpp).
template <class Loss, class Data>
struct sample_mean;

// ---- what is an expression -------------------------------------------------

namespace detail {
template <class T>
struct is_expression_impl : std::false_type {};
template <>
struct is_expression_impl<zero> : std::true_type {};
template <>
struct is_expression_impl<one> : std::true_type {};
template <>
struct is_expression_impl<constant> : std::true_type {};
template <char... C>
struct is_expression_impl<variable<C...>> : std::true_type {};
template <bool H, class... T>
struct is_expression_impl<add<H, T...>> : std::true_type {};
template <class... F>
struct is_expression_impl<mul<F...>> : std::true_type {};
template <class Op, class A>
struct is_expression_impl<function<Op, A>> : std::true_type {};
template <class B>
struct is_expression_impl<real_power<B>> : std::true_type {};
template <class B, class E>
struct is_expression_impl<power<B, E>> : std::true_type {};
template <class Op, class A, class B>
struct is_expression_impl<binary_function<Op, A, B>> : std::true_type {};
template <bool S, class L, class R, class A, class B>
struct is_expression_impl<branch<S, L, R, A, B>> : std::true_type {};

// A node kind's children, as types, in the order every walk visits them
// (lowering and its gathering of numbers and variables, the binding checks,
// dependence, the means): the one place a core node kind lists them, so the
// walks over types (free_variables.hpp, plan/lower.hpp's means_in) are
// written once. Numbers and variables have none. A node kind of another
// header (data/) specialises the walks it changes.
template <class Node>
struct child_types {
    using type = type_list<>;
};
template <bool H, coefficient_kind... K, class... M>
struct child_types<add<H, term<K, M>...>> {
    using type = type_list<M...>;
};
template <class... B, int... N>
struct child_types<mul<factor<B, N>...>> {
    using type = type_list<B...>;
};
template <class Op, class A>
struct child_types<function<Op, A>> {
    using type = type_list<A>;
};
template <class B>
struct child_types<real_power<B>> {
    using type = type_list<B>;
};
template <class B, class E>
struct child_types<power<B, E>> {
    using type = type_list<B, E>;
};
template <class Op, class A, class B>
struct child_types<binary_function<Op, A, B>> {
    using type = type_list<A, B>;
};
template <bool S, class L, class R, class A, class B>
struct child_types<branch<S, L, R, A, B>> {
    using type = type_list<L, R, A, B>;
};

// The same children as values: children_of<Node>::each(node, f) calls f on
// each child, in child_types' order (walks over values: the reads a sum over
// an index checks, loops/index_sum.hpp). Numbers and variables have none; a
// node kind of another header specialises it.
template <class Node>
struct children_of {
    template <class F>
    LEIBNIZ_INLINE static constexpr void each(const Node&, F&&) {}
};
template <bool H, coefficient_kind... K, class... M>
struct children_of<add<H, term<K, M>...>> {
    template <class F>
    LEIBNIZ_INLINE static constexpr void each(const add<H, term<K, M>...>& s, F&& f) {
        [&]<std::size_t... I>(std::index_sequence<I...>) LEIBNIZ_INLINE {
            in_order{(f(get<I>(s.terms).monomial), 0)...};
        }(std::index_sequence_for<M...>{});
    }
};
template <class... B, int... N>
struct children_of<mul<factor<B, N>...>> {
    template <class F>
    LEIBNIZ_INLINE static constexpr void each(const mul<factor<B, N>...>& p, F&& f) {
        [&]<std::size_t... I>(std::index_sequence<I...>) LEIBNIZ_INLINE {
            in_order{(f(get<I>(p.factors).base), 0)...};
        }(std::index_sequence_for<B...>{});
    }
};
template <class Op, class A>
struct children_of<function<Op, A>> {
    template <class F>
    LEIBNIZ_INLINE static constexpr void each(const function<Op, A>& n, F&& f) {
        f(n.arg);
    }
};
template <class B>
struct children_of<real_power<B>> {
    template <class F>
    LEIBNIZ_INLINE static constexpr void each(const real_power<B>& n, F&& f) {
        f(n.base);
    }
};
template <class B, class E>
struct children_of<power<B, E>> {
    template <class F>
    LEIBNIZ_INLINE static constexpr void each(const power<B, E>& n, F&& f) {
        f(n.base);
        f(n.exponent);
    }
};
template <class Op, class A, class B>
struct children_of<binary_function<Op, A, B>> {
    template <class F>
    LEIBNIZ_INLINE static constexpr void each(const binary_function<Op, A, B>& n, F&& f) {
        f(n.first);
        f(n.second);
    }
};
template <bool S, class L, class R, class A, class B>
struct children_of<branch<S, L, R, A, B>> {
    template <class F>
    LEIBNIZ_INLINE static constexpr void each(const branch<S, L, R, A, B>& n, F&& f) {
        f(n.left);
        f(n.right);
        f(n.if_true);
        f(n.if_false);
    }
};

// Is N a sum (an add node)? (Canonical forms, equivalence and printing ask.)
template <class N>
inline constexpr bool is_sum_node = false;
template <bool H, class... T>
inline constexpr bool is_sum_node<add<H, T...>> = true;
}  // namespace detail

// An expression of leibniz (a node of the tree above).
template <class T>
concept Expression = detail::is_expression_impl<std::remove_cvref_t<T>>::value;

template <class T>
struct is_variable : std::false_type {};
template <char... C>
struct is_variable<variable<C...>> : std::true_type {};

// A single variable, such as var<"x">.
template <class T>
concept Variable = is_variable<std::remove_cvref_t<T>>::value;

// A number that may appear in an expression: any arithmetic type but bool and char types.
template <class T>
concept Number = std::is_arithmetic_v<std::remove_cvref_t<T>> && !std::is_same_v<std::remove_cvref_t<T>, bool> &&
                 !std::is_same_v<std::remove_cvref_t<T>, char> && !std::is_same_v<std::remove_cvref_t<T>, char8_t> &&
                 !std::is_same_v<std::remove_cvref_t<T>, char16_t> && !std::is_same_v<std::remove_cvref_t<T>, char32_t> &&
                 !std::is_same_v<std::remove_cvref_t<T>, wchar_t>;

// An integer known by its type, std::integral_constant: the index i of
// sum<N>(f) and product<N>(f) is one, and is a number in an expression too
// (x - i, as x - 3 is).
template <class T>
inline constexpr bool is_integer_constant = false;
template <class I, I V>
inline constexpr bool is_integer_constant<std::integral_constant<I, V>> = std::is_integral_v<I> && !std::is_same_v<I, bool>;
template <class T>
concept IntegerConstant = is_integer_constant<std::remove_cvref_t<T>>;

// Anything an arithmetic operator of leibniz accepts on either side.
template <class T>
concept Operand = Expression<T> || Number<T> || IntegerConstant<T>;

namespace detail {
// Lift an operand to an expression: numbers become constants.
template <Operand T>
constexpr auto lift(const T& v) {
    if constexpr (Expression<T>)
        return v;
    else if constexpr (IntegerConstant<T>)
        return constant{{}, number(std::remove_cvref_t<T>::value)};
    else
        return constant{{}, number(v)};
}

// Does the type alone determine the value? Only such shapes may be merged or
// shared by type: two nodes of a shape that stores numbers may differ.
template <class T>
inline constexpr bool value_free = false;
template <>
inline constexpr bool value_free<zero> = true;
template <>
inline constexpr bool value_free<one> = true;
template <char... C>
inline constexpr bool value_free<variable<C...>> = true;
template <class Op, class A>
inline constexpr bool value_free<function<Op, A>> = value_free<A>;
template <class B, class E>
inline constexpr bool value_free<power<B, E>> = value_free<B> && value_free<E>;
template <class Op, class A, class B>
inline constexpr bool value_free<binary_function<Op, A, B>> = value_free<A> && value_free<B>;
template <bool S, class L, class R, class A, class B>
inline constexpr bool value_free<branch<S, L, R, A, B>> = value_free<L> && value_free<R> && value_free<A> && value_free<B>;
template <class... B, int... N>
inline constexpr bool value_free<mul<factor<B, N>...>> = all_true<value_free<B>...>;  // (not folds: sum<N> passes 256)
template <coefficient_kind... K, class... M>
inline constexpr bool value_free<add<false, term<K, M>...>> =
    all_true<(K != coefficient_kind::stored && value_free<M>)...>;
}  // namespace detail

}  // namespace leibniz
