// Outside their domain, expressions evaluated at run time follow IEEE
// arithmetic (NaN, infinities); in a constant expression the same evaluations
// stop compilation (test/compile_fail/).
#define BOOST_TEST_MODULE domain
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

BOOST_AUTO_TEST_CASE(the_constexpr_functions_give_the_same_special_values) {
    namespace cm = lz::constexpr_math;
    BOOST_TEST(cm::log(0.0) == -inf);
    BOOST_TEST(std::isnan(cm::log(-1.0)));
    BOOST_TEST(std::isnan(cm::sqrt(-4.0)));
    BOOST_TEST(std::isnan(cm::pow(-4.0, 1.5)));
    BOOST_TEST(cm::exp(1000.0) == inf);
    BOOST_TEST(cm::pow(10.0, 400.0) == inf);
}

}  // namespace
