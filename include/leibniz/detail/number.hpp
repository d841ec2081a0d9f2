// The numbers written in an expression: exact rationals while they fit, reals otherwise.
//
// A number is stored as written: an integer literal stays an exact integer, a
// floating literal stays that floating value. Folding two exact numbers stays
// exact (so `e / 2` is a half, never an integer division); an operation that
// would overflow 64 bits, or that meets a real, continues in long double.
#pragma once

#include <leibniz/detail/lanes.hpp>

#include <cmath>
#include <concepts>
#include <cstdint>
#include <limits>
#include <type_traits>

namespace leibniz::detail {

// gcd on magnitudes, defined for every int64 (std::gcd is not for INT64_MIN).
constexpr std::int64_t gcd64(std::int64_t a, std::int64_t b) {
    auto ua = a < 0 ? 0 - static_cast<std::uint64_t>(a) : static_cast<std::uint64_t>(a);
    auto ub = b < 0 ? 0 - static_cast<std::uint64_t>(b) : static_cast<std::uint64_t>(b);
    while (ub != 0) {
        auto t = ua % ub;
        ua = ub;
        ub = t;
    }
    // The only magnitude that does not fit is 2^63, which divides nothing else we reduce.
    return ua > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) ? 1 : static_cast<std::int64_t>(ua);
}

// a * b and a + b into *r, true on overflow (then *r is unspecified). GCC's
// and Clang's builtins, except under nvcc, whose front end does not evaluate
// them in a constant expression ("expression must have a constant value" for
// any constexpr expression that folds a number).
constexpr bool mul_overflows(std::int64_t a, std::int64_t b, std::int64_t* r) {
#if defined(__CUDACC__)
    using u64 = std::uint64_t;
    const bool negative = (a < 0) != (b < 0);
    const u64 ua = a < 0 ? 0 - static_cast<u64>(a) : static_cast<u64>(a);
    const u64 ub = b < 0 ? 0 - static_cast<u64>(b) : static_cast<u64>(b);
    const u64 limit = static_cast<u64>(std::numeric_limits<std::int64_t>::max()) + (negative ? 1 : 0);
    if (ua != 0 && ub > limit / ua) return true;
    const u64 m = ua * ub;
    *r = static_cast<std::int64_t>(negative ? 0 - m : m);
    return false;
#else
    return __builtin_mul_overflow(a, b, r);
#endif
}
constexpr bool add_overflows(std::int64_t a, std::int64_t b, std::int64_t* r) {
#if defined(__CUDACC__)
    if (b > 0 ? a > std::numeric_limits<std::int64_t>::max() - b : a < std::numeric_limits<std::int64_t>::min() - b)
        return true;
    *r = a + b;
    return false;
#else
    return __builtin_add_overflow(a, b, r);
#endif
}

struct number {
    std::int64_t num = 0;  // exact value num / den, den > 0, in lowest terms,
    std::int64_t den = 1;  // when `exact`
    long double real = 0;  // the value when not `exact`
    bool exact = true;
    // The value as a double, kept up to date by every operation: evaluation
    // in double reads it with one load and no branch, where the compiler
    // cannot see the number as a constant (GCC 12 does not fold loads from a
    // large constexpr expression object: the conversion from num/den or from
    // long double cost 2x the instructions of a hand-written Rosenbrock gradient).
    double nearest = 0;

    constexpr number() = default;
    template <std::integral I>
    constexpr number(I value) {  // NOLINT: implicit by design, numbers are written as literals
        if constexpr (std::is_unsigned_v<I> && sizeof(I) >= sizeof(std::int64_t)) {
            if (value > static_cast<I>(std::numeric_limits<std::int64_t>::max())) {
                exact = false;
                real = static_cast<long double>(value);
                nearest = static_cast<double>(value);
                return;
            }
        }
        num = static_cast<std::int64_t>(value);
        nearest = static_cast<double>(num);
    }
    template <std::floating_point F>
    constexpr number(F value) : real(value), exact(false), nearest(static_cast<double>(value)) {}  // NOLINT

    static constexpr number ratio(std::int64_t n, std::int64_t d) {
        number r;
        r.num = n;
        r.den = d;
        r.normalize();
        return r;
    }
    static constexpr number from_real(long double v) {
        number r;
        r.real = v;
        r.exact = false;
        r.nearest = static_cast<double>(v);
        return r;
    }

    constexpr long double as_real() const {
        return exact ? static_cast<long double>(num) / static_cast<long double>(den) : real;
    }
    constexpr bool is_integer() const { return exact ? den == 1 : false; }
    constexpr bool is_zero() const { return exact ? num == 0 : real == 0; }
    constexpr bool is_one() const { return exact ? num == 1 && den == 1 : real == 1; }
    constexpr bool is_negative() const { return exact ? num < 0 : real < 0; }

    friend constexpr bool operator==(const number& a, const number& b) {
        if (a.exact && b.exact) return a.num == b.num && a.den == b.den;
        return a.as_real() == b.as_real();
    }

    friend constexpr number operator-(const number& a) {
        if (a.exact && a.num != std::numeric_limits<std::int64_t>::min()) return ratio_unchecked(-a.num, a.den);
        return from_real(-a.as_real());
    }
    friend constexpr number operator+(const number& a, const number& b) {
        if (a.exact && b.exact) {
            std::int64_t g = gcd64(a.den, b.den);
            std::int64_t l, x, y, n;
            if (!mul_overflows(a.den / g, b.den, &l) && !mul_overflows(a.num, b.den / g, &x) &&
                !mul_overflows(b.num, a.den / g, &y) && !add_overflows(x, y, &n))
                return ratio(n, l);
        }
        return from_real(a.as_real() + b.as_real());
    }
    friend constexpr number operator-(const number& a, const number& b) { return a + (-b); }
    friend constexpr number operator*(const number& a, const number& b) {
        if (a.exact && b.exact) {
            // Cross-reduce first so that products stay small.
            std::int64_t g1 = gcd64(a.num, b.den), g2 = gcd64(b.num, a.den);
            if (g1 == 0) g1 = 1;
            if (g2 == 0) g2 = 1;
            std::int64_t n, d;
            if (!mul_overflows(a.num / g1, b.num / g2, &n) && !mul_overflows(a.den / g2, b.den / g1, &d))
                return ratio(n, d);
        }
        return from_real(a.as_real() * b.as_real());
    }
    // Division by an exact zero gives an infinity (or NaN for 0/0), as IEEE would.
    friend constexpr number operator/(const number& a, const number& b) {
        if (b.is_zero()) {
            if (a.is_zero()) return from_real(std::numeric_limits<long double>::quiet_NaN());
            return from_real(a.is_negative() != (!b.exact && b.real < 0)  // -0.0 as divisor flips the sign
                                 ? -std::numeric_limits<long double>::infinity()
                                 : std::numeric_limits<long double>::infinity());
        }
        if (b.exact && b.num != std::numeric_limits<std::int64_t>::min()) return a * ratio_unchecked(b.den, b.num);
        return from_real(a.as_real() / b.as_real());
    }

    // base^n for an integer n, exact where it fits.
    friend constexpr number integer_power(number base, int n) {
        if (n < 0) return number(1) / integer_power(base, -n);
        number result(1);
        while (n > 0) {
            if (n & 1) result = result * base;
            n >>= 1;
            if (n > 0) base = base * base;
        }
        return result;
    }

   private:
    static constexpr number ratio_unchecked(std::int64_t n, std::int64_t d) {
        number r;
        r.num = n;
        r.den = d;
        if (r.den < 0) {
            r.num = -r.num;
            r.den = -r.den;
        }
        r.nearest = static_cast<double>(r.num) / static_cast<double>(r.den);
        return r;
    }
    constexpr void normalize() {
        if (den < 0) {
            if (num == std::numeric_limits<std::int64_t>::min() || den == std::numeric_limits<std::int64_t>::min()) {
                *this = from_real(static_cast<long double>(num) / static_cast<long double>(den));
                return;
            }
            num = -num;
            den = -den;
        }
        std::int64_t g = gcd64(num, den);
        if (g > 1) {
            num /= g;
            den /= g;
        }
        nearest = static_cast<double>(num) / static_cast<double>(den);
    }
};

// A value known exactly (0, 1, a stored number, |−2| ...), or not known.
struct exact_number {
    bool known = false;
    number value{};
};

// A scalar type more precise than long double (Boost.Multiprecision's
// cpp_bin_float_50, mpfr_float_50, ...: it says so by its std::numeric_limits).
// An exact number is divided in its own arithmetic (1/3 to its precision, not
// long double's), the real constants of real_constants are computed in it, and
// evaluation calls its elementary functions out of line (math.hpp: they are
// library routines far too large to inline into every evaluation).
template <class T>
inline constexpr bool is_wide_scalar =
    std::numeric_limits<T>::is_specialized && !std::numeric_limits<T>::is_integer &&
    !std::is_floating_point_v<T> && std::numeric_limits<T>::digits > std::numeric_limits<long double>::digits;

template <class T>
#if defined(__GNUC__) || defined(__clang__)
[[gnu::noinline]]  // on the first declaration (nvcc ignores, and warns about, it on the definition)
#endif
T to_wide_scalar(const number& n);  // below real_constants

// The value of a number in the scalar type of an evaluation.
template <class T>
constexpr T to_scalar(const number& n) {
    if constexpr (std::is_same_v<T, double>)
        return n.nearest;
    else if constexpr (lane_vector<T>)
        return T(to_scalar<typename T::value_type>(n));  // in every lane
    else if constexpr (is_wide_scalar<T>)
        return to_wide_scalar<T>(n);
    else {
        if (n.exact) {
            if (n.den == 1) return static_cast<T>(n.num);
            if constexpr (std::is_floating_point_v<T>)
                return static_cast<T>(n.num) / static_cast<T>(n.den);  // correctly rounded in T
            else
                return static_cast<T>(static_cast<long double>(n.num) / static_cast<long double>(n.den));
        }
        return static_cast<T>(n.real);
    }
}

// Real constants the chain rules need (erf'(u) = 2/√π·e^(−u²)), numbered so
// that an evaluation plan can name one (plan/instruction.hpp: op::real). Their
// value in a scalar type is to_scalar's, as for a number written in an
// expression, so the plan and symbolic derivatives agree bit for bit.
enum class real_constant : int { two_over_sqrt_pi };
inline constexpr number real_constants[] = {
    number::from_real(1.128379167095512573896158903121545171688101258657997713688171443421284936882986828973L),
};
constexpr const number& real_constant_number(real_constant c) { return real_constants[static_cast<int>(c)]; }

// A number in a wide scalar type, out of line (its conversions and division
// are library routines: inlined into every flattened evaluation they cost
// minutes of compilation). An exact number is divided in T; one of
// real_constants (bit for bit the stored long double) is computed in T; any
// other real (a floating literal, a product folded with a constant) converts
// from its long double value.
template <class T>
T to_wide_scalar(const number& n) {
    if (n.exact) {
        if (n.den == 1) return static_cast<T>(n.num);
        return T(static_cast<T>(n.num) / static_cast<T>(n.den));
    }
    if (n.real == real_constants[static_cast<int>(real_constant::two_over_sqrt_pi)].real) {
        using std::acos;
        using std::sqrt;
        return T(T(2) / T(sqrt(T(acos(T(-1))))));
    }
    return static_cast<T>(n.real);
}

}  // namespace leibniz::detail
