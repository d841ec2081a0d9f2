// Least squares: squares(...) is the expression ½ Σ rᵢ² (of a tuple of
// residuals, or of one residual over data), every optimiser takes it, and
// levenberg_marquardt uses its residuals and their Jacobian.
#include <leibniz/leibniz.hpp>

#include <boost/test/unit_test.hpp>

#include <cmath>
#include <limits>
#include <tuple>
#include <vector>

namespace lz = leibniz;

namespace {

constexpr auto x = lz::var<"x">;
constexpr auto y = lz::var<"y">;
constexpr auto a = lz::var<"a">;
constexpr auto b = lz::var<"b">;
constexpr auto ti = lz::var<"ti">;
constexpr auto yi = lz::var<"yi">;

BOOST_AUTO_TEST_CASE(squares_is_half_the_sum_of_squares) {
    const auto s = lz::squares(std::tuple{1 - x, 10 * (y - x * x), 3});
    for (double px : {-1.2, 0.0, 1.0, 2.5})
        for (double py : {-1.0, 0.0, 1.0}) {
            const double r0 = 1 - px, r1 = 10 * (py - px * px);
            const double expected = (r0 * r0 + r1 * r1 + 9) / 2;
            BOOST_TEST(std::fabs(s(x = px, y = py) - expected) <= 1e-12 * expected);
            // Its gradient is Jᵀr.
            const auto g = lz::gradient(s, x, y)(x = px, y = py);
            const double gx = -r0 + r1 * (-20 * px), gy = 10 * r1;
            BOOST_TEST(std::fabs(g[0] - gx) <= 1e-12 * (1 + std::fabs(gx)));
            BOOST_TEST(std::fabs(g[1] - gy) <= 1e-12 * (1 + std::fabs(gy)));
        }
    // Over data: ½ Σ over the samples.
    const std::vector<double> T{0, 1, 2, 3}, Y{1, 2, 4, 7};
    const auto over_data = lz::squares(a * ti - yi, lz::data(ti = T, yi = Y));
    double expected = 0;
    for (std::size_t i = 0; i < T.size(); ++i) expected += (1.5 * T[i] - Y[i]) * (1.5 * T[i] - Y[i]) / 2;
    BOOST_TEST(std::fabs(over_data(a = 1.5) - expected) <= 1e-12 * expected);
    // It prints as its sum, and is equivalent to itself.
    BOOST_TEST(lz::to_string(lz::squares(std::tuple{x - 3})) == "(x - 3)^2/2");
    BOOST_TEST(lz::equivalent(s, lz::squares(std::tuple{1 - x, 10 * (y - x * x), 3})));
    BOOST_TEST(!lz::equivalent(s, lz::squares(std::tuple{1 - x, 11 * (y - x * x), 3})));
}

BOOST_AUTO_TEST_CASE(every_optimiser_takes_squares) {
    const auto gd = lz::minimize(lz::squares(std::tuple{x - 3}), lz::point(x = 0.0), lz::gradient_descent{.learning_rate = 0.5},
                                 lz::stop{.max_iterations = 10});
    BOOST_TEST(gd.point[x] == 3.0 - 3.0 / 1024);  // the error halves each step
    const auto nt = lz::minimize(lz::squares(std::tuple{x - 3, 2 * (y + 1)}), lz::point(x = 0.0, y = 0.0), lz::newton{});
    BOOST_TEST(nt.point[x] == 3.0);
    BOOST_TEST(nt.point[y] == -1.0);
}

BOOST_AUTO_TEST_CASE(levenberg_marquardt_on_rosenbrock_from_several_starts) {
    const auto f = lz::squares(std::tuple{1 - x, 10 * (y - x * x)});
    for (const auto& [sx, sy] : {std::pair{-1.2, 1.0}, {0.0, 0.0}, {2.0, -2.0}, {-3.0, 5.0}, {10.0, 10.0}, {1.0, 1.0}}) {
        const auto r = lz::minimize(f, lz::point(x = sx, y = sy), lz::levenberg_marquardt{},
                                    lz::stop{.max_iterations = 200, .gradient_tolerance = 1e-10});
        BOOST_TEST_MESSAGE("from (" << sx << ", " << sy << "): " << r.iterations << " steps");
        BOOST_TEST((r.status == lz::status::converged));
        BOOST_TEST(std::fabs(r.point[x] - 1) < 1e-9);
        BOOST_TEST(std::fabs(r.point[y] - 1) < 1e-9);
    }
}

BOOST_AUTO_TEST_CASE(levenberg_marquardt_over_data) {
    const std::vector<double> T{0, 1, 2, 3}, Y{0, 2, 4, 6};
    const auto line = lz::minimize(lz::squares(a * ti - yi, lz::data(ti = T, yi = Y)), lz::point(a = 0.0),
                                   lz::levenberg_marquardt{}, lz::stop{.max_iterations = 50, .gradient_tolerance = 1e-12});
    BOOST_TEST((line.status == lz::status::converged));
    BOOST_TEST(std::fabs(line.point[a] - 2.0) < 1e-12);
    // An exponential decay with noise: the run's costs never rise, and it ends
    // where the gradient of the same expression, computed apart, is ~0.
    std::vector<double> ts, ys;
    for (int i = 0; i < 30; ++i) {
        ts.push_back(0.2 * i);
        ys.push_back(2.5 * std::exp(-1.3 * ts.back()) + 0.01 * std::sin(7.0 * i));
    }
    const auto decay = lz::squares(a * lz::exp(-b * ti) - yi, lz::data(ti = ts, yi = ys));
    double last = std::numeric_limits<double>::infinity();
    bool monotone = true;
    const auto r = lz::minimize(decay, lz::point(a = 1.0, b = 0.5), lz::levenberg_marquardt{},
                                lz::stop{.max_iterations = 100, .gradient_tolerance = 1e-8}, [&](const auto& it) {
                                    monotone = monotone && it.value <= last;
                                    last = it.value;
                                });
    BOOST_TEST((r.status == lz::status::converged));
    BOOST_TEST(monotone);
    BOOST_TEST(std::fabs(r.point[a] - 2.5) < 0.02);
    BOOST_TEST(std::fabs(r.point[b] - 1.3) < 0.02);
    const auto g = lz::gradient(decay, a, b)(r.point);
    BOOST_TEST(std::hypot(g[0], g[1]) <= 1e-8);
    BOOST_TEST(r.value == decay(r.point));
}

BOOST_AUTO_TEST_CASE(levenberg_marquardt_at_the_edges) {
    const auto f = lz::squares(std::tuple{1 - x, 10 * (y - x * x)});
    // A non-finite start: diverged after 0 steps.
    const auto nan_start = lz::minimize(f, lz::point(x = std::numeric_limits<double>::quiet_NaN(), y = 0.0),
                                        lz::levenberg_marquardt{});
    BOOST_TEST((nan_start.status == lz::status::diverged));
    BOOST_TEST(nan_start.iterations == 0u);
    // A start at the minimum: converged after 0 steps (the gradient is exactly 0).
    const auto at_minimum = lz::minimize(f, lz::point(x = 1.0, y = 1.0), lz::levenberg_marquardt{});
    BOOST_TEST((at_minimum.status == lz::status::converged));
    BOOST_TEST(at_minimum.iterations == 0u);
    // A residual that cannot reach 0 (x² + 1): near x = 0 the cost ½(x² + 1)²
    // rounds to ½ and no step lowers it; each refused step raises μ, the run
    // stays at the best point found and (with the stall rules off) stops at
    // max_iterations.
    std::size_t after_floor = 0;
    double best = 0;
    const auto floor = lz::minimize(lz::squares(std::tuple{x * x + 1}), lz::point(x = 3.0), lz::levenberg_marquardt{},
                                    lz::stop{.max_iterations = 500, .gradient_tolerance = 1e-12,
                                             .function_tolerance = -1, .parameter_tolerance = -1},
                                    [&](const auto& it) {
                                        if (it.value == 0.5 && after_floor++ == 0) best = it.point[x];
                                    });
    BOOST_TEST((floor.status == lz::status::max_iterations));
    BOOST_TEST(floor.iterations == 500u);
    BOOST_TEST(std::fabs(floor.point[x]) < 1e-8);
    BOOST_TEST(floor.point[x] == best);
    BOOST_TEST(floor.value == 0.5);
    // By default the run ends, as converged, at the first step that leaves
    // the cost unchanged: at the floor (23 iterations).
    const auto stalled = lz::minimize(lz::squares(std::tuple{x * x + 1}), lz::point(x = 3.0), lz::levenberg_marquardt{},
                                      lz::stop{.max_iterations = 500, .gradient_tolerance = 1e-12});
    BOOST_TEST((stalled.status == lz::status::converged));
    BOOST_TEST((stalled.converged_by == lz::stop_rule::function_tolerance));
    BOOST_TEST(stalled.iterations < 40u);
    BOOST_TEST(std::fabs(stalled.point[x]) < 1e-8);
    BOOST_TEST(stalled.value == 0.5);
    // float
    const auto single = lz::minimize(f, lz::point(x = -1.2f, y = 1.0f), lz::levenberg_marquardt{},
                                     lz::stop{.max_iterations = 200, .gradient_tolerance = 1e-4});
    BOOST_TEST((single.status == lz::status::converged));
    BOOST_TEST(std::fabs(single.point[x] - 1.0f) < 1e-3f);
}

BOOST_AUTO_TEST_CASE(levenberg_marquardt_stops_at_the_minimum_of_a_michaelis_menten_fit) {
    // rate = V·S/(K + S) through seven measurements (the Gauss–Newton example
    // of Wikipedia's article; V = 0.362, K = 0.556 to three digits), from V =
    // 0.1, K = 50. At the minimum every later step is refused, the cost the
    // same to the last bit: before the stall rules such a run refused steps
    // until max_iterations. The default stop ends it there, as converged, at
    // the point the long run stays at.
    const std::vector<double> S{0.038, 0.194, 0.425, 0.626, 1.253, 2.500, 3.740};
    const std::vector<double> rate{0.050, 0.127, 0.094, 0.2122, 0.2729, 0.2665, 0.3317};
    const auto cost = lz::squares(a * ti / (b + ti) - yi, lz::data(ti = S, yi = rate));
    const auto r = lz::minimize(cost, lz::point(a = 0.1, b = 50.0), lz::levenberg_marquardt{}, lz::stop{.max_iterations = 200});
    BOOST_TEST((r.status == lz::status::converged));
    BOOST_TEST((r.converged_by == lz::stop_rule::function_tolerance || r.converged_by == lz::stop_rule::parameter_tolerance));
    BOOST_TEST(r.iterations < 40u);  // 33: the minimum at 23, then refused steps until one leaves the cost as it is
    BOOST_TEST(std::fabs(r.point[a] - 0.362) < 5e-4);
    BOOST_TEST(std::fabs(r.point[b] - 0.556) < 5e-4);
    const auto long_run = lz::minimize(cost, lz::point(a = 0.1, b = 50.0), lz::levenberg_marquardt{},
                                       lz::stop{.max_iterations = 200, .function_tolerance = -1, .parameter_tolerance = -1});
    BOOST_TEST((long_run.status == lz::status::max_iterations));
    BOOST_TEST(r.point[a] == long_run.point[a]);
    BOOST_TEST(r.point[b] == long_run.point[b]);
    BOOST_TEST(r.value == long_run.value);
}

}  // namespace
