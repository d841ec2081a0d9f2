// gradient, hessian, value_and_gradient, value_gradient_hessian at run time.
#include <leibniz/leibniz.hpp>

#include <boost/test/unit_test.hpp>

#include <array>
#include <cmath>
#include <random>

namespace lz = leibniz;

namespace {

constexpr auto x = lz::var<"x">;
constexpr auto y = lz::var<"y">;
constexpr auto himmelblau = lz::pow<2>(x * x + y - 11) + lz::pow<2>(x + y * y - 7);

constexpr auto xs = lz::vars<"x", 8>;
constexpr auto rosenbrock = lz::sum<7>([](auto i) {
    return 100 * lz::pow<2>(std::get<i + 1>(xs) - lz::pow<2>(std::get<i>(xs))) + lz::pow<2>(1 - std::get<i>(xs));
});

// Himmelblau's four minima, to the six decimals they are known to.
constexpr std::array<std::array<double, 2>, 4> minima{{{3.0, 2.0},
                                                        {-2.805118, 3.131312},
                                                        {-3.779310, -3.283186},
                                                        {3.584428, -1.848126}}};

BOOST_AUTO_TEST_CASE(himmelblau_gradient_vanishes_at_its_minima) {
    const auto g = lz::gradient(himmelblau, x, y);
    const auto H = lz::hessian(himmelblau, x, y);
    for (auto [px, py] : minima) {
        const auto grad = g(x = px, y = py);
        // Six decimals of the position leave a gradient of order 1e-4 at most.
        BOOST_TEST(std::hypot(grad[0], grad[1]) < 1e-4);
        const auto h = H(x = px, y = py);
        BOOST_TEST(h[0][1] == h[1][0]);
        BOOST_TEST(h[0][0] > 0);                                  // positive definite:
        BOOST_TEST(h[0][0] * h[1][1] - h[0][1] * h[1][0] > 0);    // both leading minors positive
        BOOST_TEST(himmelblau(x = px, y = py) < 1e-9);
    }
}

BOOST_AUTO_TEST_CASE(himmelblau_against_its_hand_derived_derivatives) {
    const auto vgh = lz::value_gradient_hessian(himmelblau, x, y);
    for (double px = -4; px <= 4; px += 0.5)
        for (double py = -4; py <= 4; py += 0.5) {
            const auto r = vgh(x = px, y = py);
            const double a = px * px + py - 11, b = px + py * py - 7;
            BOOST_TEST(r.value == a * a + b * b);
            BOOST_TEST(r.gradient[0] == 4 * px * a + 2 * b);
            BOOST_TEST(r.gradient[1] == 2 * a + 4 * py * b);
            BOOST_TEST(r.hessian[0][0] == 12 * px * px + 4 * py - 42);
            BOOST_TEST(r.hessian[0][1] == 4 * px + 4 * py);
            BOOST_TEST(r.hessian[1][1] == 4 * px + 12 * py * py - 26);
        }
}

BOOST_AUTO_TEST_CASE(rosenbrock_gradient_and_hessian_against_differences) {
    const auto g = lz::gradient(rosenbrock, xs);
    const auto H = lz::hessian(rosenbrock, xs);
    const auto vg = lz::value_and_gradient(rosenbrock, xs);
    std::mt19937 random(7);
    std::uniform_real_distribution<double> coordinate(-1.5, 1.5);
    for (int trial = 0; trial < 20; ++trial) {
        std::array<double, 8> p{};
        for (double& c : p) c = coordinate(random);
        const auto grad = g(xs = p);
        const auto hess = H(xs = p);
        const auto [value, grad2] = vg(xs = p);
        BOOST_TEST(value == rosenbrock(xs = p));
        BOOST_TEST(grad == grad2);
        for (std::size_t i = 0; i < 8; ++i) {
            const double h = 1e-6;
            auto plus = p, minus = p;
            plus[i] += h;
            minus[i] -= h;
            const double difference = (rosenbrock(xs = plus) - rosenbrock(xs = minus)) / (2 * h);
            BOOST_TEST(std::fabs(grad[i] - difference) <= 1e-6 * (1 + std::fabs(difference)));
            const auto gp = g(xs = plus), gm = g(xs = minus);
            for (std::size_t j = 0; j < 8; ++j) {
                const double second = (gp[j] - gm[j]) / (2 * h);
                BOOST_TEST(std::fabs(hess[i][j] - second) <= 1e-5 * (1 + std::fabs(second)));
                BOOST_TEST(hess[i][j] == hess[j][i]);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(pack_bindings_refer_to_arrays_and_copy_temporaries) {
    std::array<double, 8> p{};
    const auto by_reference = (xs = p);  // refers to p, like a std::span
    p[0] = 2.0;
    BOOST_TEST(rosenbrock(by_reference) == rosenbrock(xs = std::array<double, 8>{2.0}));
    const auto owning = (xs = std::array<double, 8>{2.0});  // keeps its own copy of the temporary
    BOOST_TEST(rosenbrock(owning) == 100 * 16.0 + 1 + 6);  // (x1 - x0^2)^2 = 16, (1 - x0)^2 = 1, six more (1 - 0)^2
    BOOST_TEST(rosenbrock(xs = std::span<const double, 8>(p)) == rosenbrock(owning));
}

BOOST_AUTO_TEST_CASE(a_variable_f_does_not_depend_on_has_derivative_plus_zero) {
    const auto g = lz::gradient(x * x, x, y)(x = 1.0, y = 2.0);
    BOOST_TEST(g[0] == 2.0);
    BOOST_TEST(g[1] == 0.0);
    BOOST_TEST(!std::signbit(g[1]));
    // A derivative that is exactly -0.0 stays -0.0 (slots start at -0.0, which adds as nothing).
    const auto h = lz::gradient(x * y, x, y)(x = 1.0, y = -0.0);
    BOOST_TEST(h[0] == 0.0);
    BOOST_TEST(std::signbit(h[0]));
}

BOOST_AUTO_TEST_CASE(the_scalar_type_follows_the_bindings) {
    const auto gf = lz::gradient(himmelblau, x, y)(x = 1.0f, y = 2.0f);
    static_assert(std::is_same_v<decltype(gf), const std::array<float, 2>>);
    BOOST_TEST(gf[0] == -36.0f);
    const auto gl = lz::gradient(himmelblau, x, y)(x = 1.0L, y = 2.0L);
    static_assert(std::is_same_v<decltype(gl), const std::array<long double, 2>>);
    BOOST_TEST(gl[1] == -32.0L);
    const auto at_point = lz::gradient(himmelblau, y, x)(lz::point(x = 1.0, y = 2.0));  // order of the variables given
    BOOST_TEST(at_point[0] == -32.0);
    BOOST_TEST(at_point[1] == -36.0);
}

}  // namespace
