// The library's constexpr elementary functions, called at run time on many
// points, against the standard functions: float within 1 ulp and double
// within 2 ulp of the correctly rounded result (the standard function of the
// next wider type rounded once), long double within a relative 2^-51. The
// measured maxima are printed (run with --log_level=message) and stated in
// docs/constexpr-math.md, for double also the distance from glibc's own
// double function (not asserted: glibc's erfc and cbrt, for one, are
// themselves 3 to 5 ulp off at places).
#include <leibniz/constexpr_math/functions.hpp>

#include <boost/mpl/list.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <limits>
#include <random>
#include <string>
#include <type_traits>
#include <vector>

namespace cm = leibniz::constexpr_math;

namespace {

constexpr int points = 10000;

// Distance in units in the last place (ordered bit patterns).
template <class T>
double ulp_distance(T a, T b) {
    if (std::isnan(a) && std::isnan(b)) return 0;
    if (a == b) return 0;
    if (std::isnan(a) || std::isnan(b) || std::isinf(a) || std::isinf(b)) return std::numeric_limits<double>::infinity();
    using I = std::conditional_t<sizeof(T) == 4, std::int32_t, std::int64_t>;
    I ia, ib;
    std::memcpy(&ia, &a, sizeof a);
    std::memcpy(&ib, &b, sizeof b);
    if (ia < 0) ia = std::numeric_limits<I>::min() - ia;
    if (ib < 0) ib = std::numeric_limits<I>::min() - ib;
    // long double holds every 64-bit integer exactly (a double would round them to 512).
    return static_cast<double>(std::fabs(static_cast<long double>(ia) - static_cast<long double>(ib)));
}

// The error measure and bound per type.
template <class T>
struct accuracy;
template <>
struct accuracy<float> {  // reference: the double result rounded once to float
    static constexpr double bound = 1;
    static constexpr const char* unit = "ulp";
    template <class F>
    static float reference(F std_f, float x) { return static_cast<float>(std_f(static_cast<double>(x))); }
    template <class F>
    static float reference(F std_f, float x, float y) {
        return static_cast<float>(std_f(static_cast<double>(x), static_cast<double>(y)));
    }
    static double error(float got, float want) { return ulp_distance(got, want); }
};
template <>
struct accuracy<double> {  // reference: the long double result rounded once to double
    static constexpr double bound = 2;
    static constexpr const char* unit = "ulp";
    template <class F>
    static double reference(F std_f, double x) { return static_cast<double>(std_f(static_cast<long double>(x))); }
    template <class F>
    static double reference(F std_f, double x, double y) {
        return static_cast<double>(std_f(static_cast<long double>(x), static_cast<long double>(y)));
    }
    static double error(double got, double want) { return ulp_distance(got, want); }
};
template <>
struct accuracy<long double> {  // relative error, in units of 2^-64
    static constexpr double bound = 8192;  // 2^-51
    static constexpr const char* unit = "x 2^-64 relative";
    template <class F>
    static long double reference(F std_f, long double x) { return std_f(x); }
    template <class F>
    static long double reference(F std_f, long double x, long double y) { return std_f(x, y); }
    static double error(long double got, long double want) {
        if (std::isnan(got) && std::isnan(want)) return 0;
        if (got == want) return 0;
        if (!std::isfinite(got) || !std::isfinite(want)) return std::numeric_limits<double>::infinity();
        return static_cast<double>(std::fabs((got - want) / want) * 18446744073709551616.0L);
    }
};

// Points log-uniform in magnitude over [low, high], negative too when `both_signs`.
template <class T>
std::vector<T> log_uniform(T low, T high, bool both_signs, unsigned seed) {
    std::mt19937_64 random(seed);
    std::uniform_real_distribution<long double> exponent(std::log(static_cast<long double>(low)),
                                                         std::log(static_cast<long double>(high)));
    std::vector<T> v;
    for (int i = 0; i < points; ++i) {
        T x = static_cast<T>(std::exp(exponent(random)));
        v.push_back(both_signs && i % 2 ? -x : x);
    }
    return v;
}

template <class T>
std::vector<T> special_values() {
    using L = std::numeric_limits<T>;
    return {T(0), -T(0), L::denorm_min(), L::min(), L::max(), -L::max(), L::infinity(), -L::infinity(), L::quiet_NaN(), T(1), T(-1)};
}

// Special results (NaN, infinities, zeros) exactly as the standard function
// gives them, zeros with their sign; finite results within the bound.
template <class T>
bool same_special(T a, T b) {
    if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
    if (std::isfinite(a) && std::isfinite(b) && a != 0 && b != 0) return accuracy<T>::error(a, b) <= accuracy<T>::bound;
    return a == b && std::signbit(a) == std::signbit(b);
}

template <class T, class Ours, class Theirs>
void check_function(const std::string& name, Ours ours, Theirs theirs, const std::vector<T>& xs) {
    double worst = 0, worst_from_same_type = 0;
    T worst_at = 0;
    for (T x : xs) {
        const T want = accuracy<T>::reference(theirs, x);
        const double e = accuracy<T>::error(ours(x), want);
        if (e > worst) worst = e, worst_at = x;
        if constexpr (std::is_same_v<T, double>)  // for information: the distance from glibc's double function
            worst_from_same_type = std::max(worst_from_same_type, ulp_distance(ours(x), theirs(x)));
    }
    BOOST_TEST_MESSAGE(name << " (" << sizeof(T) * 8 << "-bit): max error " << worst << " " << accuracy<T>::unit
                            << " at x = " << static_cast<long double>(worst_at)
                            << (std::is_same_v<T, double>
                                    ? " (from the double function: " + std::to_string(worst_from_same_type) + " ulp)"
                                    : std::string()));
    BOOST_TEST(worst <= accuracy<T>::bound, name << ": " << worst << " " << accuracy<T>::unit << " at x = "
                                                 << static_cast<double>(worst_at));
    for (T x : special_values<T>()) {
        // The trigonometric functions do not reduce arguments beyond 2^62·π/2 (NaN, documented).
        if ((name == "sin" || name == "cos" || name == "tan") && std::isfinite(x) && std::fabs(x) > T(1e18)) continue;
        const T got = ours(x), want = static_cast<T>(theirs(x));
        BOOST_TEST(same_special(got, want), name << "(" << static_cast<double>(x) << ") = " << static_cast<double>(got)
                                                     << ", the standard function gives " << static_cast<double>(want));
    }
}

using types = boost::mpl::list<float, double, long double>;

template <class T>
constexpr T exp_limit() {  // a little past where exp overflows T
    return std::is_same_v<T, float> ? T(89) : std::is_same_v<T, double> ? T(709.7) : T(11356);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(sqrt_exp_log, T, types) {
    using L = std::numeric_limits<T>;
    check_function<T>("sqrt", [](T x) { return cm::sqrt(x); }, [](auto x) { return std::sqrt(x); },
                      log_uniform<T>(L::denorm_min(), L::max(), false, 1));
    check_function<T>("exp", [](T x) { return cm::exp(x); }, [](auto x) { return std::exp(x); },
                      log_uniform<T>(T(1e-20), exp_limit<T>(), true, 2));
    check_function<T>("log", [](T x) { return cm::log(x); }, [](auto x) { return std::log(x); },
                      log_uniform<T>(L::denorm_min(), L::max(), false, 3));
}

BOOST_AUTO_TEST_CASE_TEMPLATE(trigonometric_and_hyperbolic, T, types) {
    // The trigonometric functions within the bound for |x| up to 1e5 (docs/constexpr-math.md: beyond).
    check_function<T>("sin", [](T x) { return cm::sin(x); }, [](auto x) { return std::sin(x); },
                      log_uniform<T>(T(1e-10), T(1e5), true, 4));
    check_function<T>("cos", [](T x) { return cm::cos(x); }, [](auto x) { return std::cos(x); },
                      log_uniform<T>(T(1e-10), T(1e5), true, 5));
    check_function<T>("tan", [](T x) { return cm::tan(x); }, [](auto x) { return std::tan(x); },
                      log_uniform<T>(T(1e-10), T(1e5), true, 6));
    check_function<T>("tanh", [](T x) { return cm::tanh(x); }, [](auto x) { return std::tanh(x); },
                      log_uniform<T>(T(1e-10), T(30), true, 7));
}

// The hard spots: c + d·direction (and its negative, every other point,
// when `both_signs`) for d log-uniform in [low, high].
template <class T>
std::vector<T> near(T c, T direction, T low, T high, bool both_signs, unsigned seed) {
    std::vector<T> v = log_uniform<T>(low, high, false, seed);
    for (std::size_t i = 0; i < v.size(); ++i) {
        v[i] = c + direction * v[i];
        if (both_signs && i % 2) v[i] = -v[i];
    }
    return v;
}

// The smallest magnitude sampled: subnormals for float and double; for long
// double the smallest normal number (its error unit is relative, which
// subnormal results do not keep).
template <class T>
constexpr T smallest() {
    using L = std::numeric_limits<T>;
    return std::is_same_v<T, long double> ? L::min() : L::denorm_min();
}
template <class T>
constexpr T erfc_limit() {  // a little before erfc underflows T (for long double: to a subnormal)
    return std::is_same_v<T, float> ? T(10.5) : std::is_same_v<T, double> ? T(27.3) : T(106.5);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(inverse_trigonometric, T, types) {
    using L = std::numeric_limits<T>;
    check_function<T>("asin", [](T x) { return cm::asin(x); }, [](auto x) { return std::asin(x); },
                      log_uniform<T>(smallest<T>(), T(1), true, 11));
    check_function<T>("asin near ±1", [](T x) { return cm::asin(x); }, [](auto x) { return std::asin(x); },
                      near<T>(T(1), T(-1), L::epsilon() / 2, T(0.5), true, 12));
    check_function<T>("acos", [](T x) { return cm::acos(x); }, [](auto x) { return std::acos(x); },
                      log_uniform<T>(smallest<T>(), T(1), true, 13));
    check_function<T>("acos near ±1", [](T x) { return cm::acos(x); }, [](auto x) { return std::acos(x); },
                      near<T>(T(1), T(-1), L::epsilon() / 2, T(0.5), true, 14));
    check_function<T>("atan", [](T x) { return cm::atan(x); }, [](auto x) { return std::atan(x); },
                      log_uniform<T>(smallest<T>(), L::max(), true, 15));
}

// atan2 and hypot on pairs: independent magnitudes over the whole range, and
// every fourth pair with magnitudes within a factor e³ of each other; then
// every pair of special values.
template <class T, class Ours, class Theirs>
void check_binary(const std::string& name, Ours ours, Theirs theirs, T low, T high, unsigned seed) {
    const auto xs = log_uniform<T>(low, high, true, seed), ys = log_uniform<T>(low, high, true, seed + 1);
    std::mt19937_64 random(seed + 2);
    std::uniform_real_distribution<double> ratio(-3, 3);
    double worst = 0, worst_from_same_type = 0;
    T worst_x = 0, worst_y = 0;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        const T x = xs[i];
        const T near_x = static_cast<T>(std::fabs(x) * static_cast<T>(std::exp(ratio(random))));
        const T y = i % 4 ? ys[i] : ys[i] < 0 ? -near_x : near_x;
        const double e = accuracy<T>::error(ours(x, y), accuracy<T>::reference(theirs, x, y));
        if (e > worst) worst = e, worst_x = x, worst_y = y;
        if constexpr (std::is_same_v<T, double>)
            worst_from_same_type = std::max(worst_from_same_type, ulp_distance(ours(x, y), theirs(x, y)));
    }
    BOOST_TEST_MESSAGE(name << " (" << sizeof(T) * 8 << "-bit): max error " << worst << " " << accuracy<T>::unit
                            << " at (" << static_cast<long double>(worst_x) << ", " << static_cast<long double>(worst_y) << ")"
                            << (std::is_same_v<T, double>
                                    ? " (from the double function: " + std::to_string(worst_from_same_type) + " ulp)"
                                    : std::string()));
    BOOST_TEST(worst <= accuracy<T>::bound, name << ": " << worst << " " << accuracy<T>::unit << " at ("
                                                 << static_cast<double>(worst_x) << ", " << static_cast<double>(worst_y) << ")");
    for (T x : special_values<T>())
        for (T y : special_values<T>()) {
            const T got = ours(x, y), want = theirs(x, y);
            BOOST_TEST(same_special(got, want), name << "(" << static_cast<double>(x) << ", " << static_cast<double>(y)
                                                     << ") = " << static_cast<double>(got)
                                                     << ", the standard function gives " << static_cast<double>(want));
        }
}

template <class T>
constexpr T wide_low() {  // long double: far enough out to need hypot's scaling, results still normal
    return std::is_same_v<T, long double> ? T(1e-4900L) : std::numeric_limits<T>::denorm_min();
}
template <class T>
constexpr T wide_high() {
    return std::is_same_v<T, long double> ? T(1e4900L) : std::numeric_limits<T>::max() / 2;
}

BOOST_AUTO_TEST_CASE_TEMPLATE(atan2_and_hypot, T, types) {
    check_binary<T>("atan2", [](T y, T x) { return cm::atan2(y, x); }, [](auto y, auto x) { return std::atan2(y, x); },
                    wide_low<T>(), wide_high<T>(), 16);
    check_binary<T>("hypot", [](T x, T y) { return cm::hypot(x, y); }, [](auto x, auto y) { return std::hypot(x, y); },
                    wide_low<T>(), wide_high<T>(), 19);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(hyperbolic, T, types) {
    using L = std::numeric_limits<T>;
    check_function<T>("sinh", [](T x) { return cm::sinh(x); }, [](auto x) { return std::sinh(x); },
                      log_uniform<T>(smallest<T>(), exp_limit<T>() + 1, true, 22));
    check_function<T>("cosh", [](T x) { return cm::cosh(x); }, [](auto x) { return std::cosh(x); },
                      log_uniform<T>(smallest<T>(), exp_limit<T>() + 1, true, 23));
    check_function<T>("asinh", [](T x) { return cm::asinh(x); }, [](auto x) { return std::asinh(x); },
                      log_uniform<T>(smallest<T>(), L::max(), true, 24));
    check_function<T>("acosh", [](T x) { return cm::acosh(x); }, [](auto x) { return std::acosh(x); },
                      log_uniform<T>(T(1), L::max(), false, 25));
    check_function<T>("acosh near 1", [](T x) { return cm::acosh(x); }, [](auto x) { return std::acosh(x); },
                      near<T>(T(1), T(1), L::epsilon(), T(1), false, 26));
    check_function<T>("atanh", [](T x) { return cm::atanh(x); }, [](auto x) { return std::atanh(x); },
                      log_uniform<T>(smallest<T>(), T(1), true, 27));
    check_function<T>("atanh near ±1", [](T x) { return cm::atanh(x); }, [](auto x) { return std::atanh(x); },
                      near<T>(T(1), T(-1), L::epsilon() / 2, T(0.5), true, 28));
}

BOOST_AUTO_TEST_CASE_TEMPLATE(error_function, T, types) {
    check_function<T>("erf", [](T x) { return cm::erf(x); }, [](auto x) { return std::erf(x); },
                      log_uniform<T>(smallest<T>(), T(8), true, 29));
    check_function<T>("erfc", [](T x) { return cm::erfc(x); }, [](auto x) { return std::erfc(x); },
                      log_uniform<T>(T(1e-20), erfc_limit<T>(), true, 30));
    // The tail, where only relative accuracy counts.
    check_function<T>("erfc tail", [](T x) { return cm::erfc(x); }, [](auto x) { return std::erfc(x); },
                      log_uniform<T>(T(1), erfc_limit<T>(), false, 31));
}

BOOST_AUTO_TEST_CASE_TEMPLATE(log1p_expm1_cbrt, T, types) {
    using L = std::numeric_limits<T>;
    check_function<T>("log1p", [](T x) { return cm::log1p(x); }, [](auto x) { return std::log1p(x); },
                      log_uniform<T>(smallest<T>(), L::max(), false, 32));
    check_function<T>("log1p on (-1, 0)", [](T x) { return cm::log1p(x); }, [](auto x) { return std::log1p(x); },
                      near<T>(T(0), T(-1), smallest<T>(), T(1) - L::epsilon() / 2, false, 33));
    check_function<T>("log1p near -1", [](T x) { return cm::log1p(x); }, [](auto x) { return std::log1p(x); },
                      near<T>(T(-1), T(1), L::epsilon() / 2, T(0.5), false, 34));
    check_function<T>("expm1", [](T x) { return cm::expm1(x); }, [](auto x) { return std::expm1(x); },
                      log_uniform<T>(smallest<T>(), exp_limit<T>(), true, 35));
    check_function<T>("cbrt", [](T x) { return cm::cbrt(x); }, [](auto x) { return std::cbrt(x); },
                      log_uniform<T>(L::denorm_min(), L::max(), true, 36));
}

BOOST_AUTO_TEST_CASE_TEMPLATE(real_powers, T, types) {
    std::mt19937_64 random(8);
    std::uniform_real_distribution<double> exponent(-20, 20);
    const auto bases = log_uniform<T>(T(1e-5), T(1e5), false, 9);
    double worst = 0;
    for (int i = 0; i < points; ++i) {
        const T x = bases[static_cast<std::size_t>(i)], y = static_cast<T>(exponent(random));
        const T want = accuracy<T>::reference([y](auto b) { return std::pow(b, static_cast<decltype(b)>(y)); }, x);
        worst = std::max(worst, accuracy<T>::error(cm::pow(x, y), want));
        // Negative bases with integer exponents.
        const T n = std::round(y / 2);
        worst = std::max(worst, accuracy<T>::error(cm::pow(-x, n), accuracy<T>::reference([n](auto b) {
                                                                   return std::pow(b, static_cast<decltype(b)>(n));
                                                               }, -x)));
    }
    BOOST_TEST_MESSAGE("pow (" << sizeof(T) * 8 << "-bit): max error " << worst << " " << accuracy<T>::unit);
    BOOST_TEST(worst <= accuracy<T>::bound);
    using L = std::numeric_limits<T>;
    for (T x : special_values<T>())
        for (T y : {T(0), -T(0), T(1), T(-1), T(2), T(-3), T(0.5), L::infinity(), -L::infinity(), L::quiet_NaN()})
            BOOST_TEST(same_special(cm::pow(x, y), std::pow(x, y)),
                       "pow(" << static_cast<double>(x) << ", " << static_cast<double>(y) << ") = "
                              << static_cast<double>(cm::pow(x, y)) << ", std::pow gives " << static_cast<double>(std::pow(x, y)));
}

}  // namespace
