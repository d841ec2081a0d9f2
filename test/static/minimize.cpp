// Every optimiser runs in a constant expression (on GCC and Clang alike).
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;

namespace {

constexpr auto x = lz::var<"x">;
constexpr auto y = lz::var<"y">;
constexpr auto f = 2 * x * x - 3 * x + 4;                           // minimum at x = 3/4
constexpr auto bowl = lz::pow<2>(x - 1) + 2 * lz::pow<2>(y + 0.5);  // minimum at (1, -1/2)

constexpr bool near(double a, double b, double tolerance) { return (a > b ? a - b : b - a) <= tolerance; }

template <class Optimizer>
constexpr bool reaches_the_bowl_minimum(Optimizer o, std::size_t steps, double tolerance) {
    const auto r = lz::minimize(bowl, lz::point(x = 3.0, y = 2.0), o, lz::stop{.max_iterations = steps});
    return near(r.point[x], 1.0, tolerance) && near(r.point[y], -0.5, tolerance);
}

constexpr auto quick = lz::minimize(f, lz::point(x = 2.0), lz::gradient_descent{.learning_rate = 0.1},
                                    lz::stop{.max_iterations = 200});
static_assert(near(quick.point[x], 0.75, 1e-9) && quick.iterations == 200 && quick.status == lz::status::max_iterations);
static_assert(near(quick.value, f(quick.point), 1e-15));

static_assert(reaches_the_bowl_minimum(lz::gradient_descent{.learning_rate = 0.1}, 300, 1e-9));
static_assert(reaches_the_bowl_minimum(lz::momentum{.learning_rate = 0.05, .momentum = 0.5}, 300, 1e-9));
static_assert(reaches_the_bowl_minimum(lz::momentum{.learning_rate = 0.05, .momentum = 0.5, .nesterov = true}, 300, 1e-9));
// (Step counts fit Clang's default -fconstexpr-steps: each step of these takes square roots.)
static_assert(reaches_the_bowl_minimum(lz::adagrad{.learning_rate = 1.0}, 200, 1e-9));
static_assert(reaches_the_bowl_minimum(lz::rmsprop{.learning_rate = 1e-2}, 400, 1e-2));
static_assert(reaches_the_bowl_minimum(lz::adam{.learning_rate = 0.1}, 300, 1e-5));
static_assert(reaches_the_bowl_minimum(lz::newton{}, 3, 1e-12));  // a quadratic: one Newton step
static_assert(reaches_the_bowl_minimum(lz::sign_descent{.step = 0.01}, 400, 0.011));

// A start that already qualifies takes no step; a tolerance stops early.
constexpr auto at_minimum = lz::minimize(f, lz::point(x = 0.75), lz::gradient_descent{});
static_assert(at_minimum.iterations == 0 && at_minimum.status == lz::status::converged);
constexpr auto tolerant = lz::minimize(f, lz::point(x = 2.0), lz::gradient_descent{.learning_rate = 0.1},
                                       lz::stop{.max_iterations = 1000, .gradient_tolerance = 1e-6});
static_assert(tolerant.status == lz::status::converged && tolerant.iterations < 1000 && near(tolerant.point[x], 0.75, 1e-6));

}  // namespace
