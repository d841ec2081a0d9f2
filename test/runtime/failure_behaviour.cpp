// How the descent routines fail at run time: each bad input ends with the
// status or exception docs/edge-cases.md states, in a bounded number of
// steps (never a hang, never undefined behaviour; this suite also runs under
// AddressSanitizer and UndefinedBehaviorSanitizer).
#include <leibniz/leibniz.hpp>

#include <boost/test/unit_test.hpp>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

namespace lz = leibniz;

namespace {

constexpr auto x = lz::var<"x">;
constexpr auto y = lz::var<"y">;
constexpr auto bowl = lz::pow<2>(x - 1) + lz::pow<2>(y + 2);
constexpr double inf = std::numeric_limits<double>::infinity();
const double nan = std::numeric_limits<double>::quiet_NaN();

template <class Optimizer>
void diverges_at_once_from(double start_x, Optimizer optimizer) {
    const auto r = lz::minimize(bowl, lz::point(x = start_x, y = 0.0), optimizer);
    BOOST_TEST((r.status == lz::status::diverged));
    BOOST_TEST(r.iterations == 0u);  // the start's value or gradient is not finite: no step taken
}

BOOST_AUTO_TEST_CASE(a_nan_or_infinite_start_diverges_before_any_step) {
    for (double bad : {nan, inf, -inf}) {
        diverges_at_once_from(bad, lz::gradient_descent{});
        diverges_at_once_from(bad, lz::sign_descent{});
        diverges_at_once_from(bad, lz::momentum{});
        diverges_at_once_from(bad, lz::adagrad{});
        diverges_at_once_from(bad, lz::rmsprop{});
        diverges_at_once_from(bad, lz::adam{});
        diverges_at_once_from(bad, lz::newton{});
    }
}

BOOST_AUTO_TEST_CASE(a_learning_rate_that_overflows_diverges) {
    // Gradient descent on the bowl multiplies the distance to the minimum by
    // (1 - 2·lr) each step: with lr = 50, by -99, so it overflows within
    // about 155 steps.
    const auto r = lz::minimize(bowl, lz::point(x = 2.0, y = 0.0), lz::gradient_descent{.learning_rate = 50.0},
                                lz::stop{.max_iterations = 1000000});
    BOOST_TEST((r.status == lz::status::diverged));
    BOOST_TEST(r.iterations < 200u);
    BOOST_TEST(!std::isfinite(r.value));
    const auto m = lz::minimize(bowl, lz::point(x = 2.0, y = 0.0), lz::momentum{.learning_rate = 50.0},
                                lz::stop{.max_iterations = 1000000});
    BOOST_TEST((m.status == lz::status::diverged));
    BOOST_TEST(m.iterations < 200u);
}

BOOST_AUTO_TEST_CASE(a_function_unbounded_below) {
    // Linear: every step of lr = 0.1 moves 0.1 further, for ever; the budget ends it.
    const auto line = lz::minimize(x + 2 * y, lz::point(x = 0.0, y = 0.0), lz::gradient_descent{.learning_rate = 0.1},
                                   lz::stop{.max_iterations = 500});
    BOOST_TEST((line.status == lz::status::max_iterations));
    BOOST_TEST(line.iterations == 500u);
    BOOST_TEST(std::fabs(line.point[x] + 50.0) < 1e-9);
    // -x^2 pushes away geometrically (×1.2 per step) until the value overflows.
    const auto hill = lz::minimize(-(x * x), lz::point(x = 1.0), lz::gradient_descent{.learning_rate = 0.1},
                                   lz::stop{.max_iterations = 1000000});
    BOOST_TEST((hill.status == lz::status::diverged));
    BOOST_TEST(hill.iterations < 5000u);
    // exp(-x) tends to 0 without a minimum: Adam walks right, finite, until the budget ends.
    const auto tail = lz::minimize(lz::exp(-x), lz::point(x = 0.0), lz::adam{.learning_rate = 0.1},
                                   lz::stop{.max_iterations = 2000});
    BOOST_TEST((tail.status == lz::status::max_iterations));
    BOOST_TEST(tail.point[x] > 5.0);
}

BOOST_AUTO_TEST_CASE(newton_with_a_singular_hessian) {
    // (x - y)^2 has the Hessian [[2, -2], [-2, 2]] everywhere: singular, so no
    // Newton step exists; each step is a gradient step of the fallback rate,
    // and the run converges onto the line x = y (where the gradient is 0).
    const auto r = lz::minimize(lz::pow<2>(x - y), lz::point(x = 3.0, y = 1.0), lz::newton{.fallback_learning_rate = 0.1},
                                lz::stop{.max_iterations = 1000, .gradient_tolerance = 1e-12});
    BOOST_TEST((r.status == lz::status::converged));
    BOOST_TEST(std::fabs(r.point[x] - r.point[y]) < 1e-12);
    BOOST_TEST(std::fabs(r.point[x] - 2.0) < 1e-12);  // gradient steps keep x + y = 4
    // With damping the matrix H + damping·I is positive definite: a damped Newton step instead.
    const auto damped = lz::minimize(lz::pow<2>(x - y), lz::point(x = 3.0, y = 1.0), lz::newton{.damping = 1.0},
                                     lz::stop{.max_iterations = 1000, .gradient_tolerance = 1e-12});
    BOOST_TEST((damped.status == lz::status::converged));
    BOOST_TEST(std::fabs(damped.point[x] - damped.point[y]) < 1e-12);
    // x^4 at 0: a singular Hessian where the gradient is already 0: converged, no step.
    const auto flat = lz::minimize(lz::pow<4>(x), lz::point(x = 0.0), lz::newton{});
    BOOST_TEST((flat.status == lz::status::converged));
    BOOST_TEST(flat.iterations == 0u);
}

BOOST_AUTO_TEST_CASE(fit_on_bad_data_fails_before_any_step) {
    constexpr auto a = lz::var<"a">;
    constexpr auto loss = lz::pow<2>(a * x - y);
    const std::vector<double> none, three{1, 2, 3}, two{1, 2};
    BOOST_CHECK_THROW(lz::fit(loss, lz::point(a = 0.0), lz::data(x = none, y = none), lz::adam{}), std::invalid_argument);
    BOOST_CHECK_THROW(lz::data(x = three, y = two), std::invalid_argument);
    // A NaN in the data: the batch gradient is NaN, the run stops as diverged.
    const std::vector<double> xs{1, nan, 3}, ys{2, 4, 6};
    const auto r = lz::fit(loss, lz::point(a = 0.0), lz::data(x = xs, y = ys), lz::adam{},
                           lz::batches{.size = 3, .epochs = 100});
    BOOST_TEST((r.status == lz::status::diverged));
    BOOST_TEST(r.iterations == 0u);
    // An overflowing learning rate in fit: diverged within a bounded number of steps.
    const std::vector<double> xs2{1, 2, 3};
    const auto o = lz::fit(loss, lz::point(a = 0.0), lz::data(x = xs2, y = ys), lz::gradient_descent{.learning_rate = 100.0},
                           lz::batches{.size = 3, .epochs = 100000});
    BOOST_TEST((o.status == lz::status::diverged));
    BOOST_TEST(o.iterations < 1000u);
}

}  // namespace
