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

// IEEE special values, as the standard functions give them.
constexpr double inf = std::numeric_limits<double>::infinity();
static_assert(cm::exp(-inf) == 0.0 && cm::exp(inf) == inf && cm::exp(800.0) == inf);
static_assert(cm::log(0.0) == -inf && cm::log(inf) == inf && cm::log(-1.0) != cm::log(-1.0));
static_assert(cm::sqrt(-1.0) != cm::sqrt(-1.0) && cm::sqrt(inf) == inf);
static_assert(cm::pow(0.0, -1.0) == inf && cm::pow(-8.0, 1.0 / 3) != cm::pow(-8.0, 1.0 / 3));
static_assert(cm::sin(inf) != cm::sin(inf) && cm::tanh(-inf) == -1.0);

// The same functions inside expressions, evaluated by the compiler (Clang included).
constexpr auto x = leibniz::var<"x">;
static_assert(within_ulps(leibniz::d(leibniz::sin(x) * x, x)(x = 0.5), 0.9182168195493894, 1));
static_assert(within_ulps(leibniz::exp(leibniz::log(x))(x = 3.0), 3.0, 1));

}  // namespace
