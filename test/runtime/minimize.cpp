// minimize at run time: the teaching material's figures, every optimiser on
// Himmelblau, Newton's modified Hessian and line search, L-BFGS, divergence,
// the evaluations counted, the observer.
#include <leibniz/leibniz.hpp>

#include <boost/test/unit_test.hpp>

#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <sstream>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

namespace lz = leibniz;

namespace {

constexpr auto x = lz::var<"x">;
constexpr auto y = lz::var<"y">;
constexpr auto f = 2 * x * x - 3 * x + 4;
constexpr auto h = lz::pow<2>(x * x + y - 11) + lz::pow<2>(x + y * y - 7);

BOOST_AUTO_TEST_CASE(the_teaching_material_figures) {
    // Adam, learning rate 1e-3, from (-4, 0), 20000 steps: (-3.779310, -3.283186), f ≈ 0.
    const auto r = lz::minimize(h, lz::point(x = -4.0, y = 0.0), lz::adam{.learning_rate = 1e-3},
                                lz::stop{.max_iterations = 20000});
    BOOST_TEST(std::fabs(r.point[x] + 3.779310) < 1e-5);
    BOOST_TEST(std::fabs(r.point[y] + 3.283186) < 1e-5);
    BOOST_TEST(r.value < 1e-8);
    BOOST_TEST(r.iterations == 20000u);
    // The fixed-step sign descent from x = 2, step 0.01, 250 steps, ends near 0.76.
    const auto s = lz::minimize(f, lz::point(x = 2.0), lz::sign_descent{.step = 0.01}, lz::stop{.max_iterations = 250});
    BOOST_TEST(std::fabs(s.point[x] - 0.76) < 0.011);
    // The chain rule's y = 3(2x² − x − 2) + 1 has its minimum at 1/4: the same descent ends near 0.26.
    const auto c = lz::minimize(3 * (2 * x * x - x - 2) + 1, lz::point(x = 2.0), lz::sign_descent{.step = 0.01},
                                lz::stop{.max_iterations = 250});
    BOOST_TEST(std::fabs(c.point[x] - 0.26) < 0.011);
}

BOOST_AUTO_TEST_CASE(every_optimiser_reaches_a_himmelblau_minimum) {
    auto run = [](auto optimizer) {
        return lz::minimize(h, lz::point(x = 1.0, y = 1.0), optimizer, lz::stop{.max_iterations = 20000});
    };
    BOOST_TEST(run(lz::gradient_descent{.learning_rate = 1e-3}).value < 1e-6);
    BOOST_TEST(run(lz::momentum{.learning_rate = 1e-3, .momentum = 0.9}).value < 1e-6);
    BOOST_TEST(run(lz::momentum{.learning_rate = 1e-3, .momentum = 0.9, .nesterov = true}).value < 1e-6);
    BOOST_TEST(run(lz::adagrad{.learning_rate = 0.5}).value < 1e-6);
    BOOST_TEST(run(lz::rmsprop{.learning_rate = 1e-2}).value < 1e-6);
    BOOST_TEST(run(lz::adam{.learning_rate = 1e-2}).value < 1e-6);
    BOOST_TEST(run(lz::lbfgs{}).value < 1e-20);
    const auto n = lz::minimize(h, lz::point(x = 2.5, y = 2.5), lz::newton{}, lz::stop{.max_iterations = 50});
    BOOST_TEST(std::fabs(n.point[x] - 3.0) < 1e-9);
    BOOST_TEST(std::fabs(n.point[y] - 2.0) < 1e-9);
}

// Each of Himmelblau's four minima, from a start 0.5 away, by every optimiser.
BOOST_AUTO_TEST_CASE(every_optimiser_reaches_each_of_the_four_minima) {
    constexpr double minima[4][2] = {{3.0, 2.0}, {-2.805118, 3.131312}, {-3.779310, -3.283186}, {3.584428, -1.848126}};
    auto check = [&](const char* name, auto optimizer) {
        for (const auto& m : minima) {
            const auto r = lz::minimize(h, lz::point(x = m[0] + 0.4, y = m[1] - 0.3), optimizer,
                                        lz::stop{.max_iterations = 20000});
            // Within 1e-3 (RMSprop's constant rate keeps it circling 7e-4 away; the
            // others land within the six decimals the minima are given to).
            BOOST_TEST(std::hypot(r.point[x] - m[0], r.point[y] - m[1]) < 1e-3,
                       name << " from (" << m[0] + 0.4 << ", " << m[1] - 0.3 << ") ends at (" << r.point[x] << ", "
                            << r.point[y] << ")");
        }
    };
    check("gradient_descent", lz::gradient_descent{.learning_rate = 1e-3});
    check("sign_descent", lz::sign_descent{.step = 1e-3});
    check("momentum", lz::momentum{.learning_rate = 1e-3});
    check("nesterov", lz::momentum{.learning_rate = 1e-3, .nesterov = true});
    check("adagrad", lz::adagrad{.learning_rate = 0.1});
    check("rmsprop", lz::rmsprop{.learning_rate = 1e-3});
    check("adam", lz::adam{.learning_rate = 1e-2});
    check("newton", lz::newton{});
    check("lbfgs", lz::lbfgs{});
}

// Rosenbrock's chained function of N variables, Σ 100(x_{i+1} − x_i²)² + (1 − x_i)²,
// from the classic start (x alternating −1.2, 1.0): minimize with the
// optimiser, the values of every iterate appended to values, and the Hessian
// where the run ends.
template <std::size_t N, class Optimizer>
auto rosenbrock_run(Optimizer optimizer, lz::stop when, std::vector<double>& values) {
    static constexpr auto xs = lz::vars<"x", N>;
    constexpr auto f = lz::sum<N - 1>([](auto i) {
        return 100 * lz::pow<2>(std::get<i + 1>(xs) - lz::pow<2>(std::get<i>(xs))) + lz::pow<2>(1 - std::get<i>(xs));
    });
    std::array<double, N> start{};
    for (std::size_t i = 0; i < N; ++i) start[i] = i % 2 == 0 ? -1.2 : 1.0;
    const auto r = lz::minimize(f, lz::point(xs = start), optimizer, when, [&](const auto& it) { values.push_back(it.value); });
    struct ending {
        decltype(r) run;
        std::array<std::array<double, N>, N> hessian;
    };
    if constexpr (std::is_same_v<Optimizer, lz::newton>)
        return ending{r, lz::hessian(f, xs)(r.point)};
    else
        return r;
}

bool strictly_decreasing(const std::vector<double>& values) {
    for (std::size_t i = 1; i < values.size(); ++i)
        if (!(values[i] < values[i - 1])) return false;
    return true;
}

// Newton's line search also takes a step that f cannot tell from staying put
// (equal values, or a rise within f's rounding near a minimum; none of these
// runs meets one that rises), never one that raises f beyond that.
bool never_increasing(const std::vector<double>& values) {
    for (std::size_t i = 1; i < values.size(); ++i)
        if (!(values[i] <= values[i - 1])) return false;
    return true;
}

template <class Point>
double largest_distance_from_one(const Point& p) {
    double d = 0;
    for (const double v : p.values) d = std::fmax(d, std::fabs(v - 1));
    return d;
}

// By Cholesky's factorisation, written out here independently of the library's L·D·Lᵀ.
template <std::size_t N>
bool positive_definite(const std::array<std::array<double, N>, N>& a) {
    std::array<std::array<double, N>, N> l{};
    for (std::size_t j = 0; j < N; ++j) {
        double d = a[j][j];
        for (std::size_t k = 0; k < j; ++k) d -= l[j][k] * l[j][k];
        if (!(d > 0)) return false;
        l[j][j] = std::sqrt(d);
        for (std::size_t i = j + 1; i < N; ++i) {
            double v = a[i][j];
            for (std::size_t k = 0; k < j; ++k) v -= l[i][k] * l[j][k];
            l[i][j] = v / l[j][j];
        }
    }
    return true;
}

BOOST_AUTO_TEST_CASE(newton_converges_from_rosenbrocks_classic_start_at_n_20) {
    // The chained function has, besides (1, ..., 1), a local minimum near
    // (-1, 1, ..., 1) for n >= 4 (value 3.9866 at n = 20, x_1 = -0.993286):
    // Newton's steps from the classic start lead there, L-BFGS's to (1, ..., 1).
    std::vector<double> values;
    const auto [r, hessian] =
        rosenbrock_run<20>(lz::newton{}, lz::stop{.max_iterations = 200, .gradient_tolerance = 1e-8}, values);
    BOOST_TEST((r.status == lz::status::converged));
    BOOST_TEST(r.iterations < 100u);
    BOOST_TEST(positive_definite(hessian));  // a minimum, not a saddle
    BOOST_TEST(std::fabs(r.value - 3.986623854) < 1e-8);
    BOOST_TEST(std::fabs(r.point.values[0] + 0.993286) < 1e-6);
    for (std::size_t i = 1; i < 20; ++i) BOOST_TEST(std::fabs(r.point.values[i] - 1) < 4e-3);
    BOOST_TEST(never_increasing(values));  // the line search takes no step that raises f
    BOOST_TEST(r.derivative_evaluations == r.iterations + 1);  // one value, gradient and Hessian per iterate
    BOOST_TEST(r.value_evaluations >= r.iterations);           // at least the full step's value per step
    // At n = 2 there is only the one minimum: Newton reaches (1, 1).
    std::vector<double> two;
    const auto [r2, h2] = rosenbrock_run<2>(lz::newton{}, lz::stop{.max_iterations = 200, .gradient_tolerance = 1e-8}, two);
    BOOST_TEST((r2.status == lz::status::converged));
    BOOST_TEST(largest_distance_from_one(r2.point) < 1e-9);
    BOOST_TEST(positive_definite(h2));
    BOOST_TEST(never_increasing(two));
}

BOOST_AUTO_TEST_CASE(newton_solves_a_quadratic_in_one_step_to_an_exactly_zero_gradient) {
    // x² from 1: H = 2, g = 2, the step −g/H = −1 (no square root rounds it).
    const auto square = lz::minimize(x * x, lz::point(x = 1.0), lz::newton{});
    BOOST_TEST((square.status == lz::status::converged));  // the default tolerance 0: an exactly zero gradient
    BOOST_TEST(square.iterations == 1u);
    BOOST_TEST(square.point[x] == 0.0);
    BOOST_TEST(lz::gradient(x * x, x)(square.point)[0] == 0.0);
    BOOST_TEST(square.derivative_evaluations == 2u);  // the start and the end
    BOOST_TEST(square.value_evaluations == 1u);       // the full step, taken at once
    // The contract's diagonal quadratic, and a coupled one (its step rounds, so a tolerance).
    const auto diagonal = lz::minimize((x - 1) * (x - 1) + 2 * y * y, lz::point(x = 5.0, y = 3.0), lz::newton{});
    BOOST_TEST((diagonal.status == lz::status::converged));
    BOOST_TEST(diagonal.iterations == 1u);
    BOOST_TEST((diagonal.point[x] == 1.0 && diagonal.point[y] == 0.0));
    const auto coupled = lz::minimize(3 * x * x + 2 * x * y + y * y - x, lz::point(x = 4.0, y = -7.0), lz::newton{},
                                      lz::stop{.max_iterations = 10, .gradient_tolerance = 1e-12});
    BOOST_TEST((coupled.status == lz::status::converged));
    BOOST_TEST(coupled.iterations == 1u);
    BOOST_TEST(std::fabs(coupled.point[x] - 0.25) < 1e-15);  // 6x + 2y = 1, 2x + 2y = 0
    BOOST_TEST(std::fabs(coupled.point[y] + 0.25) < 1e-15);
}

BOOST_AUTO_TEST_CASE(newton_goes_downhill_every_step_where_the_hessian_is_not_positive_definite) {
    constexpr double minima[4][2] = {{3.0, 2.0}, {-2.805118, 3.131312}, {-3.779310, -3.283186}, {3.584428, -1.848126}};
    // (0, 0): H = [[-42, 0], [0, -26]], negative definite (a plain Newton step
    // would head for the maximum near (-0.27, -0.92)); (-4, 0): indefinite;
    // (3.3, 0.2) and (-0.2, -1.9): near two of the saddle points.
    constexpr double starts[4][2] = {{0.0, 0.0}, {-4.0, 0.0}, {3.3, 0.2}, {-0.2, -1.9}};
    for (const auto& s : starts) {
        const auto hs = lz::hessian(h, x, y)(x = s[0], y = s[1]);
        BOOST_TEST(!(hs[0][0] > 0 && hs[0][0] * hs[1][1] - hs[0][1] * hs[1][0] > 0));  // not positive definite
        std::vector<double> values;
        const auto r = lz::minimize(h, lz::point(x = s[0], y = s[1]), lz::newton{},
                                    lz::stop{.max_iterations = 100, .gradient_tolerance = 1e-9},
                                    [&](const auto& it) { values.push_back(it.value); });
        BOOST_TEST((r.status == lz::status::converged));
        BOOST_TEST(never_increasing(values), "from (" << s[0] << ", " << s[1] << ")");
        BOOST_TEST(values[1] < values[0]);  // the first step, from where H is not positive definite, goes downhill
        double nearest = std::numeric_limits<double>::infinity();
        for (const auto& m : minima) nearest = std::fmin(nearest, std::hypot(r.point[x] - m[0], r.point[y] - m[1]));
        BOOST_TEST(nearest < 1e-6, "from (" << s[0] << ", " << s[1] << ") ends at (" << r.point[x] << ", " << r.point[y] << ")");
    }
    // One step from (0, 0) goes downhill, not to the plain Newton step −H⁻¹g = (−1/3, −11/13), uphill.
    const auto one = lz::minimize(h, lz::point(x = 0.0, y = 0.0), lz::newton{}, lz::stop{.max_iterations = 1});
    BOOST_TEST(one.value < h(x = 0.0, y = 0.0));
    BOOST_TEST(h(x = -1.0 / 3, y = -11.0 / 13) > h(x = 0.0, y = 0.0));
    // fallback_learning_rate is no longer used: the same run whatever its value.
    const auto other = lz::minimize(h, lz::point(x = 0.0, y = 0.0), lz::newton{.fallback_learning_rate = 0.5},
                                    lz::stop{.max_iterations = 1});
    BOOST_TEST((one.point.values == other.point.values));
}

BOOST_AUTO_TEST_CASE(newton_with_a_singular_hessian_adds_a_multiple_of_the_identity) {
    // (x - y)^2: H = [[2, -2], [-2, 2]] everywhere, singular; H + τI solves
    // along the gradient's direction (1, -1), so x + y stays 4.
    const auto r = lz::minimize(lz::pow<2>(x - y), lz::point(x = 3.0, y = 1.0), lz::newton{},
                                lz::stop{.max_iterations = 100, .gradient_tolerance = 1e-12});
    BOOST_TEST((r.status == lz::status::converged));
    BOOST_TEST(r.iterations <= 10u);
    BOOST_TEST(std::fabs(r.point[x] - 2.0) < 1e-12);
    BOOST_TEST(std::fabs(r.point[y] - 2.0) < 1e-12);
}

BOOST_AUTO_TEST_CASE(lbfgs_converges_on_rosenbrock_at_n_2_8_and_20) {
    const lz::stop when{.max_iterations = 1000, .gradient_tolerance = 1e-8};
    std::vector<double> v2, v8, v20;
    const auto r2 = rosenbrock_run<2>(lz::lbfgs{}, when, v2);
    const auto r8 = rosenbrock_run<8>(lz::lbfgs{}, when, v8);
    const auto r20 = rosenbrock_run<20>(lz::lbfgs{}, when, v20);
    BOOST_TEST((r2.status == lz::status::converged && r8.status == lz::status::converged &&
                r20.status == lz::status::converged));
    BOOST_TEST(largest_distance_from_one(r2.point) < 1e-5);
    BOOST_TEST(largest_distance_from_one(r8.point) < 1e-5);
    BOOST_TEST(largest_distance_from_one(r20.point) < 1e-5);
    BOOST_TEST(r2.iterations < 100u);
    BOOST_TEST(r20.iterations < 400u);
    BOOST_TEST(strictly_decreasing(v2));
    BOOST_TEST(strictly_decreasing(v8));
    BOOST_TEST(strictly_decreasing(v20));
    // Every line-search trial is a value and gradient; no value alone.
    BOOST_TEST(r20.derivative_evaluations > r20.iterations);
    BOOST_TEST(r20.value_evaluations == 0u);
    // A history longer than the capacity acts as the capacity; 0 is steepest descent with the line search.
    std::vector<double> ignored;
    const auto m16 = rosenbrock_run<8>(lz::lbfgs{.memory = 16}, when, ignored);
    const auto m100 = rosenbrock_run<8>(lz::lbfgs{.memory = 100}, when, ignored);
    BOOST_TEST((m16.point.values == m100.point.values && m16.iterations == m100.iterations));
    const auto bowl = lz::minimize(lz::pow<2>(x - 1) + 2 * lz::pow<2>(y + 0.5), lz::point(x = 3.0, y = 2.0),
                                   lz::lbfgs{.memory = 0}, lz::stop{.max_iterations = 200, .gradient_tolerance = 1e-10});
    BOOST_TEST((bowl.status == lz::status::converged));
}

BOOST_AUTO_TEST_CASE(lbfgs_reaches_a_himmelblau_minimum_from_several_starts) {
    constexpr double minima[4][2] = {{3.0, 2.0}, {-2.805118, 3.131312}, {-3.779310, -3.283186}, {3.584428, -1.848126}};
    constexpr double starts[6][2] = {{0.0, 0.0}, {-1.0, -1.0}, {2.5, 2.5}, {-4.0, 4.0}, {-4.0, 0.0}, {-0.27, -0.92}};
    for (const auto& s : starts) {
        std::vector<double> values;
        const auto r = lz::minimize(h, lz::point(x = s[0], y = s[1]), lz::lbfgs{},
                                    lz::stop{.max_iterations = 200, .gradient_tolerance = 1e-8},
                                    [&](const auto& it) { values.push_back(it.value); });
        BOOST_TEST((r.status == lz::status::converged), "from (" << s[0] << ", " << s[1] << ")");
        BOOST_TEST(strictly_decreasing(values));
        double nearest = std::numeric_limits<double>::infinity();
        for (const auto& m : minima) nearest = std::fmin(nearest, std::hypot(r.point[x] - m[0], r.point[y] - m[1]));
        BOOST_TEST(nearest < 1e-6, "from (" << s[0] << ", " << s[1] << ") ends at (" << r.point[x] << ", " << r.point[y] << ")");
    }
}

BOOST_AUTO_TEST_CASE(newton_and_lbfgs_on_a_function_unbounded_below_end_with_a_status) {
    // -x^2 and x^3: Newton's steps grow until every trial value overflows; then
    // no trial is lower (non-finite trials count as too far): line_search_failed,
    // at a finite point, after a few dozen steps.
    const lz::stop long_run{.max_iterations = 100000};
    const auto hill = lz::minimize(-(x * x), lz::point(x = 1.0), lz::newton{}, long_run);
    BOOST_TEST((hill.status == lz::status::line_search_failed));
    BOOST_TEST(hill.iterations < 200u);
    BOOST_TEST((std::isfinite(hill.value) && hill.value < -1e300));
    const auto cubic = lz::minimize(x * x * x, lz::point(x = -1.0), lz::newton{}, long_run);
    BOOST_TEST((cubic.status == lz::status::line_search_failed));
    BOOST_TEST(cubic.iterations < 200u);
    BOOST_TEST((std::isfinite(cubic.value) && cubic.value < -1e300));
    // L-BFGS finds no curvature (sᵀy ≤ 0 is never kept): each line search
    // doubles α through its trials and takes the last; finite iterates, walking
    // away, until the budget ends.
    const auto lhill = lz::minimize(-(x * x), lz::point(x = 1.0), lz::lbfgs{}, lz::stop{.max_iterations = 100});
    BOOST_TEST((lhill.status == lz::status::max_iterations));
    BOOST_TEST((std::isfinite(lhill.value) && lhill.point[x] > 1e6));
    BOOST_TEST(lhill.derivative_evaluations <= 1 + 100 * lz::lbfgs{}.line_search_limit);
    const auto line = lz::minimize(x + 2 * y, lz::point(x = 0.0, y = 0.0), lz::lbfgs{}, lz::stop{.max_iterations = 100});
    BOOST_TEST((line.status == lz::status::max_iterations));
    BOOST_TEST((std::isfinite(line.value) && line.value < -1e6));
}

BOOST_AUTO_TEST_CASE(newton_and_lbfgs_stop_at_a_minimum_up_to_rounding) {
    // With the default gradient tolerance 0 the gradient at 1/√2 (x² − log x)
    // or 1 (x − log x) rounds to nonzero. The default stop ends the run as
    // converged once a step no longer changes f or x beyond rounding; with
    // those rules off, once no trial point is lower.
    const lz::stop no_stall_rules{.function_tolerance = -1, .parameter_tolerance = -1};
    for (const lz::stop& when : {lz::stop{}, no_stall_rules}) {
        const bool stall_rules = when.function_tolerance >= 0;
        const auto n = lz::minimize(x * x - lz::log(x), lz::point(x = 0.01), lz::newton{}, when);
        BOOST_TEST((n.status == (stall_rules ? lz::status::converged : lz::status::line_search_failed)));
        BOOST_TEST(std::fabs(n.point[x] - std::sqrt(0.5)) < 1e-9);
        BOOST_TEST(n.iterations < 50u);
        const auto l = lz::minimize(x - lz::log(x), lz::point(x = 30.0), lz::lbfgs{}, when);
        BOOST_TEST((l.status == (stall_rules ? lz::status::converged : lz::status::line_search_failed)));
        BOOST_TEST(std::fabs(l.point[x] - 1.0) < 1e-7);
        BOOST_TEST(l.iterations < 50u);
        if (stall_rules) {
            BOOST_TEST((n.converged_by == lz::stop_rule::function_tolerance || n.converged_by == lz::stop_rule::parameter_tolerance));
            BOOST_TEST((l.converged_by == lz::stop_rule::function_tolerance || l.converged_by == lz::stop_rule::parameter_tolerance));
        } else {
            BOOST_TEST((n.converged_by == lz::stop_rule::none && l.converged_by == lz::stop_rule::none));
        }
    }
}

BOOST_AUTO_TEST_CASE(newton_stops_at_the_minimum_of_a_quadratic_sum) {
    // Σ cᵢ(x − i)² over i < 50, cᵢ = 0.37·i + 0.2: the first step lands on the
    // minimum Σ cᵢ·i / Σ cᵢ up to rounding; after it x steps between
    // neighbouring doubles with f unchanged and |g| about 5e-12 (it ran 1000
    // steps to max_iterations before the stall rules: Armijo's rule took each
    // step because c1·gᵀs was below an ulp of f).
    constexpr auto quadratic_sum = lz::sum<50>([](auto i) { return (0.37 * double(i) + 0.2) * lz::pow<2>(x - double(i)); });
    double weighted = 0, total = 0;
    for (int i = 0; i < 50; ++i) {
        weighted += (0.37 * i + 0.2) * i;
        total += 0.37 * i + 0.2;
    }
    const double minimum = weighted / total;
    const auto r = lz::minimize(quadratic_sum, lz::point(x = 0.0), lz::newton{});
    BOOST_TEST((r.status == lz::status::converged));
    BOOST_TEST((r.converged_by == lz::stop_rule::function_tolerance || r.converged_by == lz::stop_rule::parameter_tolerance));
    BOOST_TEST(r.iterations <= 3u);
    BOOST_TEST(std::fabs(r.point[x] - minimum) <= 1e-13 * minimum);
    // Without the stall rules: the steps that do not lower f and do not
    // shrink |g| end it, as the line search's rounding rule says.
    const auto bare = lz::minimize(quadratic_sum, lz::point(x = 0.0), lz::newton{},
                                   lz::stop{.function_tolerance = -1, .parameter_tolerance = -1});
    BOOST_TEST((bare.status == lz::status::line_search_failed));
    BOOST_TEST(bare.iterations <= 5u);
    BOOST_TEST(std::fabs(bare.point[x] - minimum) <= 1e-13 * minimum);
    // A gradient tolerance the minimum meets: converged by it, in one step.
    const auto by_gradient = lz::minimize(quadratic_sum, lz::point(x = 0.0), lz::newton{}, lz::stop{.gradient_tolerance = 1e-8});
    BOOST_TEST((by_gradient.converged_by == lz::stop_rule::gradient_tolerance));
    BOOST_TEST(by_gradient.iterations == 1u);
}

BOOST_AUTO_TEST_CASE(first_order_optimisers_take_the_steps_they_are_given) {
    // sign_descent on x² with step 0.3 from 0.15: ±0.15 for ever, f unchanged
    // by every step. The stall rules are newton's, lbfgs's and
    // levenberg_marquardt's: this run counts its 40 steps.
    const auto r = lz::minimize(x * x, lz::point(x = 0.15), lz::sign_descent{.step = 0.3}, lz::stop{.max_iterations = 40});
    BOOST_TEST((r.status == lz::status::max_iterations));
    BOOST_TEST(r.iterations == 40u);
    BOOST_TEST((r.converged_by == lz::stop_rule::none));
    BOOST_TEST(std::fabs(r.point[x]) == 0.15);
}

BOOST_AUTO_TEST_CASE(a_trial_point_outside_the_domain_shortens_the_step) {
    // x - log(x)/100 from 1/2: the first trial of each (newton: x - 24.5;
    // lbfgs: a step of length 1) has x < 0, where log is NaN; the steps
    // shrink instead, every iterate stays positive, and both reach 1/100.
    constexpr auto barrier = x - lz::log(x) / 100;
    for (int which = 0; which < 2; ++which) {
        bool positive = true;
        const auto watch = [&](const auto& it) { positive = positive && it.point[x] > 0; };
        const lz::stop when{.max_iterations = 100, .gradient_tolerance = 1e-10};
        const auto r = which == 0 ? lz::minimize(barrier, lz::point(x = 0.5), lz::newton{}, when, watch)
                                  : lz::minimize(barrier, lz::point(x = 0.5), lz::lbfgs{}, when, watch);
        BOOST_TEST((r.status == lz::status::converged), (which == 0 ? "newton" : "lbfgs"));
        BOOST_TEST(std::fabs(r.point[x] - 0.01) < 1e-9);
        BOOST_TEST(positive);
    }
}

BOOST_AUTO_TEST_CASE(newton_and_lbfgs_diverge_at_once_from_a_nan_or_infinite_start) {
    for (const double bad : {std::nan(""), std::numeric_limits<double>::infinity()}) {
        const auto n = lz::minimize(h, lz::point(x = bad, y = 0.0), lz::newton{});
        BOOST_TEST((n.status == lz::status::diverged));
        BOOST_TEST(n.iterations == 0u);
        const auto l = lz::minimize(h, lz::point(x = bad, y = 0.0), lz::lbfgs{});
        BOOST_TEST((l.status == lz::status::diverged));
        BOOST_TEST(l.iterations == 0u);
        BOOST_TEST(l.derivative_evaluations == 1u);
    }
}

BOOST_AUTO_TEST_CASE(a_run_that_overflows_reports_divergence) {
    const auto bad = lz::minimize(f, lz::point(x = 2.0), lz::gradient_descent{.learning_rate = 10.0},
                                  lz::stop{.max_iterations = 100000});
    BOOST_TEST((bad.status == lz::status::diverged));
    BOOST_TEST(bad.iterations < 1000u);
    const auto nan_start = lz::minimize(f, lz::point(x = std::nan("")), lz::adam{});
    BOOST_TEST((nan_start.status == lz::status::diverged));
    BOOST_TEST(nan_start.iterations == 0u);
}

BOOST_AUTO_TEST_CASE(a_status_prints_as_its_name) {
    // One return type for every to_string: a std::string, so .c_str() works.
    static_assert(std::is_same_v<decltype(lz::to_string(lz::status::converged)), std::string>);
    static_assert(std::is_same_v<decltype(lz::to_string(x)), std::string>);
    BOOST_TEST(lz::to_string(lz::status::converged) == "converged");
    BOOST_TEST(std::string(lz::to_string(lz::status::max_iterations).c_str()) == "max_iterations");
    BOOST_TEST(lz::to_string(lz::status::diverged) == "diverged");
    BOOST_TEST(lz::to_string(lz::status::line_search_failed) == "line_search_failed");
    BOOST_TEST(lz::to_string(lz::stop_rule::none) == "none");
    BOOST_TEST(lz::to_string(lz::stop_rule::gradient_tolerance) == "gradient_tolerance");
    BOOST_TEST(lz::to_string(lz::stop_rule::function_tolerance) == "function_tolerance");
    BOOST_TEST(lz::to_string(lz::stop_rule::parameter_tolerance) == "parameter_tolerance");
    std::ostringstream os;
    os << lz::status::diverged;
    BOOST_TEST(os.str() == "diverged");
}

BOOST_AUTO_TEST_CASE(a_result_point_reads_a_pack_as_an_array) {
    static constexpr auto ws = lz::vars<"w", 3>;
    constexpr auto g = lz::sum<3>([](auto i) { return lz::pow<2>(std::get<i>(ws) - (static_cast<double>(i) + 1)); });
    const auto r = lz::minimize(g, lz::point(ws = std::array{0.0, 0.0, 0.0}), lz::newton{},
                                lz::stop{.max_iterations = 50, .gradient_tolerance = 1e-12});
    const std::array<double, 3> at = r.point[ws];
    BOOST_TEST((r.status == lz::status::converged));
    for (std::size_t i = 0; i < 3; ++i) BOOST_TEST(std::fabs(at[i] - static_cast<double>(i + 1)) < 1e-12);
    BOOST_TEST((at == r.point.values));  // a point made from the pack alone lists its variables in its order
}

BOOST_AUTO_TEST_CASE(the_observer_sees_every_iterate) {
    std::vector<double> path;
    const auto r = lz::minimize(f, lz::point(x = 2.0), lz::gradient_descent{.learning_rate = 0.1},
                                lz::stop{.max_iterations = 10}, [&](const auto& it) { path.push_back(it.point[x]); });
    BOOST_TEST(path.size() == 11u);  // the start and every step
    BOOST_TEST(path.front() == 2.0);
    BOOST_TEST(path.back() == r.point[x]);
    // A first-order run evaluates f and its gradient once per iterate, nothing else.
    BOOST_TEST(r.derivative_evaluations == 11u);
    BOOST_TEST(r.value_evaluations == 0u);
}

}  // namespace
