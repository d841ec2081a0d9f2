// The table of elementary functions: one trait per function, holding all the
// library knows of it.
//
//   name                 how it prints
//   exact(u)             its value where the argument decides it exactly
//                        (sin 0 = 0, log 1 = 0, |−2| = 2), else unknown;
//                        folds sin(0) to a structural 0 and feeds `equivalent`
//   value(u)             its value in any scalar type (evaluation/math.hpp:
//                        the library's constexpr functions in constant
//                        evaluation, the standard ones at run time)
//   derivative(f)        f'(u) as an expression, for f = op(u) (it may reuse
//                        f itself: exp' is exp)
//   piecewise_constant   true when f' is 0 wherever it exists (sign);
//                        then there is no chain rule
//   chain(g, u, v)       g·f'(u) as numbers, given v = f(u): the reverse
//                        sweeps' rule, written once for scalars and for the
//                        registers of an evaluation plan (plan/gradient.hpp)
//
// A function's rank in canonical order and its operation in a plan are its
// place in the registry `ops::elementary` (expression/nodes.hpp). Adding a
// function is: its constexpr kernel (constexpr_math/, evaluation/math.hpp),
// its trait here, its line in the registry, and its user-facing function
// (expression/functions.hpp). The concept `elementary_function` is checked
// for every registered function below, so a part left out does not compile.
#pragma once

#include <leibniz/detail/number.hpp>
#include <leibniz/detail/type_list.hpp>
#include <leibniz/evaluation/math.hpp>
#include <leibniz/expression/nodes.hpp>
#include <leibniz/expression/variable.hpp>
#include <leibniz/simplification/collect.hpp>

#include <concepts>
#include <string_view>
#include <type_traits>

namespace leibniz {

namespace detail {

// f(arg), with the values the structure decides folded: sin(0) is 0, exp(0)
// is 1, log(1) is 0, ... Stored numbers are not folded (their value would be
// needed at compile time in the evaluation's precision).
template <class Op, class Arg>
constexpr auto apply_function(const Arg& arg) {
    if constexpr (std::is_same_v<Arg, zero> || std::is_same_v<Arg, one>) {
        constexpr exact_number r = Op::exact(number(std::is_same_v<Arg, one> ? 1 : 0));
        if constexpr (r.known && r.value.is_zero())
            return zero{};
        else if constexpr (r.known && r.value.is_one())
            return one{};
        else
            return function<Op, Arg>{{}, arg};
    } else {
        return function<Op, Arg>{{}, arg};
    }
}

// Op applied to a value inside a chain rule: a scalar's value, or (for the
// registers of a plan, which provide `apply<Op>()`) one more instruction.
template <class Op, class V>
constexpr V call(const V& v) {
    if constexpr (requires { v.template apply<Op>(); })
        return v.template apply<Op>();
    else
        return Op::value(v);
}

// The integer k in the algebra of v (a scalar, or a plan's structural integer).
template <class V>
constexpr V integer_like(const V& v, int k) {
    if constexpr (requires { v.integer(k); })
        return v.integer(k);
    else
        return V(k);
}

constexpr exact_number unknown() { return {}; }
constexpr exact_number exactly(int k) { return {true, number(k)}; }

}  // namespace detail

namespace ops {

struct sin {
    static constexpr std::string_view name = "sin";
    static constexpr bool piecewise_constant = false;
    static constexpr detail::exact_number exact(const detail::number& u) {
        return u.is_zero() ? detail::exactly(0) : detail::unknown();
    }
    template <class T>
    static constexpr T value(const T& u) {
        return detail::math::sin(u);
    }
    template <class F>
    static constexpr auto derivative(const F& f) {
        return detail::apply_function<cos>(f.arg);
    }
    template <class V>
    static constexpr V chain(const V& g, const V& u, const V&) {
        return g * detail::call<cos>(u);
    }
};

struct cos {
    static constexpr std::string_view name = "cos";
    static constexpr bool piecewise_constant = false;
    static constexpr detail::exact_number exact(const detail::number& u) {
        return u.is_zero() ? detail::exactly(1) : detail::unknown();
    }
    template <class T>
    static constexpr T value(const T& u) {
        return detail::math::cos(u);
    }
    template <class F>
    static constexpr auto derivative(const F& f) {
        return detail::negate(detail::apply_function<sin>(f.arg));
    }
    template <class V>
    static constexpr V chain(const V& g, const V& u, const V&) {
        return -(g * detail::call<sin>(u));
    }
};

struct tan {
    static constexpr std::string_view name = "tan";
    static constexpr bool piecewise_constant = false;
    static constexpr detail::exact_number exact(const detail::number& u) {
        return u.is_zero() ? detail::exactly(0) : detail::unknown();
    }
    template <class T>
    static constexpr T value(const T& u) {
        return detail::math::tan(u);
    }
    template <class F>  // 1 + tan²u: shares tan(u) with the value
    static constexpr auto derivative(const F& f) {
        return detail::add_all(one{}, detail::power_of<2>(f));
    }
    template <class V>
    static constexpr V chain(const V& g, const V&, const V& v) {
        return g * (detail::integer_like(v, 1) + v * v);
    }
};

struct exp {
    static constexpr std::string_view name = "exp";
    static constexpr bool piecewise_constant = false;
    static constexpr detail::exact_number exact(const detail::number& u) {
        return u.is_zero() ? detail::exactly(1) : detail::unknown();
    }
    template <class T>
    static constexpr T value(const T& u) {
        return detail::math::exp(u);
    }
    template <class F>
    static constexpr auto derivative(const F& f) {
        return f;
    }
    template <class V>
    static constexpr V chain(const V& g, const V&, const V& v) {
        return g * v;
    }
};

struct log {
    static constexpr std::string_view name = "log";
    static constexpr bool piecewise_constant = false;
    static constexpr detail::exact_number exact(const detail::number& u) {
        return u.is_one() ? detail::exactly(0) : detail::unknown();
    }
    template <class T>
    static constexpr T value(const T& u) {
        return detail::math::log(u);
    }
    template <class F>
    static constexpr auto derivative(const F& f) {
        return detail::power_of<-1>(f.arg);
    }
    template <class V>
    static constexpr V chain(const V& g, const V& u, const V&) {
        return g / u;
    }
};

struct sqrt {
    static constexpr std::string_view name = "sqrt";
    static constexpr bool piecewise_constant = false;
    static constexpr detail::exact_number exact(const detail::number& u) {
        return u.is_zero() || u.is_one() ? detail::exact_number{true, u} : detail::unknown();
    }
    template <class T>
    static constexpr T value(const T& u) {
        return detail::math::sqrt(u);
    }
    template <class F>  // 1 / (2·sqrt(u))
    static constexpr auto derivative(const F& f) {
        return detail::mul_all(constant{{}, detail::number::ratio(1, 2)}, detail::power_of<-1>(f));
    }
    template <class V>
    static constexpr V chain(const V& g, const V&, const V& v) {
        return g / (v + v);
    }
};

struct tanh {
    static constexpr std::string_view name = "tanh";
    static constexpr bool piecewise_constant = false;
    static constexpr detail::exact_number exact(const detail::number& u) {
        return u.is_zero() ? detail::exactly(0) : detail::unknown();
    }
    template <class T>
    static constexpr T value(const T& u) {
        return detail::math::tanh(u);
    }
    template <class F>  // 1 - tanh²u
    static constexpr auto derivative(const F& f) {
        return detail::add_all(one{}, detail::negate(detail::power_of<2>(f)));
    }
    template <class V>
    static constexpr V chain(const V& g, const V&, const V& v) {
        return g * (detail::integer_like(v, 1) - v * v);
    }
};

struct abs {
    static constexpr std::string_view name = "abs";
    static constexpr bool piecewise_constant = false;
    static constexpr detail::exact_number exact(const detail::number& u) {
        return {true, u.is_negative() ? -u : u};
    }
    template <class T>
    static constexpr T value(const T& u) {
        return detail::math::abs(u);
    }
    template <class F>  // sign(u), which is 0 at 0
    static constexpr auto derivative(const F& f) {
        return detail::apply_function<sign>(f.arg);
    }
    template <class V>
    static constexpr V chain(const V& g, const V& u, const V&) {
        return g * detail::call<sign>(u);
    }
};

struct sign {
    static constexpr std::string_view name = "sign";
    static constexpr bool piecewise_constant = true;  // 0 wherever the derivative exists
    static constexpr detail::exact_number exact(const detail::number& u) {
        return detail::exactly(u.is_zero() ? 0 : (u.is_negative() ? -1 : 1));
    }
    template <class T>
    static constexpr T value(const T& u) {
        return detail::math::sign(u);
    }
    template <class F>
    static constexpr zero derivative(const F&) {
        return {};
    }
};

}  // namespace ops

// An elementary function's trait has every part the library uses (see the top
// of this file); a function without a derivative is marked piecewise_constant.
template <class Op>
concept elementary_function =
    requires(const detail::number& n, const double& x, const function<Op, variable<'x'>>& f) {
        { Op::name } -> std::convertible_to<std::string_view>;
        { Op::piecewise_constant } -> std::convertible_to<bool>;
        { Op::exact(n) } -> std::same_as<detail::exact_number>;
        { Op::value(x) } -> std::same_as<double>;
        Op::derivative(f);
    } && (Op::piecewise_constant || requires(const double& x) {
        { Op::chain(x, x, x) } -> std::same_as<double>;
    });

namespace detail {
template <class Op>
constexpr bool check_operation() {
    static_assert(elementary_function<Op>,
                  "leibniz: this operation's trait lacks a part (see the top of expression/operations.hpp)");
    return true;
}
template <class... Op>
constexpr bool check_operations(type_list<Op...>) {
    return (check_operation<Op>() && ...);
}
static_assert(check_operations(ops::elementary{}));
}  // namespace detail

}  // namespace leibniz
