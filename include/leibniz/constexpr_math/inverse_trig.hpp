// atan, asin, acos and atan2 in long double, for constant evaluation.
#pragma once

#include <leibniz/constexpr_math/core.hpp>
#include <leibniz/constexpr_math/trig.hpp>

namespace leibniz::constexpr_math::detail {

inline constexpr ld pi = 3.14159265358979323846264338327950288L;
inline constexpr ld pio2 = 1.57079632679489661923132169163975144L;
inline constexpr ld three_pio4 = 2.35619449019234492884698253745962716L;
inline constexpr ld tan_pi_over_8 = 0.414213562373095048801688724209698079L;  // √2 - 1
inline constexpr ld tan_3pi_over_8 = 2.41421356237309504880168872420969808L;  // √2 + 1

// The Taylor coefficients of atan, (-1)^k / (2k + 1), to k = 26: on
// |t| <= tan(π/8) the first term left out, t^55/55, is below 2^-74·|t|.
struct atan_coefficients {
    ld c[27]{};
};
inline constexpr atan_coefficients atan_taylor = [] {
    atan_coefficients t;
    for (int k = 0; k < 27; ++k) t.c[k] = (k % 2 ? -1.0L : 1.0L) / (2 * k + 1);
    return t;
}();

// atan t by its series, for |t| <= tan(π/8) (a hair more is harmless). The
// terms fall by at least tan²(π/8) ≈ 0.17 each, so Horner's scheme loses
// nothing to cancellation; the result is t·(1 + O(t²)), exact for tiny t.
constexpr ld atan_series(ld t) {
    const ld t2 = t * t;
    ld p = 0;
    for (int k = 26; k >= 0; --k) p = p * t2 + atan_taylor.c[k];
    return t * p;
}

// atan a for finite a >= 0, reduced to |t| <= tan(π/8):
//   a > tan(3π/8):           π/2 - atan(1/a)
//   tan(π/8) < a <= tan(3π/8): π/4 + atan((a - 1)/(a + 1))
// The reduced argument carries a relative error of about 2^-64 and atan
// does not magnify relative errors (t·atan'(t)/atan(t) <= 1); π/2 and π/4
// are rounded to long double, a relative 2^-65. Measured: within 2 units of
// 2^-64 relative.
constexpr ld atan_nonnegative(ld a) {
    if (a > tan_3pi_over_8) return pio2 - atan_series(1 / a);
    if (a > tan_pi_over_8) return pio4 + atan_series((a - 1) / (a + 1));
    return atan_series(a);
}

constexpr ld atan(ld x) {
    if (is_nan(x) || x == 0) return x;  // ±0 keeps its sign
    const ld a = magnitude(x);
    const ld y = is_infinite(a) ? pio2 : atan_nonnegative(a);
    return x < 0 ? -y : y;
}

// asin x = atan(x/√((1 - x)(1 + x))). For |x| >= 1/2, 1 - |x| is exact
// (Sterbenz), so near ±1, where asin is steep, nothing cancels; below 1/2 the
// product rounds to a relative 2^-64 and the quotient is close to x. The
// quotient carries about 2.5·2^-64 relative error, which atan passes on
// unmagnified.
constexpr ld asin(ld x) {
    if (is_nan(x) || x == 0) return x;
    const ld a = magnitude(x);
    if (a > 1) return not_a_number;
    const ld y = a == 1 ? pio2 : atan_nonnegative(a / sqrt((1 - a) * (1 + a)));
    return x < 0 ? -y : y;
}

// acos x = 2·atan(√((1 - x)/(1 + x))): near 1, where the result is small,
// 1 - x is exact, so the result has a small relative error (no π/2 - asin x
// cancellation); near -1, 1 + x is exact and the result is near π.
constexpr ld acos(ld x) {
    if (is_nan(x) || x > 1 || x < -1) return not_a_number;
    if (x == 1) return 0;
    if (x == -1) return pi;
    return 2 * atan_nonnegative(sqrt((1 - x) / (1 + x)));
}

// atan2(y, x) with the special cases of C's atan2 (ISO C, Annex F.10.1.4).
// Otherwise, with a = |y|, b = |x|: atan(a/b) when a <= b, π/2 - atan(b/a)
// when a > b (the quotient is at most 1 and is never a division by zero),
// reflected to π - θ for x < 0, with the sign of y. For float and double
// arguments the quotient never leaves the long double range.
constexpr ld atan2(ld y, ld x) {
    if (is_nan(x) || is_nan(y)) return not_a_number;
    if (y == 0) return sign_bit(x) ? with_sign_of(pi, y) : y;  // ±0 for x = +0 or x > 0; ±π for x = -0 or x < 0
    if (is_infinite(y)) {
        if (x == infinity) return with_sign_of(pio4, y);
        if (x == -infinity) return with_sign_of(three_pio4, y);
        return with_sign_of(pio2, y);
    }
    if (x == 0) return with_sign_of(pio2, y);
    if (x == infinity) return with_sign_of(0, y);
    if (x == -infinity) return with_sign_of(pi, y);
    const ld a = magnitude(y), b = magnitude(x);
    ld theta;
    if (a <= b) {
        theta = atan_nonnegative(a / b);
        if (x < 0) theta = pi - theta;
    } else {
        const ld t = atan_nonnegative(b / a);
        theta = x < 0 ? pio2 + t : pio2 - t;
    }
    return with_sign_of(theta, y);
}

}  // namespace leibniz::constexpr_math::detail
