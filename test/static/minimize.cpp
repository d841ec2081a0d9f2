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

// Newton: a diagonal quadratic in one step, to an exactly zero gradient (the
// L·D·Lᵀ factorisation takes no square roots), one value tried by the line search.
constexpr auto one_step = lz::minimize((x - 1) * (x - 1) + 2 * y * y, lz::point(x = 5.0, y = 3.0), lz::newton{});
static_assert(one_step.iterations == 1 && one_step.status == lz::status::converged);
static_assert(one_step.point[x] == 1.0 && one_step.point[y] == 0.0 && one_step.value == 0.0);
static_assert(one_step.derivative_evaluations == 2 && one_step.value_evaluations == 1);
// Newton from Himmelblau's (0, 0), where the Hessian [[-42, 0], [0, -26]] is
// negative definite: the modified Hessian and the line search go downhill to a minimum.
constexpr auto himmelblau = lz::pow<2>(x * x + y - 11) + lz::pow<2>(x + y * y - 7);
constexpr auto from_a_maximum_side = lz::minimize(himmelblau, lz::point(x = 0.0, y = 0.0), lz::newton{},
                                                  lz::stop{.max_iterations = 50, .gradient_tolerance = 1e-9});
static_assert(from_a_maximum_side.status == lz::status::converged && from_a_maximum_side.value < 1e-18);
static_assert(from_a_maximum_side.value < himmelblau(lz::point(x = 0.0, y = 0.0)));

// L-BFGS on Rosenbrock's function from the classic start (the contract's run).
constexpr auto rosenbrock = 100 * lz::pow<2>(y - x * x) + lz::pow<2>(1 - x);
constexpr auto quasi_newton = lz::minimize(rosenbrock, lz::point(x = -1.2, y = 1.0), lz::lbfgs{},
                                           lz::stop{.max_iterations = 1000, .gradient_tolerance = 1e-8});
static_assert(quasi_newton.status == lz::status::converged && quasi_newton.iterations < 100);
static_assert(near(quasi_newton.point[x], 1.0, 1e-5) && near(quasi_newton.point[y], 1.0, 1e-5));
static_assert(quasi_newton.derivative_evaluations > quasi_newton.iterations && quasi_newton.value_evaluations == 0);
static_assert(reaches_the_bowl_minimum(lz::lbfgs{}, 20, 1e-9));
static_assert(reaches_the_bowl_minimum(lz::lbfgs{.memory = 1}, 20, 1e-9));

// A start that already qualifies takes no step; a tolerance stops early.
constexpr auto at_minimum = lz::minimize(f, lz::point(x = 0.75), lz::gradient_descent{});
static_assert(at_minimum.iterations == 0 && at_minimum.status == lz::status::converged);
constexpr auto tolerant = lz::minimize(f, lz::point(x = 2.0), lz::gradient_descent{.learning_rate = 0.1},
                                       lz::stop{.max_iterations = 1000, .gradient_tolerance = 1e-6});
static_assert(tolerant.status == lz::status::converged && tolerant.iterations < 1000 && near(tolerant.point[x], 0.75, 1e-6));

}  // namespace
