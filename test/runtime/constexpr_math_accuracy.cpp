// The library's constexpr elementary functions, called at run time on many
// points, against the standard functions: double within 2 ulp, float within
// 1 ulp of the correctly rounded result, long double within a relative 2^-51.
// The measured maxima are printed (run with --log_level=message) and stated
// in docs/constexpr-math.md.
#define BOOST_TEST_MODULE constexpr_math_accuracy
#include <leibniz/constexpr_math/functions.hpp>

#include <boost/mpl/list.hpp>
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <limits>
#include <random>
#include <string>
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
    static double error(float got, float want) { return ulp_distance(got, want); }
};
template <>
struct accuracy<double> {
    static constexpr double bound = 2;
    static constexpr const char* unit = "ulp";
    template <class F>
    static double reference(F std_f, double x) { return std_f(x); }
    static double error(double got, double want) { return ulp_distance(got, want); }
};
template <>
struct accuracy<long double> {  // relative error, in units of 2^-64
    static constexpr double bound = 8192;  // 2^-51
    static constexpr const char* unit = "x 2^-64 relative";
    template <class F>
    static long double reference(F std_f, long double x) { return std_f(x); }
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
    double worst = 0;
    T worst_at = 0;
    for (T x : xs) {
        const T want = accuracy<T>::reference(theirs, x);
        const double e = accuracy<T>::error(ours(x), want);
        if (e > worst) worst = e, worst_at = x;
    }
    BOOST_TEST_MESSAGE(name << " (" << sizeof(T) * 8 << "-bit): max error " << worst << " " << accuracy<T>::unit
                            << " at x = " << static_cast<double>(worst_at));
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
