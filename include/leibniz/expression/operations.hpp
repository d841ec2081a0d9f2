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
// for every registered function by test/static/operations.cpp (a check here
// would instantiate every derivative in every unit that includes leibniz),
// so a part left out does not build.
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

// The real constant c in the algebra of v (a scalar, or a plan's register).
template <class V>
constexpr V real_like(const V& v, real_constant c) {
    if constexpr (requires { v.real(c); })
        return v.real(c);
    else
        return to_scalar<V>(real_constant_number(c));
}

// 1 - u² and 1 + u² as expressions (the derivatives of the inverse functions).
template <class U>
constexpr auto one_minus_square(const U& u) {
    return add_all(one{}, negate(power_of<2>(u)));
}
template <class U>
constexpr auto one_plus_square(const U& u) {
    return add_all(one{}, power_of<2>(u));
}
// 1 / sqrt(e)
template <class E>
constexpr auto reciprocal_sqrt(const E& e);

// The condition of a branch: left < right, or left <= right when not Strict.
// A comparison with NaN is false, so the branch takes its second value. For
// SIMD lanes (detail/lanes.hpp) it is a mask, one condition per lane.
template <bool Strict, class T>
constexpr auto condition_holds(const T& left, const T& right) {
    static_assert(requires { left < right; },
                  "leibniz: min, max and where compare values: evaluate them with a real scalar type");
    if constexpr (Strict)
        return left < right;
    else
        return left <= right;
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

// ---- inverse trigonometric functions ----------------------------------------

struct asin {
    static constexpr std::string_view name = "asin";
    static constexpr bool piecewise_constant = false;
    static constexpr detail::exact_number exact(const detail::number& u) {
        return u.is_zero() ? detail::exactly(0) : detail::unknown();
    }
    template <class T>
    static constexpr T value(const T& u) {
        return detail::math::asin(u);
    }
    template <class F>  // 1 / sqrt(1 - u²)
    static constexpr auto derivative(const F& f) {
        return detail::reciprocal_sqrt(detail::one_minus_square(f.arg));
    }
    template <class V>
    static constexpr V chain(const V& g, const V& u, const V&) {
        return g / detail::call<sqrt>(detail::integer_like(u, 1) - u * u);
    }
};

struct acos {
    static constexpr std::string_view name = "acos";
    static constexpr bool piecewise_constant = false;
    static constexpr detail::exact_number exact(const detail::number& u) {
        return u.is_one() ? detail::exactly(0) : detail::unknown();
    }
    template <class T>
    static constexpr T value(const T& u) {
        return detail::math::acos(u);
    }
    template <class F>  // -1 / sqrt(1 - u²)
    static constexpr auto derivative(const F& f) {
        return detail::negate(detail::reciprocal_sqrt(detail::one_minus_square(f.arg)));
    }
    template <class V>
    static constexpr V chain(const V& g, const V& u, const V&) {
        return -(g / detail::call<sqrt>(detail::integer_like(u, 1) - u * u));
    }
};

struct atan {
    static constexpr std::string_view name = "atan";
    static constexpr bool piecewise_constant = false;
    static constexpr detail::exact_number exact(const detail::number& u) {
        return u.is_zero() ? detail::exactly(0) : detail::unknown();
    }
    template <class T>
    static constexpr T value(const T& u) {
        return detail::math::atan(u);
    }
    template <class F>  // 1 / (1 + u²)
    static constexpr auto derivative(const F& f) {
        return detail::power_of<-1>(detail::one_plus_square(f.arg));
    }
    template <class V>
    static constexpr V chain(const V& g, const V& u, const V&) {
        return g / (detail::integer_like(u, 1) + u * u);
    }
};

// ---- hyperbolic functions and their inverses ---------------------------------

struct sinh {
    static constexpr std::string_view name = "sinh";
    static constexpr bool piecewise_constant = false;
    static constexpr detail::exact_number exact(const detail::number& u) {
        return u.is_zero() ? detail::exactly(0) : detail::unknown();
    }
    template <class T>
    static constexpr T value(const T& u) {
        return detail::math::sinh(u);
    }
    template <class F>
    static constexpr auto derivative(const F& f) {
        return detail::apply_function<cosh>(f.arg);
    }
    template <class V>
    static constexpr V chain(const V& g, const V& u, const V&) {
        return g * detail::call<cosh>(u);
    }
};

struct cosh {
    static constexpr std::string_view name = "cosh";
    static constexpr bool piecewise_constant = false;
    static constexpr detail::exact_number exact(const detail::number& u) {
        return u.is_zero() ? detail::exactly(1) : detail::unknown();
    }
    template <class T>
    static constexpr T value(const T& u) {
        return detail::math::cosh(u);
    }
    template <class F>
    static constexpr auto derivative(const F& f) {
        return detail::apply_function<sinh>(f.arg);
    }
    template <class V>
    static constexpr V chain(const V& g, const V& u, const V&) {
        return g * detail::call<sinh>(u);
    }
};

struct asinh {
    static constexpr std::string_view name = "asinh";
    static constexpr bool piecewise_constant = false;
    static constexpr detail::exact_number exact(const detail::number& u) {
        return u.is_zero() ? detail::exactly(0) : detail::unknown();
    }
    template <class T>
    static constexpr T value(const T& u) {
        return detail::math::asinh(u);
    }
    template <class F>  // 1 / sqrt(1 + u²)
    static constexpr auto derivative(const F& f) {
        return detail::reciprocal_sqrt(detail::one_plus_square(f.arg));
    }
    template <class V>
    static constexpr V chain(const V& g, const V& u, const V&) {
        return g / detail::call<sqrt>(detail::integer_like(u, 1) + u * u);
    }
};

struct acosh {
    static constexpr std::string_view name = "acosh";
    static constexpr bool piecewise_constant = false;
    static constexpr detail::exact_number exact(const detail::number& u) {
        return u.is_one() ? detail::exactly(0) : detail::unknown();
    }
    template <class T>
    static constexpr T value(const T& u) {
        return detail::math::acosh(u);
    }
    template <class F>  // 1 / sqrt(u² - 1)
    static constexpr auto derivative(const F& f) {
        return detail::reciprocal_sqrt(detail::add_all(detail::power_of<2>(f.arg), constant{{}, detail::number(-1)}));
    }
    template <class V>
    static constexpr V chain(const V& g, const V& u, const V&) {
        return g / detail::call<sqrt>(u * u - detail::integer_like(u, 1));
    }
};

struct atanh {
    static constexpr std::string_view name = "atanh";
    static constexpr bool piecewise_constant = false;
    static constexpr detail::exact_number exact(const detail::number& u) {
        return u.is_zero() ? detail::exactly(0) : detail::unknown();
    }
    template <class T>
    static constexpr T value(const T& u) {
        return detail::math::atanh(u);
    }
    template <class F>  // 1 / (1 - u²)
    static constexpr auto derivative(const F& f) {
        return detail::power_of<-1>(detail::one_minus_square(f.arg));
    }
    template <class V>
    static constexpr V chain(const V& g, const V& u, const V&) {
        return g / (detail::integer_like(u, 1) - u * u);
    }
};

// ---- the error function -------------------------------------------------------

struct erf {
    static constexpr std::string_view name = "erf";
    static constexpr bool piecewise_constant = false;
    static constexpr detail::exact_number exact(const detail::number& u) {
        return u.is_zero() ? detail::exactly(0) : detail::unknown();
    }
    template <class T>
    static constexpr T value(const T& u) {
        return detail::math::erf(u);
    }
    template <class F>  // 2/√π · e^(-u²)
    static constexpr auto derivative(const F& f) {
        return detail::mul_all(constant{{}, detail::real_constant_number(detail::real_constant::two_over_sqrt_pi)},
                               detail::apply_function<exp>(detail::negate(detail::power_of<2>(f.arg))));
    }
    template <class V>
    static constexpr V chain(const V& g, const V& u, const V&) {
        return g * (detail::real_like(u, detail::real_constant::two_over_sqrt_pi) * detail::call<exp>(-(u * u)));
    }
};

struct erfc {
    static constexpr std::string_view name = "erfc";
    static constexpr bool piecewise_constant = false;
    static constexpr detail::exact_number exact(const detail::number& u) {
        return u.is_zero() ? detail::exactly(1) : detail::unknown();
    }
    template <class T>
    static constexpr T value(const T& u) {
        return detail::math::erfc(u);
    }
    template <class F>  // -2/√π · e^(-u²)
    static constexpr auto derivative(const F& f) {
        return detail::negate(erf::derivative(f));
    }
    template <class V>
    static constexpr V chain(const V& g, const V& u, const V& v) {
        return -erf::chain(g, u, v);
    }
};

// ---- accurate near 0, and the cube root ---------------------------------------

struct log1p {
    static constexpr std::string_view name = "log1p";
    static constexpr bool piecewise_constant = false;
    static constexpr detail::exact_number exact(const detail::number& u) {
        return u.is_zero() ? detail::exactly(0) : detail::unknown();
    }
    template <class T>
    static constexpr T value(const T& u) {
        return detail::math::log1p(u);
    }
    template <class F>  // 1 / (1 + u)
    static constexpr auto derivative(const F& f) {
        return detail::power_of<-1>(detail::add_all(one{}, f.arg));
    }
    template <class V>
    static constexpr V chain(const V& g, const V& u, const V&) {
        return g / (detail::integer_like(u, 1) + u);
    }
};

struct expm1 {
    static constexpr std::string_view name = "expm1";
    static constexpr bool piecewise_constant = false;
    static constexpr detail::exact_number exact(const detail::number& u) {
        return u.is_zero() ? detail::exactly(0) : detail::unknown();
    }
    template <class T>
    static constexpr T value(const T& u) {
        return detail::math::expm1(u);
    }
    template <class F>  // e^u = 1 + expm1(u): shares the value
    static constexpr auto derivative(const F& f) {
        return detail::add_all(one{}, f);
    }
    template <class V>
    static constexpr V chain(const V& g, const V&, const V& v) {
        return g * (detail::integer_like(v, 1) + v);
    }
};

struct cbrt {
    static constexpr std::string_view name = "cbrt";
    static constexpr bool piecewise_constant = false;
    static constexpr detail::exact_number exact(const detail::number& u) {
        return u.is_zero() || u.is_one() || (-u).is_one() ? detail::exact_number{true, u} : detail::unknown();
    }
    template <class T>
    static constexpr T value(const T& u) {
        return detail::math::cbrt(u);
    }
    template <class F>  // 1 / (3·cbrt(u)²): shares the value; infinite at 0
    static constexpr auto derivative(const F& f) {
        return detail::mul_all(constant{{}, detail::number::ratio(1, 3)}, detail::power_of<-2>(f));
    }
    template <class V>
    static constexpr V chain(const V& g, const V&, const V& v) {
        return g / (detail::integer_like(v, 3) * (v * v));
    }
};

// ---- functions of two arguments (the registry ops::binary) ----------------------
//
//   name                 how it prints: name(first, second)
//   value(a, b)          its value in any scalar type
//   derivative_first(f), derivative_second(f)
//                        ∂f/∂first and ∂f/∂second as expressions
//   chain_first(g, a, b, v), chain_second(...)
//                        g·∂f/∂first and g·∂f/∂second as numbers, given v = f(a, b)

// atan2(y, x): the angle of the point (x, y), in (-π, π].
struct atan2 {
    static constexpr std::string_view name = "atan2";
    template <class T>
    static constexpr T value(const T& y, const T& x) {
        return detail::math::atan2(y, x);
    }
    template <class F>  // x / (x² + y²)
    static constexpr auto derivative_first(const F& f) {
        return detail::mul_all(f.second, detail::power_of<-1>(squared_norm(f)));
    }
    template <class F>  // -y / (x² + y²)
    static constexpr auto derivative_second(const F& f) {
        return detail::negate(detail::mul_all(f.first, detail::power_of<-1>(squared_norm(f))));
    }
    template <class V>
    static constexpr V chain_first(const V& g, const V& y, const V& x, const V&) {
        return g * x / (x * x + y * y);
    }
    template <class V>
    static constexpr V chain_second(const V& g, const V& y, const V& x, const V&) {
        return -(g * y / (x * x + y * y));
    }

private:
    template <class F>
    static constexpr auto squared_norm(const F& f) {
        return detail::add_all(detail::power_of<2>(f.first), detail::power_of<2>(f.second));
    }
};

// hypot(a, b): √(a² + b²) without overflow or underflow on the way.
struct hypot {
    static constexpr std::string_view name = "hypot";
    template <class T>
    static constexpr T value(const T& a, const T& b) {
        return detail::math::hypot(a, b);
    }
    template <class F>  // a / hypot(a, b): shares the value
    static constexpr auto derivative_first(const F& f) {
        return detail::mul_all(f.first, detail::power_of<-1>(f));
    }
    template <class F>
    static constexpr auto derivative_second(const F& f) {
        return detail::mul_all(f.second, detail::power_of<-1>(f));
    }
    template <class V>
    static constexpr V chain_first(const V& g, const V& a, const V&, const V& v) {
        return g * a / v;
    }
    template <class V>
    static constexpr V chain_second(const V& g, const V&, const V& b, const V& v) {
        return g * b / v;
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
template <class E>
constexpr auto reciprocal_sqrt(const E& e) {
    return power_of<-1>(apply_function<ops::sqrt>(e));
}

// Called by test/static/operations.cpp for the registries ops::elementary
// and ops::binary.
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

// The same for the functions of two arguments.
template <class Op>
concept binary_elementary_function =
    requires(const double& x, const binary_function<Op, variable<'x'>, variable<'y'>>& f) {
        { Op::name } -> std::convertible_to<std::string_view>;
        { Op::value(x, x) } -> std::same_as<double>;
        Op::derivative_first(f);
        Op::derivative_second(f);
        { Op::chain_first(x, x, x, x) } -> std::same_as<double>;
        { Op::chain_second(x, x, x, x) } -> std::same_as<double>;
    };
template <class... Op>
constexpr bool check_binary_operations(type_list<Op...>) {
    static_assert((binary_elementary_function<Op> && ...),
                  "leibniz: a binary operation's trait lacks a part (see ops::atan2 in expression/operations.hpp)");
    return true;
}
}  // namespace detail

}  // namespace leibniz
