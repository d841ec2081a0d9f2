// The library's elementary functions in constant expressions, on GCC and
// Clang, against values computed elsewhere to more digits (each within 2 ulp
// for double, as their run-time accuracy test asserts on many points).
#include <leibniz/leibniz.hpp>

#include <limits>

namespace cm = leibniz::constexpr_math;

namespace {

// |a - b| <= ulps units in the last place of b.
template <class T>
constexpr bool within_ulps(T a, T b, int ulps) {
    const T difference = a > b ? a - b : b - a;
    const T scale = b < 0 ? -b : b;
    return difference <= ulps * std::numeric_limits<T>::epsilon() * scale;
}

static_assert(cm::sqrt(4.0) == 2.0 && cm::sqrt(0.25f) == 0.5f && cm::sqrt(9.0L) == 3.0L);
static_assert(within_ulps(cm::sqrt(2.0), 1.4142135623730950488, 1));
static_assert(cm::exp(0.0) == 1.0 && within_ulps(cm::exp(1.0), 2.7182818284590452354, 1));
static_assert(within_ulps(cm::exp(-20.5), 1.2501528663867426e-09, 1));
static_assert(within_ulps(cm::exp(700.0), 1.0142320547350045e+304, 1));
static_assert(within_ulps(cm::exp(1.0f), 2.7182818f, 1));
static_assert(within_ulps(cm::exp(1.0L), 2.71828182845904523536L, 4));
static_assert(cm::log(1.0) == 0.0 && within_ulps(cm::log(10.0), 2.3025850929940456840, 1));
static_assert(within_ulps(cm::log(1e-300), -690.77552789821370521, 1));
static_assert(within_ulps(cm::log(5e-324), -744.44007192138126, 1));  // the smallest subnormal
static_assert(within_ulps(cm::log(2.0f), 0.6931472f, 1));
static_assert(cm::sin(0.0) == 0.0 && within_ulps(cm::sin(0.5), 0.47942553860420300027, 1));
static_assert(within_ulps(cm::sin(100000.0), 0.035748797972016508, 2));  // reduction far from 0
static_assert(within_ulps(cm::cos(0.5), 0.87758256189037271612, 1));
static_assert(within_ulps(cm::cos(3.0), -0.98999249660044545727, 1));
static_assert(within_ulps(cm::tan(0.5), 0.54630248984379051326, 1));
static_assert(within_ulps(cm::tan(1.5), 14.101419947171719388, 2));
static_assert(within_ulps(cm::tanh(0.5), 0.46211715726000975850, 1));
static_assert(within_ulps(cm::tanh(1e-10), 1e-10, 1) && cm::tanh(30.0) == 1.0);
static_assert(cm::pow(2.0, 10.0) == 1024.0 && cm::pow(4.0, 0.5) == 2.0 && cm::pow(-2.0, 3.0) == -8.0);
static_assert(within_ulps(cm::pow(10.0, -2.5), 0.0031622776601683793320, 1));
static_assert(within_ulps(cm::pow(1.0000001, 1e7), 2.7182816941320818, 2));  // large y·log x
static_assert(cm::abs(-2.5) == 2.5 && cm::abs(-0.0f) == 0.0f);

// The inverse trigonometric functions, at the hard spots too: near ±1 for
// asin and acos (acos's small results keep their relative accuracy), huge x
// for atan.
static_assert(within_ulps(cm::asin(0.5), 0.52359877559829887308, 1));
static_assert(within_ulps(cm::asin(0.999), 1.526071239626163188, 1));
static_assert(within_ulps(cm::asin(-1.0), -1.5707963267948966192, 1) && cm::asin(1e-300) == 1e-300);
static_assert(within_ulps(cm::acos(0.5), 1.0471975511965977462, 1) && cm::acos(1.0) == 0.0);
static_assert(within_ulps(cm::acos(1 - 0x1p-40), 1.3486991523487112367e-6, 1));
static_assert(within_ulps(cm::acos(-0.999), 3.0968675664210597873, 1));
static_assert(within_ulps(cm::acos(-1.0), 3.1415926535897932385, 1));
static_assert(within_ulps(cm::atan(0.5), 0.46364760900080611621, 1) && within_ulps(cm::atan(2.0), 1.107148717794090503, 1));
static_assert(within_ulps(cm::atan(1e10), 1.5707963266948966192, 1));
static_assert(within_ulps(cm::atan(1.0L), 0.7853981633974483096156608L, 4) && within_ulps(cm::atan(0.5f), 0.4636476f, 1));
static_assert(within_ulps(cm::atan2(1.0, -1.0), 2.3561944901923449288, 1));
static_assert(within_ulps(cm::atan2(-2.0, 0.5), -1.3258176636680324651, 1));

// Hyperbolic functions and their inverses: relative accuracy near 0 (and
// near 1 for acosh), no overflow in between for large arguments.
static_assert(within_ulps(cm::sinh(0.5), 0.52109530549374736162, 1) && within_ulps(cm::sinh(1e-8), 1.0000000000000000376e-8, 1));
static_assert(within_ulps(cm::sinh(-700.0), -5.0711602736750225473e+303, 1));
static_assert(within_ulps(cm::cosh(0.5), 1.1276259652063807852, 1) && within_ulps(cm::cosh(-700.0), 5.0711602736750225473e+303, 1));
static_assert(within_ulps(cm::asinh(0.5), 0.4812118250596034475, 1) && within_ulps(cm::asinh(1e-9), 1.0000000000000000621e-9, 1));
static_assert(within_ulps(cm::asinh(-1e20), -46.74484904044085899, 1) && within_ulps(cm::asinh(1.0L), 0.8813735870195430252326093L, 8));
static_assert(within_ulps(cm::acosh(2.0), 1.3169578969248167086, 1) && within_ulps(cm::acosh(1e20), 46.74484904044085899, 1));
static_assert(within_ulps(cm::acosh(1 + 0x1p-30), 0.000043158372871805957972, 1));
static_assert(within_ulps(cm::atanh(0.5), 0.5493061443340548457, 1) && within_ulps(cm::atanh(1e-9), 1.0000000000000000626e-9, 1));
static_assert(within_ulps(cm::atanh(-0.999), -3.8002011672501995875, 1));

// erf, erfc (relative accuracy far into the tail), log1p, expm1, cbrt, hypot.
static_assert(within_ulps(cm::erf(0.5), 0.52049987781304653768, 1) && within_ulps(cm::erf(1e-10), 1.128379167095512615e-10, 1));
static_assert(within_ulps(cm::erf(-2.0), -0.99532226501895273416, 1) && within_ulps(cm::erf(0.5f), 0.5204999f, 1));
static_assert(within_ulps(cm::erfc(0.5), 0.47950012218695346232, 1) && within_ulps(cm::erfc(-1.0), 1.8427007929497148693, 1));
static_assert(within_ulps(cm::erfc(5.0), 1.5374597944280348502e-12, 1));
static_assert(within_ulps(cm::erfc(26.0), 5.6631924088561428465e-296, 1));
static_assert(within_ulps(cm::erfc(100.0L), 6.405961424921732039021339e-4346L, 64));
static_assert(within_ulps(cm::log1p(1e-10), 9.9999999995000003644e-11, 1) && within_ulps(cm::log1p(-0.5), -0.69314718055994530942, 1));
static_assert(within_ulps(cm::log1p(1e300), 690.77552789821370526, 1));
static_assert(within_ulps(cm::expm1(1e-10), 1.0000000000500000364e-10, 1) && within_ulps(cm::expm1(-1.0), -0.6321205588285576784, 1));
static_assert(within_ulps(cm::expm1(2.0), 6.3890560989306502272, 1));
static_assert(cm::cbrt(27.0) == 3.0 && cm::cbrt(-8.0f) == -2.0f && within_ulps(cm::cbrt(2.0), 1.2599210498948731648, 1));
static_assert(within_ulps(cm::cbrt(5e-324), 1.703183936003260288e-108, 1));  // the smallest subnormal
static_assert(cm::hypot(3.0, 4.0) == 5.0 && cm::hypot(3e300, -4e300) == 5e300 && cm::hypot(3e-320, 4e-320) == 5e-320);
static_assert(within_ulps(cm::hypot(1.0, 1.0), 1.4142135623730950488, 1) && cm::hypot(5.0f, 12.0f) == 13.0f);

// IEEE special values, as the standard functions give them.
constexpr double inf = std::numeric_limits<double>::infinity();
static_assert(cm::exp(-inf) == 0.0 && cm::exp(inf) == inf && cm::exp(800.0) == inf);
static_assert(cm::log(0.0) == -inf && cm::log(inf) == inf && cm::log(-1.0) != cm::log(-1.0));
static_assert(cm::sqrt(-1.0) != cm::sqrt(-1.0) && cm::sqrt(inf) == inf);
static_assert(cm::pow(0.0, -1.0) == inf && cm::pow(-8.0, 1.0 / 3) != cm::pow(-8.0, 1.0 / 3));
static_assert(cm::sin(inf) != cm::sin(inf) && cm::tanh(-inf) == -1.0);

// Signed zeros: -0.0 compares equal to 0.0, so its sign is read by copysign
// (1/x would divide by zero, which is not a constant expression).
constexpr bool is_minus_zero(double v) { return v == 0 && __builtin_copysign(1.0, v) < 0; }
constexpr bool is_plus_zero(double v) { return v == 0 && __builtin_copysign(1.0, v) > 0; }
constexpr bool is_nan(double v) { return v != v; }
constexpr double pi = 3.14159265358979323846;
static_assert(is_minus_zero(cm::asin(-0.0)) && is_minus_zero(cm::atan(-0.0)) && is_minus_zero(cm::sinh(-0.0)));
static_assert(is_minus_zero(cm::asinh(-0.0)) && is_minus_zero(cm::atanh(-0.0)) && is_minus_zero(cm::erf(-0.0)));
static_assert(is_minus_zero(cm::log1p(-0.0)) && is_minus_zero(cm::expm1(-0.0)) && is_minus_zero(cm::cbrt(-0.0)));
static_assert(is_plus_zero(cm::hypot(-0.0, -0.0)) && is_plus_zero(cm::acosh(1.0)) && is_plus_zero(cm::acos(1.0)));
static_assert(is_nan(cm::asin(1.5)) && is_nan(cm::acos(-1.5)) && is_nan(cm::acosh(0.5)) && is_nan(cm::atanh(2.0)));
static_assert(is_nan(cm::log1p(-2.0)) && is_nan(cm::erf(std::numeric_limits<double>::quiet_NaN())));
static_assert(cm::atan(inf) == cm::asin(1.0) && cm::atan(-inf) == -cm::atan(inf) && cm::erf(inf) == 1 && cm::erf(-inf) == -1);
static_assert(cm::erfc(inf) == 0 && cm::erfc(-inf) == 2 && cm::erfc(30.0) == 0 && cm::log1p(-1.0) == -inf);
static_assert(cm::atanh(1.0) == inf && cm::atanh(-1.0) == -inf && cm::sinh(-inf) == -inf && cm::cosh(-inf) == inf);
static_assert(cm::sinh(711.0) == inf && cm::sinh(-711.0) == -inf && cm::cosh(711.0) == inf && cm::expm1(710.0) == inf);
static_assert(cm::sinh(11357.0L) < std::numeric_limits<long double>::infinity() && cm::cosh(11358.0L) == cm::sinh(11358.0L));
static_assert(cm::expm1(-inf) == -1 && cm::asinh(-inf) == -inf && cm::acosh(inf) == inf && cm::cbrt(-inf) == -inf);
static_assert(cm::hypot(inf, std::numeric_limits<double>::quiet_NaN()) == inf && is_nan(cm::hypot(1.0, cm::asin(2.0))));
static_assert(cm::hypot(1.5e308, 1.5e308) == inf && cm::hypot(1e308, 1e308) < inf && cm::hypot(-inf, 0.0) == inf);
// atan2's special cases (ISO C, Annex F.10.1.4).
static_assert(is_plus_zero(cm::atan2(0.0, 0.0)) && is_minus_zero(cm::atan2(-0.0, 1.0)) && cm::atan2(0.0, -0.0) == pi);
static_assert(cm::atan2(-0.0, -0.0) == -pi && cm::atan2(-0.0, -2.0) == -pi && cm::atan2(1.0, -0.0) == pi / 2);
static_assert(cm::atan2(-1.0, 0.0) == -pi / 2 && cm::atan2(inf, inf) == pi / 4 && cm::atan2(-inf, -inf) == -3 * pi / 4);
static_assert(cm::atan2(inf, -5.0) == pi / 2 && is_minus_zero(cm::atan2(-5.0, inf)) && cm::atan2(5.0, -inf) == pi);
static_assert(is_nan(cm::atan2(cm::asin(2.0), 1.0)) && cm::atan2(1e-300, 1e300) == 0);

// Every new function is a constant expression at every special value, for
// every type: no overflow, NaN-producing operation or division by zero on
// the way (any of them would stop the constant evaluation).
template <class T>
constexpr bool every_special_value_evaluates() {
    using L = std::numeric_limits<T>;
    const T values[] = {T(0),           -T(0),      L::denorm_min(), -L::denorm_min(), L::min(), L::max(), -L::max(),
                        L::infinity(),  -L::infinity(), L::quiet_NaN(), T(1),        T(-1),   T(0.5),   T(-2),
                        T(30),          T(-30),     T(800),          T(-12000)};
    T sum = 0;
    for (T x : values) {
        const T results[] = {cm::asin(x),  cm::acos(x),  cm::atan(x), cm::sinh(x),  cm::cosh(x),  cm::asinh(x), cm::acosh(x),
                             cm::atanh(x), cm::erf(x),   cm::erfc(x), cm::log1p(x), cm::expm1(x), cm::cbrt(x)};
        for (T r : results)
            if (r == r && r > -L::max() && r < L::max()) sum += r > 0 ? T(1) : T(0);
        for (T y : values) {
            const T a = cm::atan2(y, x), h = cm::hypot(x, y);
            if (a == a && h == h) sum += T(1);
        }
    }
    return sum > 0;
}
static_assert(every_special_value_evaluates<float>() && every_special_value_evaluates<double>() &&
              every_special_value_evaluates<long double>());

// The same functions inside expressions, evaluated by the compiler (Clang included).
constexpr auto x = leibniz::var<"x">;
static_assert(within_ulps(leibniz::d(leibniz::sin(x) * x, x)(x = 0.5), 0.9182168195493894, 1));
static_assert(within_ulps(leibniz::exp(leibniz::log(x))(x = 3.0), 3.0, 1));

}  // namespace
