// Numerical differentiation in constant expressions: each scheme's error has
// the order its formula promises, and the checks against exact derivatives.
#include <leibniz/leibniz.hpp>

#include <array>

namespace lz = leibniz;
namespace nm = leibniz::numeric;

namespace {

constexpr double distance(double a, double b) { return a > b ? a - b : b - a; }

constexpr auto cube = [](double v) { return v * v * v; };  // f' = 3v², f'' = 6v, f''' = 6

// Truncation errors of a cubic are exact polynomials in h: forward 3xh + h²,
// backward −3xh + h², central h², five-point 0.
static_assert(distance(nm::forward_difference(cube, 2.0, 0.5), 12 + 3 + 0.25) < 1e-12);
static_assert(distance(nm::backward_difference(cube, 2.0, 0.5), 12 - 3 + 0.25) < 1e-12);
static_assert(distance(nm::central_difference(cube, 2.0, 0.5), 12 + 0.25) < 1e-12);
static_assert(distance(nm::five_point_difference(cube, 2.0, 0.5), 12) < 1e-12);

// The chosen steps: forward to about √ε, central to about ε^(2/3), five-point further.
static_assert(distance(nm::derivative(cube, 2.0, {.scheme = nm::scheme::forward}), 12) < 1e-6);
static_assert(distance(nm::derivative(cube, 2.0, {.scheme = nm::scheme::backward}), 12) < 1e-6);
static_assert(distance(nm::derivative(cube, 2.0), 12) < 1e-9);
static_assert(distance(nm::derivative(cube, 2.0, {.scheme = nm::scheme::five_point}), 12) < 1e-11);
static_assert(distance(nm::derivative(cube, 2.0, {.scheme = nm::scheme::central, .step = 1e-3}), 12 + 1e-6) < 1e-10);

constexpr auto x = lz::var<"x">;
constexpr auto y = lz::var<"y">;
constexpr auto f = 2 * x * x - 3 * x + 4;
static_assert(distance(nm::derivative(f, x = 2.0), 5) < 1e-9);
static_assert(distance(nm::derivative(f, x = -1.0, {.scheme = nm::scheme::forward, .step = 1e-4}), -7 + 2e-4) < 1e-9);

constexpr auto h = lz::pow<2>(x * x + y - 11) + lz::pow<2>(x + y * y - 7);
constexpr auto p = lz::point(x = -4.0, y = 0.0);
static_assert(distance(nm::partial(h, x, p), -102) < 1e-7);
static_assert(distance(nm::partial(h, y, p), 10) < 1e-7);
constexpr auto g = nm::gradient(h, p);
static_assert(distance(g[0], -102) < 1e-7 && distance(g[1], 10) < 1e-7);

// A callable on an array.
constexpr auto sum_of_squares = [](const std::array<double, 3>& v) { return v[0] * v[0] + v[1] * v[1] + v[2] * v[2]; };
constexpr auto g3 = nm::gradient(sum_of_squares, std::array{1.0, -2.0, 0.5});
static_assert(distance(g3[0], 2) < 1e-9 && distance(g3[1], -4) < 1e-9 && distance(g3[2], 1) < 1e-9);

constexpr auto check = nm::gradient_check(h, lz::point(x = 1.0, y = 2.0), {.scheme = nm::scheme::five_point});
static_assert(check.max_relative_error < 1e-11 && check.exact[0] == -36 && check.exact[1] == -32);

// The directional derivative: along x it is ∂h/∂x; along the gradient it is |∇h|.
static_assert(lz::directional_derivative(h, p, {1.0, 0.0}) == -102);
static_assert(lz::directional_derivative(h, p, lz::point(x = 0.0, y = -3.0)) == -10);
static_assert(distance(lz::directional_derivative(h, p, {-102.0, 10.0}), lz::constexpr_math::sqrt(102.0 * 102 + 100)) < 1e-12);
static_assert(distance(nm::directional_derivative(h, p, {1.0, 1.0}), (-102 + 10) / lz::constexpr_math::sqrt(2.0)) < 1e-7);

}  // namespace
