// log1p, erf, erfc, cbrt and hypot in long double, for constant evaluation.
#pragma once

#include <leibniz/constexpr_math/core.hpp>
#include <leibniz/constexpr_math/exp_log.hpp>
#include <leibniz/constexpr_math/trig.hpp>

#include <limits>

namespace leibniz::constexpr_math::detail {

inline constexpr ld one_over_sqrt_pi = 0.564189583547756286948079451560772586L;
inline constexpr ld two_over_sqrt_pi = 1.12837916709551257389615890312154517L;

// ln(1 + x). u = 1 + x rounds, but u - 1 is exact (Sterbenz below 2; above,
// u's last bit is still representable), so d = x - (u - 1) is exactly the
// rounding error and ln(1 + x) = ln u + ln(1 + d/u) = ln u + d/u to well
// within 2^-64 relative. ln u keeps its relative accuracy near u = 1 (log's
// m - 1 is then exact), so tiny x gives x (u = 1, d = x), subnormals too.
constexpr ld log1p(ld x) {
    if (is_nan(x) || x == 0 || x == infinity) return x;
    if (x == -1) return -infinity;
    if (x < -1) return not_a_number;
    const ld u = 1 + x;
    return log(u) + (x - (u - 1)) / u;
}

// The Taylor coefficients of √π/2·erf x = Σ (-1)^n x^(2n+1) / (n!·(2n + 1)),
// to n = 26: for |x| < 1.25 the first term left out is below 2^-80.
struct erf_coefficients {
    ld c[27]{};
};
inline constexpr erf_coefficients erf_taylor = [] {
    erf_coefficients t;
    ld factorial = 1;
    for (int n = 0; n < 27; ++n) {
        if (n > 0) factorial *= n;
        t.c[n] = (n % 2 ? -1.0L : 1.0L) / (factorial * (2 * n + 1));
    }
    return t;
}();

// erf x for |x| < 1.25 by its Taylor series: the terms fall from the first,
// x, and the sum stays above 0.65·x, so Horner's scheme loses under a bit;
// tiny x give 2x/√π, subnormals included, ±0 kept.
constexpr ld erf_series(ld x) {
    const ld x2 = x * x;
    ld p = 0;
    for (int n = 26; n >= 0; --n) p = p * x2 + erf_taylor.c[n];
    return two_over_sqrt_pi * (x * p);
}

// e^(-x²) to about 3·2^-64 relative for 0 <= x < 108. x² rounded to long
// double would be off by up to x²·2^-65, a relative error of e^(that) - 1 in
// the result (2^-52 at x = 100). So x = h + l with h holding the top 32 bits
// of x (Veltkamp's split): h² is exact, e^(-x²) = e^(-h²)·e^(-(2hl + l²)),
// and the small second exponent (below 2^-17 for x < 108) is computed to
// full precision.
constexpr ld exp_minus_square(ld x) {
    const ld c = 4294967297.0L * x;  // (2^32 + 1)·x
    const ld h = c - (c - x), l = x - h;
    return exp(-(h * h)) * exp(-(2 * h * l + l * l));
}

// erfc x for x >= 1.25 by the continued fraction of the upper incomplete
// gamma function, erfc x = Γ(1/2, x²)/√π (Legendre's form):
//   erfc x = x·e^(-x²)/√π / (b0 - a1/(b1 - a2/(b2 - ...))), b_k = x² + 2k + 1/2, a_k = k(k - 1/2).
// Every partial denominator stays positive and the fraction, evaluated from
// the bottom up, is stable; it converges faster the larger x is. The depth
// 6 + 100/x² + 40/x (102 levels at x = 1.25, 7 at x = 100) was fitted to the
// depth at which the truncation error falls below 2^-68, measured on a fine
// grid of x from 1.25 to 110, with at least one level to spare everywhere.
// Beyond x = 108 erfc is below the smallest long double.
constexpr ld erfc_fraction(ld x) {
    if (x >= 108) return 0;
    const ld z = x * x;
    const int levels = 6 + static_cast<int>(100 / z + 40 / x);
    ld t = z + 2 * levels + 0.5L;
    for (int k = levels; k >= 1; --k) t = (z + (2 * (k - 1) + 0.5L)) - k * (k - 0.5L) / t;
    return (one_over_sqrt_pi * x / t) * exp_minus_square(x);
}

// erf: the series below 1.25 (relative accuracy down to subnormals, ±0 kept),
// 1 - erfc|x| above (erfc|x| < 0.08 there, so its error shrinks in the
// difference), ±1 beyond 7, where erfc is below 2^-72.
constexpr ld erf(ld x) {
    if (is_nan(x) || x == 0) return x;
    const ld a = magnitude(x);
    if (a < 1.25L) return erf_series(x);
    const ld y = a > 7 ? 1 : 1 - erfc_fraction(a);
    return x < 0 ? -y : y;
}

// erfc: the continued fraction for x >= 1.25, with relative accuracy until it
// underflows (x ≈ 27 for double, 107 for long double); 1 - erf x for
// |x| < 1.25 (the result is above 0.07: at most 4 bits lost); 2 - erfc|x| for
// x <= -1.25 (the result is above 1.9).
constexpr ld erfc(ld x) {
    if (is_nan(x)) return x;
    if (x == infinity) return 0;
    if (x == -infinity) return 2;
    if (x >= 1.25L) return erfc_fraction(x);
    if (x > -1.25L) return 1 - erf_series(x);
    return 2 - erfc_fraction(-x);
}

// ∛x. |x| = m·2^(3q) with m in [1, 8), and the sign put back at the end.
// Newton's iteration r ← r + (m/r² - r)/3 from a linear first guess (within
// 20%) converges quadratically: 7 steps are more than enough for 64 bits; in
// this form the last correction is small, so the result carries about one
// rounding. Exact cubes give exact roots. Subnormals are normalised by
// split_exponent first.
constexpr ld cbrt(ld x) {
    if (is_nan(x) || x == 0 || is_infinite(x)) return x;
    int e = 0;
    ld m = split_exponent(magnitude(x), e);
    while (e % 3 != 0) {
        m *= 2;
        --e;
    }
    ld r = 0.8L + 0.2L * m;
    for (int i = 0; i < 7; ++i) r += (m / (r * r) - r) / 3;
    const ld y = scale2(r, e / 3);
    return x < 0 ? -y : y;
}

// √(x² + y²) without overflow or underflow in between. Special cases as C's
// hypot (Annex F.10.4.3): an infinity gives +inf even beside a NaN. For float
// and double arguments x² + y² cannot leave the long double range, so it is
// computed directly (about 1.5·2^-64 relative before rounding once to T).
// Long double arguments beyond 2^±7972 (the squares' range, with a margin)
// are first scaled by the power of two of the larger one (exact), and scaled
// back, +inf where the result overflows.
inline constexpr ld hypot_big = scale2(1, std::numeric_limits<ld>::max_exponent / 2 - 220);
inline constexpr ld hypot_small = 1 / hypot_big;
constexpr ld hypot(ld x, ld y) {
    if (is_infinite(x) || is_infinite(y)) return infinity;
    if (is_nan(x) || is_nan(y)) return not_a_number;
    ld a = magnitude(x), b = magnitude(y);
    if (a < b) {
        const ld t = a;
        a = b;
        b = t;
    }
    if (b == 0) return a == 0 ? 0 : a;  // +0 for ±0
    if (a < hypot_big && a > hypot_small) return sqrt(a * a + b * b);
    int e = 0;
    const ld m = split_exponent(a, e), n = scale2(b, -e);
    const ld s = sqrt(m * m + n * n);  // in [1, 2√2)
    if (e >= std::numeric_limits<ld>::max_exponent - 1 && s >= 2) return infinity;
    return scale2(s, e);
}

}  // namespace leibniz::constexpr_math::detail
