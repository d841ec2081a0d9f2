// Edge cases, each with the behaviour docs/edge-cases.md states: integer
// powers at 0, log, sqrt and abs at the edge of their domains, tan near its
// poles, overflow, NaN, denormals, float and long double, and very deep and
// very wide expressions.
#include <leibniz/leibniz.hpp>

#include <boost/test/unit_test.hpp>

#include <cmath>
#include <limits>
#include <numbers>

namespace lz = leibniz;

namespace {

constexpr auto x = lz::var<"x">;
constexpr auto y = lz::var<"y">;
constexpr double inf = std::numeric_limits<double>::infinity();

double opaque(double v) {  // a value the compiler cannot fold
    volatile double copy = v;
    return copy;
}

BOOST_AUTO_TEST_CASE(pow_zero_is_one_everywhere) {
    constexpr auto p = lz::pow<0>(x);
    static_assert(std::is_same_v<std::remove_cv_t<decltype(p)>, lz::one>);  // structurally 1
    BOOST_TEST(p(x = opaque(0.0)) == 1.0);                                // 0^0 = 1, as std::pow
    BOOST_TEST(p(x = opaque(inf)) == 1.0);
    BOOST_TEST(p(x = opaque(std::nan(""))) == 1.0);  // the type is 1: no NaN can reach it
    BOOST_TEST(lz::d(p, x)(x = opaque(0.0)) == 0.0);
    BOOST_TEST(lz::pow<0>(x - x)(x = opaque(3.0)) == 1.0);
}

BOOST_AUTO_TEST_CASE(negative_powers_at_zero_are_infinite) {
    constexpr auto p = lz::pow<-3>(x);
    BOOST_TEST(p(x = opaque(0.0)) == inf);
    BOOST_TEST(p(x = opaque(-0.0)) == -inf);  // the sign of zero survives, as in 1/(-0.0)^3
    BOOST_TEST(lz::d(p, x)(x = opaque(0.0)) == -inf);  // -3/x^4
    const auto [value, gradient] = lz::value_and_gradient(p, x)(x = opaque(0.0));
    BOOST_TEST(value == inf);
    BOOST_TEST(gradient[0] == -inf);
    BOOST_TEST(lz::pow<-2>(x)(x = opaque(-0.0)) == inf);
}

BOOST_AUTO_TEST_CASE(log_at_zero_and_below) {
    constexpr auto l = lz::log(x);
    BOOST_TEST(l(x = opaque(0.0)) == -inf);
    BOOST_TEST(std::isnan(l(x = opaque(-1.0))));
    BOOST_TEST(lz::d(l, x)(x = opaque(0.0)) == inf);
    BOOST_TEST(lz::d(l, x)(x = opaque(-2.0)) == -0.5);  // 1/x is defined below 0; log is not
    BOOST_TEST(lz::gradient(l, x)(x = opaque(0.0))[0] == inf);
    BOOST_TEST(std::isnan(lz::value_and_gradient(l, x)(x = opaque(-1.0)).value));
}

BOOST_AUTO_TEST_CASE(sqrt_and_its_derivative_at_zero) {
    constexpr auto s = lz::sqrt(x);
    BOOST_TEST(s(x = opaque(0.0)) == 0.0);
    BOOST_TEST(lz::d(s, x)(x = opaque(0.0)) == inf);  // 1/(2*sqrt(x))
    BOOST_TEST(lz::gradient(s, x)(x = opaque(0.0))[0] == inf);
    BOOST_TEST(std::isnan(s(x = opaque(-1.0))));
    BOOST_TEST(std::isnan(lz::d(s, x)(x = opaque(-1.0))));
}

BOOST_AUTO_TEST_CASE(abs_at_zero_has_derivative_zero) {
    // The choice: abs'(0) = sign(0) = 0, the midpoint of the one-sided slopes
    // -1 and 1 (and a subgradient), so a descent that reaches 0 stays there.
    constexpr auto a = lz::abs(x);
    static_assert(lz::d(a, x)(x = 0.0) == 0.0);
    BOOST_TEST(a(x = opaque(0.0)) == 0.0);
    BOOST_TEST(lz::d(a, x)(x = opaque(0.0)) == 0.0);
    BOOST_TEST(lz::d(a, x)(x = opaque(-0.0)) == 0.0);
    BOOST_TEST(lz::d(a, x)(x = opaque(-2.0)) == -1.0);
    BOOST_TEST(lz::gradient(a, x)(x = opaque(0.0))[0] == 0.0);
    BOOST_TEST(lz::d(a, x, x)(x = opaque(0.0)) == 0.0);  // sign' = 0: no Dirac delta
    BOOST_TEST(std::isnan(lz::d(a, x)(x = opaque(std::nan("")))));
    BOOST_TEST(lz::to_string(lz::d(a, x)) == "sign(x)");
}

BOOST_AUTO_TEST_CASE(tan_near_its_poles) {
    // tan'(u) = 1 + tan(u)^2 stays finite and accurate as u nears π/2; at the
    // double nearest π/2, tan is 1.6e16, not infinite.
    constexpr auto t = lz::tan(x);
    const double half_pi = std::numbers::pi / 2;
    for (double gap : {1e-3, 1e-6, 1e-9}) {
        const double u = half_pi - gap;
        const double slope = lz::d(t, x)(x = opaque(u));
        const double exact = 1 / (std::cos(u) * std::cos(u));
        BOOST_TEST(std::fabs(slope - exact) <= 1e-6 * exact);
        BOOST_TEST(std::fabs(lz::gradient(t, x)(x = opaque(u))[0] - exact) <= 1e-6 * exact);
    }
    BOOST_TEST(std::isfinite(t(x = opaque(half_pi))));
    BOOST_TEST(t(x = opaque(half_pi)) > 1e16);
    BOOST_TEST(std::isfinite(lz::d(t, x)(x = opaque(half_pi))));
}

BOOST_AUTO_TEST_CASE(overflow_gives_infinity) {
    constexpr auto e = lz::exp(x * x);
    BOOST_TEST(e(x = opaque(30.0)) == inf);
    BOOST_TEST(lz::d(e, x)(x = opaque(30.0)) == inf);
    const auto [value, gradient] = lz::value_and_gradient(e, x)(x = opaque(30.0));
    BOOST_TEST(value == inf);
    BOOST_TEST(gradient[0] == inf);
    BOOST_TEST(lz::pow<2>(x)(x = opaque(1e200)) == inf);
    BOOST_TEST(lz::hessian(lz::pow<3>(x), x)(x = opaque(1e300))[0][0] == 6e300);  // 6x: no overflow where none is due
}

BOOST_AUTO_TEST_CASE(nan_inputs_give_nan) {
    const double nan = std::nan("");
    constexpr auto h = lz::pow<2>(x * x + y - 11) + lz::pow<2>(x + y * y - 7);
    BOOST_TEST(std::isnan(h(x = opaque(nan), y = 1.0)));
    const auto g = lz::gradient(h, x, y)(x = opaque(nan), y = 1.0);
    BOOST_TEST(std::isnan(g[0]));
    BOOST_TEST(std::isnan(g[1]));
    const auto H = lz::hessian(h, x, y)(x = opaque(nan), y = 1.0);
    BOOST_TEST(std::isnan(H[0][0]));
    BOOST_TEST(std::isnan(H[1][1]));  // 12y^2 + 4x - 26
    // A partial that does not involve x stays a number.
    BOOST_TEST(lz::gradient(x + y, x, y)(x = opaque(nan), y = 1.0)[1] == 1.0);
    BOOST_TEST(lz::d(lz::sin(x) * 0 + y, y)(x = opaque(nan), y = 1.0) == 1.0);
}

BOOST_AUTO_TEST_CASE(denormals_are_kept) {
    const double tiny = std::numeric_limits<double>::denorm_min() * 1000;  // a denormal
    BOOST_TEST(std::fpclassify(tiny) == FP_SUBNORMAL);
    constexpr auto sq = x * x;
    BOOST_TEST(sq(x = opaque(tiny)) == 0.0);                  // underflows, as tiny * tiny does
    BOOST_TEST(lz::d(sq, x)(x = opaque(tiny)) == 2 * tiny);  // 2x: exact, still a denormal
    BOOST_TEST(lz::gradient(sq, x)(x = opaque(tiny))[0] == 2 * tiny);
    BOOST_TEST((3 * x)(x = opaque(tiny)) == 3 * tiny);
    BOOST_TEST(lz::exp(x)(x = opaque(tiny)) == 1.0);
    BOOST_TEST(lz::sin(x)(x = opaque(tiny)) == tiny);
}

BOOST_AUTO_TEST_CASE(float_and_long_double) {
    constexpr auto h = lz::pow<2>(x * x + y - 11) + lz::pow<2>(x + y * y - 7);
    const auto reference = lz::value_gradient_hessian(h, x, y)(x = 1.5, y = -0.5);
    const auto in_float = lz::value_gradient_hessian(h, x, y)(x = 1.5f, y = -0.5f);
    const auto in_long_double = lz::value_gradient_hessian(h, x, y)(x = 1.5L, y = -0.5L);
    static_assert(std::is_same_v<decltype(in_float.value), float>);
    static_assert(std::is_same_v<decltype(in_long_double.value), long double>);
    BOOST_TEST(std::fabs(in_float.value - reference.value) <= 1e-6 * std::fabs(reference.value));
    BOOST_TEST(std::fabs(static_cast<double>(in_long_double.value) - reference.value) <= 1e-15 * std::fabs(reference.value));
    for (int i = 0; i < 2; ++i) {
        BOOST_TEST(std::fabs(in_float.gradient[i] - reference.gradient[i]) <= 1e-5 * std::fabs(reference.gradient[i]));
        for (int j = 0; j < 2; ++j)
            BOOST_TEST(std::fabs(static_cast<double>(in_long_double.hessian[i][j]) - reference.hessian[i][j]) <=
                       1e-14 * std::fabs(reference.hessian[i][j]));
    }
    // A rational coefficient is rounded once, in the evaluation's type: 1/3 in float is 1/3.0f.
    BOOST_TEST((x / 3)(x = 1.0f) == 1.0f / 3.0f);
    BOOST_TEST((x / 3)(x = 1.0L) == 1.0L / 3.0L);
}

// Depth 200: sin(sin(...sin(x)...)); and a Horner chain ((x·x + 1)·x + 1)...
// of 25 steps (a sum and a product each: 50 nodes deep). Chains of sums and
// products cost GCC compile time that grows about as the cube of their depth
// (docs/edge-cases.md has the figures), so the test keeps that one short.
template <int N, class E>
constexpr auto nested_sine(const E& e) {
    if constexpr (N == 0)
        return e;
    else
        return nested_sine<N - 1>(lz::sin(e));
}
template <int N, class E>
constexpr auto horner(const E& e) {
    if constexpr (N == 0)
        return e;
    else
        return horner<N - 1>(e * x + 1);
}

BOOST_AUTO_TEST_CASE(deep_expressions) {
    constexpr auto s = nested_sine<200>(x);
    double v = 0.7, slope = 1;
    for (int i = 0; i < 200; ++i) {
        slope *= std::cos(v);
        v = std::sin(v);
    }
    BOOST_TEST(s(x = 0.7) == v);
    const auto [value, gradient] = lz::value_and_gradient(s, x)(x = 0.7);
    BOOST_TEST(value == v);
    BOOST_TEST(std::fabs(gradient[0] - slope) <= 1e-14 * slope);

    constexpr auto p = horner<25>(x);  // Σ x^k for k = 0..25, as a chain of 25 nested sums
    double hv = 0.9, hd = 1;
    for (int i = 0; i < 25; ++i) {
        hd = hd * 0.9 + hv;
        hv = hv * 0.9 + 1;
    }
    BOOST_TEST(std::fabs(p(x = 0.9) - hv) <= 1e-13 * hv);
    BOOST_TEST(std::fabs(lz::gradient(p, x)(x = 0.9)[0] - hd) <= 1e-12 * hd);
}

BOOST_AUTO_TEST_CASE(wide_expressions) {
    static constexpr auto xs = lz::vars<"x", 100>;
    constexpr auto wide = lz::sum<100>([](auto i) { return (i + 1) * lz::sin(std::get<i>(xs)); });
    std::array<double, 100> at{};
    for (std::size_t i = 0; i < 100; ++i) at[i] = 0.01 * static_cast<double>(i);
    double value = 0;
    for (std::size_t i = 0; i < 100; ++i) value += static_cast<double>(i + 1) * std::sin(at[i]);
    BOOST_TEST(std::fabs(wide(xs = at) - value) <= 1e-13 * value);
    const auto g = lz::gradient(wide, xs)(xs = at);
    for (std::size_t i = 0; i < 100; ++i) BOOST_TEST(g[i] == static_cast<double>(i + 1) * std::cos(at[i]));
    constexpr auto dsum = lz::d(wide, std::get<37>(xs));
    BOOST_TEST(lz::to_string(dsum) == "38*cos(x37)");
}

}  // namespace
