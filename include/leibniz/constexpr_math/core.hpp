// What the constexpr elementary functions share: extended-precision helpers.
//
// Every function is computed in long double (64-bit significand on x86-64:
// 11 bits more than double) and rounded once to the requested type, so the
// double and float results are within a hair of correctly rounded; long
// double results carry the error of the long double arithmetic itself
// (measured in docs/constexpr-math.md). All of it is plain arithmetic, so it
// runs in constant expressions on GCC and Clang alike.
#pragma once

#include <limits>

namespace leibniz::constexpr_math::detail {

using ld = long double;

inline constexpr ld infinity = std::numeric_limits<ld>::infinity();
inline constexpr ld not_a_number = std::numeric_limits<ld>::quiet_NaN();
inline constexpr ld two64 = 18446744073709551616.0L;  // 2^64

// π/2 in four parts of 34, 34, 34 and 64 significant bits: k·p1, k·p2 and
// k·p3 are exact for |k| < 2^30 (Cody and Waite's reduction, one part more).
inline constexpr ld pio2_1 = 1.570796326850540935993194580078125L;
inline constexpr ld pio2_2 = -5.564431676050702289815230727754169492982327938079833984375e-11L;
inline constexpr ld pio2_3 = -1.3658655402074272873246679033869310757628827424081663366450811736285686492919921875e-21L;
inline constexpr ld pio2_4 = -1.38233365489374792363737080977134182780453352145668839783157556625009431595072939383792048e-32L;
inline constexpr ld two_over_pi = 0.63661977236758134307553505349005744813783858296182579499066937623558719053690796L;
inline constexpr ld pio4 = 0.78539816339744830961566084581987572104929234984377645524373614807695410157155L;
// ln 2 in two parts: ln2_hi has 32 significant bits, so k·ln2_hi is exact.
inline constexpr ld ln2_hi = 0.69314718036912381649017333984375L;
inline constexpr ld ln2_lo = 1.9082149292705878161442656807550013436025525412068000949339362196969478e-10L;
inline constexpr ld ln2 = 0.69314718055994530941723212145817656807550013436025525412068000949339362196969478L;
inline constexpr ld sqrt2 = 1.4142135623730950488016887242096980785696718753769480731766797379907324784621L;

constexpr bool is_nan(ld x) { return x != x; }
constexpr bool is_infinite(ld x) { return x == infinity || x == -infinity; }
constexpr ld magnitude(ld x) { return x < 0 ? -x : x; }
constexpr bool sign_bit(ld x) {  // true for negative numbers and -0.0
    // copysign is constexpr on GCC and Clang; signbit is not on Clang 14.
    return __builtin_copysignl(1.0L, x) < 0;
}
constexpr ld with_sign_of(ld value, ld sign) { return sign_bit(sign) ? -magnitude(value) : magnitude(value); }

// x · 2^k, exact while the result is a normal long double.
constexpr ld scale2(ld x, int k) {
    for (; k >= 64; k -= 64) x *= two64;
    for (; k <= -64; k += 64) x /= two64;
    ld p = 1;
    for (int i = 0; i < (k < 0 ? -k : k); ++i) p *= 2;
    return k >= 0 ? x * p : x / p;
}

// x = m · 2^e with m in [1, 2), for finite x > 0.
constexpr ld split_exponent(ld x, int& e) {
    e = 0;
    for (; x >= two64; e += 64) x /= two64;
    for (; x < 1 / two64; e -= 64) x *= two64;
    for (; x >= 2; ++e) x /= 2;
    for (; x < 1; --e) x *= 2;
    return x;
}

// The nearest integer to v, ties away from zero, for |v| < 2^62.
constexpr long long nearest_integer(ld v) { return static_cast<long long>(v >= 0 ? v + 0.5L : v - 0.5L); }

// Is y an integer? Is it odd? (Every long double of magnitude 2^63 or more is an even integer.)
constexpr bool is_integer(ld y) {
    if (magnitude(y) >= 9223372036854775808.0L) return true;
    return y == static_cast<ld>(static_cast<long long>(y));
}
constexpr bool is_odd_integer(ld y) {
    if (magnitude(y) >= 9223372036854775808.0L || !is_integer(y)) return false;
    return (static_cast<long long>(y) & 1) != 0;
}

// Round a long double result to T: out-of-range values become infinities
// (converting them would be undefined, and a compile error in a constant
// expression), NaN stays NaN.
template <class T>
constexpr T narrow(ld v) {
    if (is_nan(v)) return std::numeric_limits<T>::quiet_NaN();
    if (v > static_cast<ld>(std::numeric_limits<T>::max())) {
        // Values that round down to the largest finite T are still finite.
        const ld max = static_cast<ld>(std::numeric_limits<T>::max());
        if (v < max + scale2(max, -(std::numeric_limits<T>::digits + 1))) return std::numeric_limits<T>::max();
        return std::numeric_limits<T>::infinity();
    }
    if (v < -static_cast<ld>(std::numeric_limits<T>::max())) return -narrow<T>(-v);
    return static_cast<T>(v);
}

}  // namespace leibniz::constexpr_math::detail
