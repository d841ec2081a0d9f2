// Numerical differentiation at run time: the rounding error of steps that are
// too small, float and long double, checks of exact gradients over many
// variables, and the directional derivative.
#include <leibniz/leibniz.hpp>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace lz = leibniz;
namespace nm = leibniz::numeric;

namespace {

constexpr auto x = lz::var<"x">;
constexpr auto y = lz::var<"y">;
constexpr auto f = 2 * x * x - 3 * x + 4;  // f'(2) = 5
const auto f_of = [](double v) { return f(x = v); };

BOOST_AUTO_TEST_CASE(a_step_too_small_loses_to_rounding) {
    // The forward difference of the quadratic is off by exactly 2h in exact
    // arithmetic; in doubles rounding adds about ε·|f|/h.
    auto error = [&](double h) { return std::fabs(nm::forward_difference(f_of, 2.0, h) - 5.0); };
    BOOST_TEST(std::fabs(error(1e-1) - 0.2) < 1e-12);   // truncation dominates
    BOOST_TEST(std::fabs(error(1e-4) - 2e-4) < 1e-9);
    BOOST_TEST(error(1e-8) < 1e-6);                      // near the best step, √ε
    BOOST_TEST(error(1e-12) > 1e-5);                     // rounding dominates: worse again
    BOOST_TEST(error(1e-13) > error(1e-8));
    BOOST_TEST(nm::forward_difference(f_of, 2.0, 1e-17) == 0.0);  // 2 + 1e-17 == 2: the slope vanishes
    // In float, 1e-50 is no step at all: it rounds to zero.
    BOOST_TEST(static_cast<float>(1e-50) == 0.0f);
    // The chosen step rounds so that x + h is exactly h away: no rounding of the step itself.
    BOOST_TEST(std::fabs(nm::derivative(f_of, 2.0, {.scheme = nm::scheme::forward}) - 5.0) < 1e-6);
}

BOOST_AUTO_TEST_CASE(each_scheme_converges_at_its_order) {
    // Halving h divides the error of sin'(1) by about 2, 4, 4 and 16.
    const auto s = [](double v) { return std::sin(v); };
    const double exact = std::cos(1.0);
    auto ratio = [&](auto scheme) {
        return std::fabs(scheme(s, 1.0, 0.02) - exact) / std::fabs(scheme(s, 1.0, 0.01) - exact);
    };
    BOOST_TEST(std::fabs(ratio([](auto& g, double v, double h) { return nm::forward_difference(g, v, h); }) - 2) < 0.05);
    BOOST_TEST(std::fabs(ratio([](auto& g, double v, double h) { return nm::backward_difference(g, v, h); }) - 2) < 0.05);
    BOOST_TEST(std::fabs(ratio([](auto& g, double v, double h) { return nm::central_difference(g, v, h); }) - 4) < 0.01);
    BOOST_TEST(std::fabs(ratio([](auto& g, double v, double h) { return nm::five_point_difference(g, v, h); }) - 16) < 0.1);
}

BOOST_AUTO_TEST_CASE(float_and_long_double) {
    const auto e = lz::exp(x);
    const float df = nm::derivative(e, x = 1.0f);
    BOOST_TEST(std::fabs(df - std::exp(1.0f)) < 1e-4f * std::exp(1.0f));
    const long double dl = nm::derivative(e, x = 1.0L, {.scheme = nm::scheme::five_point});
    BOOST_TEST(std::fabs(dl - std::exp(1.0L)) < 1e-14L);
}

BOOST_AUTO_TEST_CASE(gradient_check_over_many_variables) {
    static constexpr auto xs = lz::vars<"x", 8>;
    constexpr auto rosenbrock = lz::sum<7>([](auto i) {
        return 100 * lz::pow<2>(std::get<i + 1>(xs) - lz::pow<2>(std::get<i>(xs))) + lz::pow<2>(1 - std::get<i>(xs));
    });
    std::array<double, 8> v{};
    for (std::size_t i = 0; i < 8; ++i) v[i] = 0.3 + 0.15 * static_cast<double>(i);
    const auto central = nm::gradient_check(rosenbrock, lz::point(xs = v));
    BOOST_TEST(central.max_relative_error < 1e-8);
    const auto five = nm::gradient_check(rosenbrock, lz::point(xs = v), {.scheme = nm::scheme::five_point});
    BOOST_TEST(five.max_relative_error < 1e-10);
    BOOST_TEST(five.max_relative_error <= central.max_relative_error);
    // The exact gradient is leibniz's, coordinate for coordinate.
    const auto g = lz::gradient(rosenbrock, xs)(xs = v);
    for (std::size_t i = 0; i < 8; ++i) BOOST_TEST(central.exact[i] == g[i]);
    // A forward difference with a large step is visibly off: the check shows it.
    const auto coarse = nm::gradient_check(rosenbrock, lz::point(xs = v), {.scheme = nm::scheme::forward, .step = 1e-2});
    BOOST_TEST(coarse.max_relative_error > 1e-3);
    BOOST_TEST(coarse.max_absolute_error > 0.1);
}

BOOST_AUTO_TEST_CASE(directional_derivative) {
    constexpr auto h = lz::pow<2>(x * x + y - 11) + lz::pow<2>(x + y * y - 7);
    const auto p = lz::point(x = 1.0, y = 2.0);  // ∇h = (−36, −32)
    const double steepest = std::hypot(36.0, 32.0);
    double largest = -1;
    for (int k = 0; k < 360; ++k) {
        const double a = k * std::acos(-1.0) / 180;
        const double slope = lz::directional_derivative(h, p, {std::cos(a), std::sin(a)});
        BOOST_TEST(std::fabs(slope - nm::directional_derivative(h, p, {std::cos(a), std::sin(a)})) < 1e-7);
        largest = std::max(largest, slope);
    }
    BOOST_TEST(largest <= steepest);
    BOOST_TEST(largest > steepest * (1 - 1e-4));  // within the 1° grid of the gradient's direction
    BOOST_TEST(std::fabs(lz::directional_derivative(h, p, {-36.0, -32.0}) - steepest) < 1e-12);
    BOOST_TEST(lz::directional_derivative(h, p, {5.0, 0.0}) == -36.0);  // the length of u does not matter
    BOOST_TEST(std::isnan(lz::directional_derivative(h, p, {0.0, 0.0})));
    BOOST_TEST(std::isnan(nm::directional_derivative(h, p, {0.0, 0.0})));
}

BOOST_AUTO_TEST_CASE(non_finite_inputs_give_nan) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    BOOST_TEST(std::isnan(nm::derivative(f_of, nan)));
    BOOST_TEST(std::isnan(nm::derivative(f, x = std::numeric_limits<double>::infinity())));
}

}  // namespace
