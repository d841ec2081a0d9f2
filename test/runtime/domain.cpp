// Outside their domain, expressions evaluated at run time follow IEEE
// arithmetic (NaN, infinities); in a constant expression the same evaluations
// stop compilation (test/compile_fail/).
#include <leibniz/leibniz.hpp>

#include <boost/test/unit_test.hpp>

#include <cmath>
#include <limits>

namespace lz = leibniz;

namespace {

constexpr auto x = lz::var<"x">;
constexpr auto y = lz::var<"y">;
constexpr double inf = std::numeric_limits<double>::infinity();

double opaque(double v) {
    volatile double copy = v;
    return copy;
}

BOOST_AUTO_TEST_CASE(domain_errors_at_run_time_follow_ieee) {
    BOOST_TEST(lz::log(x)(x = opaque(0.0)) == -inf);
    BOOST_TEST(std::isnan(lz::log(x)(x = opaque(-1.0))));
    BOOST_TEST(std::isnan(lz::sqrt(x)(x = opaque(-4.0))));
    BOOST_TEST(std::isnan(lz::pow(x, 1.5)(x = opaque(-4.0))));
    BOOST_TEST(lz::pow(x, 1.5)(x = opaque(0.0)) == 0.0);
    BOOST_TEST(lz::exp(x)(x = opaque(1000.0)) == inf);
    BOOST_TEST(lz::pow(x, y)(x = opaque(10.0), y = opaque(400.0)) == inf);
    BOOST_TEST((x / y)(x = opaque(1.0), y = opaque(0.0)) == inf);
    BOOST_TEST(std::isnan((x / y)(x = opaque(0.0), y = opaque(0.0))));
    BOOST_TEST(lz::d(lz::log(x), x)(x = opaque(0.0)) == inf);  // 1/x at 0
}

// The rows of docs/edge-cases.md for the inverse, hyperbolic and error functions.
BOOST_AUTO_TEST_CASE(the_added_functions_at_their_edges) {
    const double pi = std::acos(-1.0);
    BOOST_TEST(lz::asin(x)(x = opaque(1.0)) == pi / 2);
    BOOST_TEST(lz::asin(x)(x = opaque(-1.0)) == -pi / 2);
    BOOST_TEST(lz::acos(x)(x = opaque(-1.0)) == pi);
    BOOST_TEST(lz::acos(x)(x = opaque(1.0)) == 0.0);
    BOOST_TEST(std::isnan(lz::asin(x)(x = opaque(1.5))));
    BOOST_TEST(std::isnan(lz::acos(x)(x = opaque(-1.5))));
    BOOST_TEST(lz::d(lz::asin(x), x)(x = opaque(1.0)) == inf);
    BOOST_TEST(lz::d(lz::acos(x), x)(x = opaque(-1.0)) == -inf);
    BOOST_TEST(std::isnan(lz::d(lz::asin(x), x)(x = opaque(2.0))));
    BOOST_TEST(lz::acosh(x)(x = opaque(1.0)) == 0.0);
    BOOST_TEST(std::isnan(lz::acosh(x)(x = opaque(0.5))));
    BOOST_TEST(lz::d(lz::acosh(x), x)(x = opaque(1.0)) == inf);
    BOOST_TEST(std::isnan(lz::d(lz::acosh(x), x)(x = opaque(0.5))));
    BOOST_TEST(lz::atanh(x)(x = opaque(1.0)) == inf);
    BOOST_TEST(lz::atanh(x)(x = opaque(-1.0)) == -inf);
    BOOST_TEST(std::isnan(lz::atanh(x)(x = opaque(2.0))));
    BOOST_TEST(lz::d(lz::atanh(x), x)(x = opaque(1.0)) == inf);
    BOOST_TEST(lz::d(lz::atanh(x), x)(x = opaque(2.0)) == -1.0 / 3);
    BOOST_TEST(lz::log1p(x)(x = opaque(-1.0)) == -inf);
    BOOST_TEST(std::isnan(lz::log1p(x)(x = opaque(-2.0))));
    BOOST_TEST(lz::d(lz::log1p(x), x)(x = opaque(-1.0)) == inf);
    BOOST_TEST(lz::cbrt(x)(x = opaque(0.0)) == 0.0);
    BOOST_TEST(lz::cbrt(x)(x = opaque(-8.0)) == -2.0);
    BOOST_TEST(lz::d(lz::cbrt(x), x)(x = opaque(0.0)) == inf);
    BOOST_TEST(lz::d(lz::cbrt(x), x)(x = opaque(-8.0)) == 1.0 / 12);
    BOOST_TEST(lz::sinh(x)(x = opaque(800.0)) == inf);
    BOOST_TEST(lz::sinh(x)(x = opaque(-800.0)) == -inf);
    BOOST_TEST(lz::cosh(x)(x = opaque(-800.0)) == inf);
    BOOST_TEST(lz::expm1(x)(x = opaque(800.0)) == inf);
    BOOST_TEST(lz::d(lz::sinh(x), x)(x = opaque(800.0)) == inf);
    BOOST_TEST(lz::erf(x)(x = opaque(7.0)) == 1.0);
    BOOST_TEST(lz::erf(x)(x = opaque(-7.0)) == -1.0);
    BOOST_TEST(lz::erfc(x)(x = opaque(28.0)) == 0.0);
    BOOST_TEST(lz::erfc(x)(x = opaque(-7.0)) == 2.0);
    BOOST_TEST(lz::d(lz::erf(x), x)(x = opaque(28.0)) == 0.0);
    BOOST_TEST(lz::d(lz::erfc(x), x)(x = opaque(0.0)) == -1.1283791670955126);  // -2/sqrt(pi)
    BOOST_TEST(lz::atan2(y, x)(x = opaque(0.0), y = opaque(0.0)) == 0.0);
    BOOST_TEST(lz::atan2(y, x)(x = opaque(-0.0), y = opaque(0.0)) == pi);
    BOOST_TEST(lz::atan2(y, x)(x = opaque(-1.0), y = opaque(-0.0)) == -pi);
    BOOST_TEST(std::isnan(lz::d(lz::atan2(y, x), x)(x = opaque(0.0), y = opaque(0.0))));
    BOOST_TEST(lz::hypot(x, y)(x = opaque(1e300), y = opaque(1e300)) == std::hypot(1e300, 1e300));
    BOOST_TEST(lz::hypot(x, y)(x = opaque(inf), y = opaque(std::nan(""))) == inf);
    BOOST_TEST(std::isnan(lz::d(lz::hypot(x, y), x)(x = opaque(0.0), y = opaque(0.0))));
}

BOOST_AUTO_TEST_CASE(the_constexpr_functions_give_the_same_special_values) {
    namespace cm = lz::constexpr_math;
    BOOST_TEST(cm::log(0.0) == -inf);
    BOOST_TEST(std::isnan(cm::log(-1.0)));
    BOOST_TEST(std::isnan(cm::sqrt(-4.0)));
    BOOST_TEST(std::isnan(cm::pow(-4.0, 1.5)));
    BOOST_TEST(cm::exp(1000.0) == inf);
    BOOST_TEST(cm::pow(10.0, 400.0) == inf);
    BOOST_TEST(std::isnan(cm::asin(1.5)));
    BOOST_TEST(std::isnan(cm::acosh(0.5)));
    BOOST_TEST(cm::atanh(1.0) == inf);
    BOOST_TEST(cm::log1p(-1.0) == -inf);
    BOOST_TEST(cm::sinh(800.0) == inf);
    BOOST_TEST(cm::cbrt(-8.0) == -2.0);
    BOOST_TEST(cm::erfc(28.0) == 0.0);
}

}  // namespace
