// Every differentiation rule against a central difference at many points, in
// float, double and long double. The reference difference is taken in long
// double with f evaluated by leibniz, so the comparison checks the symbolic
// derivative, not the evaluation.
#include <leibniz/leibniz.hpp>

#include <boost/mpl/list.hpp>
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace lz = leibniz;

namespace {

constexpr auto x = lz::var<"x">;
constexpr auto y = lz::var<"y">;

template <class T>
constexpr T tolerance = std::is_same_v<T, float> ? T(2e-4) : T(1e-8);

// Central difference in long double: (f(p + h) - f(p - h)) / 2h, h ~ cbrt(eps)·max(1, |p|).
template <class F>
long double central_difference(const F& f, long double p) {
    const long double h = std::cbrt(std::numeric_limits<long double>::epsilon()) * std::max(1.0L, std::fabs(p));
    return (f(x = p + h) - f(x = p - h)) / (2 * h);
}

// Checks d(f, x) at every point against the difference; the scale is the
// largest magnitude involved, so cancellation in f' is not held against it.
template <class T, class F>
void check_rule(const std::string& name, const F& f, const std::vector<long double>& points) {
    const auto df = lz::d(f, x);
    for (long double p : points) {
        const long double reference = central_difference(f, p);
        const T got = df(x = static_cast<T>(p));
        const long double scale = std::max({1.0L, std::fabs(reference), std::fabs(f(x = p))});
        BOOST_TEST(std::fabs(static_cast<long double>(got) - reference) <= tolerance<T> * scale,
                   name << " at x = " << static_cast<double>(p) << ": d/dx = " << static_cast<double>(got)
                        << ", central difference = " << static_cast<double>(reference) << " (" << lz::to_string(df) << ")");
    }
}

std::vector<long double> grid(long double from, long double to, int count = 41) {
    std::vector<long double> points;
    for (int i = 0; i < count; ++i) points.push_back(from + (to - from) * i / (count - 1));
    return points;
}

using scalar_types = boost::mpl::list<float, double, long double>;

BOOST_AUTO_TEST_CASE_TEMPLATE(polynomials_and_quotients, T, scalar_types) {
    check_rule<T>("constant", lz::constant{{}, 3} + 0 * x, grid(-3, 3));
    check_rule<T>("linear", 3 * x - 7, grid(-3, 3));
    check_rule<T>("quadratic", 2 * x * x - 3 * x + 4, grid(-3, 3));
    check_rule<T>("quintic", lz::pow<5>(x) - 4 * lz::pow<3>(x) + x, grid(-2, 2));
    check_rule<T>("product", (x + 1) * (x - 2) * (2 * x + 3), grid(-3, 3));
    check_rule<T>("power of a sum", lz::pow<4>(x * x - 1), grid(-1.5, 1.5));
    check_rule<T>("reciprocal", lz::pow<-1>(x), grid(0.2, 5));
    check_rule<T>("negative power of a sum", lz::pow<-3>(x * x + 1), grid(-3, 3));
    check_rule<T>("quotient", (x + 2) / (x * x + 1), grid(-3, 3));
    check_rule<T>("quotient by a number", x * x / 3, grid(-3, 3));
    check_rule<T>("unary minus", -(x * x * x), grid(-3, 3));
}

BOOST_AUTO_TEST_CASE_TEMPLATE(elementary_functions, T, scalar_types) {
    check_rule<T>("sin", lz::sin(x), grid(-6, 6));
    check_rule<T>("cos", lz::cos(x), grid(-6, 6));
    check_rule<T>("tan", lz::tan(x), grid(-1.4, 1.4));
    check_rule<T>("exp", lz::exp(x), grid(-5, 5));
    check_rule<T>("log", lz::log(x), grid(0.05, 20));
    check_rule<T>("sqrt", lz::sqrt(x), grid(0.05, 20));
    check_rule<T>("tanh", lz::tanh(x), grid(-4, 4));
    check_rule<T>("abs", lz::abs(x), {-3, -1.5, -0.25, 0.25, 1, 2.5});
    check_rule<T>("asin", lz::asin(x), grid(-0.95, 0.95));
    check_rule<T>("acos", lz::acos(x), grid(-0.95, 0.95));
    check_rule<T>("atan", lz::atan(x), grid(-8, 8));
    check_rule<T>("sinh", lz::sinh(x), grid(-5, 5));
    check_rule<T>("cosh", lz::cosh(x), grid(-5, 5));
    check_rule<T>("asinh", lz::asinh(x), grid(-8, 8));
    check_rule<T>("acosh", lz::acosh(x), grid(1.05, 9));
    check_rule<T>("atanh", lz::atanh(x), grid(-0.95, 0.95));
    check_rule<T>("erf", lz::erf(x), grid(-3, 3));
    check_rule<T>("erfc", lz::erfc(x), grid(-3, 3));
    check_rule<T>("log1p", lz::log1p(x), grid(-0.9, 9));
    check_rule<T>("expm1", lz::expm1(x), grid(-5, 5));
    check_rule<T>("cbrt", lz::cbrt(x), grid(-8, -0.1));
    check_rule<T>("cbrt", lz::cbrt(x), grid(0.1, 8));
    check_rule<T>("atan2 by its first argument", lz::atan2(x, 1.5), grid(-4, 4));
    check_rule<T>("atan2 by its second argument", lz::atan2(2, x), grid(-4, 4));
    check_rule<T>("atan2 of x by itself", lz::atan2(x * x + 1, x), grid(-3, 3));
    check_rule<T>("hypot", lz::hypot(x, 2.5), grid(-4, 4));
    check_rule<T>("hypot of a product", lz::hypot(3, x * lz::sin(x)), grid(-3, 3));
    check_rule<T>("max on each side", lz::max(x * x, 2 - x), {-3, -2.5, -1, 0, 0.5, 1.5, 3});
    check_rule<T>("min on each side", lz::min(lz::exp(x), 1 + x / 2), {-2, -1, -0.5, 0.5, 1, 2});
    check_rule<T>("where", lz::where(x < 1, lz::sin(x), x * x), {-2, -1, 0, 0.5, 1.5, 2, 3});
    check_rule<T>("real power", lz::pow(x, 1.5), grid(0.05, 9));
    check_rule<T>("negative real power", lz::pow(x, -0.5), grid(0.1, 9));
    check_rule<T>("integer power written as a number", lz::pow(x, 3), grid(-3, 3));
    check_rule<T>("power with an expression exponent", lz::pow(x, x), grid(0.2, 3));
    check_rule<T>("number to an expression", lz::pow(2, x * x), grid(-2, 2));
}

BOOST_AUTO_TEST_CASE_TEMPLATE(chain_rule, T, scalar_types) {
    check_rule<T>("sin of a polynomial", lz::sin(x * x - 2 * x), grid(-3, 3));
    check_rule<T>("exp of sin", lz::exp(lz::sin(x)), grid(-4, 4));
    check_rule<T>("log of a sum of squares", lz::log(x * x + 1), grid(-4, 4));
    check_rule<T>("sqrt of a quadratic", lz::sqrt(x * x + x + 1), grid(-4, 4));
    check_rule<T>("tanh of a product", lz::tanh(x * lz::cos(x)), grid(-3, 3));
    check_rule<T>("tan of a quotient", lz::tan(x / (x * x + 4)), grid(-3, 3));
    check_rule<T>("abs of a polynomial", lz::abs(x * x - 2), {-3, -1, -0.5, 0.5, 1, 3});
    check_rule<T>("cos of a real power", lz::cos(lz::pow(x, 0.5)), grid(0.1, 9));
    check_rule<T>("atan of a quotient", lz::atan(x / (x * x + 1)), grid(-3, 3));
    check_rule<T>("asin of a sine", lz::asin(lz::sin(x) / 2), grid(-3, 3));
    check_rule<T>("erf of a square", lz::erf(x * x - 1), grid(-2, 2));
    check_rule<T>("log1p of an expm1", lz::log1p(lz::expm1(x) / 3), grid(-2, 2));
    check_rule<T>("sinh times cosh of a product", lz::sinh(x) * lz::cosh(2 * x), grid(-2, 2));
    check_rule<T>("acosh of a sum of squares", lz::acosh(x * x + 1.5), grid(-2, 2));
    check_rule<T>("cbrt of a positive quadratic", lz::cbrt(x * x + 1), grid(-3, 3));
    check_rule<T>("nested", lz::exp(-lz::pow<2>(lz::sin(x))) / (1 + x * x), grid(-3, 3));
    check_rule<T>("product of transcendentals", lz::sin(x) * lz::exp(x) * lz::log(x + 5), grid(-2, 3));
    check_rule<T>("chain rule of the teaching material", 3 * (2 * x * x - x - 2) + 1, grid(-3, 3));
}

// Partial derivatives in two variables: d(f, x) and d(f, y) against differences in each direction.
BOOST_AUTO_TEST_CASE(partials_and_mixed_partials) {
    const auto f = lz::sin(x * y) + lz::exp(x - y) * y + lz::pow<2>(x + y * y - 7);
    const auto fx = lz::d(f, x);
    const auto fy = lz::d(f, y);
    const auto fxy = lz::d(f, x, y);
    const auto fyx = lz::d(f, y, x);
    const long double h = 1e-6L;
    for (long double px : grid(-1.5, 1.5, 7))
        for (long double py : grid(-1.5, 1.5, 7)) {
            const long double dx = (f(x = px + h, y = py) - f(x = px - h, y = py)) / (2 * h);
            const long double dy = (f(x = px, y = py + h) - f(x = px, y = py - h)) / (2 * h);
            const long double dxy = (fx(x = px, y = py + h) - fx(x = px, y = py - h)) / (2 * h);
            BOOST_TEST(std::fabs(fx(x = px, y = py) - dx) <= 1e-8L * (1 + std::fabs(dx)));
            BOOST_TEST(std::fabs(fy(x = px, y = py) - dy) <= 1e-8L * (1 + std::fabs(dy)));
            BOOST_TEST(std::fabs(fxy(x = px, y = py) - dxy) <= 1e-8L * (1 + std::fabs(dxy)));
            BOOST_TEST(std::fabs(fxy(x = px, y = py) - fyx(x = px, y = py)) <= 1e-12L * (1 + std::fabs(dxy)));
        }
}

}  // namespace
