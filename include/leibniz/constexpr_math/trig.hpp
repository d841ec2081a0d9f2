// sin, cos, tan and tanh in long double, for constant evaluation.
#pragma once

#include <leibniz/constexpr_math/core.hpp>
#include <leibniz/constexpr_math/exp_log.hpp>

namespace leibniz::constexpr_math::detail {

// x = k·π/2 + r, |r| <= π/4 (a hair more where k rounds), quadrant = k mod 4.
// With π/2 in four parts the reduction is exact enough for |x| < 2^30·π/2
// (about 1.7·10^9); beyond, its error grows with |x| (docs/constexpr-math.md
// gives the measured error). Beyond 2^62·π/2 (about 7·10^18) the constexpr
// functions do not reduce at all and give NaN: the standard functions, used at
// run time, reduce with more bits of π.
struct reduced {
    ld r;
    int quadrant;
};
constexpr reduced reduce_quarter_turns(ld x) {
    if (magnitude(x) <= pio4) return {x, 0};
    const ld kf = x * two_over_pi;
    if (!(magnitude(kf) < 4611686018427387904.0L)) return {not_a_number, 0};  // 2^62
    const long long n = nearest_integer(kf);
    const ld k = static_cast<ld>(n);
    return {(((x - k * pio2_1) - k * pio2_2) - k * pio2_3) - k * pio2_4, static_cast<int>(n & 3)};
}

// Taylor series on |r| <= π/4 + ε: sin to r^27, cos to r^28 (next terms below
// 2^-80). The coefficients ±1/n! are computed once, as constants.
struct taylor_coefficients {
    ld sin[14]{};  // (-1)^k / (2k + 1)!
    ld cos[15]{};  // (-1)^k / (2k)!
};
inline constexpr taylor_coefficients taylor = [] {
    taylor_coefficients t;
    ld factorial = 1;  // n!
    for (int n = 0; n <= 28; ++n) {
        if (n > 0) factorial *= n;
        const ld c = ((n / 2) % 2 ? -1 : 1) / factorial;
        if (n % 2) t.sin[n / 2] = c;
        else t.cos[n / 2] = c;
    }
    return t;
}();

constexpr ld sin_kernel(ld r) {
    const ld r2 = r * r;
    ld p = 0;
    for (int k = 13; k >= 0; --k) p = p * r2 + taylor.sin[k];
    return r * p;
}
constexpr ld cos_kernel(ld r) {
    const ld r2 = r * r;
    ld p = 0;
    for (int k = 14; k >= 0; --k) p = p * r2 + taylor.cos[k];
    return p;
}

constexpr ld sin(ld x) {
    if (is_nan(x) || is_infinite(x)) return not_a_number;
    if (x == 0) return x;
    const auto [r, q] = reduce_quarter_turns(x);
    switch (q) {
        case 0: return sin_kernel(r);
        case 1: return cos_kernel(r);
        case 2: return -sin_kernel(r);
        default: return -cos_kernel(r);
    }
}
constexpr ld cos(ld x) {
    if (is_nan(x) || is_infinite(x)) return not_a_number;
    const auto [r, q] = reduce_quarter_turns(x);
    switch (q) {
        case 0: return cos_kernel(r);
        case 1: return -sin_kernel(r);
        case 2: return -cos_kernel(r);
        default: return sin_kernel(r);
    }
}
constexpr ld tan(ld x) {
    if (is_nan(x) || is_infinite(x)) return not_a_number;
    if (x == 0) return x;
    const auto [r, q] = reduce_quarter_turns(x);
    return q % 2 == 0 ? sin_kernel(r) / cos_kernel(r) : -cos_kernel(r) / sin_kernel(r);
}

// tanh: -t/(t + 2) with t = e^(-2|x|) - 1 below 1 (no cancellation near 0),
// 1 - 2/(e^(2|x|) + 1) above; ±1 beyond 23, where the difference is below 2^-64.
constexpr ld tanh(ld x) {
    if (is_nan(x) || x == 0) return x;
    const ld a = magnitude(x);
    ld y;
    if (a > 23)
        y = 1;
    else if (a < 1) {
        const ld t = expm1(-2 * a);
        y = -t / (t + 2);
    } else
        y = 1 - 2 / (exp(2 * a) + 1);
    return x < 0 ? -y : y;
}

// √x by Newton's iteration on m in [1, 4), x = m·4^e.
constexpr ld sqrt(ld x) {
    if (is_nan(x) || x < 0) return not_a_number;
    if (x == 0 || x == infinity) return x;
    int e = 0;
    ld m = split_exponent(x, e);
    if (e % 2 != 0) {
        m *= 2;
        --e;
    }
    ld r = (m + 1) / 2;
    for (int i = 0; i < 7; ++i) r = (r + m / r) / 2;
    return scale2(r, e / 2);
}

}  // namespace leibniz::constexpr_math::detail
