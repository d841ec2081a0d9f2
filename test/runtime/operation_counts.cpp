// Proof by counting: with a scalar type that counts its operations, the shared
// evaluation does what a hand-written one-pass derivative does, and a gradient
// costs a small constant factor of the value, whatever the number of variables.
#include "../common/counting_scalar.hpp"
#include "../common/rosenbrock_cost.hpp"

#include <leibniz/leibniz.hpp>

#include <boost/test/unit_test.hpp>

#include <array>
#include <cstddef>

namespace lz = leibniz;
using counting::counts;
using counting::scalar;

namespace {

constexpr auto x = lz::var<"x">;
constexpr auto y = lz::var<"y">;
constexpr auto himmelblau = lz::pow<2>(x * x + y - 11) + lz::pow<2>(x + y * y - 7);

void report(const char* what, const counting::tally& t) {
    BOOST_TEST_MESSAGE(what << ": " << t.multiplications << " *, " << t.additions << " +-, " << t.negations << " neg, "
                            << t.divisions << " /, " << t.functions() << " function calls");
}

// exp(Σ sin xᵢ)·Π xᵢ at n = 8: every partial shares the exp and the product.
BOOST_AUTO_TEST_CASE(exp_of_sum_of_sines_times_product) {
    constexpr std::size_t n = 8;
    static constexpr auto xs = lz::vars<"x", n>;
    constexpr auto f = lz::exp(lz::sum<n>([](auto i) { return lz::sin(std::get<i>(xs)); })) *
                       lz::product<n>([](auto i) { return std::get<i>(xs); });
    const auto p = point_values<n>();
    std::array<scalar, n> g{};
    const auto t = count([&] { g = lz::gradient(f, xs)(xs = p); });
    report("gradient of exp(sum sin x_i) * prod x_i, n = 8", t);
    BOOST_TEST(t.exp == 1);
    BOOST_TEST(t.sin == 8);
    BOOST_TEST(t.cos == 8);
    BOOST_TEST(t.divisions == 0);
    BOOST_TEST(t.multiplications <= static_cast<long>(4 * n));
    // And the numbers are the derivative: ∂f/∂xᵢ = f·(cos xᵢ + 1/xᵢ).
    double s = 0, prod = 1;
    for (const auto& v : p) s += std::sin(v.v), prod *= v.v;
    for (std::size_t i = 0; i < n; ++i) {
        const double expected = std::exp(s) * prod * (std::cos(p[i].v) + 1 / p[i].v);
        BOOST_TEST(std::fabs(g[i].v - expected) <= 1e-12 * std::fabs(expected));
    }
}

// A person's one-pass value and gradient of Himmelblau's function.
struct hand_written {
    scalar value, gx, gy, hxx, hxy, hyy;
    static hand_written value_and_gradient(scalar x, scalar y) {
        const scalar a = x * x + y - 11, b = x + y * y - 7;
        return {a * a + b * b, 4 * x * a + 2 * b, 2 * a + 4 * y * b, {}, {}, {}};
    }
    static hand_written value_gradient_hessian(scalar x, scalar y) {
        const scalar xx = x * x, yy = y * y;
        const scalar a = xx + y - 11, b = x + yy - 7;
        return {a * a + b * b,    4 * x * a + 2 * b,  2 * a + 4 * y * b,
                12 * xx + 4 * y - 42, 4 * x + 4 * y, 4 * x + 12 * yy - 26};
    }
    static hand_written hessian(scalar x, scalar y) {
        const scalar xx = x * x, yy = y * y;
        return {{}, {}, {}, 12 * xx + 4 * y - 42, 4 * x + 4 * y, 4 * x + 12 * yy - 26};
    }
};

BOOST_AUTO_TEST_CASE(himmelblau_value_and_gradient_costs_what_a_hand_written_pass_costs) {
    const scalar px = 1.5, py = -0.5;
    hand_written hand{};
    const auto by_hand = count([&] { hand = hand_written::value_and_gradient(px, py); });
    lz::value_and_gradient_result<scalar, 2> r{};
    const auto ours = count([&] { r = lz::value_and_gradient(himmelblau, x, y)(x = px, y = py); });
    report("hand-written value and gradient of Himmelblau", by_hand);
    report("leibniz value_and_gradient of Himmelblau", ours);
    BOOST_TEST(ours.arithmetic() <= by_hand.arithmetic());
    BOOST_TEST(ours.multiplications <= by_hand.multiplications);
    BOOST_TEST(r.value.v == hand.value.v);
    BOOST_TEST(r.gradient[0].v == hand.gx.v);
    BOOST_TEST(r.gradient[1].v == hand.gy.v);
}

BOOST_AUTO_TEST_CASE(himmelblau_hessian_costs_no_more_than_a_hand_written_one) {
    const scalar px = 1.5, py = -0.5;
    hand_written hand{};
    const auto by_hand = count([&] { hand = hand_written::value_gradient_hessian(px, py); });
    lz::value_gradient_hessian_result<scalar, 2> r{};
    const auto ours = count([&] { r = lz::value_gradient_hessian(himmelblau, x, y)(x = px, y = py); });
    report("hand-written value, gradient and Hessian of Himmelblau", by_hand);
    report("leibniz value_gradient_hessian of Himmelblau", ours);
    BOOST_TEST(ours.arithmetic() <= by_hand.arithmetic());
    BOOST_TEST(r.hessian[0][0].v == hand.hxx.v);
    BOOST_TEST(r.hessian[0][1].v == hand.hxy.v);
    BOOST_TEST(r.hessian[1][1].v == hand.hyy.v);

    // The Hessian alone comes from the gradient's adjoints (one reverse sweep
    // per partial), so it pays for the part of the gradient it reads: 19
    // operations against 13 for the expanded entries written by hand
    // (12x² + 4y − 42, ...), and never more than the value, gradient and
    // Hessian together.
    const auto hessian_by_hand = count([&] { hand = hand_written::hessian(px, py); });
    std::array<std::array<scalar, 2>, 2> h{};
    const auto hessian_ours = count([&] { h = lz::hessian(himmelblau, x, y)(x = px, y = py); });
    report("hand-written Hessian of Himmelblau", hessian_by_hand);
    report("leibniz hessian of Himmelblau", hessian_ours);
    BOOST_TEST(hessian_ours.arithmetic() <= ours.arithmetic());
    BOOST_TEST(hessian_ours.arithmetic() <= 19);
    BOOST_TEST(h[1][0].v == hand.hxy.v);
}

BOOST_AUTO_TEST_CASE(rosenbrock_gradient_costs_at_most_three_values) {
    check_rosenbrock_gradient_cost<2>();
    check_rosenbrock_gradient_cost<8>();
    check_rosenbrock_gradient_cost<32>();
}

}  // namespace
