// Piecewise forms: min, max and where(condition, a, b) with the comparisons
// < <= > >=. Values and derivatives on each side, the side a tie takes, NaN
// conditions, the branch not taken never evaluated, gradients and Hessians.
#include <leibniz/leibniz.hpp>

#include "../common/counting_scalar.hpp"

#include <boost/test/unit_test.hpp>

#include <array>
#include <cmath>
#include <limits>
#include <string>
#include <tuple>
#include <vector>

namespace lz = leibniz;

namespace {

constexpr auto x = lz::var<"x">;
constexpr auto y = lz::var<"y">;
constexpr double nan = std::numeric_limits<double>::quiet_NaN();

double opaque(double v) {
    volatile double copy = v;
    return copy;
}

BOOST_AUTO_TEST_CASE(comparisons_pick_the_side) {
    for (double px : {-2.0, -1.0, 0.0, 0.5, 1.0, 1.5, 3.0}) {
        BOOST_TEST(lz::where(x < 1, x, 2 * x)(x = px) == (px < 1 ? px : 2 * px));
        BOOST_TEST(lz::where(x <= 1, x, 2 * x)(x = px) == (px <= 1 ? px : 2 * px));
        BOOST_TEST(lz::where(x > 1, x, 2 * x)(x = px) == (px > 1 ? px : 2 * px));
        BOOST_TEST(lz::where(x >= 1, x, 2 * x)(x = px) == (px >= 1 ? px : 2 * px));
        BOOST_TEST(lz::where(1 < x, x, 2 * x)(x = px) == (1 < px ? px : 2 * px));
        BOOST_TEST(lz::where(x * x < x + 2, 1, 0)(x = px) == (px * px < px + 2 ? 1.0 : 0.0));
    }
}

// min and max are std::min and std::max: a tie (and a NaN second argument)
// gives the first argument, its value and its derivative.
BOOST_AUTO_TEST_CASE(min_and_max_as_the_standard_ones) {
    for (double px : {-2.0, 0.0, 1.0, 2.5})
        for (double py : {-2.0, 0.0, 1.0, 3.0}) {
            BOOST_TEST(lz::max(x, y)(x = px, y = py) == std::max(px, py));
            BOOST_TEST(lz::min(x, y)(x = px, y = py) == std::min(px, py));
        }
    const auto relu = lz::max(x, 0);
    BOOST_TEST(relu(x = -2.0) == 0.0);
    BOOST_TEST(relu(x = 3.0) == 3.0);
    BOOST_TEST(lz::d(relu, x)(x = 3.0) == 1.0);
    BOOST_TEST(lz::d(relu, x)(x = -3.0) == 0.0);
    BOOST_TEST(lz::d(relu, x)(x = 0.0) == 1.0);  // the tie: x, the first argument
    BOOST_TEST(lz::d(lz::max(0, x), x)(x = 0.0) == 0.0);  // here the first argument is 0
    BOOST_TEST(lz::d(lz::min(x, 0), x)(x = 0.0) == 1.0);
    BOOST_TEST(lz::max(x, y)(x = 1.0, y = opaque(nan)) == 1.0);
    BOOST_TEST(std::isnan(lz::max(x, y)(x = opaque(nan), y = 1.0)));
    BOOST_TEST(lz::min(x, y)(x = 1.0, y = opaque(nan)) == 1.0);
    // A NaN condition is false: the second branch.
    BOOST_TEST(lz::where(x < y, 1, 2)(x = opaque(nan), y = 0.0) == 2.0);
}

// The branch not taken is not evaluated: no domain error in a constant
// expression, no NaN from 0·∞ in a derivative.
BOOST_AUTO_TEST_CASE(the_branch_not_taken_is_not_evaluated) {
    constexpr auto safe_log = lz::where(x > 0, lz::log(x), 0);
    static_assert(safe_log(x = -1.0) == 0.0);
    static_assert(lz::d(safe_log, x)(x = -1.0) == 0.0);
    constexpr auto safe_sqrt = lz::where(x > 0, lz::sqrt(x), 0);
    BOOST_TEST(lz::gradient(safe_sqrt, x)(x = 0.0)[0] == 0.0);  // not 0·∞
    BOOST_TEST(lz::value_and_gradient(safe_sqrt * y, x, y)(x = 0.0, y = 2.0).gradient[0] == 0.0);
    BOOST_TEST(lz::hessian(safe_sqrt, x)(x = 0.0)[0][0] == 0.0);
    BOOST_TEST(lz::hessian(safe_sqrt, x)(x = 4.0)[0][0] == -1.0 / 32);
    // The condition and the side not taken share sqrt(x): no adjoint flows into it at 0.
    constexpr auto shared = lz::where(lz::sqrt(x) > 1, lz::sqrt(x), 1) * y;
    BOOST_TEST(lz::gradient(shared, x, y)(x = 0.0, y = 2.0)[0] == 0.0);
    BOOST_TEST(lz::hessian(shared, x, y)(x = 0.0, y = 2.0)[0][0] == 0.0);
    BOOST_TEST(lz::hessian(shared, x, y)(x = 0.0, y = 2.0)[0][1] == 0.0);
    BOOST_TEST(lz::hessian(shared, x, y)(x = 4.0, y = 2.0)[0][1] == 0.25);
    static_assert(lz::gradient(shared, x, y)(x = 0.0, y = 2.0)[0] == 0.0);
}

BOOST_AUTO_TEST_CASE(gradients_and_hessians_take_the_branch) {
    const auto f = lz::where(x < y, x * x * y, lz::sin(x) + y * y) + lz::max(x * y, 1);
    const auto vgh = lz::value_gradient_hessian(f, x, y);
    // x < y, x·y > 1
    auto r = vgh(x = 2.0, y = 3.0);
    BOOST_TEST(r.value == 12.0 + 6.0);
    BOOST_TEST(r.gradient[0] == 2 * 2.0 * 3.0 + 3.0);
    BOOST_TEST(r.gradient[1] == 4.0 + 2.0);
    BOOST_TEST(r.hessian[0][0] == 6.0);
    BOOST_TEST(r.hessian[0][1] == 2 * 2.0 + 1.0);
    BOOST_TEST(r.hessian[1][1] == 0.0);
    // x > y, x·y < 1
    r = vgh(x = 0.5, y = 0.25);
    BOOST_TEST(r.value == std::sin(0.5) + 0.0625 + 1.0);
    BOOST_TEST(r.gradient[0] == std::cos(0.5));
    BOOST_TEST(r.gradient[1] == 0.5);
    BOOST_TEST(r.hessian[0][0] == -std::sin(0.5));
    BOOST_TEST(r.hessian[0][1] == 0.0);
    BOOST_TEST(r.hessian[1][1] == 2.0);
    BOOST_TEST(lz::to_string(lz::d(lz::max(x * y, 1), x)) == "where(x*y < 1, 0, y)");
}

BOOST_AUTO_TEST_CASE(printing) {
    BOOST_TEST(lz::to_string(lz::where(x < y, x * y, x + y)) == "where(x < y, x*y, x + y)");
    BOOST_TEST(lz::to_string(lz::where(x >= 1, x, 0)) == "where(1 <= x, x, 0)");
    BOOST_TEST(lz::to_string(lz::max(x, 0)) == "where(x < 0, 0, x)");
    BOOST_TEST(lz::to_string(lz::min(x, y)) == "where(y < x, y, x)");
    BOOST_TEST(lz::to_string(lz::d(lz::where(x < 0, x * x, x), x)) == "where(x < 0, 2*x, 1)");
    // Two branches of one value-free shape are that shape.
    BOOST_TEST(lz::to_string(lz::where(x < y, lz::sin(x), lz::sin(x))) == "sin(x)");
    BOOST_TEST(lz::to_string(lz::d(lz::where(x < y, y * y, lz::exp(y)), x)) == "0");
}

// Values in float and long double, and in a constant expression.
BOOST_AUTO_TEST_CASE(scalar_types) {
    const auto f = lz::max(x * x, 1 - x);
    BOOST_TEST(f(x = 2.0f) == 4.0f);
    BOOST_TEST(f(x = 0.5L) == 0.5L);
    static_assert(lz::d(lz::max(x * x, 1 - x), x)(x = 2.0) == 4.0);
    static_assert(lz::d(lz::max(x * x, 1 - x), x)(x = 0.0) == -1.0);
}

// A branch inside a mean inside a mean: the gradient flows through both
// means into the side each sample takes. (By hand at a = 1.5, t = 1, 2, 3,
// u = -1, 0.5: the mean is 4, its derivative 12.5/3.)
BOOST_AUTO_TEST_CASE(branches_in_nested_means) {
    constexpr auto a = lz::var<"a">;
    constexpr auto t = lz::var<"t">;
    constexpr auto u = lz::var<"u">;
    const std::vector<double> ts{1, 2, 3}, us{-1, 0.5};
    const auto inner = lz::mean(lz::where(a * u > 0, a * u * t, lz::pow<2>(a)), lz::data(u = us));
    const auto outer = lz::mean(inner * t, lz::data(t = ts));
    BOOST_TEST(outer(a = 1.5) == 4.0, boost::test_tools::tolerance(1e-15));
    BOOST_TEST(lz::gradient(outer, a)(a = 1.5)[0] == 12.5 / 3, boost::test_tools::tolerance(1e-15));
}

// Only the side taken runs, counted: the plan's guarded regions, for the
// value, the gradient and the Hessian (a scalar type of the user's: the plan
// runs as code, not through its interpreter).
BOOST_AUTO_TEST_CASE(only_the_side_taken_runs) {
    const auto f = lz::where(x > 0, lz::log(x) * y, lz::exp(x) * y) + lz::max(lz::sin(x), y);
    auto counted = [&](auto&& call) {
        counting::reset();
        call();
        return counting::counts();
    };
    using s = counting::scalar;
    auto t = counted([&] { (void)lz::value_and_gradient(f, x, y)(x = s(2.0), y = s(3.0)); });
    BOOST_TEST(t.log == 1);
    BOOST_TEST(t.exp == 0);
    BOOST_TEST(t.sin == 1);
    t = counted([&] { (void)lz::value_and_gradient(f, x, y)(x = s(-2.0), y = s(3.0)); });
    BOOST_TEST(t.log == 0);
    BOOST_TEST(t.exp == 1);
    t = counted([&] { (void)lz::value_gradient_hessian(f, x, y)(x = s(-2.0), y = s(3.0)); });
    BOOST_TEST(t.log == 0);
    BOOST_TEST(t.exp == 1);
    // max(sin x, y) = where(sin x < y, y, sin x): cos (its derivative) only on the sin side.
    t = counted([&] { (void)lz::value_gradient_hessian(f, x, y)(x = s(2.0), y = s(3.0)); });
    BOOST_TEST(t.cos == 0);
    t = counted([&] { (void)lz::value_gradient_hessian(f, x, y)(x = s(2.0), y = s(-3.0)); });
    BOOST_TEST(t.cos == 1);
    BOOST_TEST(t.sin == 1);  // the value, shared with the second derivative (-sin x)
}

// Branches inside branches, inside functions, sharing subexpressions with the
// condition; the gradient and the Hessian at points on either side of each
// comparison and on ties, against the symbolic derivatives (lz::d) evaluated.
BOOST_AUTO_TEST_CASE(nested_branches_against_symbolic_derivatives) {
    const auto r = x - 2 * y;
    const auto f = lz::where(lz::abs(r) <= 1, lz::pow<2>(r) / 2, lz::abs(r) - 0.5) +
                   lz::exp(lz::min(x * y, lz::where(y < 0, -y, lz::sqrt(y + 1)))) +
                   lz::where(x < y, lz::where(x * x < 1, lz::sin(x * y), x * y * y), lz::max(x, 2 * y) * x);
    const auto vgh = lz::value_gradient_hessian(f, x, y);
    const auto fx = lz::d(f, x);
    const auto fy = lz::d(f, y);
    const auto fxx = lz::d(fx, x);
    const auto fxy = lz::d(fx, y);
    const auto fyy = lz::d(fy, y);
    for (double px : {-2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0, 3.0})
        for (double py : {-1.5, -1.0, 0.0, 0.5, 1.0, 2.0}) {
            const auto got = vgh(x = px, y = py);
            const auto tolerance = boost::test_tools::tolerance(1e-14);
            BOOST_TEST_CONTEXT("x = " << px << ", y = " << py) {
                BOOST_TEST(got.value == f(x = px, y = py));
                BOOST_TEST(got.gradient[0] == fx(x = px, y = py), tolerance);
                BOOST_TEST(got.gradient[1] == fy(x = px, y = py), tolerance);
                BOOST_TEST(got.hessian[0][0] == fxx(x = px, y = py), tolerance);
                BOOST_TEST(got.hessian[0][1] == fxy(x = px, y = py), tolerance);
                BOOST_TEST(got.hessian[1][0] == fxy(x = px, y = py), tolerance);
                BOOST_TEST(got.hessian[1][1] == fyy(x = px, y = py), tolerance);
                const auto g = lz::gradient(f, x, y)(x = px, y = py);
                BOOST_TEST(g[0] == got.gradient[0]);
                BOOST_TEST(g[1] == got.gradient[1]);
            }
        }
}

// A Jacobian whose rows branch (one plan for all rows, one guard per comparison).
BOOST_AUTO_TEST_CASE(jacobian_rows_with_branches) {
    const auto rows = std::tuple{lz::max(x, y) * x, lz::where(x < 0, lz::exp(y), lz::log(x + 1) * y), lz::min(x, y)};
    const auto vj = lz::value_and_jacobian(rows, x, y);
    for (double px : {-1.0, 0.0, 0.5, 2.0})
        for (double py : {-0.5, 0.5, 2.0}) {
            const auto got = vj(x = px, y = py);
            BOOST_TEST_CONTEXT("x = " << px << ", y = " << py) {
                BOOST_TEST(got.value[0] == std::get<0>(rows)(x = px, y = py));
                BOOST_TEST(got.jacobian[0][0] == lz::d(std::get<0>(rows), x)(x = px, y = py));
                BOOST_TEST(got.jacobian[0][1] == lz::d(std::get<0>(rows), y)(x = px, y = py));
                BOOST_TEST(got.value[1] == std::get<1>(rows)(x = px, y = py));
                BOOST_TEST(got.jacobian[1][0] == lz::d(std::get<1>(rows), x)(x = px, y = py));
                BOOST_TEST(got.jacobian[1][1] == lz::d(std::get<1>(rows), y)(x = px, y = py));
                BOOST_TEST(got.jacobian[2][0] == (py < px ? 0.0 : 1.0));
                BOOST_TEST(got.jacobian[2][1] == (py < px ? 1.0 : 0.0));
            }
        }
}

// In a constant expression too: the side not taken would be a domain error there.
BOOST_AUTO_TEST_CASE(constant_evaluated_hessians_of_branches) {
    constexpr auto f = lz::where(x > 0, x * lz::log(x), -x * x) * y;
    static_assert(lz::hessian(f, x, y)(x = -1.0, y = 3.0)[0][0] == -6.0);
    static_assert(lz::hessian(f, x, y)(x = -1.0, y = 3.0)[0][1] == 2.0);
    static_assert(lz::hessian(f, x, y)(x = 1.0, y = 3.0)[0][0] == 3.0);
    static_assert(lz::hessian(f, x, y)(x = 1.0, y = 3.0)[0][1] == 1.0);
    static_assert(lz::value_gradient_hessian(f, x, y)(x = 0.0, y = 2.0).gradient[0] == 0.0);
    BOOST_TEST(lz::hessian(f, x, y)(x = -1.0, y = 3.0)[1][1] == 0.0);
}

}  // namespace
