// The elementary functions on scalar values, as evaluation calls them.
//
// At run time they are the standard functions (or, for a user-defined scalar
// type, its own sin, exp, ... found by argument-dependent lookup). In constant
// evaluation they rely on the compiler folding the standard functions, which
// GCC does and Clang does not yet.
#pragma once

#include <leibniz/config.hpp>

#include <cmath>
#include <complex>
#include <type_traits>

namespace leibniz::detail::math {

template <class T>
inline constexpr bool is_complex = false;
template <class T>
inline constexpr bool is_complex<std::complex<T>> = true;

template <class T>
constexpr T sin(const T& v) {
    using std::sin;
    return sin(v);
}
template <class T>
constexpr T cos(const T& v) {
    using std::cos;
    return cos(v);
}
template <class T>
constexpr T tan(const T& v) {
    using std::tan;
    return tan(v);
}
template <class T>
constexpr T exp(const T& v) {
    using std::exp;
    return exp(v);
}
template <class T>
constexpr T log(const T& v) {
    using std::log;
    return log(v);
}
template <class T>
constexpr T sqrt(const T& v) {
    using std::sqrt;
    return sqrt(v);
}
template <class T>
constexpr T tanh(const T& v) {
    using std::tanh;
    return tanh(v);
}
template <class T>
constexpr T abs(const T& v) {
    static_assert(!is_complex<T>,
                  "leibniz: abs of a complex value is not differentiable (it is not holomorphic); "
                  "evaluate abs only with real scalar types");
    if constexpr (std::is_floating_point_v<T>)
        return v < 0 ? -v : (v == 0 ? T(0) : v);  // |-0.0| is +0.0, as std::abs
    else {
        using std::abs;
        return abs(v);
    }
}
// -1, 0 or 1 (NaN stays NaN for floating types).
template <class T>
constexpr T sign(const T& v) {
    static_assert(!is_complex<T>, "leibniz: sign (the derivative of abs) is not defined for complex values");
    if constexpr (std::is_floating_point_v<T>)
        if (v != v) return v;
    return v > T(0) ? T(1) : (v < T(0) ? T(-1) : T(0));
}
template <class T>
constexpr T pow(const T& base, const T& exponent) {
    using std::pow;
    return pow(base, exponent);
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
