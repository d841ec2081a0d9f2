// Numbers out: an expression evaluated with bound variables, in any scalar type.
#pragma once

#include <leibniz/detail/tuple.hpp>
#include <leibniz/config.hpp>
#include <leibniz/detail/diagnostics.hpp>
#include <leibniz/detail/type_list.hpp>
#include <leibniz/evaluation/bind.hpp>
#include <leibniz/evaluation/free_variables.hpp>
#include <leibniz/evaluation/math.hpp>
#include <leibniz/evaluation/point.hpp>
#include <leibniz/expression/nodes.hpp>
#include <leibniz/expression/operations.hpp>

#include <tuple>
#include <utility>

namespace leibniz::detail {

template <class T, class Env>
LEIBNIZ_INLINE constexpr T evaluate(const zero&, const Env&) {
    return T(0);
}
template <class T, class Env>
LEIBNIZ_INLINE constexpr T evaluate(const one&, const Env&) {
    return T(1);
}
template <class T, class Env>
LEIBNIZ_INLINE constexpr T evaluate(const constant& c, const Env&) {
    return to_scalar<T>(c.value);
}
template <class T, class Env, char... C>
LEIBNIZ_INLINE constexpr T evaluate(const variable<C...>&, const Env& env) {
    return env.template get<variable<C...>, T>();
}

// acc ± m, or acc + c·m: a structural ±1 costs no multiplication.
template <class T, coefficient_kind K, class M, class Env>
LEIBNIZ_INLINE constexpr T add_term(const T& acc, const term<K, M>& t, const Env& env) {
    if constexpr (K == coefficient_kind::plus_one)
        return acc + evaluate<T>(t.monomial, env);
    else if constexpr (K == coefficient_kind::minus_one)
        return acc - evaluate<T>(t.monomial, env);
    else
        return acc + to_scalar<T>(t.coefficient) * evaluate<T>(t.monomial, env);
}
// acc = acc ± term, inside a call: the update of one accumulator across an
// in_order list (GCC's -Wsequence-point misreads the list's order otherwise).
template <class T, coefficient_kind K, class M, class Env>
LEIBNIZ_INLINE constexpr void add_term_into(T& acc, const term<K, M>& t, const Env& env) {
    acc = add_term(acc, t, env);
}
template <class T, coefficient_kind K, class M, class Env>
LEIBNIZ_INLINE constexpr T first_term(const term<K, M>& t, const Env& env) {
    if constexpr (K == coefficient_kind::plus_one)
        return evaluate<T>(t.monomial, env);
    else if constexpr (K == coefficient_kind::minus_one)
        return -evaluate<T>(t.monomial, env);
    else
        return to_scalar<T>(t.coefficient) * evaluate<T>(t.monomial, env);
}

template <class T, class Env, bool H, class... Terms>
LEIBNIZ_INLINE constexpr T evaluate(const add<H, Terms...>& s, const Env& env) {
    return [&]<std::size_t... I>(std::index_sequence<I...>) LEIBNIZ_INLINE {
        if constexpr (H) {
            T acc = to_scalar<T>(s.constant);
            in_order{(add_term_into(acc, get<I>(s.terms), env), 0)...};  // left to right, not a fold: sum<N> passes 256
            return acc;
        } else {
            T acc = first_term<T>(get<0>(s.terms), env);
            in_order{(add_term_into(acc, get<I + 1>(s.terms), env), 0)...};
            return acc;
        }
    }(std::make_index_sequence<sizeof...(Terms) - (H ? 0 : 1)>{});
}

// Π Bᵢ^Nᵢ: the positive powers multiplied, divided once by the product of the negative ones.
template <class T, class Env, class... B, int... N>
LEIBNIZ_INLINE constexpr T evaluate(const mul<factor<B, N>...>& p, const Env& env) {
    constexpr bool any_positive = any_true<(N > 0)...>, any_negative = any_true<(N < 0)...>;
    return [&]<std::size_t... I>(std::index_sequence<I...>) LEIBNIZ_INLINE {
        auto part = [&]<bool Positive>(std::bool_constant<Positive>) LEIBNIZ_INLINE {
            T result{};
            bool first = true;
            auto multiply = [&]<int E, class Base>(const factor<Base, E>& f) LEIBNIZ_INLINE {
                if constexpr ((E > 0) == Positive) {
                    T v = math::ipow<(E > 0 ? E : -E)>(evaluate<T>(f.base, env));
                    if (first) {
                        result = v;
                        first = false;
                    } else {
                        result = result * v;
                    }
                }
            };
            in_order{(multiply(get<I>(p.factors)), 0)...};
            return result;
        };
        if constexpr (!any_negative)
            return part(std::true_type{});
        else if constexpr (!any_positive)
            return T(1) / part(std::false_type{});
        else
            return part(std::true_type{}) / part(std::false_type{});
    }(std::index_sequence_for<B...>{});
}

template <class T, class Env, class Op, class A>
LEIBNIZ_INLINE constexpr T evaluate(const function<Op, A>& f, const Env& env) {
    return Op::value(evaluate<T>(f.arg, env));
}

template <class T, class Env, class B>
LEIBNIZ_INLINE constexpr T evaluate(const real_power<B>& r, const Env& env) {
    T b = evaluate<T>(r.base, env);
    if (r.exponent.is_integer()) return math::ipow(b, static_cast<long long>(r.exponent.num));
    return math::pow(b, to_scalar<T>(r.exponent));
}

template <class T, class Env, class B, class E>
LEIBNIZ_INLINE constexpr T evaluate(const power<B, E>& p, const Env& env) {
    return math::pow(evaluate<T>(p.base, env), evaluate<T>(p.exponent, env));
}

template <class T, class Env, class Op, class A, class B>
LEIBNIZ_INLINE constexpr T evaluate(const binary_function<Op, A, B>& f, const Env& env) {
    return Op::value(evaluate<T>(f.first, env), evaluate<T>(f.second, env));
}

// Only the branch the condition picks is evaluated (the other may be outside
// its domain: where(x > 0, log(x), 0) at x = -1).
template <class T, class Env, bool S, class L, class R, class A, class B>
LEIBNIZ_INLINE constexpr T evaluate(const branch<S, L, R, A, B>& w, const Env& env) {
    const auto holds = condition_holds<S>(evaluate<T>(w.left, env), evaluate<T>(w.right, env));
    if constexpr (lane_vector<T>) {  // SIMD lanes (detail/lanes.hpp)
        if (holds_everywhere(holds)) return evaluate<T>(w.if_true, env);
        if (holds_nowhere(holds)) return evaluate<T>(w.if_false, env);
        // Lanes that disagree: both sides, each lane from its own.
        return select(holds, evaluate<T>(w.if_true, env), evaluate<T>(w.if_false, env));
    } else {
        if (holds) return evaluate<T>(w.if_true, env);
        return evaluate<T>(w.if_false, env);
    }
}

// Are the bindings right for E: only binding sources, each variable bound
// once, every variable of E bound? A pure test on types, so that an error is
// reported once, by report_binding_errors, and nowhere else.
template <class... Sources>
constexpr bool are_binding_sources = all_true<is_binding_source<Sources>...>;

template <class Pack>
struct first_repeated_in;
template <class... V>
struct first_repeated_in<type_list<V...>> : first_repeated<V...> {};

template <class E, class... Sources>
constexpr bool bindings_ok = [] {
    if constexpr (!are_binding_sources<Sources...>)
        return false;
    else
        return std::is_void_v<typename first_repeated_in<variable_list_of_sources<Sources...>>::type> &&
               std::is_void_v<typename first_unbound<E, environment<Sources...>>::type>;
}();

// The one error for wrong bindings, naming the variable at fault.
template <class E, class... Sources>
constexpr void report_binding_errors() {
    if constexpr (!are_binding_sources<Sources...>) {
        static_assert(are_binding_sources<Sources...>,
                      "leibniz: an expression is evaluated with bindings: f(x = 1.0, y = 2.0), f(xs = array) or f(point)");
    } else {
        using twice = typename first_repeated_in<variable_list_of_sources<Sources...>>::type;
        if constexpr (!std::is_void_v<twice>) {
            using reported [[maybe_unused]] = report<error::the_same_variable_is_bound_twice<twice>>;
        } else {
            using missing = typename first_unbound<E, environment<Sources...>>::type;
            using reported [[maybe_unused]] = report<error::no_value_is_bound_to<missing>>;
        }
    }
}

template <class T, class E, class... Sources>
LEIBNIZ_FLATTEN constexpr T evaluate_with(const E& e, const Sources&... sources) {
    if constexpr (bindings_ok<E, Sources...>) {
        return evaluate<T>(e, environment<Sources...>{{{sources}...}});
    } else {
        report_binding_errors<E, Sources...>();
        return T{};
    }
}

}  // namespace leibniz::detail

namespace leibniz {

template <class Derived>
template <class... Bindings>
constexpr auto expression_base<Derived>::operator()(const Bindings&... bindings) const {
    if constexpr (detail::are_binding_sources<Bindings...>) {
        using T = typename detail::scalar_of<Bindings...>::type;
        return detail::evaluate_with<T>(static_cast<const Derived&>(*this), bindings...);
    } else {
        detail::report_binding_errors<Derived, Bindings...>();
        return 0.0;
    }
}

}  // namespace leibniz
