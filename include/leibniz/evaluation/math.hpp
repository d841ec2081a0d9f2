// The elementary functions on scalar values, as evaluation calls them.
//
// At run time they are the standard functions (or, for a user-defined scalar
// type, its own sin, exp, ... found by argument-dependent lookup). In constant
// evaluation, for float, double and long double, they are the library's own
// constexpr implementations (constexpr_math/), on GCC and Clang alike.
#pragma once

#include <leibniz/config.hpp>
#include <leibniz/constexpr_math/domain_error.hpp>
#include <leibniz/constexpr_math/functions.hpp>
#include <leibniz/detail/number.hpp>

#include <cmath>
#include <limits>
#include <string_view>
#include <type_traits>

namespace leibniz {

// Whether SIMD lanes of type V (detail/lanes.hpp) evaluate sin, exp, ... with
// V's own vector functions (true), or with the scalar function lane by lane.
// Specialise it to false for a vector type whose functions you do not trust.
template <class V>
inline constexpr bool use_vector_functions = true;

}  // namespace leibniz

namespace leibniz::detail::math {

// Clang 14 with libstdc++ 12 under AVX-512 returns wrong lanes from the
// vector sin and cos of native_simd<double> (some lanes come back as -cos;
// later Clangs are not checked, so all of them take the same care):
// there, those two go lane by lane.
// Whether lanes of T take the vector function that `call` would call (one
// found by argument-dependent lookup, returning T).
template <class T, class Call>
constexpr bool vector_function(std::string_view name, Call) {
    if constexpr (!std::is_invocable_v<Call, const T&>) {
        return false;
    } else {
        if (!use_vector_functions<T>) return false;
#if defined(__clang__) && defined(__AVX512F__) && defined(__GLIBCXX__)
        if (name == "sin" || name == "cos") return false;
#endif
        return !name.empty();
    }
}
// f applied to every lane of v (and of w), as scalars.
template <class T, class F>
constexpr T lane_by_lane(const T& v, F f) {
    return T([&](auto i) { return f(lane_scalar_t<T>(v[i])); });
}
template <class T, class F>
constexpr T lane_by_lane(const T& v, const T& w, F f) {
    return T([&](auto i) { return f(lane_scalar_t<T>(v[i]), lane_scalar_t<T>(w[i])); });
}

// A complex number, known by its shape so that the core need not include
// <complex> (it brings <sstream> and the locales with it): real() and imag()
// give its value_type, another type (std::complex<double>: double).
// Boost.Multiprecision's real numbers have real() and imag() too, of their
// own type: not complex.
template <class T>
inline constexpr bool is_complex = requires(const T& z) {
    typename T::value_type;
    requires !std::is_same_v<typename T::value_type, T>;
    { z.real() } -> std::convertible_to<typename T::value_type>;
    { z.imag() } -> std::convertible_to<typename T::value_type>;
};

// (`r` is the result, `v` the argument, in each domain check.)
// In constant evaluation a floating-point argument goes to the library's own
// constexpr functions (with domain errors stopping compilation); at run time,
// and for other scalar types, to the standard functions or the type's own.
// A wide scalar type (number.hpp: Boost.Multiprecision's) calls its own
// function out of line: evaluations are flattened (config.hpp), and flattening
// a multiprecision sin into every evaluation costs minutes of compilation. The
// call is by argument-dependent lookup, its result converted to T (so a type
// with expression templates, boost::multiprecision::et_on, works too).
#if defined(__GNUC__) || defined(__clang__)
#define LEIBNIZ_OUT_OF_LINE [[gnu::noinline]]
#else
#define LEIBNIZ_OUT_OF_LINE
#endif
//
// SIMD lanes (detail/lanes.hpp) use the vector type's own function (for
// std::experimental::simd, libstdc++'s) where argument-dependent lookup finds
// one and leibniz::use_vector_functions<T> is true, and the scalar function
// lane by lane otherwise.
#define LEIBNIZ_ELEMENTARY_FUNCTION(name, domain_check)                \
    template <class T>                                                 \
    LEIBNIZ_OUT_OF_LINE T name##_out_of_line(const T& v) {             \
        using std::name;                                               \
        return T(name(v));                                             \
    }                                                                  \
    template <class T>                                                 \
    constexpr T name(const T& v) {                                     \
        using std::name;                                               \
        if constexpr (lane_vector<T>) {                                \
            if constexpr (vector_function<T>(#name, [](const auto& a) -> decltype(T(name(a))) { return T(name(a)); })) \
                return T(name(v));                                     \
            else                                                       \
                return lane_by_lane(v, [](auto a) { return name(a); }); \
        } else if constexpr (is_wide_scalar<T>) {                      \
            return name##_out_of_line(v);                              \
        } else {                                                       \
            if constexpr (std::is_floating_point_v<T>) {               \
                if (std::is_constant_evaluated()) {                    \
                    const T r = constexpr_math::name(v);               \
                    domain_check;                                      \
                    return r;                                          \
                }                                                      \
            }                                                          \
            return name(v);                                            \
        }                                                              \
    }

LEIBNIZ_ELEMENTARY_FUNCTION(sin, (void)0)
LEIBNIZ_ELEMENTARY_FUNCTION(cos, (void)0)
LEIBNIZ_ELEMENTARY_FUNCTION(tan, (void)0)
LEIBNIZ_ELEMENTARY_FUNCTION(tanh, (void)0)
LEIBNIZ_ELEMENTARY_FUNCTION(exp, if (r == std::numeric_limits<T>::infinity() && v == v) domain_error::exp_overflows())
LEIBNIZ_ELEMENTARY_FUNCTION(log, if (v == 0) domain_error::log_of_zero();
                            if (v < 0) domain_error::log_of_a_negative_number())
LEIBNIZ_ELEMENTARY_FUNCTION(sqrt, if (v < 0) domain_error::sqrt_of_a_negative_number())
LEIBNIZ_ELEMENTARY_FUNCTION(asin, if (v < -1 || v > 1) domain_error::asin_outside_minus_one_to_one())
LEIBNIZ_ELEMENTARY_FUNCTION(acos, if (v < -1 || v > 1) domain_error::acos_outside_minus_one_to_one())
LEIBNIZ_ELEMENTARY_FUNCTION(atan, (void)0)
LEIBNIZ_ELEMENTARY_FUNCTION(sinh, if ((r == std::numeric_limits<T>::infinity() || r == -std::numeric_limits<T>::infinity()) &&
                                      v - v == 0) domain_error::sinh_overflows())
LEIBNIZ_ELEMENTARY_FUNCTION(cosh, if (r == std::numeric_limits<T>::infinity() && v - v == 0) domain_error::cosh_overflows())
LEIBNIZ_ELEMENTARY_FUNCTION(asinh, (void)0)
LEIBNIZ_ELEMENTARY_FUNCTION(acosh, if (v < 1) domain_error::acosh_below_one())
LEIBNIZ_ELEMENTARY_FUNCTION(atanh, if (v == -1 || v == 1) domain_error::atanh_at_plus_or_minus_one();
                            if (v < -1 || v > 1) domain_error::atanh_outside_minus_one_to_one())
LEIBNIZ_ELEMENTARY_FUNCTION(erf, (void)0)
LEIBNIZ_ELEMENTARY_FUNCTION(erfc, (void)0)
LEIBNIZ_ELEMENTARY_FUNCTION(log1p, if (v == -1) domain_error::log1p_of_minus_one();
                            if (v < -1) domain_error::log1p_below_minus_one())
LEIBNIZ_ELEMENTARY_FUNCTION(expm1, if (r == std::numeric_limits<T>::infinity() && v == v) domain_error::expm1_overflows())
LEIBNIZ_ELEMENTARY_FUNCTION(cbrt, (void)0)
#undef LEIBNIZ_ELEMENTARY_FUNCTION

// atan2(y, x) and hypot(a, b): the library's constexpr functions in constant
// evaluation, the standard ones (or the type's own) at run time.
template <class T>
LEIBNIZ_OUT_OF_LINE T atan2_out_of_line(const T& y, const T& x) {
    using std::atan2;
    return T(atan2(y, x));
}
template <class T>
LEIBNIZ_OUT_OF_LINE T hypot_out_of_line(const T& a, const T& b) {
    using std::hypot;
    return T(hypot(a, b));
}
template <class T>
LEIBNIZ_OUT_OF_LINE T pow_out_of_line(const T& base, const T& exponent) {
    using std::pow;
    return T(pow(base, exponent));
}
template <class T>
constexpr T atan2(const T& y, const T& x) {
    if constexpr (lane_vector<T>) {
        using std::atan2;
        if constexpr (vector_function<T>("atan2", [](const auto& p) -> decltype(T(atan2(p, p))) { return T(atan2(p, p)); }))
            return T(atan2(y, x));
        else
            return lane_by_lane(y, x, [](auto p, auto q) { return atan2(p, q); });
    } else {
        if constexpr (is_wide_scalar<T>) return atan2_out_of_line(y, x);
        if constexpr (std::is_floating_point_v<T>) {
            if (std::is_constant_evaluated()) return constexpr_math::atan2(y, x);
        }
        using std::atan2;
        return atan2(y, x);
    }
}
template <class T>
constexpr T hypot(const T& a, const T& b) {
    if constexpr (lane_vector<T>) {
        using std::hypot;
        if constexpr (vector_function<T>("hypot", [](const auto& p) -> decltype(T(hypot(p, p))) { return T(hypot(p, p)); }))
            return T(hypot(a, b));
        else
            return lane_by_lane(a, b, [](auto p, auto q) { return hypot(p, q); });
    } else {
        if constexpr (is_wide_scalar<T>) return hypot_out_of_line(a, b);
        if constexpr (std::is_floating_point_v<T>) {
            if (std::is_constant_evaluated()) {
                const T r = constexpr_math::hypot(a, b);
                if (r == std::numeric_limits<T>::infinity() && a - a == 0 && b - b == 0) domain_error::hypot_overflows();
                return r;
            }
        }
        using std::hypot;
        return hypot(a, b);
    }
}

template <class T>
constexpr T abs(const T& v) {
    static_assert(!is_complex<T>,
                  "leibniz: abs of a complex value is not differentiable (it is not holomorphic); "
                  "evaluate abs only with real scalar types");
    if constexpr (std::is_floating_point_v<T>)
        return constexpr_math::abs(v);
    else {
        using std::abs;
        return T(abs(v));
    }
}
// -1, 0 or 1 (NaN stays NaN for floating types).
template <class T>
constexpr T sign(const T& v) {
    static_assert(!is_complex<T>, "leibniz: sign (the derivative of abs) is not defined for complex values");
    if constexpr (lane_vector<T>) {  // lane by lane, NaN lanes staying NaN
        T r = v;
        where(v > T(0), r) = T(1);
        where(v < T(0), r) = T(-1);
        where(v == T(0), r) = T(0);
        return r;
    } else {
        if constexpr (std::is_floating_point_v<T>)
            if (v != v) return v;
        return v > T(0) ? T(1) : (v < T(0) ? T(-1) : T(0));
    }
}
template <class T>
constexpr T pow(const T& base, const T& exponent) {
    if constexpr (lane_vector<T>) {
        using std::pow;
        if constexpr (vector_function<T>("pow", [](const auto& p) -> decltype(T(pow(p, p))) { return T(pow(p, p)); }))
            return T(pow(base, exponent));
        else
            return lane_by_lane(base, exponent, [](auto p, auto q) { return pow(p, q); });
    } else {
        if constexpr (is_wide_scalar<T>) return pow_out_of_line(base, exponent);
        if constexpr (std::is_floating_point_v<T>) {
            if (std::is_constant_evaluated()) {
                const bool integral = constexpr_math::detail::is_integer(exponent);
                if (base < 0 && !integral) domain_error::pow_of_a_negative_base_with_a_non_integer_exponent();
                if (base == 0 && exponent < 0) domain_error::pow_of_zero_to_a_negative_exponent();
                const T r = constexpr_math::pow(base, exponent);
                if ((r == std::numeric_limits<T>::infinity() || r == -std::numeric_limits<T>::infinity()) &&
                    base - base == 0 && exponent - exponent == 0)
                    domain_error::pow_overflows();
                return r;
            }
        }
        using std::pow;
        return pow(base, exponent);
    }
}

// base^N for a compile-time integer N >= 1, by squaring.
template <int N, class T>
constexpr T ipow(const T& v) {
    static_assert(N >= 1);
    if constexpr (N == 1)
        return v;
    else if constexpr (N % 2 == 0) {
        T half = ipow<N / 2>(v);
        return half * half;
    } else
        return ipow<N - 1>(v) * v;
}

// base^n for a run-time integer n.
template <class T>
constexpr T ipow(T base, long long n) {
    bool invert = n < 0;
    unsigned long long m = invert ? 0ull - static_cast<unsigned long long>(n) : static_cast<unsigned long long>(n);
    T result(1);
    while (m > 0) {
        if (m & 1) result = result * base;
        m >>= 1;
        if (m > 0) base = base * base;
    }
    return invert ? T(1) / result : result;
}

}  // namespace leibniz::detail::math

#undef LEIBNIZ_OUT_OF_LINE
