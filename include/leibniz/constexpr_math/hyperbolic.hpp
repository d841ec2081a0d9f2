// sinh, cosh, asinh, acosh and atanh in long double, for constant evaluation.
// (tanh is in trig.hpp.)
#pragma once

#include <leibniz/constexpr_math/core.hpp>
#include <leibniz/constexpr_math/exp_log.hpp>
#include <leibniz/constexpr_math/special.hpp>
#include <leibniz/constexpr_math/trig.hpp>

#include <limits>

namespace leibniz::constexpr_math::detail {

// ln(2·LDBL_MAX): beyond it sinh and cosh overflow long double.
inline constexpr ld sinh_cosh_limit = 11357.2165534747038948012940999835988L;

// e^a/2 for 11350 < a, where e^a alone may overflow long double but the
// result may not: (e^(a/2)/2)·e^(a/2), or +inf when the product would
// overflow (an overflowing product is not a constant expression on GCC).
constexpr ld half_exp_large(ld a) {
    if (a > sinh_cosh_limit) return infinity;
    const ld w = exp(a / 2), h = w / 2;
    return h > std::numeric_limits<ld>::max() / w ? infinity : h * w;
}

// sinh: below 1, (E + E/(E + 1))/2 with E = e^|x| - 1 from expm1's series,
// which keeps the relative accuracy for tiny x (sinh x = x down to
// subnormals, ±0 kept); from 1 on, (e^|x| - e^-|x|)/2, where e^-|x| is at
// most 0.14·e^|x|: the subtraction magnifies exp's error by at most 1.31.
constexpr ld sinh(ld x) {
    if (is_nan(x) || x == 0 || is_infinite(x)) return x;
    const ld a = magnitude(x);
    ld y;
    if (a < 1) {
        const ld e = expm1(a);
        y = (e + e / (e + 1)) / 2;
    } else if (a <= 11350) {
        const ld w = exp(a);
        y = (w - 1 / w) / 2;
    } else {
        y = half_exp_large(a);
    }
    return x < 0 ? -y : y;
}

// cosh: (e^|x| + e^-|x|)/2, a sum of positive terms, so exp's relative error
// carries over unmagnified; near 0 it is 1 + x²/2 as it should be.
constexpr ld cosh(ld x) {
    if (is_nan(x)) return x;
    const ld a = magnitude(x);
    if (a == infinity) return infinity;
    if (a > 11350) return half_exp_large(a);
    const ld w = exp(a);
    return (w + 1 / w) / 2;
}

// asinh |x|: below 1/2, ln(1 + a + a²/(1 + √(1 + a²))) by log1p (the same
// value, rewritten so nothing cancels: relative accuracy down to subnormals);
// up to 2^32, ln(a + √(a² + 1)); beyond, ln a + ln 2 (the term left out,
// 1/(4a²), is below 2^-66 of the result). Odd, ±0 kept.
constexpr ld asinh(ld x) {
    if (is_nan(x) || x == 0 || is_infinite(x)) return x;
    const ld a = magnitude(x);
    ld y;
    if (a > 4294967296.0L) y = log(a) + ln2;
    else if (a >= 0.5L) y = log(a + sqrt(a * a + 1));
    else y = log1p(a + a * a / (1 + sqrt(1 + a * a)));
    return x < 0 ? -y : y;
}

// acosh x for x >= 1: up to 2, with t = x - 1 exact, ln(1 + t + √(t(t + 2)))
// by log1p, so the small results near x = 1 keep their relative accuracy;
// up to 2^32, ln(x + √((x - 1)(x + 1))); beyond, ln x + ln 2 (the term left
// out, -1/(4x²), is below 2^-66 of the result). NaN below 1.
constexpr ld acosh(ld x) {
    if (is_nan(x) || x < 1) return not_a_number;
    if (x == 1) return 0;
    if (x == infinity) return x;
    if (x > 4294967296.0L) return log(x) + ln2;
    if (x > 2) return log(x + sqrt((x - 1) * (x + 1)));
    const ld t = x - 1;
    return log1p(t + sqrt(t * (t + 2)));
}

// atanh |x| = ln((1 + a)/(1 - a))/2 = log1p(2a/(1 - a))/2: 1 - a is exact
// from 1/2 on (Sterbenz), and log1p keeps the relative accuracy of small
// arguments (atanh x = x for tiny x, ±0 kept). ±inf at ±1, NaN beyond.
constexpr ld atanh(ld x) {
    if (is_nan(x) || x == 0) return x;
    const ld a = magnitude(x);
    if (a > 1) return not_a_number;
    const ld y = a == 1 ? infinity : log1p(2 * a / (1 - a)) / 2;
    return x < 0 ? -y : y;
}

}  // namespace leibniz::constexpr_math::detail
