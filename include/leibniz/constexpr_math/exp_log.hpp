// exp, expm1, log and pow in long double, for constant evaluation.
#pragma once

#include <leibniz/constexpr_math/core.hpp>

namespace leibniz::constexpr_math::detail {

// e^x. Reduction x = k·ln2 + r, |r| <= ln2/2 (exact: see ln2_hi), then the
// Taylor series of e^r to the 22nd power (the next term is below 2^-80).
constexpr ld exp(ld x) {
    if (is_nan(x)) return x;
    if (x > 11356.5234062941439494919310779707648912527L) return infinity;  // beyond the long double range
    if (x < -11400) return 0;
    const long long k = nearest_integer(x / ln2);
    const ld r = (x - static_cast<ld>(k) * ln2_hi) - static_cast<ld>(k) * ln2_lo;
    ld p = 1;
    for (int n = 22; n >= 1; --n) p = 1 + r * p / n;
    return scale2(p, static_cast<int>(k));
}

// e^x - 1, accurate near 0: the series for |x| <= 1, e^x - 1 beyond.
constexpr ld expm1(ld x) {
    if (is_nan(x) || x == 0) return x;
    if (magnitude(x) > 1) return exp(x) - 1;
    ld p = 1;
    for (int n = 26; n >= 2; --n) p = 1 + x * p / n;
    return x * p;
}

// ln x. x = m·2^e with m in [√2/2, √2), ln m = 2 atanh(s), s = (m - 1)/(m + 1),
// |s| <= 0.1716: the series to s^27 (the next term is below 2^-80).
constexpr ld log(ld x) {
    if (is_nan(x) || x < 0) return not_a_number;
    if (x == 0) return -infinity;
    if (x == infinity) return x;
    int e = 0;
    ld m = split_exponent(x, e);
    if (m > sqrt2) {
        m /= 2;
        ++e;
    }
    const ld s = (m - 1) / (m + 1), s2 = s * s;
    ld t = 0;
    for (int k = 13; k >= 0; --k) t = t * s2 + 1.0L / (2 * k + 1);
    return static_cast<ld>(e) * ln2_hi + (static_cast<ld>(e) * ln2_lo + 2 * s * t);
}

// x^y with the special cases of C's pow (ISO C, Annex F.10.4.4).
constexpr ld pow(ld x, ld y) {
    if (y == 0 || x == 1) return 1;
    if (y == 1) return x;
    if (is_nan(x) || is_nan(y)) return not_a_number;
    const bool odd = is_odd_integer(y);
    if (x == 0) {
        if (y < 0) return odd ? with_sign_of(infinity, x) : infinity;
        return odd ? x : 0;
    }
    if (is_infinite(y)) {
        if (x == -1) return 1;
        return (magnitude(x) < 1) == (y < 0) ? infinity : 0;
    }
    if (is_infinite(x)) {
        const ld m = y < 0 ? 0 : infinity;
        return x < 0 && odd ? -m : m;
    }
    if (x < 0 && !is_integer(y)) return not_a_number;
    const ld base = magnitude(x);
    ld result;
    int e = 0;
    split_exponent(base, e);
    if (is_integer(y) && magnitude(y) <= 64 && (e < 0 ? -e : e) * magnitude(y) < 16000) {
        // Small integer powers by squaring: exact where the result is representable.
        long long n = static_cast<long long>(magnitude(y));
        ld b = base;
        result = 1;
        for (; n > 0; n >>= 1, b *= b)
            if (n & 1) result *= b;
        if (y < 0) result = 1 / result;
    } else {
        result = exp(y * log(base));  // exp gives infinity beyond the long double range
    }
    return x < 0 && odd ? -result : result;
}

}  // namespace leibniz::constexpr_math::detail
