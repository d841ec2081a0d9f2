// mean over data, and fit: linear regression against the exact least-squares line.
#include <leibniz/leibniz.hpp>

#include <boost/test/unit_test.hpp>

#include <array>
#include <cmath>
#include <random>
#include <stdexcept>
#include <vector>

namespace lz = leibniz;

namespace {

constexpr auto x = lz::var<"x">;
constexpr auto y = lz::var<"y">;
constexpr auto t1 = lz::var<"t1">;
constexpr auto t2 = lz::var<"t2">;
constexpr auto loss = lz::pow<2>(t1 + t2 * x - y) / 2;

struct noisy_line {
    std::vector<double> xs, ys;
    double intercept = 0, slope = 0;  // the exact least-squares solution
    noisy_line() {
        std::mt19937 random(3);
        std::normal_distribution<double> noise(0, 0.3);
        for (int i = 0; i < 300; ++i) {
            const double xi = -2 + 4.0 * i / 299;
            xs.push_back(xi);
            ys.push_back(1.5 + 0.8 * xi + noise(random));
        }
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        const double m = static_cast<double>(xs.size());
        for (std::size_t i = 0; i < xs.size(); ++i) {
            sx += xs[i];
            sy += ys[i];
            sxx += xs[i] * xs[i];
            sxy += xs[i] * ys[i];
        }
        slope = (m * sxy - sx * sy) / (m * sxx - sx * sx);
        intercept = (sy - slope * sx) / m;
    }
};

BOOST_AUTO_TEST_CASE(the_mean_is_an_expression_in_the_parameters) {
    const noisy_line data;
    const auto J = lz::mean(loss, lz::data(x = data.xs, y = data.ys));
    BOOST_TEST(lz::to_string(J) == "mean((t2*x + t1 - y)^2/2)");
    BOOST_TEST(lz::to_string(lz::d(J, t1)) == "mean(t2*x + t1 - y)");
    double direct = 0;
    for (std::size_t i = 0; i < data.xs.size(); ++i) direct += std::pow(0.5 + 0.2 * data.xs[i] - data.ys[i], 2) / 2;
    direct /= static_cast<double>(data.xs.size());
    BOOST_TEST(std::fabs(J(t1 = 0.5, t2 = 0.2) - direct) < 1e-12);
    const auto [v, g] = lz::value_and_gradient(J, t1, t2)(t1 = 0.5, t2 = 0.2);
    BOOST_TEST(std::fabs(v - direct) < 1e-12);
    BOOST_TEST(std::fabs(g[0] - lz::d(J, t1)(t1 = 0.5, t2 = 0.2)) < 1e-12);
    BOOST_TEST(std::fabs(g[1] - lz::d(J, t2)(t1 = 0.5, t2 = 0.2)) < 1e-12);
}

// A mean inside a larger expression, a mean of a mean, a mean on one side of a
// branch: one plan, each mean a loop over its samples (its loss's own plan per
// sample), for the value, the gradient and the Hessian; against the symbolic
// derivatives (d of a mean is the mean of the derivatives) evaluated.
BOOST_AUTO_TEST_CASE(means_inside_expressions_through_the_plan) {
    const noisy_line data;
    const auto samples = lz::data(x = data.xs, y = data.ys);
    const auto J = lz::mean(loss, samples);
    const auto u = lz::var<"u">;
    const std::vector<double> us{-1.0, 0.5, 2.0};
    const auto ridge = J + 0.1 * (t1 * t1 + t2 * t2);
    const auto scaled = lz::exp(0.5 * J) * t1;
    const auto nested = lz::mean(lz::pow<2>(u * t1) + J * u, lz::data(u = us));
    const auto branched = lz::where(t1 < 1, J, lz::mean(lz::abs(t1 + t2 * x - y), samples));
    auto check = [&](const auto& f, double p1, double p2) {
        const auto r = lz::value_gradient_hessian(f, t1, t2)(t1 = p1, t2 = p2);
        const auto vg = lz::value_and_gradient(f, t1, t2)(t1 = p1, t2 = p2);
        const auto tolerance = boost::test_tools::tolerance(1e-12);
        BOOST_TEST(r.value == f(t1 = p1, t2 = p2), tolerance);
        BOOST_TEST(vg.value == r.value);
        BOOST_TEST(vg.gradient[0] == r.gradient[0]);
        BOOST_TEST(vg.gradient[1] == r.gradient[1]);
        BOOST_TEST(r.gradient[0] == lz::d(f, t1)(t1 = p1, t2 = p2), tolerance);
        BOOST_TEST(r.gradient[1] == lz::d(f, t2)(t1 = p1, t2 = p2), tolerance);
        BOOST_TEST(r.hessian[0][0] == lz::d(lz::d(f, t1), t1)(t1 = p1, t2 = p2), tolerance);
        BOOST_TEST(r.hessian[0][1] == lz::d(lz::d(f, t1), t2)(t1 = p1, t2 = p2), tolerance);
        BOOST_TEST(r.hessian[1][0] == r.hessian[0][1]);
        BOOST_TEST(r.hessian[1][1] == lz::d(lz::d(f, t2), t2)(t1 = p1, t2 = p2), tolerance);
        const auto h = lz::hessian(f, t1, t2)(t1 = p1, t2 = p2);
        BOOST_TEST(h[0][1] == r.hessian[0][1]);
    };
    for (double p1 : {-1.0, 0.0, 0.5, 2.0})
        for (double p2 : {0.0, 1.0}) {
            BOOST_TEST_CONTEXT("t1 = " << p1 << ", t2 = " << p2) {
                check(ridge, p1, p2);
                check(scaled, p1, p2);
                check(nested, p1, p2);
                check(branched, p1, p2);
            }
        }
    // The mean's value in the plan is the mean's value, bit for bit.
    BOOST_TEST(lz::value_and_gradient(ridge, t1, t2)(t1 = 0.5, t2 = 0.2).value == ridge(t1 = 0.5, t2 = 0.2));
    // Newton's method on the ridge-regularised mean: its Hessian is a mean's through the plan.
    const auto n = lz::minimize(ridge, lz::point(t1 = 0.0, t2 = 0.0), lz::newton{}, lz::stop{.max_iterations = 3});
    const auto g = lz::gradient(ridge, t1, t2)(n.point);
    BOOST_TEST(std::fabs(g[0]) < 1e-12);
    BOOST_TEST(std::fabs(g[1]) < 1e-12);
}

// A variable the data binds, differentiated by: inside the mean it is the
// data's, so the mean does not depend on it (outside, it is a parameter).
BOOST_AUTO_TEST_CASE(a_variable_the_data_binds_is_not_a_parameter_of_the_mean) {
    const noisy_line data;
    const auto J = lz::mean(loss, lz::data(x = data.xs, y = data.ys));
    const auto f = J + x * t1;
    const auto r = lz::value_gradient_hessian(f, t1, x)(t1 = 0.5, t2 = 0.2, x = 3.0);
    const auto at_t1 = lz::value_and_gradient(J, t1)(t1 = 0.5, t2 = 0.2);
    BOOST_TEST(r.value == J(t1 = 0.5, t2 = 0.2) + 1.5, boost::test_tools::tolerance(1e-14));
    BOOST_TEST(r.gradient[0] == at_t1.gradient[0] + 3.0, boost::test_tools::tolerance(1e-14));
    BOOST_TEST(r.gradient[1] == 0.5);  // the mean's partial by x is 0: only x·t1's
    BOOST_TEST(r.hessian[0][0] == 1.0, boost::test_tools::tolerance(1e-14));  // mean of ∂²(loss)/∂t1² = 1
    BOOST_TEST(r.hessian[0][1] == 1.0);
    BOOST_TEST(r.hessian[1][1] == 0.0);
    const auto g = lz::gradient(J, x, t2)(t1 = 0.5, t2 = 0.2, x = 3.0);
    BOOST_TEST(g[0] == 0.0);
    BOOST_TEST(g[1] == lz::d(J, t2)(t1 = 0.5, t2 = 0.2), boost::test_tools::tolerance(1e-14));
}

BOOST_AUTO_TEST_CASE(full_batch_descent_recovers_the_least_squares_line) {
    const noisy_line data;
    const auto J = lz::mean(loss, lz::data(x = data.xs, y = data.ys));
    const auto r = lz::minimize(J, lz::point(t1 = 0.0, t2 = 0.0), lz::gradient_descent{.learning_rate = 0.3},
                                lz::stop{.max_iterations = 5000, .gradient_tolerance = 1e-12});
    BOOST_TEST(std::fabs(r.point[t1] - data.intercept) < 1e-6);
    BOOST_TEST(std::fabs(r.point[t2] - data.slope) < 1e-6);
    const auto n = lz::minimize(J, lz::point(t1 = 0.0, t2 = 0.0), lz::newton{}, lz::stop{.max_iterations = 3});
    BOOST_TEST(std::fabs(n.point[t2] - data.slope) < 1e-9);  // a quadratic: one Newton step
}

BOOST_AUTO_TEST_CASE(mini_batches_come_close_and_a_decaying_rate_closer) {
    const noisy_line data;
    const auto set = lz::data(x = data.xs, y = data.ys);
    const auto plain = lz::fit(loss, lz::point(t1 = 0.0, t2 = 0.0), set, lz::adam{.learning_rate = 0.05},
                               lz::batches{.size = 32, .epochs = 100, .seed = 1});
    // Constant-rate mini-batch Adam wanders around the optimum by about
    // lr × (noise of a batch gradient / its scale): a few hundredths here.
    BOOST_TEST(std::fabs(plain.point[t1] - data.intercept) < 0.05);
    BOOST_TEST(std::fabs(plain.point[t2] - data.slope) < 0.05);
    BOOST_TEST(plain.iterations == 100u * 10u);  // ceil(300 / 32) = 10 steps per epoch
    const auto decayed = lz::fit(loss, lz::point(t1 = 0.0, t2 = 0.0), set, lz::adam{.learning_rate = 0.05},
                                 lz::batches{.size = 32, .epochs = 100, .seed = 1, .decay = 0.5});
    BOOST_TEST(std::fabs(decayed.point[t1] - data.intercept) < 5e-3);
    BOOST_TEST(std::fabs(decayed.point[t2] - data.slope) < 5e-3);
    // The same seed, the same run.
    const auto again = lz::fit(loss, lz::point(t1 = 0.0, t2 = 0.0), set, lz::adam{.learning_rate = 0.05},
                               lz::batches{.size = 32, .epochs = 100, .seed = 1});
    BOOST_TEST((again.point == plain.point));
}

// A nonlinear model: logistic regression, P(y = 1 | x) = σ(w·x + b), by its
// negative log-likelihood log(1 + e^z) − y·z, z = w·x + b, against an
// independent Newton iteration written out by hand.
struct overlapping_classes {
    std::vector<double> xs, ys;
    double w = 0, b = 0;  // the maximum-likelihood estimate
    overlapping_classes() {
        for (int i = 0; i < 120; ++i) {
            const double xi = -3 + 6.0 * i / 119;
            xs.push_back(xi);
            ys.push_back(xi + 1.5 * std::sin(7.0 * i) > 0.5 ? 1.0 : 0.0);  // classes overlap: a finite estimate
        }
        for (int step = 0; step < 50; ++step) {  // Newton on the 2×2 system, by hand
            double g0 = 0, g1 = 0, h00 = 0, h01 = 0, h11 = 0;
            for (std::size_t i = 0; i < xs.size(); ++i) {
                const double p = 1 / (1 + std::exp(-(w * xs[i] + b)));
                g0 += (p - ys[i]) * xs[i];
                g1 += p - ys[i];
                h00 += p * (1 - p) * xs[i] * xs[i];
                h01 += p * (1 - p) * xs[i];
                h11 += p * (1 - p);
            }
            const double det = h00 * h11 - h01 * h01;
            w -= (h11 * g0 - h01 * g1) / det;
            b -= (h00 * g1 - h01 * g0) / det;
        }
    }
};

BOOST_AUTO_TEST_CASE(logistic_regression_matches_the_maximum_likelihood_estimate) {
    constexpr auto w = lz::var<"w">;
    constexpr auto b = lz::var<"b">;
    constexpr auto z = w * x + b;
    constexpr auto nll = lz::log(1 + lz::exp(z)) - y * z;
    const overlapping_classes data;
    const auto set = lz::data(x = data.xs, y = data.ys);
    const auto J = lz::mean(nll, set);
    // Newton through the symbolic Hessian of the mean.
    const auto n = lz::minimize(J, lz::point(w = 0.0, b = 0.0), lz::newton{},
                                lz::stop{.max_iterations = 50, .gradient_tolerance = 1e-13});
    BOOST_TEST(n.status == lz::status::converged);
    BOOST_TEST(std::fabs(n.point[w] - data.w) < 1e-9);
    BOOST_TEST(std::fabs(n.point[b] - data.b) < 1e-9);
    BOOST_TEST(n.iterations < 15u);
    // Full-batch Adam, then mini-batches with a decaying rate.
    const auto full = lz::minimize(J, lz::point(w = 0.0, b = 0.0), lz::adam{.learning_rate = 0.05},
                                   lz::stop{.max_iterations = 20000, .gradient_tolerance = 1e-10});
    BOOST_TEST(std::fabs(full.point[w] - data.w) < 1e-6);
    BOOST_TEST(std::fabs(full.point[b] - data.b) < 1e-6);
    const auto sgd = lz::fit(nll, lz::point(w = 0.0, b = 0.0), set, lz::adam{.learning_rate = 0.05},
                             lz::batches{.size = 16, .epochs = 200, .seed = 5, .decay = 0.1});
    // The estimate is (w, b) = (1.694, -0.866); mini-batch noise moves the
    // end point by up to a few hundredths (measured: 2e-3 and 7e-3).
    BOOST_TEST(std::fabs(sgd.point[w] - data.w) < 0.05);
    BOOST_TEST(std::fabs(sgd.point[b] - data.b) < 0.05);
    BOOST_TEST(sgd.value - n.value < 1e-3);
    BOOST_TEST_MESSAGE("logistic: w = " << data.w << ", b = " << data.b << "; mini-batch off by "
                                        << sgd.point[w] - data.w << ", " << sgd.point[b] - data.b);
}

// Constant evaluation runs descents and fits by a leaner path (the numbers
// and columns gathered once per descent, the plan's loop): the same
// operations in the same order, so the same bits as at run time, for a mean,
// shuffled mini-batches, a loss with a branch, an integer column beside a
// double one, a variable bound outside the data, and a function of the
// parameters alone.
namespace same_bits {
constexpr std::array<double, 10> xs{-2, -1.5, -1, -0.25, 0, 0.5, 1, 1.25, 2, 3};
constexpr std::array<double, 10> ys{-1.9, -1.2, -0.7, 0.4, 1.1, 1.3, 2.2, 2.1, 3.4, 4.3};
constexpr std::array<int, 10> counts{0, 1, 1, 2, 3, 5, 8, 13, 21, 34};
constexpr auto huber = lz::where(lz::abs(t1 + t2 * x - y) < 1, lz::pow<2>(t1 + t2 * x - y) / 2,
                                 lz::abs(t1 + t2 * x - y) - 0.5);
constexpr auto J = lz::mean(loss, lz::data(x = xs, y = ys));
constexpr auto H = lz::mean(huber, lz::data(x = xs, y = ys));
constexpr auto counted = lz::mean(lz::pow<2>(t1 * x - y) / 10, lz::data(x = counts, y = ys));
constexpr auto himmelblau = lz::pow<2>(t1 * t1 + t2 - 11) + lz::pow<2>(t1 + t2 * t2 - 7);

constexpr auto descent(const auto& f, const auto& optimizer, std::size_t steps) {
    return lz::minimize(f, lz::point(t1 = 0.5, t2 = -0.5), optimizer, lz::stop{.max_iterations = steps});
}
constexpr auto batches(const auto& l, const auto& optimizer) {
    return lz::fit(l, lz::point(t1 = 0.5, t2 = -0.5), lz::data(x = xs, y = ys), optimizer,
                   lz::batches{.size = 3, .epochs = 20, .seed = 7});
}
constexpr auto outside(double at) {  // t2 bound beside the data, not differentiated by
    return lz::value_and_gradient(J, t1)(t1 = at, t2 = 0.75);
}
constexpr std::array<std::array<double, 2>, 7> every_case(double at) {
    return {
        descent(J, lz::gradient_descent{.learning_rate = 0.1}, 40).point.values,
        descent(H, lz::momentum{.learning_rate = 0.1}, 40).point.values,
        descent(counted, lz::adam{.learning_rate = 0.01}, 40).point.values,
        descent(himmelblau, lz::adam{.learning_rate = 0.01}, 40).point.values,
        batches(loss, lz::rmsprop{.learning_rate = 0.05}).point.values,
        batches(huber, lz::gradient_descent{.learning_rate = 0.2}).point.values,
        std::array{outside(at).value, outside(at).gradient[0]},
    };
}
constexpr auto at_compile_time = every_case(0.25);
}  // namespace same_bits

BOOST_AUTO_TEST_CASE(constant_evaluation_gives_the_bits_of_run_time) {
    using namespace same_bits;
    double at = 0.25;  // (not a constant: every_case runs as at run time)
    const auto at_run_time = every_case(at);
    for (std::size_t k = 0; k < at_run_time.size(); ++k) {
        BOOST_TEST_CONTEXT("case " << k) {
            BOOST_TEST(at_compile_time[k][0] == at_run_time[k][0]);
            BOOST_TEST(at_compile_time[k][1] == at_run_time[k][1]);
        }
    }
    BOOST_TEST(at_compile_time[0][1] != -0.5);  // (the descents moved)
}

BOOST_AUTO_TEST_CASE(bad_data_is_an_error_before_any_step) {
    const std::vector<double> three{1, 2, 3}, two{1, 2}, none;
    BOOST_CHECK_THROW(lz::data(x = three, y = two), std::invalid_argument);
    BOOST_CHECK_THROW(lz::fit(loss, lz::point(t1 = 0.0, t2 = 0.0), lz::data(x = none, y = none), lz::adam{}),
                      std::invalid_argument);
}

}  // namespace
