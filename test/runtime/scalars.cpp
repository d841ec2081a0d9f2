// Evaluation is generic in the scalar type: float, double, long double,
// std::complex<double> (run time), and a user-defined type found by ADL.
#include "../common/counting_scalar.hpp"

#include <leibniz/leibniz.hpp>

#include <boost/test/unit_test.hpp>

#include <cmath>
#include <complex>
#include <type_traits>

namespace lz = leibniz;

namespace {

constexpr auto x = lz::var<"x">;
constexpr auto y = lz::var<"y">;
constexpr auto f = lz::exp(x * y) + lz::sin(x) / y - lz::pow<3>(y) / 2;  // holomorphic in x and y

BOOST_AUTO_TEST_CASE(floating_types_at_compile_and_run_time) {
    static_assert(std::is_same_v<decltype(f(x = 1.0f, y = 2.0f)), float>);
    static_assert(std::is_same_v<decltype(f(x = 1.0L, y = 2.0L)), long double>);
    constexpr float ff = lz::d(f, x)(x = 0.5f, y = 2.0f);  // in a constant expression
    constexpr long double fl = lz::d(f, x)(x = 0.5L, y = 2.0L);
    const double exact = 2 * std::exp(1.0) + std::cos(0.5) / 2;
    BOOST_TEST(std::fabs(ff - exact) <= 1e-6 * exact);
    BOOST_TEST(std::fabs(fl - exact) <= 1e-15L * exact);
    volatile float vx = 0.5f;
    BOOST_TEST(std::fabs(lz::d(f, x)(x = float(vx), y = 2.0f) - exact) <= 1e-6 * exact);
}

BOOST_AUTO_TEST_CASE(complex_values_at_run_time) {
    using C = std::complex<double>;
    const C a(0.5, 0.25), b(2.0, -1.0);
    const C value = f(x = a, y = b);
    BOOST_TEST(std::abs(value - (std::exp(a * b) + std::sin(a) / b - b * b * b / 2.0)) < 1e-12);
    // The derivative of a holomorphic function in complex arithmetic.
    const C dfdx = lz::d(f, x)(x = a, y = b);
    BOOST_TEST(std::abs(dfdx - (b * std::exp(a * b) + std::cos(a) / b)) < 1e-12);
    const auto [v, g] = lz::value_and_gradient(f, x, y)(x = a, y = b);
    BOOST_TEST(std::abs(v - value) < 1e-12);
    BOOST_TEST(std::abs(g[0] - dfdx) < 1e-12);
    BOOST_TEST(std::abs(g[1] - (a * std::exp(a * b) - std::sin(a) / (b * b) - 1.5 * b * b)) < 1e-12);
    const auto h = lz::hessian(f, x, y)(x = a, y = b);
    BOOST_TEST(std::abs(h[0][0] - (b * b * std::exp(a * b) - std::sin(a) / b)) < 1e-12);
}

BOOST_AUTO_TEST_CASE(a_user_defined_scalar_type) {
    using counting::scalar;
    const scalar v = f(x = scalar(0.5), y = scalar(2.0));
    BOOST_TEST(std::fabs(v.v - (std::exp(1.0) + std::sin(0.5) / 2 - 4)) < 1e-14);
    const auto g = lz::gradient(f, x, y)(x = scalar(0.5), y = scalar(2.0));
    BOOST_TEST(std::fabs(g[0].v - (2 * std::exp(1.0) + std::cos(0.5) / 2)) < 1e-14);
    BOOST_TEST(counting::counts().exp > 0);  // its own exp, found by argument-dependent lookup
}

}  // namespace
